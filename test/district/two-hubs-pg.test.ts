/**
 * Two hub processes on one real PostgreSQL (issue 20 item 4), three simulated station daemons
 * given both hubs' addresses (hub A first, through a relay each, so the test can hold a
 * station's answers). A command issued on hub B reaches a station held by A; B's watch sees a
 * fault raised at a station on A; A's listen connection killed by the server, a command still
 * arrives; then A is killed (SIGKILL) with one command pending at it and one run by the station
 * but not answered: every station is on B within 30 s, each command runs exactly once (counted
 * at the station), and every event is stored once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { DISTRICTCTL, districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { type Postgres, startPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/sim-station.js';
import { hubEvents, LINK_ENV, scheduleDoc, stationEvents, toneFile } from '../link/helpers.js';

const IDS = ['ha-1', 'ha-2', 'ha-3'];
/** The link tests' short timings, but keepalive long enough that a held answer is not noticed. */
const ENV = { ...LINK_ENV, LOA_LINK_KEEPALIVE_MS: '20000', LOA_LINK_KEEPALIVE_TIMEOUT_MS: '10000' };

interface Cmd {
  id: string;
  status: string;
  stationId: string;
}

describe('two hubs on one PostgreSQL', () => {
  let pg: Postgres;
  let a: HubProc;
  let b: HubProc;
  const relays: Relay[] = [];
  const stations: Daemon[] = [];
  let watcher: ChildProcess | undefined;
  const dir = tempDir('loa-2hubs-');

  beforeAll(async () => {
    pg = await startPostgres();
    const db = pg.createDatabase('hubs');
    // one after the other: the first makes the schema
    a = await startHub(join(dir, 'a'), { LOA_DB: db, LOA_HUB_ID: 'hub-a' });
    b = await startHub(join(dir, 'b'), { LOA_DB: db, LOA_HUB_ID: 'hub-b' });
    for (const id of IDS) {
      const relay = new Relay(a.port);
      await relay.listen();
      relays.push(relay);
      const list = `${relay.address},127.0.0.1:${b.port}`;
      stations.push(
        await startDaemon(
          ['--profile', 'sim', '--data-dir', join(dir, id), '--station-id', id, '--district', list],
          ENV,
        ),
      );
    }
  }, 180_000);

  afterAll(async () => {
    watcher?.kill();
    for (const s of stations) await s.stop();
    await b?.stop();
    await a?.stop();
    for (const r of relays) await r.close();
    pg?.stop();
  });

  const owners = () =>
    Object.fromEntries(
      pg
        .psql('SELECT station, hub FROM cluster_sessions ORDER BY station', 'hubs')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('|')),
    ) as Record<string, string>;
  const status = async (i: number) =>
    JSON.parse((await stations[i]?.ctl('status', '--json'))?.stdout ?? '{}');
  const zoneOn = async (i: number, zone: number) =>
    (await status(i)).zones.find((z: { id: number }) => z.id === zone)?.commanded === true;
  /** District commands the station ran (one audit event per run; a repeat is answered, not run). */
  const ran = async (i: number, commandId: string) =>
    (await stationEvents({ station: stations[i] as Daemon })).filter(
      (e) => e.kind === 'command' && e.details.via === 'district' && e.details.commandId === commandId,
    ).length;
  const command = async (port: number, id: string, params: object) =>
    (
      await districtJson<Cmd[]>(port, 'command', 'zone', '--stations', id, '--params', JSON.stringify(params))
    )[0] as Cmd;
  const statusOf = async (port: number, c: Cmd) =>
    (await districtJson<Cmd[]>(port, 'commands', '--station', c.stationId)).find((x) => x.id === c.id)
      ?.status;

  it('shows every station online on both hubs, held by A', async () => {
    await pollUntil(async () => {
      const o = owners();
      return IDS.every((id) => o[id] === 'hub-a');
    }, 60_000);
    const onB = await pollUntil(async () => {
      const list = await districtJson<{ stationId: string; online: boolean }[]>(b.port, 'stations');
      return list.filter((s) => s.online).length === 3 && list;
    }, 30_000);
    expect(onB.map((s) => s.stationId).sort()).toEqual(IDS);
  }, 120_000);

  it('runs a command issued on hub B at a station held by A, its result seen on B', async () => {
    const c = await command(b.port, 'ha-1', { zone: 1, on: true });
    await pollUntil(async () => (await statusOf(b.port, c)) === 'done', 30_000);
    expect(await zoneOn(0, 1)).toBe(true);
    expect(await ran(0, c.id)).toBe(1);
  }, 60_000);

  it("B's watch sees a fault raised at a station on A", async () => {
    const lines: string[] = [];
    watcher = spawn(
      process.execPath,
      [DISTRICTCTL, '--hub', `127.0.0.1:${b.port}`, 'watch', '--stations', 'ha-2', '--json'],
      {
        env: { ...process.env, LANG: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    watcher.stdout?.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    await pollUntil(async () => lines.some((l) => l.includes('"online":true')), 30_000);
    const r = await stations[1]?.ctl('sim', 'fault', 'mains-lost');
    expect(r?.code, r?.stderr).toBe(0);
    const seen = await pollUntil(
      async () => lines.find((l) => l.includes('"event"') && l.includes('"kind":"mains.lost"')),
      30_000,
    );
    expect(JSON.parse(seen).event.stationId).toBe('ha-2');
    await stations[1]?.ctl('sim', 'clear');
    watcher.kill();
    watcher = undefined;
  }, 90_000);

  it("delivers through A after A's listen connection was killed (reconnect and sweep)", async () => {
    const killed = pg.psql(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'loa-hub-bus hub-a'",
      'hubs',
    );
    expect(killed.trim()).toBe('1');
    const c = await command(b.port, 'ha-1', { zone: 2, on: true });
    await pollUntil(async () => (await statusOf(b.port, c)) === 'done', 30_000);
    expect(await ran(0, c.id)).toBe(1);
  }, 60_000);

  it('a schedule pushed on B, its media uploaded to B, converges on a station held by A', async () => {
    const media = toneFile(join(dir, 'morning.wav'), 2);
    const sha = createHash('sha256').update(readFileSync(media)).digest('hex');
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify(scheduleDoc(sha)));
    const push = await districtJson<{ version: number }>(
      b.port,
      'schedule',
      'push',
      join(dir, 'schedule.json'),
      '--stations',
      'ha-1',
      '--media',
      media,
    );
    // ha-1 fetches the file from A, which copies it from PostgreSQL (it was uploaded to B)
    await pollUntil(async () => {
      const v = await districtJson<{ summary: { appliedVersion: number } }>(b.port, 'status', 'ha-1');
      return v.summary.appliedVersion === push.version;
    }, 60_000);
    expect((await status(0)).modules.media.files).toBe(1);
    expect(existsSync(join(dir, 'a', 'media', sha))).toBe(true);
    const link = await stations[0]?.ctl('link');
    expect(link?.stdout).toMatch(/District hubs\s+127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+/);
  }, 90_000);

  it('refuses live voice on B to a station held by A, naming the hub', async () => {
    const voice = toneFile(join(dir, 'voice.wav'), 1);
    const r = await districtctl(b.port, 'live', 'speak', '--stations', 'ha-2', '--from', voice);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ha-2 is connected to hub hub-a/);
  }, 60_000);

  it('A killed: every station on B, a pending command run once, an unanswered one not run again, events exact', async () => {
    // ha-3's answers are held: the command reaches it and runs, A never hears the result
    relays[2]?.holdUp();
    const unanswered = await command(b.port, 'ha-3', { zone: 3, on: true });
    await pollUntil(() => zoneOn(2, 3), 30_000);
    // A frozen, then a command for ha-2: it stays pending (A cannot deliver it), then A dies
    a.proc.kill('SIGSTOP');
    const pending = await command(b.port, 'ha-2', { zone: 4, on: true });
    const t0 = Date.now();
    a.proc.kill('SIGKILL');
    await pollUntil(async () => {
      const o = owners();
      return IDS.every((id) => o[id] === 'hub-b');
    }, 30_000);
    // how long it took is bench hub.pg.failover_reconnect_s's figure; the bound here is the 30 s
    console.log(`stations on hub B ${Date.now() - t0} ms after hub A was killed`);
    await pollUntil(async () => (await statusOf(b.port, pending)) === 'done', 30_000);
    await pollUntil(async () => (await statusOf(b.port, unanswered)) === 'done', 30_000);
    expect(await zoneOn(1, 4)).toBe(true);
    expect(await ran(1, pending.id)).toBe(1);
    expect(await ran(2, unanswered.id)).toBe(1);
    for (const [i, id] of IDS.entries()) await expectEventsOnce(i, id);
  }, 120_000);

  async function expectEventsOnce(i: number, id: string): Promise<void> {
    const s = { station: stations[i] as Daemon };
    const local = await stationEvents(s);
    const last = local.at(-1)?.seq ?? 0;
    const remote = await pollUntil(async () => {
      const h = await hubEvents(b.port, id);
      return h.some((e) => e.event.eventSeq >= last) && h;
    }, 30_000);
    const got = remote.map((e) => e.event.eventSeq).filter((x) => x > 0 && x <= last);
    expect(got, `${id}: each event once`).toEqual([...new Set(got)].sort((x, y) => x - y));
    expect(local.filter((e) => !got.includes(e.seq)).map((e) => `${e.seq} ${e.kind}`)).toEqual([]);
    expect(new Set(remote.map((e) => e.seq)).size).toBe(remote.length);
  }
});
