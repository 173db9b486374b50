/**
 * The station's own schedule settings (schedule-settings.json in the data dir; edit and
 * restart): pre-roll margin, power-down gap, what a stale schedule does, how the clock is
 * trusted, what the emergency button plays. Defaults are what a commune station needs.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';

export const settingsSchema = z.strictObject({
  schema: z.literal(1),
  /** Added to the profile's power-up sequence so the amplifier is unmuted before the start. */
  preRollMarginMs: z.number().int().min(0).max(600_000).default(1000),
  /** Keep the chain up between items closer than this (no cycling the amplifiers). */
  powerGapMs: z
    .number()
    .int()
    .min(0)
    .max(6 * 3_600_000)
    .default(600_000),
  /** Past valid_until: keep playing the last schedule (alarm raised) or stop scheduled items. */
  staleAction: z.enum(['keep-playing', 'stop']).default('keep-playing'),
  clock: z
    .strictObject({
      /** A battery RTC that is set and trusted: no NTP sync needed to start programmes. */
      trustedRtc: z.boolean().default(false),
      /** When timedatectl cannot answer (no systemd: containers, dev machines). */
      whenUnknown: z.enum(['trust', 'block']).default('trust'),
      pollMs: z.number().int().min(1000).max(3_600_000).default(30_000),
    })
    .default({ trustedRtc: false, whenUnknown: 'trust', pollMs: 30_000 }),
  button: z
    .strictObject({
      /** Message after the attention signal (file path or URL); null: attention signal only. */
      message: z.string().min(1).max(2048).nullable().default(null),
      repeat: z.number().int().min(1).max(20).default(3),
      everyS: z.number().int().min(0).max(3600).default(0),
    })
    .default({ message: null, repeat: 3, everyS: 0 }),
  /**
   * Ask the audio engine this much before the instant, so the first audio is heard on time:
   * "auto" = the decoder start-up measured on recent starts + outputLatencyMs.
   */
  startLeadMs: z.union([z.literal('auto'), z.number().int().min(0).max(5000)]).default('auto'),
  /**
   * Audio the engine produces now is heard this much later. Measured here (pipe sink into a
   * real-time sound-card stand-in): 277–281 ms = the engine's 200 ms sink lead + the PCM queued
   * while the sink process started. Set it to the station's own measurement for ALSA.
   */
  outputLatencyMs: z.number().int().min(0).max(2000).default(300),
  /** How often the runner checks for clock jumps and samples what is on air. */
  tickMs: z.number().int().min(100).max(600_000).default(1000),
  playLogMax: z.number().int().min(10).max(100_000).default(2000),
  /**
   * How far ahead the media of coming programmes is checked (present and intact) and fetched
   * from the district: a day leaves the technician the evening before to act.
   */
  mediaCheckAheadMs: z
    .number()
    .int()
    .min(60_000)
    .max(8 * 86_400_000)
    .default(86_400_000),
  mediaCheckEveryMs: z.number().int().min(1000).max(3_600_000).default(60_000),
});
export type ScheduleSettings = z.infer<typeof settingsSchema>;

export function defaultSettings(): ScheduleSettings {
  return settingsSchema.parse({ schema: 1 });
}

export function settingsDoc(dataDir: string, clock: Clock): JsonDoc<ScheduleSettings> {
  return new JsonDoc({
    file: join(dataDir, 'schedule-settings.json'),
    writeDefaults: true,
    schema: settingsSchema,
    version: 1,
    defaults: defaultSettings,
    clock,
  });
}
