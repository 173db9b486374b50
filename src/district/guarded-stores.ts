/**
 * The hub's stores behind its StorageGuard: every write goes through the guard (refused at
 * once while the disk is full, STORAGE_FULL), reads go straight through. Station data,
 * snapshots and uploads are the bulk; commands, schedules, session starts and the audit are
 * small and may use the reserve below minFreeMB (storage-guard.ts). Two writes are best
 * effort and never throw: a station's last-contact time (written as a session closes) and an
 * audit entry (written while an RPC answers; with the disk full the refusal is in the log).
 * The console's users, sessions and acknowledgements too (guardUsers).
 * Works over any HubStores, so a second engine gets the same behaviour.
 */
import type { Logger } from '../core/log.js';
import { isDiskFull, type StorageGuard } from './storage-guard.js';
import type { HubStores, UsersStore } from './stores.js';

export function guardStores(s: HubStores, g: StorageGuard, log: Logger): HubStores {
  const st = s.stations;
  const c = s.commands;
  return {
    ...s,
    stations: {
      get: (id) => st.get(id),
      list: () => st.list(),
      hello: (h) => g.write('session start', () => st.hello(h), 'priority'),
      snapshot: (id, seq, flat) => g.write('snapshot', () => st.snapshot(id, seq, flat)),
      ingest: (id, items) => g.write('station events', () => st.ingest(id, items)),
      touch: (id) => {
        if (!g.full)
          bestEffort(log, 'last contact', () => g.write('last contact', () => st.touch(id), 'priority'));
      },
      report: (id, applied, report) =>
        g.write('schedule report', () => st.report(id, applied, report), 'priority'),
    },
    commands: {
      create: (...a) => g.write('command', () => c.create(...a), 'priority'),
      deliverable: (id) => c.deliverable(id),
      // the command went out; unmarked, it goes again and the station runs it once (by its id)
      markSent: (id) =>
        bestEffort(log, 'command sent', () => g.write('command sent', () => c.markSent(id), 'priority')),
      result: (r) => g.write('command result', () => c.result(r), 'priority'),
      expireDue: () => g.write('command expiry', () => c.expireDue(), 'priority'),
      openCount: (id) => c.openCount(id),
      openCounts: () => c.openCounts(),
      get: (id) => c.get(id),
      list: (id, limit) => c.list(id, limit),
    },
    desired: {
      push: (...a) => g.write('schedule', () => s.desired.push(...a), 'priority'),
      forStation: (id) => s.desired.forStation(id),
      latestVersion: () => s.desired.latestVersion(),
      versions: () => s.desired.versions(),
    },
    media: {
      put: (...a) => g.writeAsync('media upload', () => s.media.put(...a)),
      read: (...a) => s.media.read(...a),
      get: (sha) => s.media.get(sha),
    },
    // a group commit that finds the disk full trips the guard too
    writes: {
      add: (work, after, failed) =>
        s.writes.add(work, after, (e) => failed?.(g.failure('station data', e) as typeof e)),
      now: (work) => g.write('operator change', () => s.writes.now(work), 'priority'),
      flush: () => s.writes.flush(),
    },
    audit: {
      add: (...a) =>
        bestEffort(log, 'audit entry', () => g.write('audit entry', () => s.audit.add(...a), 'priority')),
      list: (q) => s.audit.list(q),
    },
    users: guardUsers(s.users, g, log),
  };
}

/**
 * The console's people, sessions and acknowledgements: small writes an operator is waiting on
 * (a login, an alarm acknowledged, a user disabled), so they may use the reserve; with the
 * disk itself full they are refused (STORAGE_FULL, HTTP 507 at the console). A session's
 * "last seen" (written on every console request) is best effort: a refused one must not turn
 * every read of the console into an error.
 */
function guardUsers(u: UsersStore, g: StorageGuard, log: Logger): UsersStore {
  const w = <T>(what: string, fn: () => T) => g.write(what, fn, 'priority');
  return {
    get: (name) => u.get(name),
    list: () => u.list(),
    add: (name, role, hash) => w('console user', () => u.add(name, role, hash)),
    setPassword: (name, hash) => w('console password', () => u.setPassword(name, hash)),
    setDisabled: (name, disabled) => w('console user', () => u.setDisabled(name, disabled)),
    session: (id) => u.session(id),
    openSession: (s) => w('console login', () => u.openSession(s)),
    touchSession: (id) => {
      if (!g.full)
        bestEffort(log, 'console session seen', () => w('console session seen', () => u.touchSession(id)));
    },
    endSession: (id) => w('console logout', () => u.endSession(id)),
    endSessionsOf: (user) => w('console logout', () => u.endSessionsOf(user)),
    acknowledge: (a) => w('alarm acknowledgement', () => u.acknowledge(a)),
    acknowledgements: (limit) => u.acknowledgements(limit),
  };
}

function bestEffort(log: Logger, what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (!isDiskFull(e)) throw e;
    log.warn(`${what} not stored`, { error: (e as Error).message });
  }
}
