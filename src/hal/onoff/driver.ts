/**
 * The `onoff` driver: relays and contacts on the Raspberry Pi's GPIO through sysfs.
 * open() resolves and exports every line of the profile that names this driver, outputs first
 * at their safe level written with the direction ("high"/"low" set direction and level in one
 * write, so a relay never glitches on). Active-low is the kernel's (active_low attribute).
 * close() drives every output to its safe level and leaves it exported: sysfs then holds that
 * level after we exit (unexporting would hand the line back to its pinctrl default).
 */
import { createRequire } from 'node:module';
import type { Gpio } from 'onoff';
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { Profile } from '../profile.js';
import type {
  AnalogIn,
  DigitalIn,
  DigitalOut,
  Driver,
  DriverHealth,
  InputSpec,
  OutputSpec,
} from '../types.js';
import { assertSysfsGpio, exportLine, listChips, resolveLine } from './sysfs.js';

/** onoff loads the epoll addon; only a GPIO station needs it. */
const require = createRequire(import.meta.url);
const onoff = (): typeof import('onoff') => require('onoff') as typeof import('onoff');

export interface OnoffOptions {
  exportTimeoutMs: number;
  /** Inputs are polled for watch(): sysfs edges need epoll on the real value file. */
  pollMs: number;
}

interface Line {
  gpio: Gpio;
  n: number;
}

export class OnoffDriver implements Driver {
  readonly kind = 'onoff' as const;
  private readonly outLines = new Map<string, Line & { spec: OutputSpec }>();
  private readonly inLines = new Map<string, Line>();
  private lastError: string | undefined;

  constructor(
    readonly id: string,
    private readonly o: OnoffOptions,
    private readonly profile: Profile,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async open(): Promise<void> {
    await assertSysfsGpio();
    const chips = await listChips();
    for (const [name, s] of Object.entries(this.profile.outputs)) {
      if (s.driver !== this.id) continue;
      const what = `outputs."${name}"`;
      const n = resolveLine(chips, s.channel, what);
      await exportLine(n, this.clock, this.o.exportTimeoutMs, what);
      const raw = s.safe !== s.activeLow; // physical level of the safe state
      const gpio = this.make(
        what,
        () => new (onoff().Gpio)(n, raw ? 'high' : 'low', undefined, { activeLow: s.activeLow }),
      );
      this.outLines.set(name, { gpio, n, spec: { name, ...s } });
    }
    for (const [name, s] of Object.entries(this.profile.inputs)) {
      if (s.driver !== this.id) continue;
      const what = `inputs."${name}"`;
      const n = resolveLine(chips, s.channel, what);
      await exportLine(n, this.clock, this.o.exportTimeoutMs, what);
      const gpio = this.make(what, () => new (onoff().Gpio)(n, 'in', undefined, { activeLow: s.activeLow }));
      this.inLines.set(name, { gpio, n });
    }
    this.log.info('GPIO lines ready', {
      driver: this.id,
      outputs: Object.fromEntries([...this.outLines].map(([k, l]) => [k, l.n])),
      inputs: Object.fromEntries([...this.inLines].map(([k, l]) => [k, l.n])),
    });
  }

  digitalOut(spec: OutputSpec): DigitalOut {
    const line = this.outLines.get(spec.name);
    if (!line) throw new LoaError('INTERNAL', `outputs."${spec.name}" was not opened by driver ${this.id}`);
    let commanded = spec.safe;
    const write = (on: boolean) => this.write(spec.name, line.gpio, on);
    return {
      name: spec.name,
      get commanded() {
        return commanded;
      },
      async set(on: boolean) {
        commanded = on;
        await write(on);
      },
    };
  }

  digitalIn(spec: InputSpec): DigitalIn {
    const line = this.inLines.get(spec.name);
    if (!line) throw new LoaError('INTERNAL', `inputs."${spec.name}" was not opened by driver ${this.id}`);
    const read = async () => {
      try {
        return (await line.gpio.read()) === 1;
      } catch (e) {
        throw this.fail(`inputs."${spec.name}": GPIO ${line.n} unreadable (${(e as Error).message})`);
      }
    };
    return { name: spec.name, read, watch: (cb) => this.poll(read, cb, spec.debounceMs ?? 0) };
  }

  analogIn(spec: { name: string }): AnalogIn {
    throw new LoaError(
      'CONFIG',
      `analog."${spec.name}": the Pi's GPIO has no analogue inputs; put it on a firmata driver (see hw/profiles/rpi4-gpio.json)`,
    );
  }

  health(): DriverHealth {
    const lines = `${this.outLines.size} outputs, ${this.inLines.size} inputs`;
    return this.lastError
      ? { driver: this.id, kind: 'onoff', ok: false, detail: this.lastError }
      : { driver: this.id, kind: 'onoff', ok: true, detail: `sysfs GPIO: ${lines}` };
  }

  async close(): Promise<void> {
    const errors: string[] = [];
    for (const [name, l] of this.outLines)
      try {
        l.gpio.writeSync(l.spec.safe ? 1 : 0);
      } catch (e) {
        errors.push(`${name}: ${(e as Error).message}`);
      }
    for (const l of this.inLines.values()) l.gpio.unexport();
    this.inLines.clear();
    if (errors.length) throw new LoaError('HARDWARE', `safe state not written to ${errors.join('; ')}`);
  }

  private make(what: string, build: () => Gpio): Gpio {
    try {
      return build();
    } catch (e) {
      throw new LoaError('HARDWARE', `${what}: cannot configure the GPIO line (${(e as Error).message})`);
    }
  }

  private async write(name: string, gpio: Gpio, on: boolean): Promise<void> {
    try {
      await gpio.write(on ? 1 : 0);
      this.lastError = undefined;
    } catch (e) {
      throw this.fail(`outputs."${name}": write failed (${(e as Error).message})`);
    }
  }

  private fail(message: string): LoaError {
    this.lastError = message;
    return new LoaError('HARDWARE', message);
  }

  private poll(read: () => Promise<boolean>, cb: (v: boolean) => void, debounceMs: number): () => void {
    let last: boolean | undefined;
    let since = 0;
    let candidate: boolean | undefined;
    const timer: Timer = this.clock.setInterval(() => {
      read().then(
        (v) => {
          const now = this.clock.monotonic();
          if (last === undefined) last = v;
          if (v === last) candidate = undefined;
          else if (candidate !== v) {
            candidate = v;
            since = now;
          }
          if (candidate !== undefined && now - since >= debounceMs) {
            last = candidate;
            candidate = undefined;
            cb(last);
          }
        },
        () => undefined,
      );
    }, this.o.pollMs);
    return () => timer.cancel();
  }
}
