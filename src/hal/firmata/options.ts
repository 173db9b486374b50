/** Options of a `firmata` driver in a profile's `drivers` section. */
import { z } from 'zod';
import { LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';
import { MAX_HEARTBEAT_TIMEOUT_MS } from './protocol.js';

export const firmataOptions = z
  .strictObject({
    kind: z.literal('firmata'),
    /** Name it by /dev/serial/by-id/…: ttyUSB0/ttyACM0 numbers change with plug order. */
    port: z.string().min(1).max(256),
    baudRate: z.union([z.literal(57600), z.literal(115200)]).default(57600),
    /** How often the host says "alive"; the board drops its relays after failsafeTimeoutMs of silence. */
    heartbeatMs: z.number().int().min(20).max(5000).default(200),
    failsafeTimeoutMs: z.number().int().min(60).max(MAX_HEARTBEAT_TIMEOUT_MS).default(1000),
    /** A Uno resets when the port opens and its bootloader waits ~1.6 s before the sketch runs. */
    handshakeTimeoutMs: z.number().int().min(100).max(60_000).default(5000),
    reconnectMs: z.number().int().min(50).max(60_000).default(1000),
    /** Firmata's analogue sampling interval (StandardFirmata default 19 ms). */
    samplingMs: z.number().int().min(10).max(1000).default(19),
    /** No byte from the board for this long (while it should be reporting) = board lost; 0 = off. */
    staleMs: z.number().int().min(0).max(60_000).default(2000),
    /** Digital inputs use the AVR's internal pull-up (contacts switch to ground). */
    inputPullup: z.boolean().default(true),
  })
  .refine((o) => o.failsafeTimeoutMs >= 3 * o.heartbeatMs, {
    path: ['failsafeTimeoutMs'],
    message: 'must be at least 3 × heartbeatMs, so one late heartbeat does not drop the relays',
  });

export type FirmataOptions = z.infer<typeof firmataOptions>;

export function parseFirmataOptions(id: string, config: Record<string, unknown>): FirmataOptions {
  const r = firmataOptions.safeParse(config, { reportInput: true });
  if (!r.success) throw new LoaError('CONFIG', `drivers."${id}": ${formatIssues(r.error.issues)}`);
  return r.data;
}
