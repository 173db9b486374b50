/**
 * Two hubs on one PostgreSQL (issue 20 item 4; docs/sizing.md):
 *
 * hub.pg.command_cross_hub_p99_ms — an operator on hub B sends a command to a station whose
 *   session is on hub A and polls B (ListCommands, every 5 ms) until the result is there:
 *   B's transaction, its NOTIFY, A's delivery from the commands table, the station's answer,
 *   A's commit of the result, B's read. p99 of COMMANDS in a row (median in the note).
 * hub.pg.failover_reconnect_s — hub A killed (SIGKILL) with every station on it: seconds until
 *   the database records all of them on hub B (each welcomed there). Target ≤ 30 s.
 *
 * Real parts: a PostgreSQL server (test/helpers/postgres.ts), two bin/loa-district processes
 * with mutual TLS from one deploy/pki CA, and the swarm load generator (test/helpers/swarm/:
 * each station its own certificate and connection, given both addresses, A first, rotating as
 * the uplink does). LOA_BENCH_HUB_PG_STATIONS (default 100).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DistrictClient } from '../../src/district/client.js';
import { startPostgres } from '../../test/helpers/postgres.js';
import { Swarm, stationId } from '../../test/helpers/swarm/index.js';
import { startTlsHub, type TlsHub, until } from '../../test/helpers/swarm/tls-hub.js';
import { type Figure, median, percentile } from '../figures.js';

const N = Number(process.env.LOA_BENCH_HUB_PG_STATIONS ?? 100);
const COMMANDS = 100;
const PREFIX = 'pg';

/** Polls the command every 5 ms (the 200 ms of `until` would be the figure's resolution). */
async function answered(admin: DistrictClient, id: string, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const r = await admin.call<{ commands: { status: string }[] }>('ListCommands', { ids: [id] });
    if (r.commands[0]?.status === 'done') return true;
    await new Promise((res) => setTimeout(res, 5));
  }
  return false;
}

async function crossHub(admin: DistrictClient): Promise<Figure> {
  const ms: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    const station = stationId(PREFIX, i % N);
    const t = performance.now();
    const sent = await admin.call<{ commands: { id: string }[] }>('SendCommand', {
      stationIds: [station],
      method: 'status',
      ttlMs: 60_000,
    });
    const id = sent.commands[0]?.id;
    if (!(await answered(admin, id ?? '', 30_000)))
      throw new Error(`command ${id} to ${station} not answered through the other hub in 30 s`);
    ms.push(performance.now() - t);
  }
  return {
    name: 'hub.pg.command_cross_hub_p99_ms',
    value: Number(percentile(ms, 99).toFixed(1)),
    unit: 'ms',
    note: `${COMMANDS} commands issued on hub B to stations on hub A, result read on B (5 ms polls); median ${median(ms).toFixed(1)} ms`,
  };
}

async function heldBy(db: pg.Client, hub: string): Promise<number> {
  const r = await db.query('SELECT count(*)::int AS n FROM cluster_sessions WHERE hub = $1', [hub]);
  return r.rows[0].n as number;
}

async function failover(a: TlsHub, db: pg.Client, swarm: Swarm): Promise<Figure> {
  const t = performance.now();
  a.proc.kill('SIGKILL');
  const ok = await until(async () => (await heldBy(db, 'hub-b')) >= N, 120_000);
  const s = (performance.now() - t) / 1000;
  const st = await swarm.stats();
  if (!ok)
    throw new Error(`only ${await heldBy(db, 'hub-b')}/${N} stations on hub B 120 s after A was killed`);
  return {
    name: 'hub.pg.failover_reconnect_s',
    value: Number(s.toFixed(1)),
    unit: 's',
    note: `${N} stations from a killed hub to the other (target ≤ 30 s); ${st.up}/${N} up, ${st.ended} sessions lost`,
  };
}

async function measure(dir: string, url: string, db: pg.Client): Promise<Figure[]> {
  const env = (id: string) => ({ LOA_DB: url, LOA_HUB_ID: id });
  const a = await startTlsHub(join(dir, 'a'), N + 512, env('hub-a'));
  let b: TlsHub | undefined;
  let swarm: Swarm | undefined;
  try {
    b = await startTlsHub(join(dir, 'b'), N + 512, env('hub-b'), a.ca);
    swarm = await Swarm.start({
      address: `127.0.0.1:${a.port},127.0.0.1:${b.port}`,
      caDir: join(dir, 'a', 'ca'),
      count: N,
      workers: 1,
      prefix: PREFIX,
    });
    if (!(await until(async () => (await heldBy(db, 'hub-a')) >= N, 60_000)))
      throw new Error(`only ${await heldBy(db, 'hub-a')}/${N} stations recorded on hub A`);
    const cmd = await crossHub(await b.operator('admin'));
    return [cmd, await failover(a, db, swarm)];
  } finally {
    await swarm?.stop();
    await b?.stop();
    await a.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-hubpg-'));
  const server = await startPostgres();
  const url = server.createDatabase('hubs');
  const db = new pg.Client({ connectionString: url });
  try {
    await db.connect();
    return await measure(dir, url, db);
  } finally {
    await db.end().catch(() => undefined);
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
