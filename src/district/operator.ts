/**
 * loa.district.v1.DistrictService: the operator's API, over the hub's narrow stores and live
 * sessions (OperatorDeps). Every call passes the guard first (operator/guard.ts: certificate,
 * role, schema, rate limit; changes and refusals audited). By concern: commands and schedules
 * (operator/commands.ts), media (operator/media.ts), the change feed (operator/watch.ts),
 * queries (operator/queries.ts).
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError } from '../core/errors.js';
import type { LiveSessions } from './live/live-sessions.js';
import { speak } from './live/speak-rpc.js';
import { listCommands, pushSchedule, sendCommand } from './operator/commands.js';
import { type OperatorDeps, unary } from './operator/guard.js';
import { upload } from './operator/media.js';
import {
  getStation,
  listAlarms,
  listAudit,
  listEvents,
  listPlayLog,
  listStations,
} from './operator/queries.js';
import { watch } from './operator/watch.js';
import { revokeCertificate } from './revoke-rpc.js';

export type { OperatorDeps } from './operator/guard.js';

export function operatorService(d: OperatorDeps, live: LiveSessions): grpc.UntypedServiceImplementation {
  return {
    Speak: speak(d, live),
    ListStations: unary(d, 'ListStations', (req) => listStations(d, req)),
    GetStation: unary(d, 'GetStation', (req) => getStation(d, req)),
    WatchStations: watch(d),
    SendCommand: unary(d, 'SendCommand', (req, caller) => sendCommand(d, req, caller)),
    ListCommands: unary(d, 'ListCommands', (req) => listCommands(d, req)),
    PushSchedule: unary(d, 'PushSchedule', (req) => pushSchedule(d, req)),
    UploadMedia: upload(d),
    ListAlarms: unary(d, 'ListAlarms', (req) => listAlarms(d, req)),
    ListEvents: unary(d, 'ListEvents', (req) => listEvents(d, req)),
    ListPlayLog: unary(d, 'ListPlayLog', (req) => listPlayLog(d, req)),
    RevokeCertificate: unary(d, 'RevokeCertificate', (req, caller) => revokeCertificate(d, req, caller)),
    ListAudit: unary(d, 'ListAudit', (req) => listAudit(d, req)),
    GetDatabaseStatus: unary(d, 'GetDatabaseStatus', () => {
      if (!d.dbStatus) throw new LoaError('UNIMPLEMENTED', 'this hub does not report its database');
      return d.dbStatus();
    }),
  };
}
