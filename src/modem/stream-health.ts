/**
 * Stream health of the day for the district: underruns (a relayed stream stalled: its buffer
 * ran dry), reconnects (the stream closed, failed or sent garbage and was opened again) and
 * seconds of dead air (the audio engine's "should be on air, is silent" and "nothing playable"
 * alarms). Counted from the station's events, reset at local midnight.
 */
import type { Clock } from '../core/clock.js';
import type { StationEvent } from '../core/events.js';

const DEAD_AIR = new Set(['audio.output-silent', 'audio.no-source']);
const UNDERRUN = new Set(['stalled']);
const RECONNECT = new Set(['closed', 'failed', 'garbage']);
const TZ = 'Asia/Ho_Chi_Minh';

export interface StreamHealthStatus {
  underruns: number;
  reconnects: number;
  deadAirS: number;
}

export class StreamHealth {
  private day: string;
  private underruns = 0;
  private reconnects = 0;
  private deadAirMs = 0;
  private readonly silentSince = new Map<string, number>();

  constructor(private readonly clock: Clock) {
    this.day = this.today();
  }

  onEvent(e: StationEvent): void {
    this.rollover();
    if (e.kind === 'audio.source-unhealthy') {
      const reason = String(e.details?.reason ?? '');
      if (UNDERRUN.has(reason)) this.underruns++;
      else if (RECONNECT.has(reason)) this.reconnects++;
      return;
    }
    if (!DEAD_AIR.has(e.kind)) return;
    const now = this.clock.monotonic();
    if (e.details?.alarm === 'raised') this.silentSince.set(e.kind, now);
    else if (e.details?.alarm === 'cleared') {
      const since = this.silentSince.get(e.kind);
      if (since !== undefined) this.deadAirMs += now - since;
      this.silentSince.delete(e.kind);
    }
  }

  status(): StreamHealthStatus {
    this.rollover();
    const now = this.clock.monotonic();
    // the two alarms overlap when nothing plays at all: count the longest running one
    const open = Math.max(0, ...[...this.silentSince.values()].map((t) => now - t));
    return {
      underruns: this.underruns,
      reconnects: this.reconnects,
      deadAirS: Math.round((this.deadAirMs + open) / 1000),
    };
  }

  private today(): string {
    return new Date(this.clock.now()).toLocaleDateString('sv-SE', { timeZone: TZ });
  }

  private rollover(): void {
    const d = this.today();
    if (d === this.day) return;
    this.day = d;
    this.underruns = 0;
    this.reconnects = 0;
    this.deadAirMs = 0;
    const now = this.clock.monotonic();
    for (const k of this.silentSince.keys()) this.silentSince.set(k, now);
  }
}
