/**
 * hub.sessions_1000_rss_kb — resident memory of one real hub process holding 1,000 station
 *   sessions (each its own TCP connection and Session stream, opened from this process by
 *   lightweight clients: hello, a full status snapshot, a batch of events, then a heartbeat
 *   every 300 s spread evenly, and keepalive every 60 s); CPU over 10 s of that in the note.
 * hub.get_station_p99_ms — operator GetStation latency with those sessions open (1,000 calls
 *   to random stations, one at a time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientDuplexStream } from '@grpc/grpc-js';
import { DistrictClient } from '../../src/district/client.js';
import type { GatewayServiceClient } from '../../src/gen/loa/district/v1/GatewayService.js';
import type { SessionRequest } from '../../src/gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse__Output } from '../../src/gen/loa/district/v1/SessionResponse.js';
import { districtProto } from '../../src/grpc/proto.js';
import { channelCredentials } from '../../src/security/credentials.js';
import { toStruct } from '../../src/wire/struct.js';
import { type Figure, median, percentile } from '../figures.js';
import { LAB_ENV, startHubProc } from './link.js';

const N = 1000;

type Call = ClientDuplexStream<SessionRequest, SessionResponse__Output>;

function status(id: string) {
  const zone = (n: number) => ({ id: n, name: `Thôn ${n}`, commanded: true, relay: false, feedback: false });
  return {
    stationId: id,
    profile: 'sim',
    power: { state: 'off', commandedOn: false },
    transmitter: { state: 'off', trips: 0, forwardW: 0, reflectedW: 0, temperatureC: 30.2 },
    amplifier: { on: false, muted: true, feedback: false, currentA: 0 },
    mainsPresent: true,
    zones: [1, 2, 3, 4].map(zone),
    alarms: [],
    drivers: [{ driver: 'sim', kind: 'sim', ok: true }],
    modules: { audio: { onAir: { slot: 'silence' } } },
  };
}

function event(seq: number) {
  return {
    seq,
    tsMs: Date.now(),
    event: {
      eventSeq: seq,
      kind: 'station.start',
      severity: 'info',
      sub: 'station',
      message: 'started',
      details: toStruct({ boots: 1 }),
    },
  };
}

function open(client: GatewayServiceClient, id: string): Promise<Call> {
  const call = client.session();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${id}: no welcome`)), 60_000);
    call.on('error', () => undefined);
    call.on('data', (m: SessionResponse__Output) => {
      if (m.welcome) {
        call.write({ snapshot: { asOfSeq: 3, tsMs: Date.now(), status: toStruct(status(id)) } });
        call.write({ batch: { items: [1, 2, 3].map(event) } });
      }
      if (m.ack?.seq === 3) {
        clearTimeout(t);
        resolve(call);
      }
    });
    call.write({
      hello: {
        stationId: id,
        bootId: 'b',
        softwareVersion: 'bench',
        firstUnackedSeq: 1,
        lastSeq: 3,
        outboxEpoch: `e-${id}`,
      },
    });
  });
}

function cpuTicks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(f[11]) + Number(f[12]); // utime + stime, in clock ticks (100 Hz)
}

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
}

export async function hubSessions(dir: string): Promise<Figure[]> {
  const hub = await startHubProc(join(dir, 'h1000'), LAB_ENV);
  const pid = hub.p.proc.pid as number;
  const Ctor = districtProto().grpc.loa.district.v1.GatewayService;
  const clients: GatewayServiceClient[] = [];
  const calls: Call[] = [];
  const op = new DistrictClient(`127.0.0.1:${hub.port}`);
  let beat: NodeJS.Timeout | undefined;
  try {
    for (let i = 0; i < N; i += 50) {
      const batch = [];
      for (let j = i; j < Math.min(N, i + 50); j++) {
        const c = new Ctor(`127.0.0.1:${hub.port}`, channelCredentials(), {
          'grpc.use_local_subchannel_pool': 1, // one TCP connection per station, as in the field
          'grpc.keepalive_time_ms': 60_000,
          'grpc.keepalive_permit_without_calls': 1,
        });
        clients.push(c);
        batch.push(open(c, `st-${String(j).padStart(4, '0')}`));
      }
      calls.push(...(await Promise.all(batch)));
    }
    let k = 0;
    beat = setInterval(
      () => calls[k++ % N]?.write({ heartbeat: { tsMs: Date.now(), lastSeq: 3 } }),
      300_000 / N,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const c0 = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 10_000));
    const cpuPct = (cpuTicks(pid) - c0) / 10; // ticks (100 Hz) over 10 s, in percent of one core
    const rss = rssKb(pid);
    const lat: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = `st-${String(Math.floor(Math.random() * N)).padStart(4, '0')}`;
      const t = performance.now();
      await op.call('GetStation', { stationId: id });
      lat.push(performance.now() - t);
    }
    return [
      {
        name: 'hub.sessions_1000_rss_kb',
        value: rss,
        unit: 'kB',
        note: `hub RSS with ${N} open sessions; CPU ${cpuPct} % of one core over 10 s of heartbeats and keepalive (0.1 % resolution)`,
      },
      {
        name: 'hub.get_station_p99_ms',
        value: Number(percentile(lat, 99).toFixed(2)),
        unit: 'ms',
        note: `1000 GetStation calls with ${N} sessions open; median ${median(lat).toFixed(2)} ms`,
      },
    ];
  } finally {
    if (beat) clearInterval(beat);
    for (const c of calls) c.cancel();
    for (const c of clients) c.close();
    op.close();
    await hub.p.stop();
  }
}
