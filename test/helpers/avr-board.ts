/**
 * The real LoaFirmata firmware (hw/firmware/, built by test/helpers/avr-build.ts) on a simulated
 * ATmega2560: test/helpers/avr/loa-avr-sim (libsimavr) runs the image in real time with UART0 on
 * a pseudo-terminal (its path, a symlink like a /dev/serial/by-id name, is what the driver
 * opens), and gives this class the pins and the ADC.
 *
 * API (pins by Arduino number, D0–D69; A0–A15 are D54–D69):
 *   const board = await AvrBoard.start({ dir })   // pty at board.path
 *   board.setAnalog(channel, raw)     analogue input A<channel> (raw 0..1023 of 5 V)
 *   board.spike(channel, raw, n)      the next n conversions of A<channel> read `raw`
 *   board.setDigital(pin, level)      a digital input's physical level (idle 1: pull-up, contact open)
 *   board.linkContact(coil, contact, energisedAt)  a relay's feedback contact: while pin `coil`
 *                                     drives `energisedAt`, input `contact` reads 0 (to ground)
 *   board.level(pin)                  an output's physical level (0/1), undefined if not driven
 *   board.onWrite(fn)                 fn(pin, level, atMs, simMs) on every change of a driven pin
 *   board.trips / board.lastBeatAt / board.lastBeatSimMs   trips the firmware reported; when the
 *                                     last heartbeat entered its UART (performance.now(), AVR time)
 *   board.unplug() / board.replug()   the USB cable: power and pty gone / power-on reset, new pty
 *   board.garbage(bytes)              noise on the line to the host; garbageToBoard: to the firmware
 *   board.mute(true)                  a hung firmware (CPU stopped, port open)
 *   board.stop()
 * Times: the harness stamps events with CLOCK_MONOTONIC, the clock of process.hrtime; they are
 * converted to performance.now() so tests compare them with their own readings.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AVR_ELF, AVR_SIM, MEGA_PINS_HEADER } from './avr-build.js';

type WriteListener = (pin: number, level: 0 | 1, atMs: number, simMs: number) => void;

/** Arduino pin → [port letter, bit], read from the core's variant (the firmware's own table). */
function megaPinMap(): [string, number][] {
  const text = readFileSync(MEGA_PINS_HEADER, 'utf8');
  const table = text.slice(text.indexOf('digital_pin_to_port_PGM'));
  const map: [string, number][] = [];
  for (const m of table.matchAll(/\/\/\s*P([A-L])\s+(\d)\s+\*\*\s+(\d+)\s+\*\*/g)) {
    const pin = Number(m[3]);
    if (map[pin] === undefined) map[pin] = [m[1] as string, Number(m[2])];
    if (pin === 69) break;
  }
  if (map.length !== 70) throw new Error(`expected 70 pins in ${MEGA_PINS_HEADER}, read ${map.length}`);
  return map;
}

function toPerfMs(monoNs: string): number {
  return performance.now() - Number(process.hrtime.bigint() - BigInt(monoNs)) / 1e6;
}

export interface AvrBoardOptions {
  dir: string;
  name?: string;
}

export class AvrBoard {
  readonly path: string;
  trips = 0;
  lastBeatAt: number | undefined;
  lastBeatSimMs: number | undefined;
  /** Worst lag of simulated behind wall time, ms (stats every simulated second). */
  lagMaxMs = 0;
  private readonly pins = megaPinMap();
  private readonly byPort = new Map<string, number>();
  private readonly levels = new Map<number, 0 | 1>();
  private readonly spikes = new Set<number>();
  private readonly listeners: WriteListener[] = [];
  private proc: ChildProcess | undefined;

  private constructor(o: AvrBoardOptions) {
    this.path = join(o.dir, o.name ?? 'usb-Arduino__www.arduino.cc__Mega_2560_simavr-if00');
    this.pins.forEach(([port, bit], pin) => {
      this.byPort.set(`${port}${bit}`, pin);
    });
  }

  static async start(o: AvrBoardOptions): Promise<AvrBoard> {
    const b = new AvrBoard(o);
    await b.spawn();
    return b;
  }

  setAnalog(channel: number, raw: number): void {
    this.send(`adc ${channel} ${Math.round(raw)}`);
  }

  spike(channel: number, raw: number, count = 1): void {
    this.spikes.add(channel);
    this.send(`spike ${channel} ${Math.round(raw)} ${count}`);
  }

  /** True once every spike asked for has been read by the firmware. */
  get spikesSent(): boolean {
    return this.spikes.size === 0;
  }

  setDigital(pin: number, level: 0 | 1): void {
    const [port, bit] = this.portBit(pin);
    this.send(`in ${port} ${bit} ${level}`);
  }

  linkContact(coil: number, contact: number, energisedAt: 0 | 1): void {
    const [p, b] = this.portBit(coil);
    const [q, c] = this.portBit(contact);
    this.send(`link ${p} ${b} ${q} ${c} ${energisedAt}`);
  }

  level(pin: number): 0 | 1 | undefined {
    return this.levels.get(pin);
  }

  onWrite(fn: WriteListener): () => void {
    this.listeners.push(fn);
    return () => this.listeners.splice(this.listeners.indexOf(fn), 1);
  }

  mute(on: boolean): void {
    this.send(`freeze ${on ? 1 : 0}`);
  }

  garbage(bytes: number[]): void {
    this.send(`tohost ${bytes.map((x) => x.toString(16)).join(' ')}`);
  }

  garbageToBoard(bytes: number[]): void {
    this.send(`toboard ${bytes.map((x) => x.toString(16)).join(' ')}`);
  }

  /** Pulls the cable and waits until every pin is undriven. */
  async unplug(): Promise<void> {
    this.send('unplug');
    await this.until(() => this.levels.size === 0);
  }

  async replug(): Promise<void> {
    this.send('plug');
  }

  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((res) => {
      p.once('exit', () => res());
      p.stdin?.end('quit\n');
      setTimeout(() => p.kill('SIGKILL'), 2000).unref();
    });
  }

  private portBit(pin: number): [string, number] {
    const pb = this.pins[pin];
    if (!pb) throw new Error(`no pin D${pin} on an ATmega2560 board`);
    return pb;
  }

  private send(line: string): void {
    this.proc?.stdin?.write(`${line}\n`);
  }

  private async spawn(): Promise<void> {
    const p = spawn(AVR_SIM, [AVR_ELF, this.path], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc = p;
    p.stdin?.on('error', () => undefined);
    const err: string[] = [];
    p.stderr?.on('data', (b: Buffer) => {
      err.push(b.toString());
      if (process.env.LOA_AVR_TRACE) process.stderr.write(b);
    });
    const ready = new Promise<void>((res, rej) => {
      // a missing or unrunnable harness (not built yet) is an error of this start, not a crash
      p.once('error', (e) =>
        rej(new Error(`loa-avr-sim could not start (${AVR_SIM}; built by buildAvr): ${e.message}`)),
      );
      p.once('exit', (code) => rej(new Error(`loa-avr-sim exited ${code}: ${err.join('')}`)));
      createInterface({ input: p.stdout as NodeJS.ReadableStream }).on('line', (l) => {
        if (l.startsWith('ready ')) res();
        else this.onEvent(l.split(' '));
      });
    });
    await ready;
  }

  private onEvent(f: string[]): void {
    if (process.env.LOA_AVR_TRACE) process.stderr.write(`board: ${f.join(' ')}\n`);
    if (f[0] === 'pin') this.onPin(f);
    else if (f[0] === 'beat') {
      this.lastBeatSimMs = Number(f[1]) / 1e6;
      this.lastBeatAt = toPerfMs(f[2] as string);
    } else if (f[0] === 'trip') this.trips = Number(f[1]);
    else if (f[0] === 'spiked') this.spikes.delete(Number(f[1]));
    else if (f[0] === 'stats') this.lagMaxMs = Number(f[3]) / 1e6;
  }

  private onPin([, port, bit, level, sim, mono]: string[]): void {
    const pin = this.byPort.get(`${port}${bit}`);
    if (pin === undefined) return; // a port bit with no Arduino pin
    if (level === 'z') {
      this.levels.delete(pin);
      return;
    }
    const l = level === '1' ? 1 : 0;
    this.levels.set(pin, l);
    const at = toPerfMs(mono as string);
    for (const fn of [...this.listeners]) fn(pin, l, at, Number(sim) / 1e6);
  }

  private async until(cond: () => boolean): Promise<void> {
    const deadline = performance.now() + 5000;
    while (!cond()) {
      if (performance.now() > deadline) throw new Error('avr board: no answer from loa-avr-sim');
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}
