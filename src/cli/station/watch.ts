/**
 * `stationctl watch`: the station at a glance, redrawn in place, fitting an 80×24 terminal
 * over SSH. The frame is a pure function of the status so it is tested without a terminal.
 */

import type { StationStatus } from '../../api/status.js';
import { type Lang, translate } from '../../core/i18n.js';
import { humanLocal } from '../../core/local-time.js';
import { alarmText } from '../../ops/alarm-text.js';
import { levelBar } from './level-bar.js';
import { watchMessages } from './watch-messages.js';

export const WIDTH = 80;
export const HEIGHT = 24;

type Sections = Record<string, unknown>;

function fit(line: string): string {
  return line.length > WIDTH ? `${line.slice(0, WIDTH - 1)}…` : line;
}

function onAirLine(m: Sections, t: (k: string, v?: Record<string, string | number>) => string): string {
  const audio = m.audio as
    | {
        onAir?: { slot?: string; id?: string; using?: string };
        output?: { rmsDbfs?: number; peakDbfs?: number };
      }
    | undefined;
  if (!audio?.onAir) return t('w.onair.none');
  const lvl = audio.output?.rmsDbfs !== undefined ? `  ${audio.output.rmsDbfs.toFixed(0)} dBFS` : '';
  return (
    t('w.onair', {
      slot: audio.onAir.slot ? word(t, 'w.slot', audio.onAir.slot) : '-',
      id: audio.onAir.id ?? '',
      using: audio.onAir.using ? word(t, 'w.using', audio.onAir.using) : '',
    }) + lvl
  );
}

/** While a live voice is on: where from, its tier and phase, and its level meter. */
function liveLines(m: Sections, t: (k: string, v?: Record<string, string | number>) => string): string[] {
  const live = m.live as
    | { active?: boolean; via?: string; tier?: string; phase?: string; levels?: { rmsDbfs: number } }
    | undefined;
  if (!live?.active) return [];
  const rms = live.levels?.rmsDbfs;
  return [
    t('w.live', {
      via: word(t, 'w.via', live.via ?? ''),
      tier: word(t, 'w.tier', live.tier ?? ''),
      phase: word(t, 'w.phase', live.phase ?? ''),
      meter: rms === undefined ? '' : `${levelBar(rms)} ${rms.toFixed(0)} dBFS`,
    }),
  ];
}

/** A state word from the catalogue; a word it does not know is shown as it is. */
function word(t: (k: string) => string, prefix: string, v: string): string {
  const k = `${prefix}.${v}`;
  const w = t(k);
  return w === k ? v : w;
}

/** A cluster has no transmitter row; its 4G link is what it depends on instead. */
function modemLine(m: Sections, t: (k: string, v?: Record<string, string | number>) => string): string {
  const modem = m.modem as
    | { signal?: { rsrpDbm?: number | null; tech?: string | null }; data?: { state?: string } }
    | undefined;
  if (!modem?.signal) return t('w.modem.none');
  const rsrp = modem.signal.rsrpDbm;
  return t('w.modem', {
    tech: modem.signal.tech ?? '-',
    rsrp: rsrp === null || rsrp === undefined ? '-' : String(rsrp),
    data: modem.data?.state ?? '-',
  });
}

function lineState(m: Sections, zone: number, t: (k: string) => string): string {
  const lines = m.lines as { zones?: Array<{ id: number; state?: string }> } | undefined;
  const st = lines?.zones?.find((z) => z.id === zone)?.state;
  return st ? word(t, 'w.line', st) : '-';
}

export function renderFrame(s: StationStatus, lang: Lang, now: Date): string[] {
  const t = (k: string, v?: Record<string, string | number>) => translate(watchMessages, lang, k, v);
  const onoff = (b: boolean | undefined) => (b === undefined ? '-' : t(b ? 'w.on' : 'w.off'));
  const tx = s.transmitter;
  const out = [
    t('w.title', { id: s.stationId, time: humanLocal(now.getTime(), s.timezone ?? 'UTC').slice(11) }),
    '─'.repeat(WIDTH),
    t('w.power', {
      state: word(t, 'w.state', s.power.state),
      mains: s.mainsPresent ? t('w.mains.ok') : t('w.mains.lost'),
    }),
    ...(tx
      ? [
          t('w.tx', {
            state: word(t, 'w.state', tx.state),
            fwd: tx.forwardW.toFixed(1),
            refl: tx.reflectedW.toFixed(1),
            temp: tx.temperatureC.toFixed(1),
          }),
        ]
      : [modemLine(s.modules, t)]),
    t('w.amp', {
      on: onoff(s.amplifier.on),
      muted: s.amplifier.muted ? t('w.muted') : '',
      a: (s.amplifier.currentA ?? 0).toFixed(2),
      temp:
        s.amplifier.temperatureC === undefined
          ? ''
          : `  ${s.amplifier.temperatureC.toFixed(1)} °C${s.amplifier.overTemp ? ` ${t('w.ampHot')}` : ''}`,
    }),
    onAirLine(s.modules, t),
    ...liveLines(s.modules, t),
    '',
    t('w.zones.head'),
  ];
  for (const z of s.zones.slice(0, 8))
    out.push(
      `  ${String(z.id).padStart(2)} ${z.name.slice(0, 22).padEnd(22)} ${onoff(z.relay).padEnd(6)} ${onoff(z.feedback).padEnd(6)} ${lineState(s.modules, z.id, t)}`,
    );
  out.push('', t('w.alarms', { n: s.alarms.length }));
  const room = HEIGHT - out.length - 1;
  const alarms = s.alarms.slice(0, Math.max(0, room));
  for (const a of alarms) out.push(`  ! ${a.key}: ${alarmText(a, lang)}`);
  while (out.length < HEIGHT - 1) out.push('');
  out.push(t('w.footer'));
  return out.slice(0, HEIGHT).map(fit);
}
