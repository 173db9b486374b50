/**
 * How both daemons end: SIGTERM/SIGINT stop in order and exit 0; an uncaught exception or an
 * unhandled rejection stops just as safely and exits 1 (a station must never be left keyed
 * by a crash: the stop runs the ordered power-down). A second signal while stopping is
 * logged, not acted on — the first stop is already making the outputs safe.
 */
import { toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { SystemdNotifier } from './notify.js';

export interface ShutdownOptions {
  log: Logger;
  notifier: SystemdNotifier;
  /** What the log says the stop does (e.g. "fade, zones off, amplifier off, transmitter off"). */
  stopping: string;
  /** Everything the daemon started, stopped in order; a rejection makes the exit code 1. */
  stop: () => Promise<void>;
  exit?: (code: number) => void;
}

/** Installs the handlers; returns the shutdown function (for a failed start, say). */
export function handleShutdown(o: ShutdownOptions): (signal: string, code: number) => Promise<void> {
  const { log } = o;
  let stopping = false;
  const shutdown = async (signal: string, code: number) => {
    if (stopping) {
      log.warn('already stopping; outputs are being made safe', { signal });
      return;
    }
    stopping = true;
    log.info(o.stopping, { signal });
    o.notifier.stopping();
    try {
      await o.stop();
    } catch (e) {
      log.error('stop failed', { error: toLoaError(e).message });
      code = 1;
    }
    log.info('stopped', { code });
    (o.exit ?? process.exit)(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('uncaughtException', (e) => {
    log.error('uncaught exception; stopping safely', { error: e.message, stack: e.stack });
    void shutdown('uncaughtException', 1);
  });
  process.on('unhandledRejection', (e) => {
    log.error('unhandled rejection; stopping safely', { error: toLoaError(e).message });
    void shutdown('unhandledRejection', 1);
  });
  return shutdown;
}
