/**
 * What the console shows of a station, from the hub's stored state (the snapshot plus later
 * changes) and its live session: the summary operators know from `districtctl stations`,
 * plus the transmitter, the zones with their line states, and the active alarms in full.
 */

import { alarmText } from '../../ops/alarm-text.js';
import type { Sessions } from '../sessions.js';
import type { StationRow } from '../stations.js';
import { unflatten } from '../stations.js';
import type { HubStores } from '../stores.js';
import type { Places } from './places.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export interface ConsoleAlarm {
  stationId: string;
  key: string;
  sub: string;
  /** The station's English message. */
  message: string;
  /** The same alarm in Vietnamese, from its kind and details (ops/alarm-messages.ts). */
  messageVi: string;
  sinceMs: number;
  /** 2: the transmitter, power or mains (what keeps the village from hearing anything); 1: the rest. */
  rank: number;
  ack?: { who: string; note: string; at: number } | undefined;
}

export function alarmRank(key: string): number {
  return /^(tx|transmitter|power|mains|lockout|relay)/.test(key) ? 2 : 1;
}

export function zonesOf(status: Obj) {
  const zones = obj(status.zones);
  const lines = obj(obj(obj(status.modules).lines).zones);
  return Object.entries(zones).map(([id, z]) => ({
    id: Number(id),
    name: str(obj(z).name),
    commanded: obj(z).commanded === true,
    relay: obj(z).relay === true,
    feedback: obj(z).feedback === true,
    line: str(obj(lines[id]).state) || 'unknown',
  }));
}

export function alarmsOf(row: StationRow, status: Obj): ConsoleAlarm[] {
  const list = Array.isArray(status.alarms) ? status.alarms : [];
  return list.map((a) => ({
    stationId: row.id,
    key: str(obj(a).key),
    sub: str(obj(a).sub),
    message: str(obj(a).message),
    messageVi: alarmText(
      { key: str(obj(a).key), message: str(obj(a).message), details: obj(obj(a).details) },
      'vi',
    ),
    sinceMs: Number(obj(a).since) || 0,
    rank: alarmRank(str(obj(a).key)),
  }));
}

export function card(stores: Pick<HubStores, 'stations'>, sessions: Sessions, places: Places, id: string) {
  const row = stores.stations.get(id);
  if (!row) return undefined;
  const status = unflatten(JSON.parse(row.state));
  const tx = obj(status.transmitter);
  return {
    ...sessions.summary(row),
    transmitter: str(tx.state),
    lockout: tx.lockout === true || str(tx.state) === 'lockout',
    zones: zonesOf(status),
    alarmList: alarmsOf(row, status),
    place: places[id] ?? null,
  };
}
