/**
 * Live voice settings (live.json in the data directory; edit and restart). The microphone's
 * device comes from here, else from the board profile's `liveInput`; everything has a default
 * a commune station can run with.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';

const device = z
  .string()
  .regex(/^[A-Za-z0-9_:=,.-]{1,120}$/, 'an ALSA capture device name such as plughw:CARD=Device,DEV=0');

export const liveConfigSchema = z.strictObject({
  schema: z.literal(1),
  mic: z
    .strictObject({
      /** The ALSA capture device; absent: the profile's liveInput.device (none: no microphone). */
      device: device.optional(),
      /** The digital input (profile `inputs`) wired to the push-to-talk switch. */
      ptt: z.string().min(1).max(64).optional(),
      /** A PTT level must hold this long to count (contact bounce of a foot or hand switch). */
      pttDebounceMs: z.number().int().min(0).max(2000).default(50),
      /** Circular 39/2020 tier: priority interrupts programmes; emergency is for disasters. */
      tier: z.enum(['priority', 'emergency']).default('priority'),
      zones: z
        .union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)])
        .default('all'),
      gate: z
        .strictObject({
          thresholdDb: z.number().min(-90).max(-10).default(-45),
          /** Quiet this long ends the session (8 s: far longer than a pause between sentences). */
          timeoutMs: z.number().int().min(1000).max(600_000).default(8000),
        })
        .prefault({}),
    })
    .prefault({}),
  feed: z
    .strictObject({
      /**
       * The district feed's jitter buffer. 4G one-way delay varies by 50–300 ms in a cell under
       * load and MediaRecorder sends 100–250 ms chunks: 600 ms covers both with margin, and
       * keeps mouth-to-loudspeaker under 1.5 s.
       */
      prerollMs: z.number().int().min(100).max(5000).default(600),
      /** No byte from the district this long: dropped, the programme comes back (< 2 s in all). */
      dropMs: z.number().int().min(300).max(5000).default(1000),
    })
    .prefault({}),
});

export type LiveConfig = z.infer<typeof liveConfigSchema>;

export function liveConfigDoc(dataDir: string, clock: Clock): JsonDoc<LiveConfig> {
  return new JsonDoc({
    file: join(dataDir, 'live.json'),
    writeDefaults: true,
    schema: liveConfigSchema,
    version: 1,
    defaults: () => liveConfigSchema.parse({ schema: 1 }),
    clock,
  });
}
