/**
 * Events and alarms as the domain sees them. Subsystems depend on these small shapes; the
 * store persists events, the uplink forwards them.
 */
import type { Text, TextVar } from './i18n.js';

export type Severity = 'info' | 'warning' | 'alarm';

export interface EventInput {
  kind: string;
  severity: Severity;
  /** Subsystem that raised it (power, hal, store, audio, …). */
  sub: string;
  /** English, for logs and the district. */
  message: string;
  details?: Record<string, unknown>;
  /** The message as a catalogue key and variables, for terminals in another language. */
  text?: Text;
}

export interface StationEvent extends EventInput {
  seq: number;
  /** Wall-clock time, epoch ms. */
  ts: number;
  details: Record<string, unknown>;
}

export interface EventSink {
  emit(e: EventInput): void;
}

export interface ActiveAlarm {
  key: string;
  sub: string;
  message: string;
  since: number;
  details: Record<string, unknown>;
}

/** The set of alarms now active; raising or clearing one records an event. */
export class Alarms {
  private readonly active = new Map<string, ActiveAlarm>();
  private readonly listeners = new Set<(key: string, raised: boolean) => void>();

  constructor(
    private readonly events: EventSink,
    private readonly now: () => number,
  ) {}

  raise(key: string, sub: string, message: string, details: Record<string, unknown> = {}): void {
    if (this.active.has(key)) return;
    this.active.set(key, { key, sub, message, since: this.now(), details });
    this.events.emit({
      kind: key,
      severity: 'alarm',
      sub,
      message,
      details: { ...details, alarm: 'raised' },
      text: alarmTextOf(key, details),
    });
    for (const l of this.listeners) l(key, true);
  }

  /** Ends an alarm; its event says so in words made from the alarm as it was raised. */
  clear(key: string, message = 'cleared'): void {
    const a = this.active.get(key);
    if (!a) return;
    this.active.delete(key);
    this.events.emit({
      kind: key,
      severity: 'info',
      sub: a.sub,
      message,
      details: { alarm: 'cleared' },
      text: { key: 'ev.alarm.cleared', vars: { what: alarmTextOf(key, a.details) } },
    });
    for (const l of this.listeners) l(key, false);
  }

  has(key: string): boolean {
    return this.active.has(key);
  }

  list(): ActiveAlarm[] {
    return [...this.active.values()].sort((a, b) => a.since - b.since);
  }

  onChange(cb: (key: string, raised: boolean) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}

/**
 * An alarm's words: `alarm.KIND` (the key up to its first ":", e.g. lines.open:zone.3) with the
 * alarm's plain details as variables (ops/alarm-messages.ts holds the catalogue).
 */
export function alarmTextOf(key: string, details: Record<string, unknown>): Text {
  const vars: Record<string, TextVar> = {};
  for (const [k, v] of Object.entries(details ?? {}))
    if (typeof v === 'number') vars[k] = Number.isInteger(v) ? v : Number(v.toFixed(1));
    else if (typeof v === 'string' || typeof v === 'boolean') vars[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
      vars[k] = v.join(', ');
  return { key: `alarm.${key.split(':')[0] ?? key}`, vars };
}

/** An event sink that keeps events in memory (tests, bench). */
export class MemoryEvents implements EventSink {
  readonly events: EventInput[] = [];
  emit(e: EventInput): void {
    this.events.push(e);
  }
  kinds(): string[] {
    return this.events.map((e) => e.kind);
  }
}
