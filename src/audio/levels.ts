/**
 * Level meter for a source or the output: peak held over the last second (a programme peak
 * meter's hold) and RMS integrated over 300 ms (the VU integration time, IEC 60268-17).
 */
import { ampToDb, FRAME_MS, type FrameLevel, msToDb } from './pcm.js';

const PEAK_FRAMES = 1000 / FRAME_MS;
const RMS_FRAMES = 300 / FRAME_MS;

export interface Levels {
  peakDbfs: number;
  rmsDbfs: number;
}

export class LevelMeter {
  private readonly peaks = new Float64Array(PEAK_FRAMES);
  private readonly squares = new Float64Array(RMS_FRAMES);
  private n = 0;

  update(l: FrameLevel): void {
    this.peaks[this.n % PEAK_FRAMES] = l.peak;
    this.squares[this.n % RMS_FRAMES] = l.meanSquare;
    this.n++;
  }

  /** Frames measured so far (0: nothing has played yet). */
  get frames(): number {
    return this.n;
  }

  levels(): Levels {
    if (this.n === 0) return { peakDbfs: -120, rmsDbfs: -120 };
    let peak = 0;
    for (const p of this.peaks) if (p > peak) peak = p;
    const k = Math.min(this.n, RMS_FRAMES);
    let sum = 0;
    for (let i = 0; i < k; i++) sum += this.squares[i] as number;
    return { peakDbfs: round1(ampToDb(peak)), rmsDbfs: round1(msToDb(sum / k)) };
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
