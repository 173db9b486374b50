/**
 * The pre-roll before a programme whose media is already known missing, with no fallback
 * playlist to stand in: the chain is not keyed for it (issue 22 item 1 — a keyed transmitter
 * sending silence for the pre-roll seconds is the dead air the station must never make), and
 * the "cannot play" alarm is raised now, ahead of the window, instead. The media watch has
 * usually raised `schedule.media-missing` well before; this alarm says what the station does.
 * Only files and playlists are judged ahead: a relay has its stream, a text item its voice.
 */
import { toLoaError } from '../core/errors.js';
import type { Alarms } from '../core/events.js';
import type { Occurrence } from './plan.js';
import type { PowerWindow } from './power-plan.js';
import { type MediaLookup, playable } from './sources.js';

export interface PreRollDeps {
  alarms: Alarms;
  media: MediaLookup | undefined;
  alarmKey: string;
  fallbackReady: () => boolean;
}

export class PreRollGuard {
  /** The occurrence the guard holds the chain down for, while it does. */
  private held: Occurrence | undefined;

  constructor(private readonly d: PreRollDeps) {}

  get holding(): boolean {
    return this.held !== undefined;
  }

  /**
   * Whether the chain must stay down at `now`, in `win` before its next item (nothing on air).
   * `replaced`: the programme on air is already replaced (its alarm is the runner's, kept).
   */
  async dark(win: PowerWindow | undefined, now: number, onAir: boolean, replaced: boolean): Promise<boolean> {
    const next = !onAir && win ? win.items.find((i) => i.start >= now) : undefined;
    const why = next && !this.d.fallbackReady() ? await mediaProblem(next, this.d.media) : undefined;
    if (next && why !== undefined) {
      this.held = next;
      this.d.alarms.raise(
        this.d.alarmKey,
        'schedule',
        `programme "${next.rule.title}" cannot play (${why}) and there is no fallback playlist: amplifiers and transmitter stay off for its window`,
        { id: next.rule.id, key: next.key, start: next.start, end: next.end, why, fallback: false },
      );
      return true;
    }
    const was = this.held;
    this.held = undefined;
    if (was && !replaced) this.d.alarms.clear(this.d.alarmKey, `${was.rule.title}: can play now`);
    return false;
  }
}

async function mediaProblem(occ: Occurrence, lookup: MediaLookup | undefined): Promise<string | undefined> {
  const src = occ.rule.source;
  if (!lookup || (src.kind !== 'file' && src.kind !== 'playlist')) return undefined;
  return playable(src, 0, lookup).then(
    () => undefined,
    (e) => toLoaError(e).message,
  );
}
