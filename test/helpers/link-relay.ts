/**
 * A TCP relay the link tests control, between a station and its hub: pass, cut (every connection
 * closed, new ones refused at once) or stall (everything frozen, no FIN: new connections are
 * accepted and hang too), and it counts the bytes that cross it in each direction.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  down: Socket; // station side
  up: Socket | undefined; // hub side
}

export class Relay {
  port = 0;
  bytesUp = 0;
  bytesDown = 0;
  /** Data chunks read, each direction: an upper bound on TCP segments carrying data. */
  chunks = 0;
  connections = 0;
  private mode: 'pass' | 'cut' | 'stall' = 'pass';
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

  /** Points the relay at another port (a restarted hub); existing connections are closed. */
  retarget(port: number): void {
    this.targetPort = port;
    for (const p of this.pairs) this.destroy(p);
  }

  async close(): Promise<void> {
    for (const p of this.pairs) this.destroy(p);
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private accept(down: Socket): void {
    if (this.mode === 'cut') {
      down.destroy();
      return;
    }
    this.connections++;
    const p: Pair = { down, up: undefined };
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
      up.write(d);
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
