/**
 * The board profile's `modem` section: how the station reads its 4G modem (ModemManager or the
 * modem's AT port), the thresholds that raise alarms, the SIM's data plan, and the recovery
 * ladder for a hung modem (docs/cluster.md). It lives in hal/ with the rest of the profile;
 * src/modem/ reads it.
 */
import { z } from 'zod';

const ms = (min: number, max: number, dflt: number) => z.number().int().min(min).max(max).default(dflt);

/** Quality bands as installers use them for LTE (3GPP TS 36.133 ranges; common field practice). */
export const modemThresholdsSchema = z.strictObject({
  /** Weak signal below this RSRP (dBm); −110 is "poor" on most operators' coverage maps. */
  weakRsrpDbm: z.number().min(-140).max(-44).default(-110),
  /** …and clears only above weakRsrpDbm + hysteresisDb, so a flapping cell raises it once. */
  hysteresisDb: z.number().min(0).max(30).default(5),
  /** The weak signal must last this long before the alarm (one bad sample is not a fault). */
  weakForMs: ms(0, 86_400_000, 120_000),
  /** Not registered for this long: alarm (registration after power-on takes 10–60 s). */
  unregisteredForMs: ms(0, 86_400_000, 180_000),
  /** Data budget alarm at this share of the month's plan, cleared below it minus 5 points. */
  budgetAlarmPct: z.number().min(1).max(100).default(85),
});

export const modemRecoverySchema = z.strictObject({
  /** No byte received for this long while the modem says it is connected: hung. The uplink's
   * HTTP/2 keepalive (60 s) keeps a healthy idle link receiving, so 5 minutes is 5 missed pings. */
  stallMs: ms(1000, 86_400_000, 300_000),
  /** After each step, how long data has to start flowing again before the next step. */
  reconnectWaitMs: ms(500, 3_600_000, 60_000),
  resetWaitMs: ms(500, 3_600_000, 120_000),
  /** Power off this long (a USB modem's capacitors drain in a few seconds), then wait. */
  powerOffMs: ms(100, 600_000, 10_000),
  powerCycleWaitMs: ms(500, 3_600_000, 180_000),
  /** After a full ladder that did not help: wait, doubling each time up to backoffMaxMs. */
  backoffMs: ms(1000, 86_400_000, 1_800_000),
  backoffMaxMs: ms(1000, 7 * 86_400_000, 21_600_000),
  /** At most this many power cycles in 24 h: never a reboot loop. */
  maxPowerCyclesPerDay: z.number().int().min(0).max(48).default(6),
});

export const modemSchema = z.strictObject({
  /** Where readings come from: ModemManager's mmcli (JSON), or the AT port directly. */
  source: z.enum(['mmcli', 'at']),
  /** mmcli: the modem index (`mmcli -L`), default 0 (ModemManager numbers from 0). */
  index: z.number().int().min(0).max(255).default(0),
  /** at: the modem's AT port by its stable name (/dev/serial/by-id/…-if02-port0 on a Quectel). */
  port: z.string().min(1).max(256).optional(),
  baudRate: z.number().int().min(1200).max(4_000_000).default(115_200),
  /** Vendor extension for serving-cell details: Quectel AT+QENG, SIMCom AT+CPSI?, or none. */
  vendor: z.enum(['none', 'quectel', 'simcom']).default('none'),
  /** The network interface carrying the data (byte counters; wwan0, usb0, ppp0 …). */
  interface: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{1,15}$/, 'a Linux interface name such as wwan0')
    .default('wwan0'),
  /** Where the kernel's interface counters are; tests point it at a fake tree. */
  netDir: z.string().min(1).max(256).default('/sys/class/net'),
  /** APN for a reconnect over AT (AT+CGDCONT context 1). */
  apn: z.string().max(100).optional(),
  pollMs: ms(200, 3_600_000, 10_000),
  /** An AT command without OK/ERROR within this time: the port or modem is hung. */
  commandTimeoutMs: ms(100, 120_000, 5000),
  /** The SIM's data plan per calendar month, MB (0: no plan, no budget alarm). */
  planMbPerMonth: z.number().min(0).max(10_000_000).default(0),
  /** Output (an `outputs` entry) whose relay cuts the modem's power when energised. */
  powerRelay: z
    .string()
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/)
    .optional(),
  /** Samples kept in memory (bounded history; 360 at 10 s = one hour). */
  historySize: z.number().int().min(1).max(100_000).default(360),
  thresholds: modemThresholdsSchema.default(modemThresholdsSchema.parse({})),
  recovery: modemRecoverySchema.default(modemRecoverySchema.parse({})),
});

export type ModemProfile = z.infer<typeof modemSchema>;
export type ModemThresholds = z.infer<typeof modemThresholdsSchema>;
export type ModemRecovery = z.infer<typeof modemRecoverySchema>;
