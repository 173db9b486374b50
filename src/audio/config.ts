/**
 * The audio configuration (audio.json in the data directory, a JsonDoc): the sink, the
 * switching and health limits, buffer sizes, the fallback playlist, the on-air log and the
 * confidence monitor. Every number has a default a station can run with.
 */
import { z } from 'zod';

const ms = (def: number, max = 600_000) => z.number().int().min(0).max(max).default(def);

export const sinkSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('null') }),
  z.strictObject({ kind: z.literal('wav'), path: z.string().min(1) }),
  // raw PCM to a FIFO (path) or to a command's stdin (command), one of the two
  z
    .strictObject({
      kind: z.literal('pipe'),
      path: z.string().min(1).optional(),
      command: z.string().min(1).optional(),
    })
    .refine((p) => (p.path === undefined) !== (p.command === undefined), {
      message: 'give either path (a FIFO) or command (reads PCM on stdin), not both',
    }),
  z.strictObject({ kind: z.literal('alsa'), device: z.string().min(1).default('default') }),
]);
export type SinkConfig = z.infer<typeof sinkSchema>;

export const audioConfigSchema = z.object({
  schema: z.literal(1),
  /**
   * Where the programmes play. Absent: the board profile's sound output (ALSA), or null on the
   * simulator (output-choice.ts). `null`/`wav` on a real board only when a person writes it here,
   * and the daemon then wants --allow-silent-output.
   */
  sink: sinkSchema.optional(),
  switching: z
    .strictObject({
      /** DESIGN.md: a recovered source waits 10 s healthy before it is taken back. */
      holdoffMs: ms(10_000),
      crossfadeMs: ms(500, 10_000),
    })
    .prefault({}),
  health: z
    .strictObject({
      stallMs: z.number().int().min(100).max(60_000).default(1500),
      silenceMs: z.number().int().min(1000).max(600_000).default(10_000),
      silenceDb: z.number().min(-120).max(0).default(-50),
      garbageErrors: z.number().int().min(1).max(1000).default(3),
      garbageClearMs: ms(2000, 60_000),
      reconnectMs: z.number().int().min(500).max(120_000).default(5000),
      /** The input rate against real time is measured over this window. */
      rateWindowMs: z.number().int().min(1000).max(60_000).default(5000),
      /** Below this fraction of real time a live source is slow (reported, and starving when low). */
      slowRate: z.number().min(0.1).max(1).default(0.8),
    })
    .prefault({}),
  buffers: z
    .strictObject({
      livePrerollMs: z.number().int().min(100).max(30_000).default(3000),
      liveMaxMs: z.number().int().min(200).max(60_000).default(5000),
      filePrerollMs: z.number().int().min(20).max(10_000).default(200),
      fileMaxMs: z.number().int().min(100).max(60_000).default(2000),
    })
    .prefault({}),
  outputSilenceMs: z.number().int().min(1000).max(3_600_000).default(10_000),
  fallback: z
    .strictObject({
      items: z.array(z.string().min(1)).max(10_000).default([]),
      shuffle: z.boolean().default(false),
      /**
       * Seconds of each item decoded once into a PCM bridge (media cache): the armed fallback
       * needs no ffmpeg child, and the bridge covers its decoder's start at takeover (an
       * ffmpeg decoder starts in well under a second here; 20 s leaves room for a slow card).
       */
      bridgeSeconds: z.number().int().min(0).max(120).default(20),
      /** Off air this long with its decoder running, the fallback re-arms from its bridge. */
      rearmMs: z.number().int().min(100).max(3_600_000).default(2000),
    })
    .prefault({}),
  onAirLog: z
    .strictObject({
      enabled: z.boolean().default(true),
      keepDays: z.number().int().min(1).max(3650).default(14),
      quotaMb: z.number().int().min(10).max(1_000_000).default(1024),
      bitrateKbps: z.number().int().min(16).max(320).default(32),
    })
    .prefault({}),
  monitor: z
    .strictObject({
      enabled: z.boolean().default(true),
      host: z.string().default('127.0.0.1'),
      /** 0 = any free port (tests). */
      port: z.number().int().min(0).max(65_535).default(8091),
    })
    .prefault({}),
});

export type AudioConfig = z.infer<typeof audioConfigSchema>;

export function defaultAudioConfig(): AudioConfig {
  return audioConfigSchema.parse({ schema: 1 });
}
