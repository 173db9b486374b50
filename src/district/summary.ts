/** A station's one-line summary for operators, from its stored row and live session. */
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import { linkQuality } from './link-quality.js';
import type { StationRow } from './stations.js';

/** A station's open session, as its summary needs it. */
export interface LiveSession {
  readonly ready: boolean;
  /** When the session started and last heard from the station (ms). */
  readonly since: number;
  readonly lastContact: number;
}

function alarmKeys(state: Record<string, unknown>): string[] {
  const alarms = state.alarms;
  if (!Array.isArray(alarms)) return [];
  return alarms.map((a) => String((a as { key?: unknown })?.key ?? a));
}

/** What is on air, from the audio module's status section when it reports one. */
function onAir(state: Record<string, unknown>): string {
  const v = state['modules.audio.onAir.slot'] ?? state['modules.audio.onAir'];
  return typeof v === 'string' ? v : '';
}

export function summarize(
  row: StationRow,
  session: LiveSession | undefined,
  pendingCommands: number,
  desiredVersion: number,
): StationSummary {
  const state = JSON.parse(row.state) as Record<string, unknown>;
  return {
    stationId: row.id,
    online: session?.ready === true,
    onAir: onAir(state),
    power: typeof state['power.state'] === 'string' ? (state['power.state'] as string) : '',
    alarms: alarmKeys(state),
    lastContactMs: session?.ready ? session.lastContact : row.last_contact,
    connectedSinceMs: session?.ready ? session.since : 0,
    bootId: row.boot_id,
    softwareVersion: row.software_version,
    desiredVersion,
    appliedVersion: row.applied_version,
    lastSeq: row.acked_seq,
    pendingCommands,
    ...(state['modules.modem.source'] ? { link: linkQuality(state) } : {}),
  };
}
