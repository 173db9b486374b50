/**
 * One connection to a Firmata board: the serial port (serialport 13), firmata-io speaking the
 * protocol over it, and a johnny-five Board on that io for the handshake and the relays.
 * A session ends for good when the port closes or errors, or the board goes silent; the driver
 * then builds a new one (johnny-five has no reconnect: a Board whose io closed stays closed).
 */
// loaded when a Firmata board is opened: a station without one does not carry serialport
// (≈ 6 MB RSS measured in the daemon, docs/audio.md "Footprint")
import type { SerialPort } from 'serialport';
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { FirmataOptions } from './options.js';
import type { PinPlan } from './plan.js';
import { failsafePinMessage, heartbeatMessage, SYSEX_FAILSAFE_TRIPPED } from './protocol.js';
import { type FirmataIo, type J5Board, type J5Relay, loadFirmata } from './vendor.js';

export interface SessionEvents {
  analog(channel: number, raw: number): void;
  digital(pin: number, level: 0 | 1): void;
  tripped(trips: number): void;
  lost(reason: string): void;
}

const sessions = new WeakMap<FirmataIo, Session>();

export class Session {
  private readonly relays = new Map<number, J5Relay>();
  private heartbeat: Timer | undefined;
  /** Heartbeat ticks since the board last sent a byte (counted, not timed: a host that was
   * itself paused must not mistake its own pause for a silent board). */
  private quietTicks = 0;
  /** Only a board reporting analogue inputs talks all the time; digital reports come on change. */
  private chatty = false;
  private ended = false;

  private constructor(
    readonly port: SerialPort,
    readonly io: FirmataIo,
    readonly board: J5Board,
    private readonly o: FirmataOptions,
    private readonly clock: Clock,
    private readonly ev: SessionEvents,
  ) {}

  /** Opens the port and completes the Firmata handshake, or rejects with the reason. */
  static async open(id: string, o: FirmataOptions, clock: Clock, ev: SessionEvents): Promise<Session> {
    const { Firmata, five } = loadFirmata();
    installTripHandler(Firmata.SYSEX_RESPONSE);
    const { SerialPort } = await import('serialport');
    const port = new SerialPort({ path: o.port, baudRate: o.baudRate, autoOpen: false });
    await new Promise<void>((res, rej) => port.open((e) => (e ? rej(portError(o.port, e)) : res())));
    // the port is open already: firmata-io and johnny-five wait for a "connect" that we relay
    const io = new Firmata(port, { reportVersionTimeout: 0, samplingInterval: o.samplingMs });
    const board = new five.Board({
      io,
      id,
      repl: false,
      debug: false,
      sigint: false,
      timeout: o.handshakeTimeoutMs,
    });
    const s = new Session(port, io, board, o, clock, ev);
    sessions.set(io, s);
    try {
      await s.handshake();
    } catch (e) {
      s.end();
      throw e;
    }
    return s;
  }

  /** Declares outputs (safe level first, glitch-free), inputs and analogue reporting. */
  async configure(plan: PinPlan, timeoutMs: number): Promise<void> {
    checkPlan(this.io, plan);
    this.chatty = plan.analog.length > 0;
    const { five } = loadFirmata();
    for (const out of plan.outputs) {
      this.io.sysexCommand(failsafePinMessage(out.pin, out.safeRaw));
      this.io.updateDigitalPort(out.pin, out.safeRaw); // firmata-io writes whole ports: keep its copy true
      const pin = this.io.pins[out.pin];
      if (pin) pin.mode = this.io.MODES.OUTPUT;
      this.relays.set(
        out.pin,
        new five.Relay({ pin: out.pin, type: out.activeLow ? 'NC' : 'NO', board: this.board }),
      );
    }
    this.beat();
    this.heartbeat = this.clock.setInterval(() => this.tick(), this.o.heartbeatMs);
    for (const inp of plan.inputs) {
      this.io.pinMode(inp.pin, inp.pullup ? this.io.MODES.PULLUP : this.io.MODES.INPUT);
      this.io.digitalRead(inp.pin, (v) => this.ev.digital(inp.pin, v ? 1 : 0));
    }
    for (const a of plan.analog) this.io.analogRead(a.channel, (v) => this.ev.analog(a.channel, v));
    await this.waitFirstReadings(plan, timeoutMs);
  }

  write(pin: number, energised: boolean): void {
    const r = this.relays.get(pin);
    if (!r) throw new LoaError('INTERNAL', `pin D${pin} is not a declared output`);
    if (energised) r.close();
    else r.open();
  }

  /** Waits until everything written so far has left the host. */
  drain(): Promise<void> {
    return new Promise((res) => this.port.drain(() => res()));
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Stops the heartbeat and closes the port (the board's watchdog then drops its relays). */
  end(reason?: string): void {
    if (this.ended) return;
    this.ended = true;
    this.heartbeat?.cancel();
    sessions.delete(this.io);
    clearTimeout((this.board as unknown as { timer?: NodeJS.Timeout }).timer); // j5's connect timeout
    this.port.removeAllListeners('data');
    if (this.port.isOpen) this.port.close(() => undefined);
    const cache = (loadFirmata().five.Board as unknown as { cache: unknown[] }).cache;
    const i = cache.indexOf(this.board);
    if (i >= 0) cache.splice(i, 1); // johnny-five keeps every Board it ever made
    if (reason) this.ev.lost(reason);
  }

  onTripped(trips: number): void {
    this.ev.tripped(trips);
  }

  private handshake(): Promise<void> {
    return new Promise((res, rej) => {
      const fail = (e: LoaError) => {
        timer.cancel();
        rej(e);
      };
      const timer = this.clock.setTimeout(
        () =>
          fail(
            new LoaError(
              'HARDWARE',
              `no Firmata answer on ${this.o.port} within ${this.o.handshakeTimeoutMs} ms: is LoaFirmata (hw/firmware/) flashed, and the baud rate ${this.o.baudRate}?`,
            ),
          ),
        this.o.handshakeTimeoutMs,
      );
      this.port.on('data', () => {
        this.quietTicks = 0;
      });
      this.port.on('close', () => this.lose(`serial port ${this.o.port} closed (unplugged?)`, fail));
      this.port.on('error', (e: Error) => this.lose(`serial port ${this.o.port}: ${e.message}`, fail));
      this.io.on('error', (e: Error) => this.lose(`Firmata: ${e.message}`, fail));
      this.board.on('error', (e: Error) => this.lose(`johnny-five: ${e.message}`, fail));
      this.board.once('ready', () => {
        timer.cancel();
        res();
      });
      this.io.emit('connect');
    });
  }

  private lose(reason: string, failHandshake: (e: LoaError) => void): void {
    if (this.ended) return;
    if (!this.board.isReady) failHandshake(new LoaError('HARDWARE', reason));
    this.end(reason);
  }

  private beat(): void {
    this.io.sysexCommand(heartbeatMessage(this.o.failsafeTimeoutMs));
  }

  private tick(): void {
    if (this.ended) return;
    this.beat();
    const silentMs = ++this.quietTicks * this.o.heartbeatMs;
    if (this.chatty && this.o.staleMs > 0 && silentMs > this.o.staleMs)
      this.end(`board on ${this.o.port} silent for ${this.quietTicks} heartbeats (${silentMs} ms)`);
  }

  private async waitFirstReadings(plan: PinPlan, timeoutMs: number): Promise<void> {
    const deadline = this.clock.monotonic() + timeoutMs;
    for (let i = 0; i < 100_000; i++) {
      const missing = plan.missingReadings();
      if (!missing.length) return;
      if (this.ended) throw new LoaError('HARDWARE', `board on ${this.o.port} went away during start`);
      if (this.clock.monotonic() > deadline)
        throw new LoaError(
          'HARDWARE',
          `board on ${this.o.port} answered but sent no reading for ${missing.join(', ')} within ${timeoutMs} ms`,
        );
      await this.clock.sleep(5);
    }
  }
}

function checkPlan(io: FirmataIo, plan: PinPlan): void {
  const { OUTPUT, INPUT } = io.MODES;
  const bad: string[] = [];
  for (const o of plan.outputs)
    if (!io.pins[o.pin]?.supportedModes.includes(OUTPUT))
      bad.push(`${o.what}: D${o.pin} cannot be an output`);
  for (const i of plan.inputs)
    if (!io.pins[i.pin]?.supportedModes.includes(INPUT)) bad.push(`${i.what}: D${i.pin} cannot be an input`);
  for (const a of plan.analog)
    if (io.analogPins[a.channel] === undefined) bad.push(`${a.what}: this board has no A${a.channel}`);
  if (bad.length)
    throw new LoaError(
      'HARDWARE',
      `the board (${io.firmware.name ?? 'Firmata'}, ${io.analogPins.length} analogue inputs) does not fit the profile: ${bad.join('; ')}`,
    );
}

function portError(path: string, e: Error): LoaError {
  const code = (e as NodeJS.ErrnoException).code;
  const hint = /No such file|ENOENT/.test(e.message) || code === 'ENOENT' ? ' (not plugged in?)' : '';
  return new LoaError('HARDWARE', `cannot open serial port ${path}${hint}: ${e.message}`);
}

/** firmata-io keeps sysex handlers in one table for all boards; route ours by board. */
function installTripHandler(
  table: Record<number, ((b: FirmataIo & { buffer: number[] }) => void) | undefined>,
) {
  if (table[SYSEX_FAILSAFE_TRIPPED]) return;
  table[SYSEX_FAILSAFE_TRIPPED] = (b) => {
    const d = b.buffer.slice(2, -1);
    sessions.get(b)?.onTripped((d[0] ?? 0) | ((d[1] ?? 0) << 7));
  };
}
