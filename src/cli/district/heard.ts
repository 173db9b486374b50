/**
 * Was a district bulletin heard? The station's play-log entries for the command (they reach the
 * hub as playlog.item events, carrying the command id): when it played, why it ended, and
 * whether the amplifier and each zone relay were confirmed on by their feedback contacts.
 */
import { type Lang, translate } from '../../core/i18n.js';
import type { DistrictEvent__Output } from '../../gen/loa/district/v1/DistrictEvent.js';
import type { PlayLogEntry } from '../../schedule/play-log.js';
import { fromStruct } from '../../wire/struct.js';
import { speechMessages } from '../station/messages-speech.js';
import type { DCtx } from './context.js';

export interface Heard {
  station: string;
  commandId: string;
  heard: boolean;
  entries: PlayLogEntry[];
}

export async function heardFor(ctx: DCtx, station: string, commandId: string): Promise<Heard> {
  const r = await ctx
    .hub()
    .call<{ entries: DistrictEvent__Output[] }>('ListPlayLog', { stationId: station, limit: 1000 });
  const entries = r.entries
    .map((e) => fromStruct(e.event?.details) as unknown as PlayLogEntry)
    .filter((e) => e?.commandId === commandId);
  const confirmed = (e: PlayLogEntry) =>
    e.confirmed?.amplifier === true && Object.values(e.confirmed.zones).every((z) => z === true);
  return { station, commandId, heard: entries.some(confirmed), entries };
}

export function renderHeard(h: Heard, lang: Lang): string {
  const t = (k: string) => translate(speechMessages, lang, k);
  if (!h.entries.length) return `    ${h.station}: ${t('heard.none')}`;
  const parts = h.entries.map((e) => {
    const when = new Date(e.start).toISOString().slice(11, 19);
    const zones = Object.entries(e.confirmed?.zones ?? {})
      .map(([z, on]) => `${z}${on ? '✓' : '✗'}`)
      .join(' ');
    const amp = e.confirmed?.amplifier ? '✓' : '✗';
    return `${when} ${e.title} (${e.endReason ?? t('heard.onAir')}), ${t('heard.amp')} ${amp}, ${t('heard.zones')} ${zones || '-'}`;
  });
  return `    ${h.station}: ${t(h.heard ? 'heard.yes' : 'heard.no')} — ${parts.join('; ')}`;
}
