/**
 * The play log: each item that actually went out (its first audio reached the output) — when
 * it started and ended, which source was heard (live or fallback, and why), on which zones,
 * and whether the amplifier and zone relays were confirmed on by their feedback contacts.
 * Persisted as JSON lines (playlog.jsonl): a line when the item starts and one when it ends,
 * the last line of an id wins, so a power cut mid-item keeps its start. Bounded: compacted
 * atomically past twice the limit. Each finished item is also an event (`playlog.item`), which
 * the district link forwards.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isENOENT } from '../core/errors.js';
import { playlogTextOf } from '../core/event-text.js';
import type { EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import { appendDurable, writeFileAtomic } from '../store/files.js';

export type Heard = 'source' | 'fallback';

export interface SourceChange {
  at: number;
  using: Heard;
  kind: string | undefined;
  why?: string;
}

export interface Confirmation {
  at: number;
  amplifier: boolean | undefined;
  zones: Record<string, boolean | undefined>;
}

/** The proof of a spoken bulletin: which text (its sha256) and which voice read it. */
export interface SpeechProof {
  textSha256: string;
  voice: string;
  engine: string;
  engineVersion?: string;
  chars: number;
  /** A CAP alert's own recording played in place of the speech (its sha256). */
  recording?: string;
  /** Why the alert's recording was not played (the text was spoken instead). */
  recordingError?: string;
}

export interface PlayLogEntry {
  id: string;
  kind: 'programme' | 'emergency' | 'bulletin' | 'live';
  programmeId?: string;
  title: string;
  /** The title in words, when the station made it up (an emergency's parts): core/i18n.ts. */
  titleText?: Text;
  tier: 'normal' | 'priority' | 'emergency';
  origin?: string;
  start: number;
  end?: number;
  endReason?: string;
  /** Why the programme itself could not play (the fallback playlist went out instead). */
  replaced?: string;
  /** `replaced` as a keyed text, when the refusal had one. */
  replacedText?: Text;
  /** What the listeners heard, in order (the first entry is at the start). */
  sources: SourceChange[];
  zones: number[];
  confirmed?: Confirmation;
  speech?: SpeechProof;
  /** A recorded bulletin's file (the district's name and sha256). */
  recording?: { name: string; sha256?: string };
  /** The district command that started it (the hub finds its bulletin's entries by it). */
  commandId?: string;
}

export interface PlayLogQuery {
  sinceTs?: number;
  limit?: number;
}

export class PlayLog {
  private entries: PlayLogEntry[] = [];
  private fileLines = 0;
  private writing: Promise<void> = Promise.resolve();
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly max: number,
    private readonly events: EventSink,
  ) {
    this.file = join(dataDir, 'playlog.jsonl');
  }

  async load(): Promise<void> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if (!isENOENT(e)) throw e;
    }
    const byId = new Map<string, PlayLogEntry>();
    for (const line of text.split('\n')) {
      const e = parseEntry(line);
      if (e) byId.set(e.id, e);
    }
    this.entries = [...byId.values()].sort((a, b) => a.start - b.start).slice(-this.max);
    this.fileLines = text.split('\n').filter((l) => l.trim()).length;
    // an item that was on air when the station stopped: it ended then, whenever that was
    for (const e of this.entries) if (e.end === undefined) e.endReason = 'station stopped';
  }

  open(entry: PlayLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    this.persist(entry);
  }

  get(id: string): PlayLogEntry | undefined {
    return this.entries.findLast((e) => e.id === id);
  }

  /** Records a change of heard source (no write: it is written when the item ends). */
  heard(id: string, change: SourceChange): void {
    const e = this.get(id);
    const last = e?.sources.at(-1);
    if (e && e.end === undefined && (last?.using !== change.using || last?.kind !== change.kind))
      e.sources.push(change);
  }

  confirm(id: string, c: Confirmation): void {
    const e = this.get(id);
    if (e) e.confirmed = c;
  }

  close(id: string, end: number, reason: string): PlayLogEntry | undefined {
    const e = this.get(id);
    if (!e || e.end !== undefined) return undefined;
    e.end = end;
    e.endReason = reason;
    this.persist(e);
    this.events.emit({
      kind: 'playlog.item',
      severity: 'info',
      sub: 'schedule',
      message: `${e.title}: ${Math.round((end - e.start) / 1000)} s on zones ${e.zones.join(',')} (${reason})`,
      text: playlogTextOf({ ...e }),
      details: { ...e },
    });
    return e;
  }

  query(q: PlayLogQuery = {}): PlayLogEntry[] {
    const since = q.sinceTs ?? 0;
    const hits = this.entries.filter((e) => (e.end ?? Number.POSITIVE_INFINITY) >= since);
    return hits.slice(-(q.limit ?? 200));
  }

  flush(): Promise<void> {
    return this.writing;
  }

  private persist(e: PlayLogEntry): void {
    const line = `${JSON.stringify(e)}\n`;
    this.writing = this.writing
      .then(async () => {
        if (this.fileLines + 1 > 2 * this.max) await this.compact();
        await appendDurable(this.file, line);
        this.fileLines++;
      })
      .catch((err) =>
        this.events.emit({
          kind: 'playlog.write-failed',
          severity: 'alarm',
          sub: 'schedule',
          message: `play log not written: ${(err as Error).message}`,
          text: { key: 'ev.playlog.write-failed' },
        }),
      );
  }

  private async compact(): Promise<void> {
    const text = this.entries.map((x) => JSON.stringify(x)).join('\n');
    await writeFileAtomic(this.file, text ? `${text}\n` : '');
    this.fileLines = this.entries.length;
  }
}

function parseEntry(line: string): PlayLogEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const e = JSON.parse(line) as PlayLogEntry;
    return typeof e.id === 'string' && typeof e.start === 'number' && Array.isArray(e.sources)
      ? e
      : undefined;
  } catch {
    return undefined; // a torn last line after a power cut
  }
}
