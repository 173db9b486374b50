/**
 * A TCP relay the link tests control, between a station and its hub: pass, cut (every connection
 * closed, new ones refused at once) or stall (everything frozen, no FIN: new connections are
 * accepted and hang too), and it counts the bytes that cross it in each direction.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  down: Socket; // station side
  up: Socket | undefined; // hub side
  /** Station → hub bytes held back by the upstream throttle. */
  queue: Buffer[];
  queued: number;
}

/** Above this much held back, the station side is paused (TCP back-pressure reaches the station). */
const HOLD_MAX = 16 * 1024;

export class Relay {
  port = 0;
  bytesUp = 0;
  bytesDown = 0;
  /** Data chunks read, each direction: an upper bound on TCP segments carrying data. */
  chunks = 0;
  connections = 0;
  private mode: 'pass' | 'cut' | 'stall' = 'pass';
  private upRate: number | undefined;
  private pacer: NodeJS.Timeout | undefined;
  private readonly pairs = new Set<Pair>();
  private readonly server: Server;

  constructor(public targetPort: number) {
    this.server = createServer((s) => this.accept(s));
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Closes every connection (FIN/RST) and refuses new ones until restore(). */
  cut(): void {
    this.mode = 'cut';
    for (const p of this.pairs) this.destroy(p);
  }

  /** Freezes every connection without closing it; new connections hang as well. */
  stall(): void {
    this.mode = 'stall';
    for (const p of this.pairs) {
      p.down.pause();
      p.up?.pause();
    }
  }

  /**
   * Holds what the station sends (its current connections' station side is no longer read)
   * while the hub's side still flows: a command reaches the station, its answer does not.
   */
  holdUp(): void {
    for (const p of this.pairs) p.down.pause();
  }

  /** Back to passing traffic; frozen connections continue where they stopped. */
  restore(): void {
    this.mode = 'pass';
    for (const p of this.pairs) {
      if (!p.up) this.link(p);
      p.down.resume();
      p.up?.resume();
    }
  }

  /**
   * Limits station → hub to this many bytes/s (a weak 4G uplink), a budget refilled every 20 ms;
   * undefined: no limit. What cannot be sent waits, and the station feels it as back-pressure.
   */
  throttleUp(bytesPerSecond: number | undefined): void {
    this.upRate = bytesPerSecond;
    if (bytesPerSecond !== undefined && !this.pacer) this.pacer = setInterval(() => this.pace(), 20);
  }

  private pace(): void {
    for (const p of this.pairs) {
      let budget = this.upRate === undefined ? Number.POSITIVE_INFINITY : this.upRate / 50;
      while (p.queue.length && budget > 0 && this.mode === 'pass') {
        const b = p.queue[0] as Buffer;
        const n = Math.min(b.length, Math.ceil(budget));
        p.up?.write(b.subarray(0, n));
        if (n === b.length) p.queue.shift();
        else p.queue[0] = b.subarray(n);
        p.queued -= n;
        budget -= n;
      }
      if (p.queued < HOLD_MAX / 4 && this.mode === 'pass') p.down.resume();
    }
    if (this.upRate === undefined && [...this.pairs].every((p) => p.queued === 0)) {
      clearInterval(this.pacer);
      this.pacer = undefined;
    }
  }

  /** Points the relay at another port (a restarted hub); existing connections are closed. */
  retarget(port: number): void {
    this.targetPort = port;
    for (const p of this.pairs) this.destroy(p);
  }

  async close(): Promise<void> {
    clearInterval(this.pacer);
    for (const p of this.pairs) this.destroy(p);
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private accept(down: Socket): void {
    if (this.mode === 'cut') {
      down.destroy();
      return;
    }
    this.connections++;
    const p: Pair = { down, up: undefined, queue: [], queued: 0 };
    this.pairs.add(p);
    down.on('error', () => this.destroy(p));
    down.on('close', () => this.destroy(p));
    if (this.mode === 'stall') down.pause();
    else this.link(p);
  }

  private link(p: Pair): void {
    const up = connect(this.targetPort, '127.0.0.1');
    p.up = up;
    up.on('error', () => this.destroy(p));
    up.on('close', () => this.destroy(p));
    p.down.on('data', (d: Buffer) => {
      this.bytesUp += d.length;
      this.chunks++;
      if (this.pacer === undefined) return void up.write(d);
      p.queue.push(d);
      p.queued += d.length;
      if (p.queued > HOLD_MAX) p.down.pause();
    });
    up.on('data', (d: Buffer) => {
      this.bytesDown += d.length;
      this.chunks++;
      p.down.write(d);
    });
  }

  private destroy(p: Pair): void {
    if (!this.pairs.delete(p)) return;
    p.down.destroy();
    p.up?.destroy();
  }
}
