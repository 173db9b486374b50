/**
 * schedule.start_median_ms, schedule.start_p99_ms — scheduled instant → first programme audio
 *   heard at the output, over 20 one-off items 3 s apart (the chain stays up between them).
 * schedule.emergency_warm_ms — `emergency.start` reaching the station → first attention-signal
 *   audio at the output, chain already on; median of 5.
 * schedule.emergency_cold_ms — the same from a cold chain (sim profile: power sequence 3.5 s);
 *   median of 3.
 * The daemon runs on the sim profile with the real audio engine (ffmpeg) playing into the
 * real-time sound-card stand-in test/helpers/tone-sink.mjs, which reports which tone is heard
 * when (20 ms periods, 200 ms device buffer) — so the figures are at the output, not at the API.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callLocal } from '../../src/api/local-client.js';
import { pollUntil } from '../../test/helpers/daemon.js';
import { tempDir } from '../../test/helpers/sim-station.js';
import { type OnAirDaemon, oneOffs, startOnAirDaemon } from '../../test/schedule/onair-daemon.js';
import { type Figure, median, percentile } from '../figures.js';

const STARTS = 20;
const SPACING_MS = 3000;
const ATTENTION_HZ = 880;

async function startAccuracy(o: OnAirDaemon): Promise<number[]> {
  const tone = o.tone(440, 3);
  // start times are whole local seconds; the first leaves room for the pre-roll (4.7 s on sim)
  const t0 = Math.ceil((Date.now() + 12_000) / 1000) * 1000;
  const items = Array.from({ length: STARTS }, (_, k) => ({
    id: `b${k}`,
    at: t0 + k * SPACING_MS,
    file: tone,
    seconds: 2,
  }));
  const sched = oneOffs(items);
  writeFileSync(join(o.dir, 'bench-schedule.json'), JSON.stringify(sched));
  await callLocal(o.d.socket, 'schedule.apply', { doc: sched });
  const last = items.at(-1)?.at ?? t0;
  await pollUntil(async () => Date.now() > last + 3000, 120_000, 200);
  const heard = o.heard();
  return items.map((i) => {
    const onset = heard.find((h) => h.hz === 440 && h.at >= i.at - 1000 && h.at < i.at + 2000);
    if (!onset) throw new Error(`item ${i.id} scheduled at ${new Date(i.at).toISOString()} was not heard`);
    return onset.at - i.at;
  });
}

async function emergencyOnce(o: OnAirDaemon, warm: boolean): Promise<number> {
  await callLocal(o.d.socket, 'power', { on: warm });
  await pollUntil(async () => {
    const s = (await callLocal(o.d.socket, 'status')) as { power: { state: string } };
    return s.power.state === (warm ? 'on' : 'off');
  }, 30_000);
  const t = Date.now();
  await callLocal(o.d.socket, 'emergency.start', {});
  const onset = await pollUntil(
    async () => o.heard().find((h) => h.hz === ATTENTION_HZ && h.at >= t),
    30_000,
    20,
  );
  await callLocal(o.d.socket, 'emergency.stop').catch(() => undefined);
  await pollUntil(async () => o.heard().at(-1)?.hz === 0, 10_000, 50);
  return onset.at - t;
}

export async function run(): Promise<Figure[]> {
  const o = await startOnAirDaemon(tempDir('loa-bench-sched-'));
  try {
    const starts = await startAccuracy(o);
    // not a figure: the spread behind the p99 (stderr, so --json stays figures only)
    console.error(`schedule: lateness of the ${STARTS} starts, ms: ${starts.join(' ')}`);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push(await emergencyOnce(o, true));
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) cold.push(await emergencyOnce(o, false));
    return [
      {
        name: 'schedule.start_median_ms',
        value: Math.round(median(starts)),
        unit: 'ms',
        note: `scheduled instant → heard at the output, ${STARTS} starts (negative: early)`,
      },
      {
        name: 'schedule.start_p99_ms',
        value: Math.round(percentile(starts.map(Math.abs), 99)),
        unit: 'ms',
        note: `|lateness|, p99 of ${STARTS} starts (target ≤ 50)`,
      },
      {
        name: 'schedule.emergency_warm_ms',
        value: Math.round(median(warm)),
        unit: 'ms',
        note: 'command → attention signal heard, chain on, median of 5 (target ≤ 3000)',
      },
      {
        name: 'schedule.emergency_cold_ms',
        value: Math.round(median(cold)),
        unit: 'ms',
        note: 'command → attention signal heard, chain cold (sim: 3.5 s sequence), median of 3',
      },
    ];
  } finally {
    await o.d.stop();
  }
}
