/**
 * The real audio engine on the wall clock, recording into a WAV file: what the relay, slow-link,
 * HLS and transport tests score in 20 ms windows. `tweak` overrides audio.json keys.
 */
import { audioConfigSchema } from '../../src/audio/config.js';
import { buildEngine } from '../../src/audio/setup.js';
import { SystemClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';

export async function startWavEngine(
  wav: string,
  tweak: Record<string, unknown> = {},
): Promise<{ events: MemoryEvents; built: ReturnType<typeof buildEngine> }> {
  const cfg = audioConfigSchema.parse({ schema: 1, sink: { kind: 'wav', path: wav }, ...tweak });
  const events = new MemoryEvents();
  const clock = new SystemClock();
  const built = buildEngine(cfg, {
    clock,
    events,
    alarms: new Alarms(events, () => clock.now()),
    resolve: async (p) => p,
  });
  await built.engine.start();
  return { events, built };
}
