/**
 * Manual plays (`stationctl play`, a district's `audio.play` command) survive a crash, kill -9,
 * power cut or restart: the request is written (atomically, audio-state.json) once it plays and
 * forgotten when it ends, is stopped or is replaced (a scheduled programme taking the slot). At
 * start the audio module plays what is left again: a relay reconnects; a file resumes at the
 * offset it would have reached, unless the clock says it went backwards or the play is older
 * than MAX_FILE_RESUME_MS (after a long power cut a half-played bulletin is not news any more).
 * A clean stop of the daemon (upgrade, systemctl restart) keeps them too: the operator never
 * asked for them to stop.
 */

import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { EventSink } from '../core/events.js';
import type { Text } from '../core/i18n.js';
import { JsonDoc } from '../store/doc.js';
import type { OnAirPort, Slot, SourceSpec } from './port.js';
import { sourceSpecSchema } from './request.js';

export const MAX_FILE_RESUME_MS = 6 * 3600_000;

const entrySchema = z.object({
  slot: z.enum(['programme', 'emergency']),
  id: z.string().min(1).max(128),
  source: sourceSpecSchema,
  /** Wall clock when it started (ms). */
  startedAt: z.number(),
});
type Entry = z.infer<typeof entrySchema>;

const stateSchema = z.object({ schema: z.literal(1), plays: z.array(entrySchema).max(2) });
type AudioState = z.infer<typeof stateSchema>;

export class ManualPlays {
  readonly doc: JsonDoc<AudioState>;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly o: { file: string; clock: Clock; events: EventSink }) {
    this.doc = new JsonDoc({
      file: o.file,
      schema: stateSchema,
      version: 1,
      clock: o.clock,
      defaults: () => ({ schema: 1 as const, plays: [] }),
    });
  }

  load(): Promise<void> {
    return this.doc.load();
  }

  get plays(): readonly Entry[] {
    return this.doc.data.plays;
  }

  /** A manual request is playing in `slot`: it replaces whatever manual one was there. */
  async remember(slot: 'programme' | 'emergency', id: string, source: SourceSpec): Promise<void> {
    const entry: Entry = { slot, id, source, startedAt: this.o.clock.now() };
    this.doc.update((d) => {
      d.plays = [...d.plays.filter((p) => p.slot !== slot), entry];
    });
    await this.doc.flush();
  }

  async forget(slot: Slot, id: string): Promise<void> {
    if (!this.doc.data.plays.some((p) => p.slot === slot && p.id === id)) return;
    this.doc.update((d) => {
      d.plays = d.plays.filter((p) => !(p.slot === slot && p.id === id));
    });
    await this.doc.flush();
  }

  /** Plays what was left playing, then follows the port so ended requests are forgotten. */
  async resume(port: OnAirPort): Promise<void> {
    this.unsubscribe = port.onEnded((slot, id) => void this.forget(slot, id));
    for (const e of [...this.doc.data.plays]) {
      const source = this.resumeSource(e);
      if (!source) {
        await this.forget(e.slot, e.id);
        this.emit('info', 'audio.resume-skipped', `not resumed: ${e.slot} "${e.id}" (${this.why(e)})`, e, {
          key: 'ev.audio.resume-skipped',
          vars: { slot: { key: `ev.slot.${e.slot}` }, id: e.id },
        });
        continue;
      }
      try {
        await port.play(e.slot, { id: e.id, source });
        const at = source.kind === 'file' ? ` at ${Math.round((source.offsetMs ?? 0) / 1000)} s` : '';
        this.emit('info', 'audio.resumed', `resumed after a restart: ${e.slot} "${e.id}"${at}`, e, {
          key: 'ev.audio.resumed',
          vars: { slot: { key: `ev.slot.${e.slot}` }, id: e.id },
        });
      } catch (err) {
        await this.forget(e.slot, e.id);
        const msg = `could not resume ${e.slot} "${e.id}": ${(err as Error).message}`;
        this.emit('warning', 'audio.resume-failed', msg, e, {
          key: 'ev.audio.resume-failed',
          vars: { slot: { key: `ev.slot.${e.slot}` }, id: e.id },
        });
      }
    }
  }

  /** Before the engine closes on a clean stop: what is playing now must be resumed next start. */
  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private elapsed(e: Entry): number {
    return this.o.clock.now() - e.startedAt;
  }

  private resumeSource(e: Entry): SourceSpec | undefined {
    const s = e.source;
    if (s.kind !== 'file') return s;
    const elapsed = this.elapsed(e);
    if (elapsed < 0 || elapsed > MAX_FILE_RESUME_MS) return undefined;
    return { ...s, offsetMs: Math.round((s.offsetMs ?? 0) + elapsed) };
  }

  private why(e: Entry): string {
    const elapsed = this.elapsed(e);
    return elapsed < 0
      ? 'the clock is earlier than when it started'
      : `started ${Math.round(elapsed / 60_000)} min ago, more than ${MAX_FILE_RESUME_MS / 3600_000} h`;
  }

  private emit(severity: 'info' | 'warning', kind: string, message: string, e: Entry, text: Text): void {
    this.o.events.emit({ kind, severity, sub: 'audio', message, details: { ...e }, text });
  }
}
