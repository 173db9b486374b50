/**
 * The noise gate of an open microphone: quiet (RMS below the threshold) for the timeout ends
 * the live session, so a microphone left open with nobody talking never keeps the amplifiers
 * and the transmitter up. Pure logic on the engine's monotonic milliseconds (injected Clock).
 * Speech has pauses of 0.2–1 s between phrases (and breaths); the default timeout (8 s) is far
 * longer, and −45 dBFS sits above a quiet room through a typical condenser microphone's
 * preamplifier (≈ −60 dBFS) and below soft speech (≈ −30 dBFS).
 */
import type { GateSettings } from './live-inputs.js';

export class NoiseGate {
  private quietSince: number | undefined;

  constructor(
    private readonly s: GateSettings,
    now: number,
  ) {
    // an open microphone that never hears anyone closes after the timeout from its first audio
    // (CaptureSource makes the gate when the first frame plays)
    this.quietSince = now;
  }

  /** One measurement; true once the microphone has been quiet for the whole timeout. */
  observe(rmsDbfs: number, now: number): boolean {
    if (rmsDbfs >= this.s.thresholdDb) {
      this.quietSince = undefined;
      return false;
    }
    this.quietSince ??= now;
    return now - this.quietSince >= this.s.timeoutMs;
  }

  /** How long it has been quiet (ms), for the status. */
  quietMs(now: number): number {
    return this.quietSince === undefined ? 0 : now - this.quietSince;
  }
}
