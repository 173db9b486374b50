/**
 * One failover run, the scenario of shared/peer/liquidsoap-failover.sh with free ports:
 * live = 1000 Hz pushed by ffmpeg to Icecast (64 kbps MP3), backup = 440 Hz WAV file, the
 * station reading Icecast through a TCP relay; 10 s after the start the link fails (close:
 * the source disconnects; stall: the relay freezes, no FIN; garbage: the relay corrupts every
 * byte). The runtime writes raw PCM into a FIFO read by shared/peer/soundcard.mjs at
 * real-time pace; the recording is read by the peer's own tones.mjs and dead-air.mjs.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Icecast } from '../test/helpers/icecast.js';
import { stopProc } from '../test/helpers/icecast.js';
import { type Relay, startRelay } from '../test/helpers/relay.js';
import { type ProcRow, ProcSampler } from './proc-sampler.js';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '..');
/** The listener's probes (bench/peer/: copies of the team's shared/peer, so a fresh clone runs them). */
export const PEER = resolve(ROOT, 'bench', 'peer');
export type Mode = 'close' | 'stall' | 'garbage' | 'slow';

/** The 64 kbit/s MP3 feed in bytes per second (the slow link carries half of it). */
export const STREAM_BPS = 8000;

export interface RunResult {
  mode: Mode;
  deadAirMs: number;
  backupAfterMs: number;
  rssKb: number;
  pssKb: number;
  /** Peak summed USS (private pages of each process). */
  ussKb: number;
  /** The runtime's own process's private memory by mapping at the RSS peak, kB. */
  rootPrivate: Record<string, number>;
  setupRssKb: number;
  /** Peak summed RSS while relaying with the fallback armed, before the failure. */
  armedRssKb: number;
  cpuS: number;
  /** CPU in the relaying window only (after set-up), % of one core. */
  steadyCpuPct: number;
  /** Per-process breakdown at the relaying and at the set-up RSS peaks. */
  peakRows: ProcRow[];
  setupRows: ProcRow[];
  /** The recording (raw WAV written by the card) and when the failure began in it, s. */
  heard: string;
  failedAtS: number;
  /** Switch events the runtime logged from the failure on (Loa: audio.switch; null: not known). */
  switches: number | null;
}

export interface Runtime {
  name: string;
  rate: number;
  /** Spawns the runtime relaying `url` with `backup` into `fifo` (CPU and memory count from here). */
  spawn(url: string, backup: string, fifo: string, dir: string): ChildProcess;
  /** Whatever the runtime needs told after it started (Loa: stationctl fallback add, play). */
  prepare(p: ChildProcess): Promise<void>;
  /** Switch events logged since `sinceMs` (wall), read before the runtime stops. */
  switches?(p: ChildProcess, sinceMs: number): Promise<number>;
  stop(p: ChildProcess): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fail(mode: Mode, relay: Relay, feeder: { stop(): Promise<void> }): Promise<void> {
  if (mode === 'close') await feeder.stop();
  else if (mode === 'slow') relay.throttle(STREAM_BPS / 2);
  else relay.set(mode === 'stall' ? 'frozen' : 'garbage');
}

/** The wall time the card's recording starts (its `card-start` line on stderr), within 60 s. */
export function cardStartTime(card: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(
      () => reject(new Error('the sound card never started (FIFO not opened)')),
      60_000,
    );
    card.stderr?.on('data', (b: Buffer) => {
      buf += b.toString();
      const m = /card-start (\d+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
        buf = '';
      } else if (buf.length > 4096) buf = buf.slice(-256);
    });
  });
}

export async function runOnce(
  rt: Runtime,
  mode: Mode,
  o: {
    ice: Icecast;
    mount: string;
    backup: string;
    dir: string;
    afterS: number;
    /** slow: the link carries half the bit rate this long, then recovers (afterS follow). */
    slowS?: number;
  },
): Promise<RunResult> {
  const feeder = await o.ice.feed(o.mount, 'sine=frequency=1000:sample_rate=44100');
  const relay = await startRelay(o.ice.port);
  const fifo = join(o.dir, `${rt.name}-${mode}.fifo`);
  const heard = join(o.dir, `${rt.name}-${mode}.wav`);
  execFileSync('mkfifo', [fifo]);
  const card = spawn(
    'sh',
    ['-c', `exec node "${ROOT}/bench/card.mjs" "${heard}" ${rt.rate} 2 600 < "${fifo}"`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, SOUNDCARD: join(PEER, 'soundcard.mjs') },
    },
  );
  const cardStart = cardStartTime(card);
  const spawned = performance.now();
  const proc = rt.spawn(`http://127.0.0.1:${relay.port}/${o.mount}`, o.backup, fifo, o.dir);
  const sampler = new ProcSampler(proc.pid as number);
  sampler.start();
  await rt.prepare(proc);
  // DESIGN.md: footprint "while relaying with fallback armed"; one-off set-up (Loa's media
  // import and its ffprobe) is kept apart as setupRssKb
  const setup = sampler.resetPeaks();
  // as in the peer script: the link fails 10 s after the runtime was started
  await sleep(Math.max(0, 10_000 - (performance.now() - spawned)));
  const armedRssKb = sampler.peakRssKb;
  const failedAt = Date.now();
  const failedAtS = (failedAt - (await cardStart)) / 1000;
  await fail(mode, relay, feeder);
  if (mode === 'slow') {
    await sleep((o.slowS ?? 20) * 1000);
    relay.throttle(undefined);
  }
  await sleep(o.afterS * 1000);
  sampler.stop();
  const switches = rt.switches ? await rt.switches(proc, failedAt) : null;
  await rt.stop(proc);
  await stopProc(card, 'SIGTERM');
  relay.set('pass');
  await relay.close();
  await feeder.stop();
  const segs = (await run('node', [join(PEER, 'tones.mjs'), heard, '20'])).stdout.trim();
  writeFileSync(`${heard}.segments.json`, segs);
  const verdict = (await run('node', [join(PEER, 'dead-air.mjs'), segs, mode])).stdout;
  const num = (k: string) => Number(new RegExp(`${k}=([\\d.]+)`).exec(verdict)?.[1] ?? Number.NaN);
  const backupFrom = num('backup_from_s');
  return {
    mode,
    deadAirMs: num('dead_air_ms'),
    backupAfterMs: Number.isFinite(backupFrom) ? Math.round((backupFrom - failedAtS) * 1000) : Number.NaN,
    rssKb: sampler.peakRssKb,
    pssKb: sampler.peakPssKb,
    ussKb: sampler.peakUssKb,
    rootPrivate: sampler.peakRootPrivate,
    setupRssKb: setup.rssKb,
    armedRssKb,
    cpuS: sampler.cpuSeconds,
    steadyCpuPct: sampler.windowCpuPct,
    peakRows: sampler.peakRows,
    setupRows: setup.rows,
    heard,
    failedAtS,
    switches,
  };
}

/**
 * Node's options as systemd/loa-station.service runs the daemon (ExecStart=/usr/bin/node
 * FLAGS …/bin/loa-station …), so the bench measures the daemon the way it is deployed.
 */
export function unitNodeFlags(): string[] {
  const unit = readFileSync(join(ROOT, 'systemd', 'loa-station.service'), 'utf8');
  const exec = /^ExecStart=(.*)$/m.exec(unit)?.[1]?.split(/\s+/) ?? [];
  const end = exec.findIndex((a) => a.endsWith('/bin/loa-station'));
  return exec.slice(1, Math.max(1, end)).filter((a) => a.startsWith('--'));
}

/**
 * The daemon's Node, as a station box pays for it: a copy of this Node's binary that no other
 * process maps. On the box the daemon is the only Node process, so the binary's resident pages
 * (≈ 50 MB of code and read-only data) are all its own; here the bench runner, the sound card
 * script and other work on the machine run the same file, and PSS would share those pages out.
 */
export function privateNode(dir: string): string {
  const copy = join(dir, 'node');
  if (!existsSync(copy)) copyFileSync(process.execPath, copy);
  chmodSync(copy, 0o755);
  return copy;
}

/** Loa: the station daemon (sim profile), its audio module writing into the FIFO. */
export function loaRuntime(): Runtime {
  const jobs = new Map<ChildProcess, { sock: string; url: string; backup: string }>();
  const ctl = (sock: string, ...a: string[]) =>
    run(process.execPath, [join(ROOT, 'bin', 'stationctl'), '--socket', sock, ...a]);
  return {
    name: 'loa',
    rate: 48_000,
    spawn(url, backup, fifo, dir) {
      const data = join(dir, `loa-data-${Date.now()}`);
      execFileSync('mkdir', ['-p', data]);
      // the same job as the peer's: no on-air log, no monitor
      const cfg = {
        schema: 1,
        sink: { kind: 'pipe', path: fifo },
        onAirLog: { enabled: false },
        monitor: { enabled: false },
      };
      writeFileSync(join(data, 'audio.json'), JSON.stringify(cfg));
      const p = spawn(
        privateNode(dir),
        [...unitNodeFlags(), join(ROOT, 'bin', 'loa-station'), '--profile', 'sim', '--data-dir', data],
        {
          env: { ...process.env, LOA_LOG_FORMAT: 'json', LOA_METRICS_LISTEN: 'off' },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      jobs.set(p, { sock: join(data, 'station.sock'), url, backup });
      return p;
    },
    async prepare(p) {
      const j = jobs.get(p);
      if (!j) throw new Error('not spawned here');
      for (let i = 0; i < 100; i++) {
        if (
          await ctl(j.sock, 'status').then(
            () => true,
            () => false,
          )
        )
          break;
        await sleep(100);
      }
      await ctl(j.sock, 'fallback', 'add', j.backup);
      // `play` exits 1 when the station reports the source failing: that is a finding for the
      // figures (dead air, backup), not a reason to lose the group — say what it printed
      await ctl(j.sock, 'play', j.url).catch((e: { stdout?: string; stderr?: string }) =>
        console.error(`stationctl play ${j.url}: ${(e.stdout ?? '') + (e.stderr ?? '')}`.trim()),
      );
      // "relaying with fallback armed" (DESIGN.md) starts when the relay is on air and the
      // fallback has gone back to its armed state (the fallback played alone before the relay)
      for (
        let i = 0;
        i < 100 && !relayingArmed(JSON.parse((await ctl(j.sock, '--json', 'audio', 'status')).stdout));
        i++
      )
        await sleep(100);
    },
    async switches(p, sinceMs) {
      const j = jobs.get(p);
      if (!j) return Number.NaN;
      const out = await ctl(j.sock, '--json', 'events', '--kind', 'audio.switch', '--limit', '10000');
      return (JSON.parse(out.stdout) as Array<{ ts: number }>).filter((e) => e.ts >= sinceMs).length;
    },
    stop: (p) => stopProc(p, 'SIGTERM'),
  };
}

interface AudioStatus {
  onAir: { slot: string };
  slots: { fallback?: { sources: Array<{ detail: { decoder?: boolean; bridge?: string | null } }> } };
}

/** The relay is on air and the fallback holds its bridge with no decoder running. */
function relayingArmed(s: AudioStatus): boolean {
  const fb = s.slots.fallback?.sources[0]?.detail;
  return s.onAir.slot === 'programme' && fb?.decoder === false && fb.bridge === 'armed';
}

/** The peer: Liquidsoap `fallback(track_sensitive=false, [input.http, single(file)])`, as in the script. */
export function liquidsoapRuntime(): Runtime {
  return {
    name: 'liquidsoap',
    rate: 44_100,
    spawn(url, backup, fifo, dir) {
      const liq = join(dir, 'failover.liq');
      writeFileSync(
        liq,
        [
          'settings.init.allow_root.set(true)',
          'settings.log.stdout.set(true)',
          'settings.log.file.set(false)',
          // an HLS playlist needs Liquidsoap's HLS input (issue 24's peer figures)
          `live = ${/\.m3u8/.test(url) ? 'input.hls' : 'input.http'}("${url}")`,
          `backup = single("${backup}")`,
          's = fallback(track_sensitive=false, [live, backup])',
          `output.file(%wav(stereo=true, samplesize=16, header=false), "${fifo}", fallible=true, s)`,
        ].join('\n'),
      );
      return spawn('liquidsoap', [liq], { stdio: 'ignore' });
    },
    prepare: async () => undefined,
    stop: (p) => stopProc(p, 'SIGINT'),
  };
}
