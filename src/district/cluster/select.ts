/**
 * Which bus a hub gets (bus.ts): the PostgreSQL one when its database is PostgreSQL (`--db
 * postgres://…`, LOA_DB: other hubs may share it), else none (LocalBus: a SQLite hub is alone,
 * and a hub id means nothing to it, so giving one is refused rather than ignored).
 */
import type { Clock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { type HubBus, LocalBus } from './bus.js';
import { checkHubId, PgBus } from './pg-bus.js';

const POSTGRES = /^postgres(ql)?:\/\//i;

export function clusterBus(
  db: string | undefined,
  hubId: string | undefined,
  clock: Clock,
  log: Logger,
): HubBus {
  if (db !== undefined && POSTGRES.test(db))
    return new PgBus({ url: db, hubId: hubId ? checkHubId(hubId) : undefined, clock, log });
  if (hubId)
    throw new LoaError(
      'CONFIG',
      `--hub-id "${hubId}": only for hubs sharing a PostgreSQL database (--db postgres://…); a SQLite hub is alone`,
    );
  return new LocalBus();
}
