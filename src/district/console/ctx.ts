/** What the console's route handlers share, and the console user as the operator guard's caller. */
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { Caller } from '../../security/identity.js';
import type { OperatorDeps } from '../operator/guard.js';
import type { ConsoleAuth } from './auth.js';
import type { Exchange } from './http.js';
import type { Places } from './places.js';

export interface ConsoleCtx {
  deps: OperatorDeps;
  auth: ConsoleAuth;
  clock: Clock;
  log: Logger;
  places: Places;
}

/** The audit names the console user and the address the request came from. */
export function consoleCaller(x: Exchange): Caller {
  if (!x.user) throw new LoaError('PERMISSION_DENIED', 'not logged in', { unauthenticated: true });
  return { who: x.user.name, role: x.user.role, via: `console ${x.address}` };
}
