/**
 * The PostgreSQL the hub's tests run against (test/helpers/postgres.ts) and the two clients the
 * hub uses (issue 20): libpq's synchronous calls through pg-native (the stores keep their
 * one-transaction-per-call contract) and node-postgres for LISTEN/NOTIFY between hubs.
 */
import { createRequire } from 'node:module';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Postgres, startPostgres } from '../helpers/postgres.js';

const require = createRequire(import.meta.url);

describe('the test PostgreSQL', () => {
  let server: Postgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());

  it('answers libpq synchronously and delivers NOTIFY to a listener', async () => {
    const Native = require('pg-native') as new () => {
      connectSync(url: string): void;
      querySync(sql: string, params?: unknown[]): Record<string, unknown>[];
      end(cb: () => void): void;
    };
    const db = new Native();
    db.connectSync(server.url());
    db.querySync('CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL)');
    db.querySync('INSERT INTO t VALUES ($1, $2)', [1, 'một']);
    expect(db.querySync('SELECT v FROM t WHERE id = $1', [1])).toEqual([{ v: 'một' }]);

    const listener = new pg.Client({ connectionString: server.url() });
    await listener.connect();
    const got = new Promise<string>((resolve) =>
      listener.on('notification', (n) => resolve(n.payload ?? '')),
    );
    await listener.query('LISTEN loa_test');
    db.querySync("SELECT pg_notify('loa_test', 'xa-1')");
    expect(await got).toBe('xa-1');
    await listener.end();
    await new Promise<void>((r) => db.end(r));
    expect(server.psql('SELECT count(*) FROM t', 'loa').trim()).toBe('1');
  }, 60_000);
});
