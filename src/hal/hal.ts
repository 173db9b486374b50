/**
 * The station's hardware as the rest of the code sees it: named outputs, inputs and
 * analogue channels, each bound by the board profile to a driver. One composition point;
 * missing hardware on a real profile is a fatal, clear error, never a silent fall back.
 */
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Profile } from './profile.js';
import type { AnalogIn, DigitalIn, DigitalOut, Driver, DriverHealth, DriverKind } from './types.js';

export interface DriverContext {
  clock: Clock;
  profile: Profile;
  log: Logger;
}

export interface DriverFactory {
  kind: DriverKind;
  /** Validates the driver's own options from the profile and builds it (not yet opened). */
  create(id: string, config: Record<string, unknown>, ctx: DriverContext): Driver;
}

export class Hal {
  readonly outputs = new Map<string, DigitalOut>();
  readonly inputs = new Map<string, DigitalIn>();
  readonly analog = new Map<string, AnalogIn>();
  readonly drivers = new Map<string, Driver>();

  private constructor(readonly profile: Profile) {}

  /** Builds every driver, opens it, and binds every channel of the profile. */
  static async open(
    profile: Profile,
    factories: DriverFactory[],
    ctx: Omit<DriverContext, 'profile'>,
  ): Promise<Hal> {
    const hal = new Hal(profile);
    const full = { ...ctx, profile };
    for (const [id, cfg] of Object.entries(profile.drivers)) {
      const factory = factories.find((f) => f.kind === cfg.kind);
      if (!factory)
        throw new LoaError(
          'CONFIG',
          `drivers."${id}".kind: "${cfg.kind}" is not available in this build; available: ${factories.map((f) => f.kind).join(', ')}`,
        );
      hal.drivers.set(id, factory.create(id, cfg, full));
    }
    try {
      for (const d of hal.drivers.values()) await d.open();
      hal.bind();
    } catch (e) {
      await hal.close().catch(() => undefined);
      throw e;
    }
    return hal;
  }

  output(name: string): DigitalOut {
    const o = this.outputs.get(name);
    if (!o) throw new LoaError('NOT_FOUND', `output "${name}" is not in profile ${this.profile.name}`);
    return o;
  }

  input(name: string): DigitalIn {
    const i = this.inputs.get(name);
    if (!i) throw new LoaError('NOT_FOUND', `input "${name}" is not in profile ${this.profile.name}`);
    return i;
  }

  analogIn(name: string): AnalogIn {
    const a = this.analog.get(name);
    if (!a)
      throw new LoaError('NOT_FOUND', `analogue input "${name}" is not in profile ${this.profile.name}`);
    return a;
  }

  /** Reads an output's feedback contact, or undefined where none is wired. */
  async feedback(outputName: string): Promise<boolean | undefined> {
    const fb = this.profile.outputs[outputName]?.feedback;
    return fb ? this.input(fb).read() : undefined;
  }

  health(): DriverHealth[] {
    return [...this.drivers.values()].map((d) => d.health());
  }

  /** Every output to its safe level (the profile's `safe`), in the order the profile lists them. */
  async safeState(): Promise<void> {
    for (const [name, spec] of Object.entries(this.profile.outputs))
      await this.outputs.get(name)?.set(spec.safe);
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    for (const d of this.drivers.values()) await d.close().catch((e) => errors.push(e));
    if (errors.length) throw errors[0];
  }

  private driverFor(section: string, name: string, id: string): Driver {
    const d = this.drivers.get(id);
    if (!d) throw new LoaError('CONFIG', `${section}."${name}".driver: no driver "${id}"`);
    return d;
  }

  private bind(): void {
    const p = this.profile;
    for (const [name, s] of Object.entries(p.outputs))
      this.outputs.set(name, this.driverFor('outputs', name, s.driver).digitalOut({ name, ...s }));
    for (const [name, s] of Object.entries(p.inputs))
      this.inputs.set(name, this.driverFor('inputs', name, s.driver).digitalIn({ name, ...s }));
    for (const [name, s] of Object.entries(p.analog))
      this.analog.set(name, this.driverFor('analog', name, s.driver).analogIn({ name, ...s }));
  }
}
