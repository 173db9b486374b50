/**
 * One supervised zone: its debounced state, the alarm and event on every change, and the
 * isolation of its relay while it is shorted. Full-check readings may move the zone to any
 * state; the fast passive check only detects a short (2 of its last 3 readings), because a
 * short is the fault that hurts the amplifier and the other zones within a second.
 */
import type { Clock } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import {
  classify,
  Debounce,
  deviation,
  type LineState,
  resolveClass,
  type Thresholds,
  type ZoneState,
} from './classify.js';
import { expectedOhm, round } from './expected.js';
import type { ZoneIsolator } from './isolate.js';
import type { Reading, SenseLimits, ZoneSense } from './measure.js';
import { type Baseline, type LinesSettings, toleranceFor } from './settings.js';

export interface ZoneContext {
  clock: Clock;
  events: EventSink;
  alarms: Alarms;
  settings(): LinesSettings;
  baseline(zone: number): Baseline | undefined;
}

export type Via = 'fast' | 'check';

export class LineZone {
  state: ZoneState = 'unknown';
  since: number;
  last: Reading | undefined;
  lastAt: number | undefined;
  /** Line voltage from the latest fast reading (programme present on air?). */
  lastV: number | undefined;
  lastHistoryAt = Number.NEGATIVE_INFINITY;
  private readonly window = new Debounce();
  private readonly fastWindow = new Debounce();

  constructor(
    readonly sense: ZoneSense,
    readonly isolator: ZoneIsolator,
    private readonly ctx: ZoneContext,
  ) {
    this.since = ctx.clock.now();
  }

  get id(): number {
    return this.sense.id;
  }

  get expectedOhm(): number {
    return expectedOhm(this.sense.speakers);
  }

  get baseline(): Baseline | undefined {
    return this.ctx.baseline(this.id);
  }

  get refOhm(): number {
    return this.baseline?.ohm ?? this.expectedOhm;
  }

  /** What a reading of this zone needs: the sense floor and the current resolution. */
  limits(): SenseLimits {
    const s = this.ctx.settings();
    return { minSenseV: s.minSenseV, currentStepA: this.sense.currentStepA ?? s.currentStepA };
  }

  thresholds(): Thresholds {
    const s = this.ctx.settings();
    return {
      refOhm: this.refOhm,
      calibrated: this.baseline !== undefined,
      tolerance: toleranceFor(s, this.id),
      hysteresis: s.hysteresis,
      earthFaultKohm: s.earthFaultKohm,
      shortFraction: s.shortFraction,
      openFactor: s.openFactor,
      currentStepA: this.limits().currentStepA,
    };
  }

  /** A full-check reading: classified with hysteresis, debounced 2 of 3. Returns its raw class. */
  async apply(r: Reading): Promise<LineState | 'unresolved'> {
    this.last = r;
    this.lastAt = this.ctx.clock.now();
    const raw = classify(r, this.state, this.thresholds());
    const settled = this.window.push(resolveClass(raw, this.state), this.state);
    if (settled) await this.transition(settled, r, 'check');
    return raw;
  }

  /** A fast passive reading: only a short is acted on here. */
  async applyFast(r: Reading): Promise<void> {
    this.lastV = r.sensorFault ? undefined : r.v;
    const t = this.thresholds();
    const shorted = !r.sensorFault && r.ohm < t.refOhm * t.shortFraction;
    const settled = this.fastWindow.push(shorted ? 'short' : 'ok', 'unknown');
    if (settled === 'short' && this.state !== 'short') await this.transition('short', r, 'fast');
  }

  /** A new baseline: judge the line afresh from the next readings. */
  recalibrated(): void {
    this.window.reset();
  }

  private async transition(next: LineState, r: Reading, via: Via): Promise<void> {
    const prev = this.state;
    if (prev === next) return;
    this.state = next;
    this.since = this.ctx.clock.now();
    const s = this.ctx.settings();
    if (next === 'short' && s.isolateShorts) await this.isolator.isolate();
    if (prev === 'short' && this.isolator.isolated) await this.isolator.release();
    if (prev !== 'unknown' && prev !== 'ok') this.ctx.alarms.clear(alarmKey(prev, this.id), this.describe(r));
    const message = this.describe(r);
    if (next !== 'ok') this.ctx.alarms.raise(alarmKey(next, this.id), 'lines', message, this.facts(r));
    this.ctx.events.emit({
      kind: 'lines.state',
      severity: next === 'ok' ? 'info' : 'warning',
      sub: 'lines',
      message,
      text: { key: 'ev.lines.state', vars: { zone: this.id, to: { key: `ev.lines.to.${next}` } } },
      details: { ...this.facts(r), from: prev, to: next, via },
    });
  }

  facts(r: Reading | undefined): Record<string, unknown> {
    const fin = (x: number | undefined, d: number) =>
      x !== undefined && Number.isFinite(x) ? round(x, d) : null;
    return {
      zone: this.id,
      ohm: fin(r?.ohm, 2),
      refOhm: round(this.refOhm, 2),
      deviationPct: r ? fin(deviation(r.ohm, this.refOhm) * 100, 1) : null,
      earthKohm: fin(r?.earthKohm, 1),
      method: r?.method ?? null,
      isolated: this.isolator.isolated,
    };
  }

  describe(r: Reading): string {
    const z = `zone ${this.id} (${this.sense.name})`;
    const ohm = Number.isFinite(r.ohm) ? `${round(r.ohm, 1)} Ω` : '∞ Ω';
    const ref = `${round(this.refOhm, 1)} Ω`;
    const s = this.ctx.settings();
    switch (this.state) {
      case 'ok':
        return `${z}: line ok (${ohm}, reference ${ref})`;
      case 'degraded': {
        const pct = round(deviation(r.ohm, this.refOhm) * 100, 1);
        return `${z}: line degraded, ${ohm} is ${pct > 0 ? '+' : ''}${pct} % from the baseline ${ref} (tolerance ±${round(toleranceFor(s, this.id) * 100)} %)`;
      }
      case 'open':
        return `${z}: line open (${ohm}, reference ${ref}); speakers beyond the break are silent, zone kept as commanded`;
      case 'short':
        return `${z}: line short circuit (${ohm}, reference ${ref})${this.isolator.isolated ? '; zone relay isolated to protect the amplifier, other zones keep playing' : ''}`;
      case 'earth-fault':
        return `${z}: earth fault, insulation ${round(r.earthKohm, 1)} kΩ is below ${s.earthFaultKohm} kΩ`;
      case 'sensor-fault':
        return `${z}: sensor fault, ${r.sensorFault ?? 'no usable reading'}`;
      default:
        return `${z}: not yet checked`;
    }
  }
}

export function alarmKey(state: ZoneState, zone: number): string {
  return `lines.${state}:zone.${zone}`;
}
