/**
 * audio.* — Loa's failover into a real-time sound card, side by side with Liquidsoap
 * (peer.liquidsoap.*) on the same scenario (bench/audio-scenario.ts): dead air on close,
 * stall and garbage, when the backup took over (stall run), peak RSS and PSS of the runtime
 * plus its children (the per-process breakdown at the peak goes to stderr), CPU seconds of
 * the stall run (≈ 27 s from start to stop, set-up included) and CPU % of one core in the
 * relaying window alone. The daemon runs as the systemd unit runs it (--max-semi-space-size=1),
 * on a private copy of the Node binary (audio-scenario.ts privateNode: as on a box, where no
 * other process shares its pages). relay_uss_kb sums each process's private pages; stderr also
 * gets the daemon's private memory by mapping (binary, libraries, malloc heap, anonymous).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startIcecast } from '../../test/helpers/icecast.js';
import { tempDir } from '../../test/helpers/sim-station.js';
import { makeTone } from '../../test/helpers/tone-files.js';
import { hlsFigures, runHls } from '../audio-hls.js';
import {
  liquidsoapRuntime,
  loaRuntime,
  type Mode,
  type RunResult,
  type Runtime,
  runOnce,
  unitNodeFlags,
} from '../audio-scenario.js';
import { SLOW_S, slowFigures } from '../audio-slow.js';
import type { Figure } from '../figures.js';
import { formatRows } from '../proc-sampler.js';

const MODES: Mode[] = ['close', 'stall', 'garbage'];
const AFTER_S = 15;

function has(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function figures(prefix: string, runs: RunResult[]): Figure[] {
  const by = (m: Mode) => runs.find((r) => r.mode === m) as RunResult;
  const stall = by('stall');
  const note = (r: RunResult) => `backup after ${r.backupAfterMs} ms`;
  return [
    ...MODES.map((m) => ({
      name: `${prefix}dead_air_${m}_ms`,
      value: by(m).deadAirMs,
      unit: 'ms',
      note: `${m}: ${note(by(m))}; 20 ms windows heard by soundcard.mjs`,
    })),
    {
      name: `${prefix}backup_after_failure_ms`,
      value: stall.backupAfterMs,
      unit: 'ms',
      note: `stall; close ${by('close').backupAfterMs} ms, garbage ${by('garbage').backupAfterMs} ms`,
    },
    {
      name: `${prefix}relay_rss_kb`,
      value: Math.max(...runs.map((r) => r.rssKb)),
      unit: 'kB',
      note: `peak summed RSS while relaying, runtime + children, failover included (before the failure ${Math.max(...runs.map((r) => r.armedRssKb))} kB; set-up peak ${Math.max(...runs.map((r) => r.setupRssKb))} kB)`,
    },
    {
      name: `${prefix}relay_pss_kb`,
      value: Math.max(...runs.map((r) => r.pssKb)),
      unit: 'kB',
      note: 'same, PSS (shared library pages counted once); window: relaying with the fallback armed, then failover',
    },
    {
      name: `${prefix}relay_uss_kb`,
      value: Math.max(...runs.map((r) => r.ussKb)),
      unit: 'kB',
      note: 'same, USS: the pages each process alone maps, summed',
    },
    {
      name: `${prefix}relay_cpu_s`,
      value: stall.cpuS,
      unit: 's',
      note: `stall run, lifetime (${10 + AFTER_S} s, start-up and set-up included)`,
    },
    {
      name: `${prefix}relay_steady_cpu_pct`,
      value: stall.steadyCpuPct,
      unit: '%',
      note: `stall run, relaying window only (after set-up), % of one core; close ${by('close').steadyCpuPct}, garbage ${by('garbage').steadyCpuPct}`,
    },
  ];
}

/** Not a figure: which processes make the peaks (stderr, so --json stays figures only). */
function breakdown(prefix: string, runs: RunResult[]): void {
  const peak = runs.reduce((a, b) => (b.rssKb > a.rssKb ? b : a));
  const setup = runs.reduce((a, b) => (b.setupRssKb > a.setupRssKb ? b : a));
  console.error(formatRows(`${prefix}relay_rss_kb peak (${peak.mode} run), per process:`, peak.peakRows));
  console.error(formatRows(`${prefix} set-up peak (${setup.mode} run), per process:`, setup.setupRows));
  const own = Object.entries(peak.rootPrivate).map(([k, v]) => `${k} ${v}`);
  console.error(`${prefix}relay_rss_kb peak: the runtime's own private memory, kB: ${own.join(', ')}`);
}

async function runAll(
  rt: Runtime,
  ice: Awaited<ReturnType<typeof startIcecast>>,
  dir: string,
  backup: string,
) {
  const runs: RunResult[] = [];
  for (const mode of MODES)
    runs.push(await runOnce(rt, mode, { ice, mount: `${rt.name}-${mode}`, backup, dir, afterS: AFTER_S }));
  // issue 14: half the bit rate for 20 s, then 5 s of a good link
  const slow = await runOnce(rt, 'slow', {
    ice,
    mount: `${rt.name}-slow`,
    backup,
    dir,
    afterS: 5,
    slowS: SLOW_S,
  });
  return { runs, slow };
}

export async function run(): Promise<Figure[]> {
  for (const t of ['ffmpeg', 'icecast2', 'node'])
    if (!has(t)) throw new Error(`audio bench needs ${t} (scripts/ensure-system.sh installs it)`);
  const dir = tempDir('loa-bench-audio-');
  const backup = join(dir, 'backup.wav');
  // the peer script's backup: 440 Hz, 44.1 kHz (lavfi's sine rate), stereo, 300 s
  makeTone(backup, { hz: 440, seconds: 300, channels: 2 });
  const ice = await startIcecast();
  try {
    console.error(
      `audio: loa-station runs with node ${unitNodeFlags().join(' ')} (from systemd/loa-station.service)`,
    );
    const loa = await runAll(loaRuntime(), ice, dir, backup);
    breakdown('audio.', loa.runs);
    const out = [...figures('audio.', loa.runs), ...slowFigures('audio.', loa.slow, false)];
    out.push(...hlsFigures('audio.', await runHls(loaRuntime(), backup, dir), false));
    if (has('liquidsoap')) {
      const peer = await runAll(liquidsoapRuntime(), ice, dir, backup);
      breakdown('peer.liquidsoap.', peer.runs);
      out.push(
        ...figures('peer.liquidsoap.', peer.runs),
        ...slowFigures('peer.liquidsoap.', peer.slow, true),
      );
    } else console.error('liquidsoap not installed: no peer figures');
    return out;
  } finally {
    await ice.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
