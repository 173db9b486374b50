/**
 * security.session_setup_bytes_tls / _plain — bytes both ways through a counting TCP relay
 *   from a station daemon's first connection until its session is up and settled (hello,
 *   welcome, snapshot, the first outbox batch and its ack, 1 s more), with mutual TLS (EC P-256
 *   certificates from deploy/pki/, TLS 1.3) and in plain text; median of 3 runs each. The time
 *   to set up (start to link up, same host) is in the note.
 * security.bytes_per_station_day_tls — the link group's idle-day figure (bench/groups/link.ts,
 *   link.bytes_per_station_day: the same code, the same day) with mutual TLS on.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StationClient } from '../../src/api/station-client.js';
import { Relay } from '../../test/helpers/link-relay.js';
import { type Figure, median } from '../figures.js';
import { bytesPerDay, LAB_ENV, spawnReady, startHubProc, waitFor } from './link.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RUNS = 3;

interface Pki {
  hub: NodeJS.ProcessEnv;
  station: (id: string) => NodeJS.ProcessEnv;
}

function makePki(dir: string, ids: string[]): Pki {
  const sh = (script: string, ...args: string[]) =>
    execFileSync('bash', [join(ROOT, 'deploy', 'pki', script), ...args], { stdio: 'ignore' });
  const ca = join(dir, 'ca');
  sh('ca.sh', ca);
  sh('server.sh', ca, 'hub', 'DNS:localhost,IP:127.0.0.1');
  for (const id of ids) sh('station.sh', ca, id);
  const files = (base: string) => ({
    LOA_TLS_CA: join(ca, 'ca.crt'),
    LOA_TLS_CERT: join(ca, 'issued', `${base}.crt`),
    LOA_TLS_KEY: join(ca, 'issued', `${base}.key`),
    LOA_INSECURE_LAB: '',
  });
  return { hub: files('server-hub'), station: (id) => files(`station-${id}`) };
}

/** One session set up: bytes through the relay and ms from start to "up". */
async function setupOnce(dir: string, id: string, hubEnv: NodeJS.ProcessEnv, stEnv: NodeJS.ProcessEnv) {
  const hub = await startHubProc(join(dir, id), { ...LAB_ENV, ...hubEnv });
  const relay = new Relay(hub.port);
  await relay.listen();
  const data = join(dir, id, 'st');
  const t0 = performance.now();
  const station = await spawnReady(
    'loa-station',
    ['--profile', 'sim', '--data-dir', data, '--station-id', id, '--district', relay.address],
    { ...LAB_ENV, LOA_LINK_SAMPLE_MS: '600000', ...stEnv },
  );
  const st = new StationClient(join(data, 'station.sock'));
  try {
    await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 15_000);
    const ms = performance.now() - t0;
    await waitFor(async () => {
      const u = (await st.call('uplink.status')) as { outbox: { lastSeq: number; ackedSeq: number } };
      return u.outbox.ackedSeq >= u.outbox.lastSeq;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    return { bytes: relay.bytesUp + relay.bytesDown, ms };
  } finally {
    st.close();
    await station.stop();
    await hub.p.stop();
    await relay.close();
  }
}

async function setupBytes(dir: string, pki: Pki): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const tls of [true, false]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const id = `bench-${tls ? 't' : 'p'}${i}`;
      runs.push(await setupOnce(dir, id, tls ? pki.hub : {}, tls ? pki.station(id) : {}));
    }
    out.push({
      name: `security.session_setup_bytes_${tls ? 'tls' : 'plain'}`,
      value: median(runs.map((r) => r.bytes)),
      unit: 'B',
      note: `${tls ? 'mutual TLS, EC P-256' : 'plain text (lab)'}; station start to link up median ${Math.round(median(runs.map((r) => r.ms)))} ms; runs ${runs.map((r) => r.bytes).join(', ')} B`,
    });
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-security-'));
  try {
    const ids = [0, 1, 2].map((i) => `bench-t${i}`);
    const pki = makePki(dir, [...ids, 'bench-a']);
    const setup = await setupBytes(dir, pki);
    mkdirSync(join(dir, 'day'));
    const day = await bytesPerDay(join(dir, 'day'), {
      name: 'security.bytes_per_station_day_tls',
      hubEnv: pki.hub,
      stationEnv: pki.station('bench-a'),
    });
    return [...setup, ...day];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
