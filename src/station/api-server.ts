/**
 * The station daemon's security, wired in one place: the uplink's mutual TLS (its certificate
 * must name this station), the local API sockets per role, the optional TCP API with TLS, the
 * security.status / security.reload commands and certificate reload on SIGHUP.
 */
import { StationApiServer } from '../api/grpc-station.js';
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { daemonSecurity, labInsecure, tlsFiles } from '../security/config.js';
import type { LinkSecurity } from '../security/credentials.js';
import { localSockets } from '../security/local.js';
import type { TlsMaterial } from '../security/tls.js';
import type { Station } from './station.js';

export const API_TLS_ENV = { ca: 'LOA_TLS_CA', cert: 'LOA_API_TLS_CERT', key: 'LOA_API_TLS_KEY' } as const;

export interface StationSecurity {
  uplink: LinkSecurity | undefined;
  api: LinkSecurity | undefined;
}

function material(s: LinkSecurity | undefined): TlsMaterial | undefined {
  return s?.kind === 'tls' ? s.material : undefined;
}

/** Decided before the modules are built (the uplink module takes its security). */
export function stationSecurity(
  env: NodeJS.ProcessEnv,
  log: Logger,
  stationId: string,
  district: string | undefined,
): StationSecurity {
  const uplink = district ? daemonSecurity(env, log.child('uplink'), 'district uplink') : undefined;
  const id = material(uplink)?.identity;
  if (id && id.station !== stationId)
    throw new LoaError(
      'CONFIG',
      `LOA_TLS_CERT is the certificate of ${id.station ? `station "${id.station}"` : `"${id.cn}", not a station`}, but this station is "${stationId}" (deploy/pki/station.sh ${stationId})`,
    );
  const listen = env.LOA_API_LISTEN;
  let api: LinkSecurity | undefined;
  if (listen) {
    const files = tlsFiles(env, {}, API_TLS_ENV);
    if (!files && !labInsecure(env))
      throw new LoaError(
        'CONFIG',
        `LOA_API_LISTEN=${listen} needs TLS with client certificates: set ${Object.values(API_TLS_ENV).join(', ')} (deploy/pki/server.sh), or LOA_INSECURE_LAB=1 for a lab`,
      );
    api = daemonSecurity(env, log.child('api'), 'station TCP API', files);
  }
  return { uplink, api };
}

/** Reloads every certificate in use; a bad file leaves the current one in place and says why. */
export function reloadAll(sec: StationSecurity): { reloaded: number; errors: string[] } {
  let reloaded = 0;
  const errors: string[] = [];
  for (const m of [material(sec.uplink), material(sec.api)]) {
    if (!m) continue;
    try {
      if (m.reload()) reloaded++;
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  return { reloaded, errors };
}

export async function serveStationApi(
  station: Station,
  log: Logger,
  socket: string,
  sec: StationSecurity,
  env: NodeJS.ProcessEnv,
): Promise<{ api: StationApiServer; sockets: string[]; port: number | undefined }> {
  station.commands.register('security.status', () => ({
    uplink: material(sec.uplink)?.status() ?? (sec.uplink ? 'plain text (lab)' : 'off'),
    api: material(sec.api)?.status() ?? (sec.api ? 'plain text (lab)' : 'off'),
    sockets: sockets.map((s) => ({ path: s.path, role: s.role, group: s.gid === undefined ? '' : s.group })),
  }));
  station.commands.register('security.reload', () => {
    const r = reloadAll(sec);
    if (r.errors.length) throw new LoaError('CONFIG', `certificate reload refused: ${r.errors.join('; ')}`);
    return r;
  });
  const api = new StationApiServer(station.commands, log, station.gate);
  const sockets = localSockets(socket, env);
  for (const s of sockets) await api.listenUnix(s.path, s.role, s.gid);
  let port: number | undefined;
  if (env.LOA_API_LISTEN && sec.api) port = await api.listenTcp(env.LOA_API_LISTEN, sec.api);
  process.on('SIGHUP', () => {
    const r = reloadAll(sec);
    log.info('SIGHUP: certificates checked', r);
  });
  return { api, sockets: sockets.map((s) => s.path), port };
}
