/**
 * Field operations under a real systemd (252, Debian 12) booted in systemd-nspawn: the shipped
 * systemd/loa-station.service (hardening and all) supervising a release installed by
 * deploy/install.sh --root, sim profile. See test/helpers/systemd-container.ts for why a
 * container: PID 1 of this machine and of CI is not systemd.
 *
 * ops.start_to_ready_ms — `systemctl start` to READY=1: systemd's InactiveExitTimestamp (the
 *   start job leaves "inactive") to ActiveEnterTimestamp (READY=1 received), median of 5.
 * ops.watchdog_hang_to_restart_ms — SIGSTOP of the main process (the event loop and its
 *   WATCHDOG=1 pings stop, as in a hung loop) to the new instance's READY=1, with a drop-in
 *   WatchdogSec=3 (the unit ships 20 s); median of 3.
 * ops.watchdog_timeout_to_ready_ms — systemd's "Watchdog timeout" to the new READY=1: the part
 *   that does not depend on WatchdogSec (add the configured WatchdogSec for a worst case).
 * ops.kill9_to_ready_ms — kill -9 of the main process to the new instance's READY=1; median of 3.
 * ops.kill9_to_on_air_ms — kill -9 during a scheduled programme to its first audio through the
 *   new instance's audio engine (null sink, no sound card in the container); median of 3. How,
 *   and what exactly it measures: ./ops-onair.ts.
 * ops.kill9_to_audible_ms — the same kills to the new instance's power.on event (transmitter,
 *   amplifier, zones on and unmuted: the programme reaches the loudspeakers; sim timings).
 */
import { rmSync } from 'node:fs';
import {
  Container,
  containerImage,
  containerUnsupported,
  installRelease,
  monotonicUs,
} from '../../test/helpers/systemd-container.js';
import { type Figure, median } from '../figures.js';
import { kill9ToOnAir } from './ops-onair.js';

const UNIT = 'loa-station.service';
const BENCH_WATCHDOG_S = 3;

interface Instance {
  pid: number;
  restarts: number;
  activeUs: number;
}

async function instance(c: Container): Promise<Instance & { state: string }> {
  const p = await c.show(UNIT, [
    'MainPID',
    'NRestarts',
    'ActiveEnterTimestampMonotonic',
    'ActiveState',
    'SubState',
  ]);
  return {
    pid: Number(p.MainPID),
    restarts: Number(p.NRestarts),
    activeUs: Number(p.ActiveEnterTimestampMonotonic),
    state: `${p.ActiveState}/${p.SubState}`,
  };
}

/** Waits (bounded) for systemd to have restarted the unit and the new instance to be READY. */
async function nextReady(c: Container, before: Instance, timeoutMs: number): Promise<Instance> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline && i < 2000; i++) {
    const now = await instance(c);
    if (now.restarts > before.restarts && now.state === 'active/running' && now.pid !== before.pid)
      return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${UNIT} not restarted and READY within ${timeoutMs} ms`);
}

async function startToReady(c: Container): Promise<{ ms: number[] }> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    await c.systemctl('stop', UNIT);
    await c.systemctl('start', UNIT); // Type=notify: returns once READY=1 arrived
    const p = await c.show(UNIT, ['InactiveExitTimestampMonotonic', 'ActiveEnterTimestampMonotonic']);
    ms.push((Number(p.ActiveEnterTimestampMonotonic) - Number(p.InactiveExitTimestampMonotonic)) / 1000);
  }
  return { ms };
}

/** Monotonic µs of the first journal entry of the unit after `afterUs` whose message matches. */
async function journalAt(
  c: Container,
  afterUs: number,
  re: RegExp,
): Promise<{ us: number; msg: string } | undefined> {
  const hit = (await c.journal(UNIT)).find(
    (e) => Number(e.__MONOTONIC_TIMESTAMP) > afterUs && re.test(String(e.MESSAGE)),
  );
  return hit ? { us: Number(hit.__MONOTONIC_TIMESTAMP), msg: String(hit.MESSAGE) } : undefined;
}

async function hangToRestart(c: Container): Promise<{ total: number[]; afterTimeout: number[] }> {
  await c.dropIn(UNIT, 'bench-watchdog', `[Service]\nWatchdogSec=${BENCH_WATCHDOG_S}`);
  await c.systemctl('restart', UNIT);
  const total: number[] = [];
  const afterTimeout: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = await instance(c);
    const t0 = monotonicUs();
    process.kill(c.hostPid(before.pid), 'SIGSTOP');
    const after = await nextReady(c, before, 60_000);
    const timeout = await journalAt(c, t0, /Watchdog timeout/);
    if (!timeout) throw new Error('restarted without a "Watchdog timeout" in the journal');
    total.push((after.activeUs - t0) / 1000);
    afterTimeout.push((after.activeUs - timeout.us) / 1000);
  }
  return { total, afterTimeout };
}

async function kill9ToReady(c: Container): Promise<{ ms: number[]; stopPost: string }> {
  await c.systemctl('restart', UNIT);
  const ms: number[] = [];
  let stopPost = '';
  for (let i = 0; i < 3; i++) {
    const before = await instance(c);
    const t0 = monotonicUs();
    process.kill(c.hostPid(before.pid), 'SIGKILL');
    const after = await nextReady(c, before, 60_000);
    ms.push((after.activeUs - t0) / 1000);
    // ExecStopPost (stationctl safe-state) runs as the unit's "control process"
    stopPost =
      (await journalAt(c, t0, /Control process exited/))?.msg ?? 'no ExecStopPost run in the journal';
  }
  return { ms, stopPost };
}

const r0 = (x: number) => Math.round(x);

export async function run(): Promise<Figure[]> {
  const why = await containerUnsupported();
  if (why) throw new Error(`ops: no systemd container here: ${why}`);
  const image = await containerImage();
  const release = await installRelease(image);
  const c = await Container.boot(image, release);
  try {
    const start = await startToReady(c);
    const hang = await hangToRestart(c);
    const kill = await kill9ToReady(c);
    const onAir = await kill9ToOnAir(c);
    const env = 'systemd 252 in nspawn, sim profile';
    return [
      {
        name: 'ops.start_to_ready_ms',
        value: r0(median(start.ms)),
        unit: 'ms',
        note: `systemctl start → READY=1, median of 5 (${start.ms.map(r0).join(', ')}); ${env}`,
      },
      {
        name: 'ops.watchdog_hang_to_restart_ms',
        value: r0(median(hang.total)),
        unit: 'ms',
        note: `SIGSTOP → new READY=1 at WatchdogSec=${BENCH_WATCHDOG_S} (unit ships 20), RestartSec=2; median of 3`,
      },
      {
        name: 'ops.watchdog_timeout_to_ready_ms',
        value: r0(median(hang.afterTimeout)),
        unit: 'ms',
        note: 'systemd "Watchdog timeout" → new READY=1 (SIGABRT, ExecStopPost, RestartSec=2, start)',
      },
      {
        name: 'ops.kill9_to_ready_ms',
        value: r0(median(kill.ms)),
        unit: 'ms',
        note: `kill -9 → new READY=1; ExecStopPost: ${kill.stopPost}`,
      },
      {
        name: 'ops.kill9_to_on_air_ms',
        value: r0(median(onAir.ms)),
        unit: 'ms',
        note: `kill -9 during a scheduled programme → its first audio out of the new instance's engine (play log), median of 3 (${onAir.ms.map(r0).join(', ')}); seen by stationctl audio status (level > -60 dBFS) at ${onAir.polledMs.map(r0).join(', ')} ms; a manual play ${onAir.manualResumes ? 'is' : 'is NOT'} resumed after kill -9`,
      },
      {
        name: 'ops.kill9_to_audible_ms',
        value: r0(median(onAir.audibleMs)),
        unit: 'ms',
        note: `kill -9 → the new instance's power.on event (chain up, unmuted, faded in; sim profile timings), median of 3 (${onAir.audibleMs.map(r0).join(', ')})`,
      },
    ];
  } finally {
    await c.stop();
    rmSync(release, { recursive: true, force: true });
  }
}
