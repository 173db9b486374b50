/**
 * cluster.report_bytes_per_day — what an idle 4G loudspeaker cluster's signal and health
 *   reports cost on its SIM in one day: every outbox item the hub stored for the station that
 *   carries the modem section (`modules.modem.*` changes past their deadbands) or a modem event,
 *   encoded as the Session message that carried it (protobuf) plus gRPC (5 B) and HTTP/2 frame
 *   (9 B) headers. A real hub and a real cluster daemon through a counting relay, its modem the
 *   AT emulator on a pty; all link timings and the signal's day divided by SCALE (the modem is
 *   polled every 200 ms = every 144 s of the scaled day). Target ≤ 50 kB.
 * cluster.data_bytes_per_day — the two daily one-hour windows relayed at the stream's bit rate
 *   plus the whole day's link traffic (reports, keepalive, heartbeats; the run above, through
 *   the counting relay): the stream part is ffmpeg pulling a 64 kbit/s MP3 mount from a real
 *   Icecast through a counting relay for 20 s (after its connect burst), scaled to 2 h.
 * cluster.hung_modem_to_recovered_s — from the last byte to data flowing again when only a
 *   power cycle cures the modem (the full ladder: reconnect, reset, power cycle through the
 *   relay), on the emulated modem with the default ladder timings divided by 60 (and the
 *   modem's boot and registration too), reported scaled back to real seconds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StationClient } from '../../src/api/station-client.js';
import { districtProto } from '../../src/grpc/proto.js';
import { modemSchema } from '../../src/hal/modem-profile.js';
import { toWireItem } from '../../src/wire/session.js';
import { rig, until } from '../../test/helpers/cluster-rig.js';
import { startIcecast } from '../../test/helpers/icecast.js';
import { Relay } from '../../test/helpers/link-relay.js';
import { ModemEmulator } from '../../test/helpers/modem-emulator.js';
import type { Figure } from '../figures.js';
import { streamBytesPerSecond } from './cluster-stream.js';
import { LAB_ENV, spawnReady, startHubProc, waitFor } from './link.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCALE = 720;
const DAY_S = 86_400;
const FRAME_BYTES = 5 + 9;

function clusterProfile(dir: string, emu: ModemEmulator, netDir: string): string {
  const p = JSON.parse(readFileSync(join(ROOT, 'hw', 'profiles', 'cluster-sim.json'), 'utf8'));
  p.name = 'cluster-day';
  p.modem = {
    source: 'at',
    port: emu.path,
    vendor: 'quectel',
    netDir,
    pollMs: 200,
    planMbPerMonth: 3072,
    powerRelay: 'modem.power_cut',
  };
  const file = join(dir, 'cluster-day.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

/** A still cell's day: ±3 dB wander, a slow daily swing, evening congestion (17–21 h) on SINR/RSRQ. */
function signalAt(v: number, rnd: () => number) {
  const h = (v / 3600) % 24;
  const busy = h >= 17 && h < 21;
  const swing = 3 * Math.sin((2 * Math.PI * v) / DAY_S);
  const noise = () => Math.round((rnd() * 2 - 1) * 3);
  return {
    rsrpDbm: Math.round(-97 + swing) + noise(),
    rssiDbm: Math.round(-68 + swing) + noise(),
    rsrqDb: (busy ? -13 : -10) + Math.round(noise() / 2),
    sinrDb: (busy ? 6 : 12) + Math.round(noise() / 2),
  };
}

function encodedSize(item: Parameters<typeof toWireItem>[0]): number {
  const svc = districtProto().definition['loa.district.v1.GatewayService'] as unknown as Record<
    string,
    { requestSerialize(m: unknown): Buffer }
  >;
  return (svc.Session?.requestSerialize({ batch: { items: [toWireItem(item)] } }).length ?? 0) + FRAME_BYTES;
}

/** Modem reports the hub stored for the station: changes with modem keys (only those) and modem events. */
function modemReportBytes(hubDir: string): { bytes: number; items: number } {
  const db = new Database(join(hubDir, 'district.sqlite'), { readonly: true });
  let bytes = 0;
  let items = 0;
  try {
    for (const r of db.prepare('SELECT seq, ts, changes FROM measurements').all() as {
      seq: number;
      ts: number;
      changes: string;
    }[]) {
      const all = JSON.parse(r.changes) as Record<string, unknown>;
      const changes = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('modules.modem.')));
      if (Object.keys(changes).length === 0) continue;
      bytes += encodedSize({ seq: r.seq, ts: r.ts, kind: 'changes', changes } as never);
      items++;
    }
    for (const e of db
      .prepare(
        "SELECT seq, ts, event_seq, kind, severity, sub, message, details FROM events WHERE sub = 'modem'",
      )
      .all() as Record<string, string>[]) {
      const event = {
        seq: Number(e.event_seq),
        ts: Number(e.ts),
        kind: e.kind,
        severity: e.severity,
        sub: e.sub,
        message: e.message,
        details: JSON.parse(e.details ?? '{}'),
      };
      bytes += encodedSize({ seq: Number(e.seq), ts: Number(e.ts), kind: 'event', event } as never);
      items++;
    }
  } finally {
    db.close();
  }
  return { bytes, items };
}

/** Hub, counting relay and the cluster daemon with every link timing divided by SCALE. */
async function startClusterLink(dir: string, emu: ModemEmulator, netDir: string) {
  const hub = await startHubProc(dir, {
    ...LAB_ENV,
    LOA_HUB_KEEPALIVE_MS: String(Math.round(300_000 / SCALE)),
  });
  const relay = new Relay(hub.port);
  await relay.listen();
  const env = {
    ...LAB_ENV,
    LOA_LINK_KEEPALIVE_MS: String(Math.round(60_000 / SCALE)),
    LOA_LINK_HEARTBEAT_MS: String(Math.round(300_000 / SCALE)),
    LOA_LINK_SAMPLE_MS: String(Math.max(50, Math.round(10_000 / SCALE))),
  };
  const data = join(dir, 'c');
  const profile = clusterProfile(dir, emu, netDir);
  const args = [
    '--profile',
    profile,
    '--data-dir',
    data,
    '--station-id',
    'cluster-a',
    '--district',
    relay.address,
  ];
  const station = await spawnReady('loa-station', args, env);
  return { hub, relay, station, st: new StationClient(join(data, 'station.sock')) };
}

/** xorshift32: the same "random" day on every run. */
function prng(): () => number {
  let seed = 0x9e3779b9;
  return () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 0xffffffff;
  };
}

async function clusterDay(dir: string): Promise<{ reports: Figure; linkBytes: number }> {
  const netDir = join(dir, 'net');
  const emu = await ModemEmulator.start({ dir, netDir, trafficMs: 100, bytesPerTick: 60 });
  const { hub, relay, station, st } = await startClusterLink(dir, emu, netDir);
  const rnd = prng();
  let t0 = Date.now();
  const wander = setInterval(() => emu.set(signalAt(((Date.now() - t0) * SCALE) / 1000, rnd)), 100);
  try {
    await waitFor(async () => ((await st.call('uplink.status')) as { link: string }).link === 'up', 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    relay.bytesUp = relay.bytesDown = relay.chunks = 0;
    t0 = Date.now();
    await new Promise((r) => setTimeout(r, (DAY_S * 1000) / SCALE));
    const linkBytes = relay.bytesUp + relay.bytesDown;
    await station.stop();
    await hub.p.stop();
    const rep = modemReportBytes(join(dir, 'hub'));
    return {
      linkBytes,
      reports: {
        name: 'cluster.report_bytes_per_day',
        value: rep.bytes,
        unit: 'B',
        note: `${rep.items} modem report(s) (changes past deadbands + modem events) in a day run ${SCALE}x faster; whole link that day ${linkBytes} B (keepalive, heartbeats, snapshot included); target ≤ 50 kB`,
      },
    };
  } finally {
    clearInterval(wander);
    st.close();
    await station.stop();
    await hub.p.stop();
    await relay.close();
    await emu.stop();
  }
}

async function dataPerDay(linkBytes: number): Promise<Figure> {
  const ice = await startIcecast();
  try {
    await ice.feed('commune.mp3', 'sine=frequency=440:sample_rate=44100');
    const bps = await streamBytesPerSecond(ice.port, 'commune.mp3', 20);
    const windows = 2 * 3600 * bps;
    return {
      name: 'cluster.data_bytes_per_day',
      value: Math.round(windows + linkBytes),
      unit: 'B',
      note: `2 × 1 h at ${Math.round((bps * 8) / 1000)} kbit/s measured (${Math.round(bps)} B/s over 20 s through a counting relay, scaled to 7200 s) + ${linkBytes} B link day; ≈ ${((30 * (windows + linkBytes)) / 1e6).toFixed(0)} MB a month`,
    };
  } finally {
    await ice.stop();
  }
}

async function hungToRecovered(): Promise<Figure> {
  const k = 60;
  const d = modemSchema.parse({ source: 'at' }).recovery;
  const scaled = Object.fromEntries(
    Object.entries(d).map(([key, v]) => [
      key,
      key.startsWith('backoff') || key === 'maxPowerCyclesPerDay' ? v : Math.max(100, Math.round(v / k)),
    ]),
  ) as Record<string, number>;
  // an EC25 boots in ~12 s and registers in ~10 s (measured by installers; Quectel's hardware guide)
  const r = await rig(scaled, { bootMs: Math.round(12_000 / k), registerMs: Math.round(10_000 / k) });
  try {
    await until(() => r.status().present && r.emu.rx > 2000, 'traffic');
    r.emu.stallData('power');
    const lastByte = r.emu.lastByteAt;
    await until(() => r.emu.flowing && r.emu.lastByteAt > lastByte, 'data flowing again', 120_000);
    const s = ((r.emu.lastByteAt - lastByte) / 1000) * k;
    const steps = r.events.filter((e) => e.kind === 'modem.recovery').map((e) => e.details.step);
    return {
      name: 'cluster.hung_modem_to_recovered_s',
      value: Math.round(s),
      unit: 's',
      note: `emulated, ladder ${steps.join(' → ')} at default timings ÷${k} (stall ${d.stallMs / 1000} s, waits ${d.reconnectWaitMs / 1000}/${d.resetWaitMs / 1000} s, power off ${d.powerOffMs / 1000} s), scaled back`,
    };
  } finally {
    await r.stop();
  }
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-cluster-'));
  try {
    const day = await clusterDay(dir);
    return [day.reports, await dataPerDay(day.linkBytes), await hungToRecovered()];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
