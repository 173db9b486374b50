/**
 * The real hub daemon on a real PostgreSQL (issue 20 item 4), with a real sim station over
 * gRPC: hello, events stored once and in order, a command round trip, the hub restarted, and
 * PostgreSQL killed (immediate stop, like a crash) and started again under the running hub —
 * the station's unacknowledged events are sent again and stored once. Then `db migrate` of a
 * SQLite hub with data into PostgreSQL, and a hub on the copy serving the migrated station.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, ROOT } from '../helpers/daemon.js';
import { DISTRICTCTL, districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/sim-station.js';
import {
  expectDelivered,
  HUB_ENV,
  LINK_ENV,
  type Rig,
  startStation,
  toggles,
  uplink,
} from '../link/helpers.js';

let pg: Postgres;
beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);
afterAll(() => pg?.stop());

const noDuplicates = (db: string) =>
  pg.psql('SELECT count(*) = count(DISTINCT (station, epoch, seq)) FROM events', db).trim();

function ctl(...args: string[]) {
  const r = spawnSync(process.execPath, [DISTRICTCTL, ...args], {
    encoding: 'utf8',
    input: 'a long enough console password\n',
    env: { ...process.env, LANG: 'C' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the hub on PostgreSQL', () => {
  let rig: Rig | undefined;
  let hub: HubProc | undefined;
  afterEach(async () => {
    await rig?.station.stop();
    await rig?.hub.stop();
    await hub?.stop();
    await rig?.relay.close();
    rig = undefined;
    hub = undefined;
  });

  it('stores, commands, survives a hub restart and a PostgreSQL crash with nothing lost or doubled', async () => {
    const url = pg.createDatabase('hub1');
    const dir = tempDir();
    const env = { ...HUB_ENV, LOA_DB: url };
    const first = await startHub(join(dir, 'hub'), env);
    expect(first.output.some((l) => l.includes(`"db":"postgres://loa@127.0.0.1:${pg.port}/hub1"`))).toBe(
      true,
    );
    const relay = new Relay(first.port);
    await relay.listen();
    const station = await startStation(dir, 'xa-pg', relay, LINK_ENV);
    rig = { hub: first, relay, station, dir, id: 'xa-pg', env: LINK_ENV };
    const r = rig;
    await pollUntil(async () => (await uplink(r)).link === 'up', 30_000);
    await toggles(r, 2);
    await expectDelivered(r);
    const cmd = await districtctl(
      first.port,
      'command',
      'zone',
      '--stations',
      'xa-pg',
      '--params',
      '{"zone":1,"on":true}',
      '--wait',
      '20',
    );
    expect(cmd.code, cmd.stderr).toBe(0);
    expect(pg.psql("SELECT method, status FROM commands WHERE station = 'xa-pg'", 'hub1').trim()).toBe(
      'zone|done',
    );

    // the hub restarted: the station resumes where the database says
    await first.stop();
    const second = await startHub(join(dir, 'hub'), env);
    r.hub = second;
    relay.retarget(second.port);
    await pollUntil(async () => (await uplink(r)).link === 'up', 30_000);
    await toggles(r, 2);
    await expectDelivered(r);
    expect(noDuplicates('hub1')).toBe('t');

    // PostgreSQL crashes under the running hub: nothing is acknowledged while it is away
    pg.kill();
    await toggles(r, 3);
    await pollUntil(async () => (await uplink(r)).outbox.items > 0 && true, 30_000);
    expect(second.proc.exitCode).toBeNull(); // the hub stays up, its writes refused
    pg.restart();
    // the hub reconnects at its next call after its backoff (at most 15 s apart)
    await pollUntil(async () => (await districtctl(second.port, 'stations')).code === 0, 60_000);
    await toggles(r, 1);
    await expectDelivered(r); // every event once, in order (polls until the hub has them)
    expect(noDuplicates('hub1')).toBe('t');
    expect(second.output.some((l) => /unreachable/.test(l))).toBe(true);
    const status = await districtJson<{ engine: string; tables: { name: string; rows: number }[] }>(
      second.port,
      'db',
      'status',
    );
    expect(status.engine).toBe('postgresql');
    expect(status.tables.find((t) => t.name === 'events')?.rows).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a password in --db and a URL that is not PostgreSQL, naming the flag', () => {
    const bin = join(ROOT, 'bin', 'loa-district');
    const run = (db: string) =>
      spawnSync(process.execPath, [bin, '--data-dir', tempDir(), '--listen', '127.0.0.1:0', '--db', db], {
        encoding: 'utf8',
        env: {
          ...process.env,
          LOA_INSECURE_LAB: '1',
          LOA_DISTRICT_METRICS_LISTEN: 'off',
          LOA_DISTRICT_CONSOLE_LISTEN: 'off',
        },
        timeout: 60_000,
      });
    const secret = run(`postgres://loa:hunter2@127.0.0.1:${pg.port}/loa`);
    expect(secret.status).toBe(78);
    expect(secret.stdout + secret.stderr).toMatch(/--db: the URL holds a password.*PGPASSFILE.*PGPASSWORD/);
    const mysql = run('mysql://loa@127.0.0.1/loa');
    expect(mysql.status).toBe(78);
    expect(mysql.stdout + mysql.stderr).toMatch(
      /--db: .*mysql:\/\/loa@127.0.0.1\/loa.* is not a postgres:\/\/ URL/,
    );
  }, 120_000);

  it('db migrate copies a SQLite hub; a hub on the copy serves its stations', async () => {
    const dir = tempDir();
    const hubDir = join(dir, 'hub');
    const sqliteHub = await startHub(hubDir, HUB_ENV);
    const relay = new Relay(sqliteHub.port);
    await relay.listen();
    const station = await startStation(dir, 'xa-mig', relay, LINK_ENV);
    rig = { hub: sqliteHub, relay, station, dir, id: 'xa-mig', env: LINK_ENV };
    const r = rig;
    await pollUntil(async () => (await uplink(r)).link === 'up', 30_000);
    await toggles(r, 3);
    await expectDelivered(r);
    const url = pg.createDatabase('migrated');
    const busy = ctl('db', 'migrate', '--from', hubDir, '--to', url);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/is open in process \d+.*stop the hub first/);
    await station.stop();
    await sqliteHub.stop();

    const done = ctl('--json', 'db', 'migrate', '--from', hubDir, '--to', url);
    expect(done.code, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout) as {
      ok: boolean;
      tables: { table: string; source: number; target: number }[];
    };
    expect(result.ok).toBe(true);
    const events = result.tables.find((t) => t.table === 'events');
    expect(events?.target).toBeGreaterThan(3);
    expect(result.tables.find((t) => t.table === 'stations')).toMatchObject({ source: 1, target: 1 });
    const vi = ctl('--lang', 'vi', 'db', 'migrate', '--from', hubDir, '--to', url);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toMatch(/already holds hub data \(stations: 1/);

    const human = ctl('db', 'status', '--db', url);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Hub database \(postgresql\): postgres:\/\/loa@127\.0\.0\.1:\d+\/migrated/);
    // the console's people go into the same database
    const added = ctl('user', 'add', 'an', '--role', 'operator', '--db', url);
    expect(added.code, added.stderr).toBe(0);
    expect(pg.psql("SELECT name, role FROM console_users WHERE name = 'an'", 'migrated').trim()).toBe(
      'an|operator',
    );
    hub = await startHub(join(dir, 'hub2'), { ...HUB_ENV, LOA_DB: url });
    const got = await districtJson<{ summary: { stationId: string }; status: Record<string, unknown> }>(
      hub.port,
      'status',
      'xa-mig',
    );
    expect(got.summary.stationId).toBe('xa-mig');
    expect(Object.keys(got.status).length).toBeGreaterThan(0); // its state came across
    const hist = await districtJson<unknown[]>(hub.port, 'events', '--station', 'xa-mig', '--limit', '1000');
    expect(hist.length).toBe(events?.source);
  }, 300_000);
});
