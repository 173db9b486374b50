/**
 * Validation of play requests at the OnAirPort boundary: a bad request is refused with a
 * message naming the field, the value and what is allowed, and changes nothing on air.
 */
import { z } from 'zod';
import { invalidInput } from '../core/validate.js';
import type { PlayRequest, Slot, SourceSpec } from './port.js';

const path = z.string().min(1).max(4096);
const ms = z.number().int().min(0).max(86_400_000);

export const sourceSpecSchema: z.ZodType<SourceSpec> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path, offsetMs: ms.optional() }),
  z.strictObject({
    kind: z.literal('playlist'),
    paths: z.array(path).min(1).max(10_000),
    shuffle: z.boolean().optional(),
    loop: z.boolean().optional(),
    bridge: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('stream'),
    url: z
      .string()
      .max(4096)
      .regex(
        /^(https?|rtsp|rtsps|rtmp|srt|udp|rtp):\/\/\S+$/,
        'a URL: http(s)://, rtsp://, rtmp://, srt://, udp://',
      ),
  }),
  z.strictObject({
    kind: z.literal('tone'),
    hz: z.number().min(20).max(20_000),
    durationMs: ms.min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('silence'), durationMs: ms.min(1).optional() }),
  z.strictObject({ kind: z.literal('live'), input: z.string().regex(/^[\w.:-]{1,80}$/, 'a live input id') }),
]);

const playRequestSchema = z.strictObject({
  id: z.string().min(1).max(128),
  source: sourceSpecSchema,
  fallback: sourceSpecSchema.optional(),
  volume: z.number().min(0).max(1).optional(),
  wallClock: z.boolean().optional(),
  startAt: z.number().min(0).optional(),
});

export const slotSchema = z.enum(['emergency', 'programme', 'fallback']);

export function parsePlayRequest(slot: unknown, req: unknown): PlayRequest {
  const s = slotSchema.safeParse(slot, { reportInput: true });
  if (!s.success) throw invalidInput('slot', s.error.issues);
  const r = playRequestSchema.safeParse(req, { reportInput: true });
  if (!r.success) throw invalidInput('play request', r.error.issues);
  return r.data as PlayRequest;
}

export function parseSlot(slot: unknown): Slot {
  const s = slotSchema.safeParse(slot, { reportInput: true });
  if (!s.success) throw invalidInput('slot', s.error.issues);
  return s.data;
}
