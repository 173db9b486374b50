/**
 * A TCP relay between the station and Icecast that a test can break the way a 4G link
 * breaks: freeze (no data, no FIN — like SIGSTOP on the peer script's socat), corrupt the
 * bytes (garbage mid-stream), cut every connection, or throttle the downstream to a byte rate
 * (a weak cell: what cannot be sent waits, and Icecast is held back by TCP back-pressure).
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';

export type RelayMode = 'pass' | 'frozen' | 'garbage';

export interface Relay {
  port: number;
  mode: RelayMode;
  set(mode: RelayMode): void;
  /** Limits the downstream (towards the station) to this many bytes/s; undefined: no limit. */
  throttle(bytesPerSecond: number | undefined): void;
  cut(): void;
  close(): Promise<void>;
}

/** Paces one connection's downstream: a byte budget refilled every 20 ms. */
class Pacer {
  private queue: Buffer[] = [];
  private queued = 0;
  private last = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly up: Socket,
    private readonly down: Socket,
    private readonly rate: () => number | undefined,
    /** The relay is frozen: never resume the upstream here. */
    private readonly frozen: () => boolean,
  ) {
    this.timer = setInterval(() => this.pump(), 20);
  }

  push(b: Buffer): void {
    if (this.rate() === undefined && this.queued === 0) {
      this.down.write(b);
      return;
    }
    this.queue.push(b);
    this.queued += b.length;
    // hold the upstream back: Icecast queues for a slow listener as it would over 4G
    if (this.queued > 16_384) this.up.pause();
  }

  private pump(): void {
    const now = performance.now();
    const rate = this.rate();
    let budget =
      rate === undefined ? Number.POSITIVE_INFINITY : Math.floor((rate * (now - this.last)) / 1000);
    if (budget <= 0 && rate !== undefined) return;
    this.last = now;
    while (budget > 0 && this.queue.length) {
      const b = this.queue[0] as Buffer;
      const n = Math.min(b.length, budget);
      this.down.write(b.subarray(0, n));
      budget -= n;
      this.queued -= n;
      if (n === b.length) this.queue.shift();
      else this.queue[0] = b.subarray(n);
    }
    if (this.queued <= 16_384 && !this.up.destroyed && !this.frozen()) this.up.resume();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export async function startRelay(targetPort: number): Promise<Relay> {
  const pairs = new Set<[Socket, Socket]>();
  let limit: number | undefined;
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
    throttle(bytesPerSecond) {
      limit = bytesPerSecond;
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
    const pacer = new Pacer(
      up,
      client,
      () => limit,
      () => r.mode === 'frozen',
    );
    client.on('data', (b) => up.write(b));
    up.on('data', (b) => pacer.push(r.mode === 'garbage' ? randomBytes(b.length) : b));
    const end = () => {
      pacer.stop();
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
