/**
 * `stationctl run` / `loa-station`: the station's main job. Starts in the safe state,
 * restores the commanded state, serves StationService (gRPC) on the local unix socket, and on SIGTERM/SIGINT
 * powers down in order and exits 0.
 */
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import type { StationApiServer } from '../api/grpc-station.js';
import { SystemClock } from '../core/clock.js';
import { LoaError, toLoaError } from '../core/errors.js';
import { Logger, type LogLevel } from '../core/log.js';
import { driverFactories } from '../hal/drivers.js';
import { loadProfile } from '../hal/profile.js';
import { parseListen, StationMetrics } from '../ops/metrics.js';
import { SystemdNotifier } from '../process/notify.js';
import { rateLimits } from '../security/config.js';
import { serveStationApi, stationSecurity } from '../security/station-setup.js';
import { registerStationMethods } from './methods.js';
import { stationModules } from './modules.js';
import { Station } from './station.js';

export interface DaemonArgs {
  profile: string;
  dataDir: string;
  socket?: string | undefined;
  stationId?: string | undefined;
  /** host:port of the district hub (else LOA_DISTRICT; none: no uplink). */
  district?: string | undefined;
  logLevel?: LogLevel | undefined;
  logFormat?: 'json' | 'pretty' | undefined;
  /** Prometheus endpoint, HOST:PORT or "off" (default LOA_METRICS_LISTEN, else 127.0.0.1:9464). */
  metricsListen?: string | undefined;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOA_DATA_DIR || '/var/lib/loa';
}

export function defaultSocket(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.LOA_SOCKET || join(dataDir, 'station.sock');
}

function defaultStationId(): string {
  const h = hostname()
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+/, '');
  return h.slice(0, 63) || 'station';
}

export async function runDaemon(args: DaemonArgs): Promise<void> {
  const t0 = performance.now();
  const clock = new SystemClock();
  const stationId = args.stationId ?? process.env.LOA_STATION_ID ?? defaultStationId();
  const format =
    args.logFormat ??
    (process.env.LOA_LOG_FORMAT === 'pretty' || (process.stdout.isTTY && !process.env.LOA_LOG_FORMAT)
      ? 'pretty'
      : 'json');
  const log = new Logger({ station: stationId, level: args.logLevel ?? 'info', format });
  const dataDir = resolve(args.dataDir);
  const socket = args.socket ?? defaultSocket(dataDir);

  const notifier = new SystemdNotifier(log.child('systemd'));
  let station: Station | undefined;
  let api: StationApiServer | undefined;
  let listening: Record<string, unknown> = {};
  let metrics: StationMetrics | undefined;
  let metricsUrl = 'off';
  let stopping = false;
  const shutdown = async (signal: string, code: number) => {
    if (stopping) {
      log.warn('already stopping; outputs are being made safe', { signal });
      return;
    }
    stopping = true;
    log.info('stopping: fade, zones off, amplifier off, transmitter off', { signal });
    notifier.stopping();
    try {
      await station?.stop();
      await api?.close();
      await metrics?.close();
    } catch (e) {
      log.error('stop failed', { error: toLoaError(e).message });
      code = 1;
    }
    log.info('stopped', { code });
    process.exit(code);
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

  try {
    const profile = loadProfile(args.profile);
    const district = args.district ?? (process.env.LOA_DISTRICT || undefined);
    // a broken uplink configuration (no certificate, another station's certificate) must not
    // keep the village off air: broadcast without the uplink and raise an alarm that says why
    let uplinkProblem: string | undefined;
    let security: ReturnType<typeof stationSecurity>;
    try {
      security = stationSecurity(process.env, log, stationId, district);
    } catch (e) {
      if (!district) throw e;
      uplinkProblem = toLoaError(e).message;
      log.error(`district uplink disabled: ${uplinkProblem}`);
      security = stationSecurity(process.env, log, stationId, undefined);
    }
    const env = uplinkProblem ? { ...process.env, LOA_DISTRICT: '' } : process.env;
    const modules = stationModules({
      dataDir,
      district: uplinkProblem ? undefined : args.district,
      security: security.uplink,
      env,
    });
    const limits = rateLimits(process.env);
    station = new Station({
      profile,
      dataDir,
      stationId,
      clock,
      log,
      drivers: driverFactories(),
      modules,
      limits,
    });
    await station.start();
    if (uplinkProblem)
      station.alarms.raise('uplink.config', 'uplink', `district uplink disabled: ${uplinkProblem}`);
    const control = registerStationMethods(station.commands, station);
    const served = await serveStationApi(station, log.child('api'), socket, security, process.env);
    api = served.api;
    listening = { sockets: served.sockets, ...(served.port ? { port: served.port } : {}) };
    const listen = parseListen(args.metricsListen ?? process.env.LOA_METRICS_LISTEN);
    if (listen) {
      metrics = new StationMetrics(control);
      // a busy metrics port must not keep a village off air: warn and run without it
      const port = await metrics.listen(listen.host, listen.port).catch((e: Error) => {
        log.warn(e.message);
        return undefined;
      });
      if (port !== undefined)
        metricsUrl = `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}/metrics`;
    }
  } catch (e) {
    const err = toLoaError(e);
    log.error(`cannot start: ${err.message}`, { code: err.code });
    await station?.stop().catch(() => undefined);
    process.exit(err.code === 'INTERNAL' ? 70 : 78); // EX_SOFTWARE / EX_CONFIG
  }
  notifier.ready(`station ${stationId} ready on profile ${args.profile}`);
  log.info('ready', {
    ms: Math.round(performance.now() - t0),
    profile: args.profile,
    dataDir,
    socket,
    ...listening,
    metrics: metricsUrl,
    hint: `stationctl --socket ${socket} status`,
  });
}

export function assertLogLevel(v: string | undefined): LogLevel | undefined {
  if (v === undefined) return undefined;
  if (v === 'debug' || v === 'info' || v === 'warn' || v === 'error') return v;
  throw new LoaError('INVALID_ARGUMENT', `--log-level: allowed debug, info, warn, error (got "${v}")`);
}
