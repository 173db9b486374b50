import { it } from 'vitest';
import { AudioEngine } from '../../src/audio/engine.js';
import { DEFAULT_LIMITS } from '../../src/audio/health.js';
import { OnAirWatch } from '../../src/audio/onair-watch.js';
import { ManualClock } from '../../src/core/clock.js';
import { Alarms, MemoryEvents } from '../../src/core/events.js';
import { MemorySink } from '../helpers/memory-sink.js';
import { ScriptedFactory } from '../helpers/scripted-source.js';

it('dbg', async () => {
  const clock = new ManualClock();
  const events = new MemoryEvents();
  const alarms = new Alarms(events, () => clock.now());
  const factory = new ScriptedFactory(clock, DEFAULT_LIMITS, { prerollMs: 3000, maxMs: 5000 });
  const sink = new MemorySink();
  const watch = new OnAirWatch({ events, alarms, silenceDb: -50, outputSilenceMs: 10_000 });
  const engine = new AudioEngine({ clock, factory, sink, watch, crossfadeMs: 500 });
  await engine.start();
  await engine.play('programme', {
    id: 'relay',
    source: { kind: 'stream', url: 'http://x/' },
    fallback: { kind: 'tone', hz: 440 },
  });
  for (let i = 0; i < 16; i++) {
    await clock.advance(500);
    console.log(
      i,
      engine.onAir().using,
      JSON.stringify(engine.status().slots.programme?.sources.map((s) => [s.reason, s.bufferMs])),
    );
  }
  const live = factory.get('programme:relay:source');
  live.rate = 0.5;
  for (let i = 0; i < 30; i++) {
    await clock.advance(500);
    console.log(
      i,
      engine.onAir().using,
      JSON.stringify(engine.status().slots.programme?.sources.map((s) => [s.reason, s.bufferMs, s.slow])),
    );
  }
  for (const e of events.events) console.log(e.kind, e.message);
  await engine.close();
});
