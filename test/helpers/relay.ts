/**
 * A TCP relay between the station and Icecast that a test can break the way a 4G link
 * breaks: freeze (no data, no FIN — like SIGSTOP on the peer script's socat), corrupt the
 * bytes (garbage mid-stream), or cut every connection.
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';

export type RelayMode = 'pass' | 'frozen' | 'garbage';

export interface Relay {
  port: number;
  mode: RelayMode;
  set(mode: RelayMode): void;
  cut(): void;
  close(): Promise<void>;
}

export async function startRelay(targetPort: number): Promise<Relay> {
  const pairs = new Set<[Socket, Socket]>();
  const r: Relay = {
    port: 0,
    mode: 'pass',
    set(mode) {
      r.mode = mode;
      for (const [c, u] of pairs) {
        if (mode === 'frozen') {
          c.pause();
          u.pause();
        } else {
          c.resume();
          u.resume();
        }
      }
    },
    cut() {
      for (const [c, u] of pairs) {
        c.destroy();
        u.destroy();
      }
      pairs.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        r.cut();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((client) => {
    const up = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, up];
    pairs.add(pair);
    if (r.mode === 'frozen') {
      client.pause();
      up.pause();
    }
    client.on('data', (b) => up.write(b));
    up.on('data', (b) => client.write(r.mode === 'garbage' ? randomBytes(b.length) : b));
    const end = () => {
      client.destroy();
      up.destroy();
      pairs.delete(pair);
    };
    client.on('close', end);
    up.on('close', end);
    client.on('error', end);
    up.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const a = server.address();
  r.port = typeof a === 'object' && a ? a.port : 0;
  return r;
}
