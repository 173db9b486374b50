/**
 * A command result is accepted only from the station the command was sent to, over that
 * station's own authenticated session (issue 13, item 2). The session's station id was checked
 * against its certificate at hello (hub.checkStation), so comparing it with the command's
 * addressee is the whole check. Anything else — another station's command, an id the hub
 * never issued — is refused, counted (loa_hub_security_refused{kind="forged_result"}), logged
 * and audited as a forgery attempt, and changes nothing: the addressee's own answer still
 * counts when it comes.
 */
import { LoaError } from '../core/errors.js';
import type { InputChecks } from './session-input.js';

export interface ResultClaim {
  id: string;
  status: string;
}

/** True when `stationId`'s session may answer command `r.id`; otherwise refused and audited. */
export function acceptResult(hub: InputChecks, stationId: string, r: ResultClaim): boolean {
  const row = hub.stores.commands.get(String(r.id ?? ''));
  if (row && row.station === stationId) return true;
  const why = row
    ? `station ${stationId} answered "${r.status}" for command ${row.id} (${row.method}) addressed to ${row.station}`
    : `station ${stationId} answered "${r.status}" for command id ${JSON.stringify(String(r.id).slice(0, 64))}, which this hub never issued`;
  const err = new LoaError('PERMISSION_DENIED', `forged command result refused: ${why}`);
  const n = hub.refusals.count('forged_result');
  hub.log.warn('forged command result refused', { station: stationId, command: r.id, count: n });
  const stations = row ? [stationId, row.station] : [stationId];
  hub.stores.audit.add(
    { who: `station ${stationId}`, role: 'station', via: 'tls' },
    'CommandResult',
    { id: r.id, status: r.status },
    stations,
    err,
  );
  return false;
}
