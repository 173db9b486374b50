/**
 * Doctor checks on the station's modules, from their status sections: every speaker line,
 * the audio output and its sources, the media cache's integrity, the schedule and the clock,
 * and the district uplink. A module that is not running gives no finding.
 */
import { humanLocal } from '../../core/local-time.js';
import { type Finding, fault, ok, warn } from './types.js';

interface LineZone {
  id: number;
  name: string;
  state: string;
  calibrated: boolean;
  isolated?: boolean;
  deviationPct?: number | null;
}

export function checkLines(lines: unknown): Finding[] {
  const zones = (lines as { zones?: LineZone[] } | undefined)?.zones;
  if (!zones) return [];
  const out: Finding[] = [];
  for (const z of zones) {
    const vars = { zone: z.id, name: z.name };
    if (['open', 'short', 'earth', 'earth-fault', 'sensor', 'sensor-fault'].includes(z.state))
      out.push(fault(`line.${z.id}`, `doc.line.${z.state.replace('-fault', '')}`, vars));
    else if (z.state === 'degraded')
      out.push(
        warn(`line.${z.id}`, 'doc.line.degraded', { ...vars, pct: z.deviationPct?.toFixed(0) ?? '?' }),
      );
    else if (!z.calibrated) out.push(warn(`line.${z.id}`, 'doc.line.uncalibrated', vars));
  }
  if (out.length === 0) out.push(ok('lines', 'doc.lines.ok', { n: zones.length }));
  return out;
}

interface AudioSection {
  sink?: { kind: string; ok: boolean; error?: string };
  sources?: Array<{
    slot?: string;
    id?: string;
    health?: string;
    healthy?: boolean;
    reason?: string;
    failure?: { cause: string; error: string; attempts: number };
  }>;
}

export function checkAudio(audio: unknown): Finding[] {
  const a = audio as AudioSection | undefined;
  if (!a?.sink) return [];
  const out: Finding[] = [];
  out.push(
    a.sink.ok
      ? ok('audio.sink', 'doc.audio.sink.ok', { kind: a.sink.kind })
      : fault('audio.sink', 'doc.audio.sink.bad', { kind: a.sink.kind, error: a.sink.error ?? '' }),
  );
  for (const s of a.sources ?? []) {
    if (s.failure) {
      // never played (audio.source-failed): a wrong address or a dead server, not a weak link
      out.push(
        fault(`audio.source.${s.slot ?? '?'}`, 'doc.audio.source-failed', {
          slot: s.slot ?? '?',
          id: s.id ?? '',
          cause: s.failure.cause,
          error: s.failure.error,
        }),
      );
      continue;
    }
    const bad =
      s.healthy === false || (s.health !== undefined && s.health !== 'healthy' && s.health !== 'ok');
    if (bad)
      out.push(
        warn(`audio.source.${s.slot ?? '?'}`, 'doc.audio.source', {
          slot: s.slot ?? '?',
          id: s.id ?? '',
          health: s.health ?? s.reason ?? 'unhealthy',
        }),
      );
  }
  return out;
}

interface MissingMedia {
  programmeId: string;
  title: string;
  startLocal: string;
  timezone: string;
  missing: string[];
  fetching: boolean;
}

/**
 * What the schedule needs from the media cache, as the station itself found it (it verifies
 * ahead of each window): doctor reads, never re-hashes or quarantines anything itself.
 */
export function checkMedia(media: unknown, schedule: unknown): Finding[] {
  const files = (media as { files?: number } | undefined)?.files;
  const missing = (schedule as { mediaMissing?: MissingMedia[] } | undefined)?.mediaMissing ?? [];
  const out = missing.map((m) => {
    const f = fault(`media.missing.${m.programmeId}`, 'doc.media.missing', {
      title: m.title,
      startLocal: m.startLocal,
      timezone: m.timezone,
      missing: m.missing.join(', '),
    });
    return m.fetching ? { ...f, next: 'doc.media.missing.fetching' } : f;
  });
  if (out.length === 0 && files !== undefined) out.push(ok('media', 'doc.media.ok', { n: files }));
  return out;
}

interface ScheduleSection {
  version: string | number | null;
  stale: boolean;
  clock?: { state: string; open: boolean };
  nextWakeAt?: number | null;
  emergency?: { active: boolean };
  onAir?: unknown;
  /** The next programme within `soonDays` (null: none); absent from older daemons. */
  next?: { startLocal: string } | null;
  soonDays?: number;
}

export function checkSchedule(schedule: unknown, timeZone = 'Asia/Ho_Chi_Minh'): Finding[] {
  const s = schedule as ScheduleSection | undefined;
  if (!s) return [];
  const out: Finding[] = [];
  if (s.version === null) out.push(warn('schedule', 'doc.schedule.none'));
  else if (s.stale) out.push(warn('schedule', 'doc.schedule.stale', { version: String(s.version) }));
  else {
    const next = s.nextWakeAt
      ? humanLocal(s.nextWakeAt, timeZone).slice(0, 16) + humanLocal(s.nextWakeAt, timeZone).slice(19)
      : '-';
    // valid, but nothing to play within the horizon (only past dates, another zone…)
    if (s.next === null && !s.onAir)
      out.push(warn('schedule', 'doc.schedule.idle', { version: String(s.version), days: s.soonDays ?? 7 }));
    else out.push(ok('schedule', 'doc.schedule.ok', { version: String(s.version), next }));
  }
  if (s.clock?.state === 'unsynchronised') out.push(fault('clock', 'doc.clock.unsync'));
  if (s.emergency?.active) out.push(warn('emergency', 'doc.emergency.active'));
  return out;
}

interface UplinkSection {
  enabled?: boolean;
  link?: 'connecting' | 'up' | 'waiting' | 'stopped';
  connectedSince?: number | null;
  lastError?: string | null;
  outbox?: { items?: number; oldestTs?: number | null };
}

/** The uplink's own status: link state and the outbox (what is kept to send later). */
export function checkUplink(uplink: unknown, now: number): Finding[] {
  const u = uplink as UplinkSection | undefined;
  if (!u) return [];
  if (u.enabled === false) return [warn('uplink', 'doc.uplink.off')];
  const depth = u.outbox?.items ?? 0;
  if (u.link === 'up') return [ok('uplink', 'doc.uplink.ok', { depth })];
  // how long the oldest unsent event has waited tells how long the link has been down
  const oldest = u.outbox?.oldestTs;
  const ago = oldest ? Math.round((now - oldest) / 60000) : -1;
  return [
    (ago >= 0 && ago < 10 ? warn : fault)('uplink', 'doc.uplink.down', { ago: ago < 0 ? '?' : ago, depth }),
  ];
}
