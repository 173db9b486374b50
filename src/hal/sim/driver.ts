/** The `sim` driver: profile channels bound to the simulated plant. */
import { LoaError } from '../../core/errors.js';
import type {
  AnalogIn,
  AnalogSpec,
  DigitalIn,
  DigitalOut,
  Driver,
  DriverHealth,
  InputSpec,
  OutputSpec,
} from '../types.js';
import type { SimStation } from './model.js';

type Reader = () => number;

export class SimDriver implements Driver {
  readonly kind = 'sim' as const;
  private readonly outputs: DigitalOut[] = [];
  private readonly safeLevels = new Map<string, boolean>();

  constructor(
    readonly id: string,
    readonly station: SimStation,
  ) {}

  async open(): Promise<void> {}

  digitalOut(spec: OutputSpec): DigitalOut {
    const station = this.station;
    let commanded = spec.safe;
    station.setRelay(spec.channel, spec.safe);
    this.safeLevels.set(spec.channel, spec.safe);
    const out: DigitalOut = {
      name: spec.name,
      get commanded() {
        return commanded;
      },
      async set(on: boolean) {
        commanded = on;
        station.setRelay(spec.channel, on);
      },
    };
    this.outputs.push(out);
    return out;
  }

  digitalIn(spec: InputSpec): DigitalIn {
    const read = this.digitalReader(spec.channel, spec.name);
    const station = this.station;
    return {
      name: spec.name,
      read: async () => read(),
      watch(cb) {
        let last = read();
        return station.onChange(() => {
          const v = read();
          if (v !== last) {
            last = v;
            cb(v);
          }
        });
      },
    };
  }

  analogIn(spec: AnalogSpec): AnalogIn {
    const raw = this.analogReader(spec.channel, spec.name);
    const { scale, offset } = spec.calibration;
    return { name: spec.name, unit: spec.unit, read: async () => raw() * scale + offset };
  }

  health(): DriverHealth {
    return { driver: this.id, kind: 'sim', ok: true, detail: 'simulated plant' };
  }

  async close(): Promise<void> {
    for (const [channel, safe] of this.safeLevels) this.station.setRelay(channel, safe);
  }

  private digitalReader(channel: string, name: string): () => boolean {
    const s = this.station;
    if (channel === 'mains.present') return () => s.mainsPresent();
    if (channel.startsWith('button.')) return () => s.button(channel);
    const fb = /^(.+)\.feedback$/.exec(channel);
    if (fb?.[1]) {
      const relay = fb[1];
      return () => s.contact(relay);
    }
    throw new LoaError(
      'CONFIG',
      `inputs."${name}": sim has no digital channel "${channel}"; allowed: mains.present, button.*, <output>.feedback`,
    );
  }

  private analogReader(channel: string, name: string): Reader {
    const s = this.station;
    const fixed: Record<string, Reader> = {
      'tx.forward_w': () => s.txForwardW(),
      'tx.reflected_w': () => s.txReflectedW(),
      'tx.temperature_c': () => s.txTemperatureC(),
      'amp.current_a': () => s.ampCurrentA(),
      'amp.temperature_c': () => s.ampTemperatureC(),
    };
    const f = fixed[channel];
    if (f) return f;
    const m = /^zone\.(\d+)\.(line_v|line_i|earth_kohm)$/.exec(channel);
    if (m) {
      const zone = Number(m[1]);
      if (m[2] === 'line_v') return () => s.lineVoltage(zone);
      if (m[2] === 'line_i') return () => s.lineCurrent(zone);
      return () => s.earthKohm(zone);
    }
    throw new LoaError(
      'CONFIG',
      `analog."${name}": sim has no analogue channel "${channel}"; allowed: ${Object.keys(fixed).join(', ')}, zone.N.line_v, zone.N.line_i, zone.N.earth_kohm`,
    );
  }
}
