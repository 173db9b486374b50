/** Prometheus gauges for the speaker lines: state, impedance, deviation and insulation per zone. */
import { Gauge, type Registry } from 'prom-client';
import { LINE_STATES } from './classify.js';
import type { LinesStatus } from './report.js';

export function registerLineMetrics(registry: Registry, status: () => LinesStatus): () => void {
  const gauge = (name: string, help: string, labelNames: string[]) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const state = gauge('loa_line_state', 'Speaker line state (1 for the current one)', ['zone', 'state']);
  const ohm = gauge('loa_line_impedance_ohms', 'Speaker line impedance, last reading', ['zone']);
  const dev = gauge('loa_line_deviation_percent', 'Impedance change from the baseline', ['zone']);
  const earth = gauge('loa_line_insulation_kiloohms', 'Speaker line insulation to earth', ['zone']);
  return () => {
    for (const z of status().zones) {
      const zone = String(z.id);
      for (const s of LINE_STATES) state.set({ zone, state: s }, z.state === s ? 1 : 0);
      // an open line reads no finite impedance: the series shows a gap, not a made-up number
      if (z.ohm === null) ohm.remove({ zone });
      else ohm.set({ zone }, z.ohm);
      if (z.deviationPct === null) dev.remove({ zone });
      else dev.set({ zone }, z.deviationPct);
      if (z.earthKohm === null) earth.remove({ zone });
      else earth.set({ zone }, z.earthKohm);
    }
  };
}
