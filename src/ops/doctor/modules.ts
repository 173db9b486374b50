/**
 * Doctor checks on the station's modules, from their status sections: every speaker line,
 * the audio output and its sources, the media cache's integrity, the schedule and the clock,
 * and the district uplink. A module that is not running gives no finding.
 */
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

export function checkMedia(
  results: Array<{ name: string; ok: boolean; problem?: string }> | undefined,
): Finding[] {
  if (!results) return [];
  const bad = results.filter((r) => !r.ok);
  if (bad.length === 0) return [ok('media', 'doc.media.ok', { n: results.length })];
  return bad.map((r) =>
    fault(`media.${r.name}`, 'doc.media.bad', { name: r.name, problem: r.problem ?? '' }),
  );
}

interface ScheduleSection {
  version: string | number | null;
  stale: boolean;
  clock?: { state: string; open: boolean };
  nextWakeAt?: number | null;
  emergency?: { active: boolean };
}

export function checkSchedule(schedule: unknown, timeZone = 'Asia/Ho_Chi_Minh'): Finding[] {
  const s = schedule as ScheduleSection | undefined;
  if (!s) return [];
  const out: Finding[] = [];
  if (s.version === null) out.push(warn('schedule', 'doc.schedule.none'));
  else if (s.stale) out.push(warn('schedule', 'doc.schedule.stale', { version: String(s.version) }));
  else {
    const next = s.nextWakeAt
      ? new Date(s.nextWakeAt).toLocaleString('sv-SE', { timeZone }).slice(0, 16)
      : '-';
    out.push(ok('schedule', 'doc.schedule.ok', { version: String(s.version), next }));
  }
  if (s.clock?.state === 'unsynchronised') out.push(fault('clock.schedule', 'doc.clock.unsync'));
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
