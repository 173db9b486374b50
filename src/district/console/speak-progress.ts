/**
 * Where each chosen station is in a live session, from what the station itself reports (its
 * events reach the hub's change feed within ~50 ms of arriving, the feed the console's
 * overview reads): `live.start` names the district session (power-up begins), the play log's
 * entry for the attention chime closes when the chime has played out (the voice is heard from
 * then on: "speak now"), `live.refused` and `live.session` (the end, with its cause). Not a
 * timed estimate: a station whose power-up takes longer says so by reporting later.
 */
import type { FeedBatch } from '../change-feed.js';
import type { Sessions } from '../sessions.js';
import type { StoredEvent } from '../stations.js';

export type StationPhase = 'offline' | 'waiting' | 'powering' | 'ready' | 'refused' | 'ended';

export interface StationProgress {
  stationId: string;
  phase: StationPhase;
  /** The refusal's or the end's words (the station's own message or cause). */
  detail?: string;
}

/** Follows the chosen stations of session `session`; `onChange` gets each change; returns the unsubscribe. */
export function followStations(
  sessions: Sessions,
  stations: string[],
  session: () => string | undefined,
  onChange: (p: StationProgress) => void,
): () => void {
  const chosen = new Set(stations);
  /** The station's announcement id for this session (from its live.start event). */
  const announcement = new Map<string, string>();
  return sessions.feed.subscribe((b: FeedBatch) => {
    const id = session();
    if (!id) return;
    for (const s of b.stations)
      if (chosen.has(String(s.stationId)) && !s.online)
        onChange({ stationId: String(s.stationId), phase: 'offline' });
    for (const e of b.events) {
      if (!chosen.has(e.stationId)) continue;
      const p = progressOf(e, id, announcement);
      if (p) onChange(p);
    }
  });
}

function progressOf(
  e: StoredEvent,
  id: string,
  announcement: Map<string, string>,
): StationProgress | undefined {
  const d = e.event.details ?? {};
  const stationId = e.stationId;
  const live = d.live as { session?: unknown } | undefined;
  switch (e.event.kind) {
    case 'live.start':
      if (live?.session !== id) return undefined;
      announcement.set(stationId, String(d.id));
      return { stationId, phase: 'powering' };
    case 'playlog.item': {
      const ann = announcement.get(stationId);
      return ann && String(d.id).startsWith(`${ann}:attention`) ? { stationId, phase: 'ready' } : undefined;
    }
    case 'live.refused':
      return d.session === id ? { stationId, phase: 'refused', detail: e.event.message } : undefined;
    case 'live.session':
      return d.session === id ? { stationId, phase: 'ended', detail: String(d.cause ?? '') } : undefined;
    default:
      return undefined;
  }
}
