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
import { NodeScheduleWake } from '../core/wake.js';
import { driverFactoriesFor } from '../hal/drivers.js';
import { loadProfile } from '../hal/profile.js';
import { metricsUrl } from '../process/metrics-http.js';
import { SystemdNotifier } from '../process/notify.js';
import { handleShutdown } from '../process/signals.js';
import { rateLimits } from '../security/config.js';
import { serveStationApi, stationSecurity } from './api-server.js';
import type { StationControl } from './control.js';
import { parseListen, StationMetrics } from './metrics.js';
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
  /** Start a real board even when its sound output is null or a file (audio/output-choice.ts). */
  allowSilentOutput?: boolean | undefined;
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

interface Running {
  station?: Station;
  api?: StationApiServer;
  metrics?: StationMetrics;
}

/** Who this daemon is and where it writes: id, logger, data directory and API socket. */
function identity(args: DaemonArgs) {
  const stationId = args.stationId ?? process.env.LOA_STATION_ID ?? defaultStationId();
  const format =
    args.logFormat ??
    (process.env.LOA_LOG_FORMAT === 'pretty' || (process.stdout.isTTY && !process.env.LOA_LOG_FORMAT)
      ? 'pretty'
      : 'json');
  const log = new Logger({ station: stationId, level: args.logLevel ?? 'info', format });
  const dataDir = resolve(args.dataDir);
  return { stationId, log, dataDir, socket: args.socket ?? defaultSocket(dataDir) };
}

type Identity = ReturnType<typeof identity>;

/**
 * The uplink's and the TCP API's security. A broken uplink configuration (no certificate,
 * another station's certificate) must not keep the village off air: broadcast without the
 * uplink and say why (`problem`, raised as an alarm once the station runs).
 */
function securityOrNoUplink(id: Identity, district: string | undefined) {
  try {
    return { security: stationSecurity(process.env, id.log, id.stationId, district), problem: undefined };
  } catch (e) {
    if (!district) throw e;
    const problem = toLoaError(e).message;
    id.log.error(`district uplink disabled: ${problem}`);
    return { security: stationSecurity(process.env, id.log, id.stationId, undefined), problem };
  }
}

async function startStation(args: DaemonArgs, id: Identity, running: Running) {
  const profile = loadProfile(args.profile);
  const district = args.district ?? (process.env.LOA_DISTRICT || undefined);
  const { security, problem } = securityOrNoUplink(id, district);
  const env = problem ? { ...process.env, LOA_DISTRICT: '' } : process.env;
  const station = new Station({
    profile,
    dataDir: id.dataDir,
    stationId: id.stationId,
    clock: new SystemClock(),
    log: id.log,
    drivers: await driverFactoriesFor(profile),
    modules: stationModules({
      dataDir: id.dataDir,
      district: problem ? undefined : args.district,
      security: security.uplink,
      env,
      allowSilentOutput: args.allowSilentOutput,
    }),
    limits: rateLimits(process.env),
    // node-schedule: a wall-clock job survives clock steps and waits past a timer's 24.8 days
    wake: new NodeScheduleWake(),
  });
  running.station = station;
  await station.start();
  if (problem) station.alarms.raise('uplink.config', 'uplink', `district uplink disabled: ${problem}`);
  return { station, security };
}

/** A busy metrics port must not keep a village off air: warn and run without it. */
async function serveMetrics(args: DaemonArgs, control: StationControl, id: Identity, running: Running) {
  const listen = parseListen(args.metricsListen ?? process.env.LOA_METRICS_LISTEN);
  if (!listen) return 'off';
  running.metrics = new StationMetrics(control);
  const port = await running.metrics.listen(listen.host, listen.port).catch((e: Error) => {
    id.log.warn(e.message);
    return undefined;
  });
  return port === undefined ? 'off' : metricsUrl(listen.host, port);
}

export async function runDaemon(args: DaemonArgs): Promise<void> {
  const t0 = performance.now();
  const id = identity(args);
  const { log } = id;
  const notifier = new SystemdNotifier(log.child('systemd'));
  const running: Running = {};
  handleShutdown({
    log,
    notifier,
    stopping: 'stopping: fade, zones off, amplifier off, transmitter off',
    stop: async () => {
      await running.station?.stop();
      await running.api?.close();
      await running.metrics?.close();
    },
  });
  let listening: Record<string, unknown> = {};
  let metrics = 'off';
  try {
    const { station, security } = await startStation(args, id, running);
    const served = await serveStationApi(station, log.child('api'), id.socket, security, process.env);
    running.api = served.api;
    listening = { sockets: served.sockets, ...(served.port ? { port: served.port } : {}) };
    metrics = await serveMetrics(args, station.control, id, running);
  } catch (e) {
    const err = toLoaError(e);
    log.error(`cannot start: ${err.message}`, { code: err.code });
    await running.station?.stop().catch(() => undefined);
    process.exit(err.code === 'INTERNAL' ? 70 : 78); // EX_SOFTWARE / EX_CONFIG
  }
  notifier.ready(`station ${id.stationId} ready on profile ${args.profile}`);
  log.info('ready', {
    ...{ ms: Math.round(performance.now() - t0), profile: args.profile, dataDir: id.dataDir },
    ...{ socket: id.socket, ...listening, metrics },
    hint: `stationctl --socket ${id.socket} status`,
  });
}

export function assertLogLevel(v: string | undefined): LogLevel | undefined {
  if (v === undefined) return undefined;
  if (v === 'debug' || v === 'info' || v === 'warn' || v === 'error') return v;
  throw new LoaError('INVALID_ARGUMENT', `--log-level: allowed debug, info, warn, error (got "${v}")`);
}
