/**
 * Events and alarms as the domain sees them. Subsystems depend on these small shapes; the
 * store persists events, the uplink forwards them.
 */
export type Severity = 'info' | 'warning' | 'alarm';

export interface EventInput {
  kind: string;
  severity: Severity;
  /** Subsystem that raised it (power, hal, store, audio, …). */
  sub: string;
  message: string;
  details?: Record<string, unknown>;
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
    });
    for (const l of this.listeners) l(key, true);
  }

  clear(key: string, message = 'cleared'): void {
    const a = this.active.get(key);
    if (!a) return;
    this.active.delete(key);
    this.events.emit({ kind: key, severity: 'info', sub: a.sub, message, details: { alarm: 'cleared' } });
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
