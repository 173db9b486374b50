/** Registers the station's core commands and every module's methods in its command registry. */
import type { CommandRegistry } from '../core/registry.js';
import { testRelays } from '../diagnostics/relay-test.js';
import { ToneTest } from '../diagnostics/tone-test.js';
import { StationControl } from './control.js';
import type { Station } from './station.js';

export function registerStationMethods(
  api: Pick<CommandRegistry, 'register'>,
  station: Station,
): StationControl {
  const c = new StationControl(station);
  const p = (x: unknown) => (x ?? {}) as Record<string, unknown>;
  api.register('status', () => c.status());
  api.register('power', (x) => c.power(p(x).on));
  api.register('zone', (x) => c.zone(p(x).zone, p(x).on));
  api.register('resetLockout', () => c.resetLockout());
  api.register('events', (x) => c.events(x));
  api.register('simFault', (x) => c.simFault(x));
  api.register('simClear', (x) => c.simClear(x));
  api.register('test.relays', () => testRelays(station));
  const tone = new ToneTest(station);
  api.register('test.tone', (x) => tone.start(x));
  api.register('test.toneStop', () => tone.stop());
  api.register('test.toneStatus', () => tone.status());
  for (const m of station.modules)
    for (const [name, h] of Object.entries(m.methods?.() ?? {})) api.register(name, h);
  return c;
}
