/**
 * A Firmata board on a real pseudo-terminal, for tests and benchmarks. `socat` makes the pty
 * (its path, a symlink like a /dev/serial/by-id name, is what the driver opens) and relays it to
 * this program over its stdio; this program answers as an Arduino Mega 2560 running
 * hw/firmware/LoaFirmata would (StandardFirmata 2.5 plus the heartbeat of
 * src/hal/firmata/protocol.ts).
 *
 * API:
 *   const emu = await FirmataEmulator.start({ dir })   // pty at emu.path
 *   emu.setAnalog(channel, raw)     analogue input A<channel> (0..15; raw 0..1023), reported every sample
 *   emu.spike(channel, raw, n)      the next n reports of A<channel> carry `raw`, then its level again
 *   emu.setDigital(pin, level)      a digital input's physical level (reported on change);
 *                                   inputs idle at 1 (pull-up, contact open)
 *   emu.linkContact(coil, contact, energisedAt)  a relay's feedback contact: while pin `coil`
 *                                   is at `energisedAt`, input `contact` reads 0 (closed to ground)
 *   emu.level(pin)                  a pin's physical output level (0/1), undefined if not output
 *   emu.onWrite(fn)                 fn(pin, level, atMs) on every change of an output pin
 *   emu.trips / emu.lastBeatAt      heartbeat watchdog: trips so far, last heartbeat (monotonic ms)
 *   emu.unplug() / emu.replug()     the USB cable: pty gone (hang-up) / a new pty at the same path
 *   emu.garbage(bytes)              noise on the line
 *   emu.mute(true)                  a board that never answers (no handshake, no reports)
 *   emu.stop()
 * Mirrors the sketch: only pins in OUTPUT mode follow digital writes; analogue reports every
 * sampling interval (default 19 ms) for channels with reporting on; digital reports on change.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  SYSEX_FAILSAFE_PIN,
  SYSEX_FAILSAFE_TRIPPED,
  SYSEX_HEARTBEAT,
} from '../../src/hal/firmata/protocol.js';
import { FirmataParser } from './firmata-parser.js';

/** Arduino Mega 2560: D0–D53, then A0–A15 on pins 54–69 (enough for 4 zones' line sense). */
const PINS = 70;
const ANALOG_BASE = 54;
const ANALOG_COUNT = PINS - ANALOG_BASE;
const MODE = { INPUT: 0, OUTPUT: 1, ANALOG: 2, PULLUP: 0x0b } as const;
const WATCHDOG_CHECK_MS = 2; // the sketch checks in loop(), every few µs; 2 ms is our resolution

type WriteListener = (pin: number, level: 0 | 1, atMs: number) => void;

export interface EmulatorOptions {
  dir: string;
  name?: string;
}

export class FirmataEmulator {
  readonly path: string;
  trips = 0;
  lastBeatAt: number | undefined;
  private socat: ChildProcess | undefined;
  private readonly parser = new FirmataParser((cmd, data) => this.onMessage(cmd, data));
  private readonly modes: number[] = new Array(PINS).fill(MODE.INPUT);
  private readonly out: (0 | 1)[] = new Array(PINS).fill(0);
  private readonly inputs: (0 | 1)[] = new Array(PINS).fill(1);
  private readonly spikes = new Map<number, { raw: number; left: number }>();
  private readonly contacts = new Map<number, { contact: number; energisedAt: 0 | 1 }>();
  private readonly analog: number[] = new Array(ANALOG_COUNT).fill(0);
  private readonly reportAnalog = new Set<number>();
  private readonly reportPorts = new Set<number>();
  private readonly safe = new Map<number, 0 | 1>();
  private readonly listeners: WriteListener[] = [];
  private watchdogMs: number | undefined;
  private samplingMs = 19;
  private sampler: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private muted = false;

  private constructor(o: EmulatorOptions) {
    this.path = join(o.dir, o.name ?? 'usb-Arduino__www.arduino.cc__Mega_2560_emulated-if00');
  }

  static async start(o: EmulatorOptions): Promise<FirmataEmulator> {
    const emu = new FirmataEmulator(o);
    await emu.plug();
    emu.watchdog = setInterval(() => emu.checkWatchdog(), WATCHDOG_CHECK_MS);
    return emu;
  }

  setAnalog(channel: number, raw: number): void {
    this.analog[channel] = Math.max(0, Math.min(1023, Math.round(raw)));
  }

  spike(channel: number, raw: number, count = 1): void {
    this.spikes.set(channel, { raw, left: count });
  }

  /** True once every spike asked for has been reported. */
  get spikesSent(): boolean {
    return this.spikes.size === 0;
  }

  linkContact(coil: number, contact: number, energisedAt: 0 | 1): void {
    this.contacts.set(coil, { contact, energisedAt });
    this.setDigital(contact, this.out[coil] === energisedAt && this.modes[coil] === MODE.OUTPUT ? 0 : 1);
  }

  setDigital(pin: number, level: 0 | 1): void {
    if (this.inputs[pin] === level) return;
    this.inputs[pin] = level;
    const port = pin >> 3;
    if (this.reportPorts.has(port)) this.sendPort(port);
  }

  level(pin: number): 0 | 1 | undefined {
    return this.modes[pin] === MODE.OUTPUT ? this.out[pin] : undefined;
  }

  onWrite(fn: WriteListener): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  mute(on: boolean): void {
    this.muted = on;
  }

  garbage(bytes: number[]): void {
    this.send(bytes);
  }

  /** Pulls the cable: socat exits, the pty disappears, the host sees a hang-up. */
  async unplug(): Promise<void> {
    const p = this.socat;
    this.socat = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((res) => {
      p.once('exit', () => res());
      p.kill('SIGTERM');
    });
    this.resetBoard(); // a USB board loses power with its cable: every pin back to input
  }

  async replug(): Promise<void> {
    await this.plug();
  }

  async stop(): Promise<void> {
    clearInterval(this.watchdog);
    clearInterval(this.sampler);
    await this.unplug();
  }

  private async plug(): Promise<void> {
    const p = spawn('socat', ['-b', '64', `pty,raw,echo=0,link=${this.path}`, 'STDIO'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.socat = p;
    p.stdout?.on('data', (b: Buffer) => {
      if (!this.muted) this.parser.push(b);
    });
    p.stdin?.on('error', () => undefined); // EPIPE after unplug
    const deadline = Date.now() + 5000;
    while (!existsSync(this.path)) {
      if (p.exitCode !== null || Date.now() > deadline) throw new Error(`socat did not create ${this.path}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    this.restartSampler();
  }

  private send(bytes: number[]): void {
    if (this.muted) return;
    const stdin = this.socat?.stdin;
    if (stdin && !stdin.destroyed) stdin.write(Buffer.from(bytes));
  }

  private onMessage(cmd: number, data: number[]): void {
    if (cmd === 0xf0) {
      this.onSysex(data);
      return;
    }
    const hi = cmd & 0xf0;
    if (hi === 0x90) {
      this.onDigitalPort(cmd & 0x0f, (data[0] ?? 0) | ((data[1] ?? 0) << 7));
      return;
    }
    if (hi === 0xc0) {
      this.toggle(this.reportAnalog, cmd & 0x0f, data[0] === 1);
      return;
    }
    if (hi === 0xd0) {
      this.toggle(this.reportPorts, cmd & 0x0f, data[0] === 1);
      if (data[0] === 1) this.sendPort(cmd & 0x0f);
      return;
    }
    if (cmd === 0xf4) {
      this.onPinMode(data[0] ?? 0, data[1] ?? 0);
      return;
    }
    if (cmd === 0xf5) {
      this.onSetPin(data[0] ?? 0, (data[1] ?? 0) as 0 | 1);
      return;
    }
    if (cmd === 0xf9) {
      this.send([0xf9, 2, 5]);
      return;
    }
    if (cmd === 0xff) {
      this.resetBoard();
      return;
    }
  }

  private onSysex(d: number[]): void {
    const [id = -1, a = 0, b = 0] = d;
    if (id === 0x79) {
      this.sendFirmware();
      return;
    }
    if (id === 0x6b) {
      this.sendCapabilities();
      return;
    }
    if (id === 0x69) {
      this.sendAnalogMapping();
      return;
    }
    if (id === 0x7a) {
      this.samplingMs = Math.max(10, a | (b << 7));
      this.restartSampler();
      return;
    }
    if (id === SYSEX_HEARTBEAT) {
      this.watchdogMs = a | (b << 7);
      this.lastBeatAt = performance.now();
      return;
    }
    if (id === SYSEX_FAILSAFE_PIN && a < PINS) {
      this.safe.set(a, b ? 1 : 0);
      this.drive(a, b ? 1 : 0); // level first, then output: no glitch
      this.modes[a] = MODE.OUTPUT;
    }
  }

  private onPinMode(pin: number, mode: number): void {
    if (pin >= PINS) return;
    if (mode === MODE.OUTPUT && this.modes[pin] !== MODE.OUTPUT) this.drive(pin, this.out[pin] ?? 0);
    this.modes[pin] = mode;
  }

  private onSetPin(pin: number, level: 0 | 1): void {
    if (this.modes[pin] === MODE.OUTPUT) this.drive(pin, level ? 1 : 0);
  }

  private onDigitalPort(port: number, bits: number): void {
    for (let i = 0; i < 8; i++) {
      const pin = port * 8 + i;
      if (pin < PINS && this.modes[pin] === MODE.OUTPUT) this.drive(pin, (bits >> i) & 1 ? 1 : 0);
    }
  }

  private drive(pin: number, level: 0 | 1): void {
    const was = this.out[pin];
    this.out[pin] = level;
    const wasOutput = this.modes[pin] === MODE.OUTPUT;
    if (was !== level || !wasOutput) {
      const at = performance.now();
      for (const fn of [...this.listeners]) fn(pin, level, at);
    }
    const link = this.contacts.get(pin);
    if (link) this.setDigital(link.contact, level === link.energisedAt ? 0 : 1);
  }

  private checkWatchdog(): void {
    if (this.watchdogMs === undefined || this.lastBeatAt === undefined) return;
    if (performance.now() - this.lastBeatAt < this.watchdogMs) return;
    this.watchdogMs = undefined; // disarmed until the next heartbeat
    this.trips++;
    for (const [pin, level] of this.safe) this.drive(pin, level);
    this.send([0xf0, SYSEX_FAILSAFE_TRIPPED, this.trips & 0x7f, (this.trips >> 7) & 0x7f, 0xf7]);
  }

  private resetBoard(): void {
    this.modes.fill(MODE.INPUT);
    this.out.fill(0);
    for (const { contact } of this.contacts.values()) this.inputs[contact] = 1;
    this.safe.clear();
    this.reportAnalog.clear();
    this.reportPorts.clear();
    this.watchdogMs = undefined;
    this.lastBeatAt = undefined;
    this.parser.reset();
  }

  private restartSampler(): void {
    clearInterval(this.sampler);
    this.sampler = setInterval(() => {
      for (const ch of this.reportAnalog) {
        const spike = this.spikes.get(ch);
        const v = spike?.raw ?? this.analog[ch] ?? 0;
        if (spike && --spike.left <= 0) this.spikes.delete(ch);
        this.send([0xe0 | ch, v & 0x7f, (v >> 7) & 0x7f]);
      }
    }, this.samplingMs);
  }

  private toggle(set: Set<number>, key: number, on: boolean): void {
    if (on) set.add(key);
    else set.delete(key);
  }

  private sendPort(port: number): void {
    let bits = 0;
    for (let i = 0; i < 8; i++) {
      const pin = port * 8 + i;
      if (pin >= PINS) break;
      const v = this.modes[pin] === MODE.OUTPUT ? this.out[pin] : this.inputs[pin];
      bits |= (v ?? 0) << i;
    }
    this.send([0x90 | port, bits & 0x7f, (bits >> 7) & 0x7f]);
  }

  private sendFirmware(): void {
    const name = [...'LoaFirmata.ino'].flatMap((c) => [c.charCodeAt(0) & 0x7f, 0]);
    this.send([0xf0, 0x79, 2, 5, ...name, 0xf7]);
  }

  private sendCapabilities(): void {
    const out = [0xf0, 0x6c];
    for (let pin = 0; pin < PINS; pin++) {
      out.push(MODE.INPUT, 1, MODE.OUTPUT, 1, MODE.PULLUP, 1);
      if (pin >= ANALOG_BASE) out.push(MODE.ANALOG, 10);
      out.push(0x7f);
    }
    this.send([...out, 0xf7]);
  }

  private sendAnalogMapping(): void {
    const map = Array.from({ length: PINS }, (_, pin) => (pin >= ANALOG_BASE ? pin - ANALOG_BASE : 0x7f));
    this.send([0xf0, 0x6a, ...map, 0xf7]);
  }
}
