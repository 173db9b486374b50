/** What `lines.status` (and `status.modules.lines`) reports: state, readings, limits, trend per zone. */
import type { Text } from '../core/i18n.js';
import { deviation, type ZoneState } from './classify.js';
import { detectability, round } from './expected.js';
import type { HistoryLog, Trend } from './history.js';
import type { Method } from './measure.js';
import { type LinesSettings, toleranceFor } from './settings.js';
import type { LinesSupervisor } from './supervisor.js';
import type { LineZone } from './zone.js';

export interface ZoneLineStatus {
  id: number;
  name: string;
  state: ZoneState;
  since: number;
  calibrated: boolean;
  baselineOhm: number | null;
  expectedOhm: number;
  ohm: number | null;
  deviationPct: number | null;
  earthKohm: number | null;
  method: Method | null;
  readAt: number | null;
  /** The zone relay is held open because the line is shorted. */
  isolated: boolean;
  /** Amplifier output on the line: present/absent while the zone should be on air. */
  output: 'present' | 'absent' | 'off-air';
  speakers: number;
  tolerancePct: number;
  /** Whether a single missing speaker shows at this tolerance (1/(N−1) ≥ tolerance). */
  detectsOneMissingSpeaker: boolean;
  minMissingDetected: number;
  oneMissingPct: number;
  /** Drift over the trend window (null until 12 h of readings). */
  trend: Trend | null;
}

export interface LinesStatus {
  checkEveryMs: number;
  fastMs: number;
  programmeOnAir: boolean;
  tone: {
    policy: LinesSettings['tone'];
    available: boolean;
    lastAt: number | null;
    blockedBy: string | null;
    /** `blockedBy` as a keyed text (core/i18n.ts). */
    blockedByText?: Text | null;
  };
  lastCheckAt: number | null;
  checks: number;
  zones: ZoneLineStatus[];
}

const fin = (x: number | undefined, d: number) =>
  x !== undefined && Number.isFinite(x) ? round(x, d) : null;

export function zoneStatus(
  z: LineZone,
  s: LinesSettings,
  history: HistoryLog,
  now: number,
  onAir: boolean,
): ZoneLineStatus {
  const tol = toleranceFor(s, z.id);
  const r = z.last;
  const zoneOnAir = onAir && z.sense.relay.commanded;
  const output = !zoneOnAir ? 'off-air' : (z.lastV ?? 0) >= s.outputPresentV ? 'present' : 'absent';
  return {
    id: z.id,
    name: z.sense.name,
    state: z.state,
    since: z.since,
    calibrated: z.baseline !== undefined,
    baselineOhm: z.baseline?.ohm ?? null,
    expectedOhm: round(z.expectedOhm, 2),
    ohm: fin(r?.ohm, 2),
    deviationPct: r && z.baseline ? fin(deviation(r.ohm, z.refOhm) * 100, 1) : null,
    earthKohm: fin(r?.earthKohm, 1),
    method: r?.method ?? null,
    readAt: z.lastAt ?? null,
    isolated: z.isolator.isolated,
    output,
    speakers: z.sense.speakers.count,
    tolerancePct: round(tol * 100, 1),
    ...detectability(z.sense.speakers.count, tol),
    trend: history.trend(z.id, now, s.trendWindowMs, z.refOhm) ?? null,
  };
}

export function linesStatus(
  sup: LinesSupervisor,
  s: LinesSettings,
  history: HistoryLog,
  now: number,
  onAir: boolean,
  toneAvailable: boolean,
): LinesStatus {
  const block = sup.toneBlock('scheduled');
  const blocked = block?.en;
  return {
    checkEveryMs: s.checkEveryMs,
    fastMs: s.fastMs,
    programmeOnAir: onAir,
    tone: {
      policy: s.tone,
      available: toneAvailable,
      lastAt: Number.isFinite(sup.lastToneAt) ? sup.lastToneAt : null,
      blockedBy: blocked ?? null,
      blockedByText: block?.text ?? null,
    },
    lastCheckAt: sup.lastCheckAt ?? null,
    checks: sup.checks,
    zones: sup.zones.map((z) => zoneStatus(z, s, history, now, onAir)),
  };
}
