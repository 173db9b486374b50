/**
 * A sim station with the real audio engine (real ffmpeg, a WAV sink), the schedule and live
 * voice, on the wall clock; the microphone is an ALSA PCM of type `file` in a test asoundrc
 * (ALSA_CONFIG_PATH) whose `infile` is a raw PCM file the test writes (no sound card here).
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AudioModule } from '../../src/audio/module.js';
import { SystemClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { loadProfile } from '../../src/hal/profile.js';
import { LiveModule } from '../../src/live/module.js';
import { ScheduleModule } from '../../src/schedule/module.js';
import { Station } from '../../src/station/station.js';
import { renderLavfi } from '../helpers/tone-files.js';
import { sinePcm } from '../helpers/tones.js';

export interface LiveRig {
  station: Station;
  dir: string;
  wav: string;
  call(method: string, params?: unknown): Promise<unknown>;
  /** Stops the station (the WAV is complete); the directory stays until cleanup. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

/** s16le stereo 48 kHz: `ms` of a sine at hz (0: silence). */
export function rawTone(file: string, hz: number, ms: number): void {
  const src = hz ? `sine=f=${hz}:d=${ms / 1000}` : `anullsrc=r=48000:cl=stereo:d=${ms / 1000}`;
  renderLavfi(file, src, ['-ac', '2', '-ar', '48000', '-f', 's16le']);
}

export function wavTone(file: string, hz: number, ms: number): void {
  renderLavfi(file, `sine=f=${hz}:d=${ms / 1000}`, ['-ac', '2', '-ar', '48000']);
}

/**
 * The speaker at the microphone: a FIFO (the asoundrc's `infile`) fed in real time, 20 ms at a
 * time, with a 1000 Hz tone while `talking`, else silence (a quiet room). Writes never block:
 * a full pipe drops the chunk, as a sound card's overrun would.
 */
export class MicFeeder {
  talking = false;
  private fd: number;
  private timer: NodeJS.Timeout;
  private sent = 0;
  private readonly t0 = Date.now();

  constructor(readonly path: string) {
    execFileSync('mkfifo', [path]);
    this.fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
    this.timer = setInterval(() => this.pump(), 20);
  }

  private pump(): void {
    const due = Math.floor((Date.now() - this.t0) / 20);
    for (let n = 0; this.sent < due && n < 50; n++, this.sent++) {
      const chunk = this.talking ? sinePcm(1000, 20, 0.25, this.sent * 960) : Buffer.alloc(3840);
      try {
        writeSync(this.fd, chunk);
      } catch {
        // EAGAIN: the reader is behind (or not there yet); the chunk is lost, as in a card's overrun
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
    closeSync(this.fd);
  }
}

/** An asoundrc with `pcm.mic` capturing from `infile` (raw s16le stereo 48 kHz) in real time. */
export function micAsoundrc(dir: string, infile: string): string {
  const conf = join(dir, 'asound.conf');
  writeFileSync(
    conf,
    `pcm.mic {\n type file\n slave.pcm "null"\n file "/dev/null"\n infile "${infile}"\n format "raw"\n}\n`,
  );
  return `/usr/share/alsa/alsa.conf:${conf}`;
}

export async function startLiveRig(live: Record<string, unknown>): Promise<LiveRig> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-live-'));
  const wav = join(dir, 'out.wav');
  writeFileSync(
    join(dir, 'audio.json'),
    JSON.stringify({
      schema: 1,
      sink: { kind: 'wav', path: wav },
      onAirLog: { enabled: false },
      monitor: { enabled: false },
    }),
  );
  writeFileSync(join(dir, 'live.json'), JSON.stringify({ schema: 1, ...live }));
  const profile = loadProfile('sim');
  Object.assign(profile.timings, { ampWarmupMs: 200, txSettleMs: 100, zoneStaggerMs: 20 });
  const { log } = memoryLogger('live-test');
  const station = new Station({
    profile,
    dataDir: dir,
    stationId: 'live-test',
    clock: new SystemClock(),
    log,
    drivers: await driverFactories(),
    modules: [
      new AudioModule({ dataDir: dir }),
      new ScheduleModule({ probe: async () => 'synchronised' }),
      new LiveModule(),
    ],
  });
  await station.start();
  return {
    station,
    dir,
    wav,
    call: (m, p) => station.commands.call(m, p),
    stop: () => station.stop(),
    async cleanup() {
      await station.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `f` returns a value (bounded). */
export async function until<T>(
  what: string,
  f: () => Promise<T | undefined> | T | undefined,
  ms = 40_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (let i = 0; i < 10_000 && Date.now() < end; i++) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
