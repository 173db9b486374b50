/**
 * Checks, well ahead of each window, that the media its programme needs is here and intact
 * (the cache re-hashes a file before it counts: a damaged file is as missing as an absent one).
 * What is missing is asked of the district when the uplink's media sync can fetch it, and an
 * alarm names the programme and its local start time while there is still time to act — a
 * technician with `stationctl media add`, or the district. The alarm clears by itself once the
 * file is here (or the programme is no longer in the horizon).
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { Plan } from './compile.js';
import type { MediaRef, ProgrammeSource } from './document.js';
import { type Occurrence, occurrences } from './plan.js';
import { formatLocal } from './zoned-time.js';

export const MEDIA_MISSING = 'schedule.media-missing';

/** A verified path for a reference, or undefined when it is not (or no longer) playable. */
export type MediaCheck = (ref: MediaRef) => Promise<string | undefined>;

export interface MediaWatchDeps {
  clock: Clock;
  alarms: Alarms;
  events: EventSink;
  plan: () => Plan | undefined;
  check: MediaCheck;
  /** Asks the district for a file; undefined when the district cannot be asked for it. */
  fetch?: ((sha256: string) => Promise<unknown> | undefined) | undefined;
  aheadMs: number;
  everyMs: number;
}

export interface MissingMedia {
  programmeId: string;
  title: string;
  start: number;
  startLocal: string;
  timezone: string;
  missing: string[];
  /** Whether the district's media sync was asked for the missing files. */
  fetching: boolean;
}

export function refsOf(src: ProgrammeSource): MediaRef[] {
  if (src.kind === 'file') return [src.file];
  if (src.kind === 'playlist') return src.items;
  if (src.kind === 'relay') return src.fallback?.items ?? [];
  return [];
}

const label = (r: MediaRef) => ('sha256' in r ? `${r.sha256.slice(0, 12)}…` : r.path);

export class MediaWatch {
  private timer: Timer | undefined;
  private running: Promise<void> | undefined;
  private readonly raised = new Set<string>();
  private readonly asked = new Set<string>();
  /** What the last pass found missing, by programme id (the nearest occurrence). */
  readonly missing = new Map<string, MissingMedia>();

  constructor(private readonly d: MediaWatchDeps) {}

  start(): void {
    this.timer = this.d.clock.setInterval(() => void this.check(), this.d.everyMs);
    void this.check();
  }

  stop(): void {
    this.timer?.cancel();
  }

  /** One pass over the horizon; concurrent calls share the pass in flight. */
  check(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const plan = this.d.plan();
    const now = this.d.clock.now();
    const occs = plan ? occurrences(plan, now, now + this.d.aheadMs) : [];
    const found = new Map<string, MissingMedia>();
    for (const occ of occs) {
      if (found.has(occ.rule.id) || occ.end <= now) continue;
      const gone = await this.missingOf(occ);
      if (!gone.length || !plan) continue;
      const fetching = gone.map((r) => 'sha256' in r && this.ask(r.sha256)).some(Boolean);
      found.set(occ.rule.id, { ...describe(occ, gone, plan.tz), fetching });
    }
    this.missing.clear();
    for (const [id, m] of found) this.missing.set(id, m);
    this.report(found);
  }

  private async missingOf(occ: Occurrence): Promise<MediaRef[]> {
    const out: MediaRef[] = [];
    for (const ref of refsOf(occ.rule.source)) if (!(await this.d.check(ref))) out.push(ref);
    return out;
  }

  /** Asks the district once per file per daemon run; a fetched file ends the alarm at the next pass. */
  private ask(sha: string): boolean {
    if (this.asked.has(sha)) return true;
    const p = this.d.fetch?.(sha);
    if (!p) return false;
    this.asked.add(sha);
    void p.then(
      () => void this.check(),
      (e) => {
        this.asked.delete(sha);
        this.d.events.emit({
          kind: 'schedule.media-fetch-failed',
          severity: 'warning',
          sub: 'schedule',
          message: `media ${sha.slice(0, 12)}… could not be fetched from the district: ${(e as Error).message}`,
          text: { key: 'ev.schedule.media-fetch-failed', vars: { sha: `${sha.slice(0, 12)}…` } },
          details: { sha256: sha },
        });
      },
    );
    return true;
  }

  private report(found: Map<string, MissingMedia>): void {
    for (const [id, m] of found) {
      const key = `${MEDIA_MISSING}:${id}`;
      const how = m.fetching ? 'asked the district for it' : 'the district cannot send it';
      this.d.alarms.raise(
        key,
        'schedule',
        `programme "${m.title}" at ${m.startLocal} (${m.timezone}): media ${m.missing.join(', ')} missing or damaged (${how}); the fallback plays instead if it is not here in time`,
        { ...m },
      );
      this.raised.add(key);
    }
    for (const key of [...this.raised])
      if (!found.has(key.slice(MEDIA_MISSING.length + 1))) {
        this.raised.delete(key);
        this.d.alarms.clear(key, 'the programme media is here');
      }
  }
}

function describe(occ: Occurrence, gone: MediaRef[], tz: string): Omit<MissingMedia, 'fetching'> {
  return {
    programmeId: occ.rule.id,
    title: occ.rule.title,
    start: occ.start,
    startLocal: formatLocal(occ.start, tz),
    timezone: tz,
    missing: gone.map(label),
  };
}
