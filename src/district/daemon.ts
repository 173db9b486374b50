/**
 * `loa-district` / `districtctl serve`: the hub as a service. SQLite and media in the data
 * directory (--data-dir, else LOA_DISTRICT_DATA_DIR, else /var/lib/loa-district); gRPC on
 * --listen (else LOA_DISTRICT_LISTEN, else 127.0.0.1:50051) with mutual TLS (LOA_TLS_CA,
 * LOA_TLS_CERT, LOA_TLS_KEY; plain text only with LOA_INSECURE_LAB=1; docs/security.md).
 * Prometheus metrics on --metrics-listen (else LOA_DISTRICT_METRICS_LISTEN, else
 * 127.0.0.1:9465; "off" disables). The browser console on --console-listen (else
 * LOA_DISTRICT_CONSOLE_LISTEN, else 127.0.0.1:8080; "off" disables; docs/console.md). SIGHUP reloads the certificates; SIGTERM/SIGINT end the sessions and close the database.
 */
import { resolve } from 'node:path';
import { SystemClock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import { Logger, type LogLevel } from '../core/log.js';
import { metricsUrl, parseListen } from '../process/metrics-http.js';
import { SystemdNotifier } from '../process/notify.js';
import { handleShutdown } from '../process/signals.js';
import { daemonSecurity, rateLimits } from '../security/config.js';
import { startCap } from './cap/index.js';
import { clusterBus } from './cluster/select.js';
import { startConsole } from './console/start.js';
import { Hub } from './hub.js';
import { HubMetrics } from './metrics.js';
import { parseDbUrl } from './pg/url.js';
import { loadRetention } from './retention-config.js';

/** A busy metrics port is a warning: the hub still serves its stations. */
async function serveHubMetrics(m: HubMetrics, flag: string | undefined, log: Logger): Promise<string> {
  const listen = parseListen(flag ?? process.env.LOA_DISTRICT_METRICS_LISTEN, '127.0.0.1:9465');
  if (!listen) return 'off';
  try {
    return metricsUrl(listen.host, await m.listen(listen.host, listen.port));
  } catch (e) {
    log.warn('metrics not served', { error: toLoaError(e).message });
    return 'off';
  }
}

export interface HubArgs {
  dataDir?: string | undefined;
  listen?: string | undefined;
  /** Prometheus endpoint, HOST:PORT or "off" (else LOA_DISTRICT_METRICS_LISTEN, else 127.0.0.1:9465). */
  metricsListen?: string | undefined;
  logLevel?: LogLevel | undefined;
  /** retention.json elsewhere than the data directory (else LOA_HUB_RETENTION). */
  retention?: string | undefined;
  /** The browser console, HOST:PORT or "off" (else LOA_DISTRICT_CONSOLE_LISTEN, else 127.0.0.1:8080). */
  consoleListen?: string | undefined;
  /** The stores on PostgreSQL, postgres://USER@HOST:PORT/DB (else LOA_DB; none: SQLite in the data directory). */
  db?: string | undefined;
  /** This hub among those sharing a PostgreSQL database (else LOA_HUB_ID, else hostname:port). */
  hubId?: string | undefined;
}

export const DEFAULT_LISTEN = '127.0.0.1:50051';

function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 100)
    throw new Error(`${name}: a whole number of milliseconds >= 100 (got "${v}")`);
  return n;
}

interface Running {
  hub?: Hub;
  metrics?: HubMetrics;
  cap?: Awaited<ReturnType<typeof startCap>>;
  console?: Awaited<ReturnType<typeof startConsole>>;
}

/** --db (else LOA_DB): a PostgreSQL URL, checked before anything starts; undefined: SQLite. */
export function dbUrl(flag: string | undefined): string | undefined {
  const raw = flag ?? (process.env.LOA_DB || undefined);
  if (raw === undefined) return undefined;
  parseDbUrl(raw, flag !== undefined ? '--db' : 'LOA_DB'); // throws naming the flag
  return raw;
}

function startHub(
  dataDir: string,
  log: Logger,
  running: Running,
  retentionFile: string | undefined,
  db: string | undefined,
  hubId: string | undefined,
): Hub {
  const clock = new SystemClock();
  const bus = clusterBus(db, hubId ?? (process.env.LOA_HUB_ID || undefined), clock, log.child('cluster'));
  const keepaliveMs = envMs('LOA_HUB_KEEPALIVE_MS');
  const keepaliveTimeoutMs = envMs('LOA_HUB_KEEPALIVE_TIMEOUT_MS');
  const security = daemonSecurity(process.env, log.child('tls'), 'district hub');
  running.hub = new Hub({
    dataDir,
    clock,
    log: log.child('hub'),
    bus,
    security,
    limits: rateLimits(process.env),
    crlPath: process.env.LOA_TLS_CRL || undefined,
    retention: loadRetention(dataDir, retentionFile),
    db,
    liveKeepDays: liveKeepDays(process.env.LOA_LIVE_KEEP_DAYS),
    ...(keepaliveMs ? { keepaliveMs } : {}),
    ...(keepaliveTimeoutMs ? { keepaliveTimeoutMs } : {}),
  });
  return running.hub;
}

function reloadOnSighup(hub: Hub, log: Logger): void {
  process.on('SIGHUP', () => {
    try {
      log.info('SIGHUP: certificates checked', { reloaded: hub.reloadTls() });
    } catch {
      // refused and logged by the reload; the current certificate stays in use
    }
  });
}

export async function runHub(args: HubArgs): Promise<void> {
  const t0 = performance.now();
  const format = process.env.LOA_LOG_FORMAT === 'pretty' ? 'pretty' : 'json';
  const log = new Logger({ station: 'district', level: args.logLevel ?? 'info', format });
  const dataDir = resolve(args.dataDir ?? process.env.LOA_DISTRICT_DATA_DIR ?? '/var/lib/loa-district');
  const listen = args.listen ?? process.env.LOA_DISTRICT_LISTEN ?? DEFAULT_LISTEN;
  const notifier = new SystemdNotifier(log.child('systemd'));
  const running: Running = {};
  handleShutdown({
    log,
    notifier,
    stopping: 'stopping',
    stop: async () => {
      await running.console?.close();
      await running.metrics?.close();
      await running.cap?.close();
      await running.hub?.close();
    },
  });
  try {
    const db = dbUrl(args.db);
    const hub = startHub(dataDir, log, running, args.retention, db, args.hubId);
    const port = await hub.listen(listen);
    reloadOnSighup(hub, log);
    const host = listen.slice(0, listen.lastIndexOf(':'));
    running.metrics = new HubMetrics({
      summaries: () => hub.sessions.all(),
      now: () => Date.now(),
      refusals: () => hub.refusals.all(),
      storage: () => hub.storageGauges(),
      rpcTimes: () => hub.rpcTimes.stats(),
    });
    const metrics = await serveHubMetrics(running.metrics, args.metricsListen, log);
    running.cap = await startCap(hub, dataDir, log.child('cap'));
    running.console = await startConsole(hub, args.consoleListen, dataDir).catch((e) => {
      // like a busy metrics port: a warning, the hub still serves its stations
      log.warn('console not served', { error: toLoaError(e).message });
      return undefined;
    });
    log.info('ready', {
      ms: Math.round(performance.now() - t0),
      dataDir,
      db: db ? parseDbUrl(db, '--db').where : 'sqlite',
      listen: `${host}:${port}`,
      port,
      metrics,
      cap: running.cap?.url ?? 'off',
      console: running.console?.url ?? 'off',
    });
    notifier.ready(`district hub ready on ${host}:${port}`);
  } catch (e) {
    log.error(`cannot start: ${toLoaError(e).message}`);
    process.exit(78);
  }
}

/** LOA_LIVE_KEEP_DAYS: days the hub keeps live-voice recordings (0: forever; default 90). */
function liveKeepDays(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 36_500)
    throw new LoaError(
      'CONFIG',
      `LOA_LIVE_KEEP_DAYS: whole days 0 to 36500, 0 keeps them forever (got "${v}")`,
    );
  return n;
}
