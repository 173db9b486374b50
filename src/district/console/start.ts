/** Starts the console for the daemon: --console-listen, else LOA_DISTRICT_CONSOLE_LISTEN, else 127.0.0.1:8080. */
import { parseListen } from '../../process/metrics-http.js';
import type { Hub } from '../hub.js';
import { ConsoleServer } from './server.js';

export { ConsoleServer };

function envMs(name: string, def: number): number {
  const v = Number(process.env[name] ?? def);
  if (!Number.isInteger(v) || v < 1000)
    throw new Error(`${name}: whole milliseconds >= 1000 (got "${process.env[name]}")`);
  return v;
}

/** The console, listening; undefined when "off". */
export async function startConsole(
  hub: Hub,
  flag: string | undefined,
  dataDir: string,
): Promise<(ConsoleServer & { url: string }) | undefined> {
  const listen = parseListen(flag ?? process.env.LOA_DISTRICT_CONSOLE_LISTEN, '127.0.0.1:8080');
  if (!listen) return undefined;
  const sec = hub.security;
  const server = new ConsoleServer({
    host: listen.host,
    port: listen.port,
    deps: hub.operatorDeps,
    clock: hub.clock,
    log: hub.log.child('console'),
    dataDir,
    tls: sec.kind === 'tls' ? { cert: sec.material.files.cert, key: sec.material.files.key } : undefined,
    idleMs: envMs('LOA_CONSOLE_IDLE_MS', 30 * 60_000),
    absoluteMs: envMs('LOA_CONSOLE_ABSOLUTE_MS', 8 * 3_600_000),
    https: process.env.LOA_CONSOLE_HTTPS === '1',
    live: hub.liveSessions,
  });
  const port = await server.listen();
  const host = listen.host.includes(':') && !listen.host.startsWith('[') ? `[${listen.host}]` : listen.host;
  return Object.assign(server, { url: `${server.secure ? 'https' : 'http'}://${host}:${port}/` });
}
