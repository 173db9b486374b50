/** Acknowledging an alarm (AcknowledgeAlarm, operator): who, when and their note, kept and audited. */
import { LoaError } from '../../core/errors.js';
import type { Caller } from '../../security/identity.js';
import type { OperatorDeps, Req } from '../operator/guard.js';
import { unflatten } from '../stations.js';
import { alarmsOf } from './view.js';

export function acknowledgeAlarm(d: OperatorDeps, req: Req, caller: Caller) {
  const station = String(req.stationId);
  const row = d.stores.stations.get(station);
  if (!row) throw new LoaError('NOT_FOUND', `station "${station}" has never connected to this hub`);
  const active = alarmsOf(row, unflatten(JSON.parse(row.state)));
  const alarm = active.find((a) => a.key === req.key && a.sinceMs === req.sinceMs);
  if (!alarm)
    throw new LoaError(
      'NOT_FOUND',
      `no active alarm "${String(req.key)}" since ${req.sinceMs} at ${station}; active: ${active.map((a) => a.key).join(', ') || 'none'}`,
    );
  const ack = d.stores.users.acknowledge({
    station,
    key: alarm.key,
    since: alarm.sinceMs,
    who: caller.who,
    note: String(req.note).trim(),
  });
  d.sessions.changed(station);
  return { ack };
}
