/**
 * The modem's AT command port (serialport 13, as the Firmata driver uses): one command at a
 * time, the answer's lines up to its final result code (27.007 §4.1 / V.250: OK, ERROR,
 * +CME ERROR), a deadline on every command. A hung modem answers nothing: the command fails
 * with UNAVAILABLE and the port is closed, so the next poll opens it afresh (a modem that
 * re-enumerated after a reset or a power cut is a new tty behind the same by-id name).
 */
import type { SerialPort } from 'serialport';
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';

const FINAL_OK = /^OK$/;
const FINAL_ERROR = /^(ERROR|\+CME ERROR:.*|\+CMS ERROR:.*|NO CARRIER)$/;

interface Pending {
  command: string;
  lines: string[];
  resolve(lines: string[]): void;
  reject(e: Error): void;
}

export class AtPort {
  private port: SerialPort | undefined;
  private buffer = '';
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly baudRate: number,
    private readonly timeoutMs: number,
    private readonly clock: Clock,
  ) {}

  get isOpen(): boolean {
    return this.port?.isOpen === true;
  }

  /** Runs one command (without the trailing CR); resolves with its answer lines, OK excluded. */
  command(cmd: string, timeoutMs = this.timeoutMs): Promise<string[]> {
    const run = this.queue.then(() => this.exchange(cmd, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const p = this.port;
    this.port = undefined;
    this.fail(new LoaError('UNAVAILABLE', `AT port ${this.path} closed`));
    if (p?.isOpen) await new Promise<void>((res) => p.close(() => res()));
  }

  private async exchange(cmd: string, timeoutMs: number): Promise<string[]> {
    if (!this.isOpen) await this.open();
    const port = this.port as SerialPort;
    return new Promise<string[]>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.pending = undefined;
        reject(new LoaError('UNAVAILABLE', `modem did not answer ${cmd} within ${timeoutMs} ms`));
        void this.close(); // whatever it says later belongs to no command: start clean
      }, timeoutMs);
      this.pending = {
        command: cmd,
        lines: [],
        resolve: (l) => {
          timer.cancel();
          resolve(l);
        },
        reject: (e) => {
          timer.cancel();
          reject(e);
        },
      };
      port.write(`${cmd}\r`);
    });
  }

  private async open(): Promise<void> {
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
    await new Promise<void>((res, rej) =>
      port.open((e) =>
        e
          ? rej(new LoaError('UNAVAILABLE', `modem AT port ${this.path} cannot be opened: ${e.message}`))
          : res(),
      ),
    );
    this.buffer = '';
    port.on('data', (b: Buffer) => this.onData(b.toString('latin1')));
    port.on('close', () => {
      if (this.port === port) this.port = undefined;
      this.fail(new LoaError('UNAVAILABLE', `modem AT port ${this.path} went away (unplugged?)`));
    });
    port.on('error', () => undefined); // reported through close and the command's deadline
    this.port = port;
  }

  private onData(text: string): void {
    this.buffer += text;
    for (;;) {
      const i = this.buffer.search(/[\r\n]/);
      if (i < 0) break;
      const line = this.buffer.slice(0, i).trim();
      this.buffer = this.buffer.slice(i + 1);
      if (line) this.onLine(line);
    }
    if (this.buffer.length > 4096) this.buffer = this.buffer.slice(-4096); // noise without line ends
  }

  private onLine(line: string): void {
    const p = this.pending;
    if (!p || line === p.command) return; // an unsolicited result, or the echo (ATE1)
    if (FINAL_OK.test(line)) {
      this.pending = undefined;
      p.resolve(p.lines);
    } else if (FINAL_ERROR.test(line)) {
      this.pending = undefined;
      p.reject(new LoaError('HARDWARE', `modem answered ${line} to ${p.command}`));
    } else p.lines.push(line);
  }

  private fail(e: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }
}
