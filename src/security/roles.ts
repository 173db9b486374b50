/**
 * Who may do what: the one role table (docs/security.md). Three roles, each including the one
 * before it: viewer reads; operator runs the programme (play, stop, schedules, zones,
 * emergency, line checks); admin touches what can hurt equipment or lock people out (power,
 * transmitter, lockout reset, calibration, simulator faults, relay tests, certificates).
 * A method or RPC missing from the table needs admin: a new command is closed until someone
 * decides who may run it.
 */
import { LoaError } from '../core/errors.js';
import { own } from './lookup.js';

export type Role = 'viewer' | 'operator' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function atLeast(have: Role, need: Role): boolean {
  // an unknown role (never one of ours) grants nothing and is satisfied by nothing
  return isRole(have) && isRole(need) && ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Station commands (CommandRegistry method names), whatever the transport. */
export const STATION_METHOD_ROLES: Readonly<Record<string, Role>> = {
  // viewer: reads
  status: 'viewer',
  events: 'viewer',
  playLog: 'viewer',
  'audio.status': 'viewer',
  'fallback.list': 'viewer',
  'media.list': 'viewer',
  'media.verify': 'viewer',
  'schedule.get': 'viewer',
  'schedule.check': 'viewer',
  'schedule.show': 'viewer',
  'emergency.status': 'viewer',
  'lines.status': 'viewer',
  'lines.history': 'viewer',
  'test.toneStatus': 'viewer',
  'uplink.status': 'viewer',
  'uplink.desired': 'viewer',
  'security.status': 'viewer',
  'speech.status': 'viewer',
  'live.status': 'viewer',
  // operator: the programme and the loudspeakers
  zone: 'operator',
  'audio.play': 'operator',
  'audio.stop': 'operator',
  'fallback.add': 'operator',
  'media.add': 'operator',
  'schedule.apply': 'operator',
  'emergency.start': 'operator',
  'emergency.stop': 'operator',
  // a text bulletin is a bulletin like a recorded one (an emergency tier included)
  'bulletin.text': 'operator',
  'bulletin.stop': 'operator',
  // a recorded bulletin (the district's file) at normal or priority (issue 17)
  'bulletin.play': 'operator',
  'speech.render': 'operator',
  // the station's microphone on air (live voice, docs/live.md)
  'live.start': 'operator',
  'live.stop': 'operator',
  'lines.check': 'operator',
  // a tone on one zone: amplifier only, never the transmitter, refused while anything is on air
  'test.tone': 'operator',
  'test.toneStop': 'operator',
  // admin: equipment, interlocks, certificates
  power: 'admin',
  resetLockout: 'admin',
  'lines.calibrate': 'admin',
  simFault: 'admin',
  simClear: 'admin',
  safeState: 'admin',
  'test.relays': 'admin',
  'security.reload': 'admin',
};

/** StationService RPCs that are not a registry method (the others take their method's role). */
export const STATION_RPC_ROLES: Readonly<Record<string, Role>> = {
  ListMethods: 'viewer',
  WatchStatus: 'viewer',
};

/** DistrictService RPCs; SendCommand also needs the role of the station method it carries. */
export const DISTRICT_RPC_ROLES: Readonly<Record<string, Role>> = {
  ListStations: 'viewer',
  GetStation: 'viewer',
  WatchStations: 'viewer',
  ListCommands: 'viewer',
  ListAlarms: 'viewer',
  ListEvents: 'viewer',
  ListPlayLog: 'viewer',
  ListAudit: 'viewer',
  GetDatabaseStatus: 'viewer',
  SendCommand: 'operator',
  PushSchedule: 'operator',
  UploadMedia: 'operator',
  // live voice to chosen stations (docs/live.md)
  Speak: 'operator',
  RevokeCertificate: 'admin',
  // the browser console's own (district/console/): who saw an alarm and what they noted
  AcknowledgeAlarm: 'operator',
  // the console's line measurement charts (issue 17): what a station reported, as GetStation
  ListMeasurements: 'viewer',
};

export function methodRole(method: string): Role {
  return own(STATION_METHOD_ROLES, method) ?? 'admin';
}

/** The role a DistrictService RPC needs; one missing from the table needs admin. */
export function rpcRole(rpc: string): Role {
  return own(DISTRICT_RPC_ROLES, rpc) ?? 'admin';
}

/** A command changes something (and is audited) when it needs more than viewer. */
export function isCommand(method: string): boolean {
  return methodRole(method) !== 'viewer';
}

/** PERMISSION_DENIED naming the role needed and the caller's, or nothing. */
export function requireRole(have: Role, need: Role, what: string, who: string): void {
  if (atLeast(have, need)) return;
  throw new LoaError('PERMISSION_DENIED', `${what} needs role ${need}; ${who} has role ${have}`, {
    need,
    have,
  });
}
