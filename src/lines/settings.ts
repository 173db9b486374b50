/**
 * Line supervision settings and the persisted document (`lines.json` in the data dir): the
 * settings, and the commissioning baseline of each zone. Every number has its reason here.
 */
import { z } from 'zod';

export const TONE_POLICIES = ['outside-programmes', 'always', 'never'] as const;

export const linesSettingsSchema = z.strictObject({
  /** Full check of every zone (EN 54-16 §8.1.3/§8.2.3: fault indicated within 100 s). */
  checkEveryMs: z.number().int().min(1000).max(60_000).default(30_000),
  /** Readings per full check; a state changes on 2 of the last 3 (debounce). */
  samplesPerCheck: z.number().int().min(3).max(10).default(3),
  sampleGapMs: z.number().int().min(0).max(5000).default(500),
  /** Fast passive short check: line current under the pilot/programme, every zone. */
  fastMs: z.number().int().min(50).max(60_000).default(200),
  /** When the audible test tone may go on the lines. */
  tone: z.enum(TONE_POLICIES).default('outside-programmes'),
  toneEveryMs: z
    .number()
    .int()
    .min(60_000)
    .max(7 * 86_400_000)
    .default(3_600_000),
  /** Local hours [from, to) in which the audible tone may sound (nobody wants a 3 a.m. beep). */
  toneHours: z
    .strictObject({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
    .default({ from: 7, to: 21 }),
  /** A passive reading too coarse to tell ok from degraded asks for the tone, at most this often. */
  toneConfirmGapMs: z.number().int().min(60_000).max(86_400_000).default(600_000),
  toneSettleMs: z.number().int().min(0).max(5000).default(100),
  /** Degraded outside ±tolerance of the baseline (DESIGN: ±20 %, after d&b −20/+30 %, Bosch 5–20 %). */
  tolerance: z.number().min(0.02).max(1).default(0.2),
  toleranceByZone: z.record(z.string().regex(/^\d+$/), z.number().min(0.02).max(1)).default({}),
  /** Hysteresis: a state is left only once the reading is this fraction back inside its threshold. */
  hysteresis: z.number().min(0).max(0.5).default(0.2),
  /** Earth fault below 50 kΩ insulation (EN 54-16 §8.2.3 as DESIGN.md quotes it). */
  earthFaultKohm: z.number().min(1).max(10_000).default(50),
  /** Short below this fraction of the reference impedance (a far-end short reads the cable). */
  shortFraction: z.number().min(0.01).max(0.9).default(0.2),
  /** Open above this multiple of the reference (three quarters of the load gone or a cut cable). */
  openFactor: z.number().min(1.5).max(100).default(4),
  /** Below this voltage there is no pilot: the sense board is not reading (sensor fault). */
  minSenseV: z.number().min(0).max(50).default(0.5),
  /** Resolution of the line-current reading: a 10-bit ADC over ~1 A full scale ≈ 1 mA. */
  currentStepA: z.number().min(0).max(1).default(0.001),
  /** A zone on air carries the programme at tens of volts, far above the 1 V pilot. */
  outputPresentV: z.number().min(0).max(200).default(5),
  /** Commissioning: measured impedance within [1/x, x] of the expected one, else refused. */
  calibrateMaxRatio: z.number().min(1.1).max(10).default(2),
  /** Measurable range: at least this many ADC steps of current under the test signal. */
  minCurrentSteps: z.number().int().min(1).max(1000).default(10),
  /** Isolate a shorted zone's relay (protects the amplifier); reconnect once healthy again. */
  isolateShorts: z.boolean().default(true),
  /** Bounded history per zone, and how often a passive reading is kept (trend over days). */
  historyPerZone: z.number().int().min(10).max(20_000).default(1000),
  historyEveryMs: z.number().int().min(0).max(86_400_000).default(900_000),
  trendWindowMs: z
    .number()
    .int()
    .min(3_600_000)
    .max(90 * 86_400_000)
    .default(7 * 86_400_000),
});
export type LinesSettings = z.infer<typeof linesSettingsSchema>;

export const baselineSchema = z.strictObject({
  ohm: z.number().positive(),
  earthKohm: z.number().positive(),
  expectedOhm: z.number().positive(),
  method: z.enum(['tone', 'passive']),
  at: z.number().int(),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const linesDocSchema = z.strictObject({
  schema: z.literal(1),
  settings: linesSettingsSchema.prefault({}),
  baselines: z.record(z.string().regex(/^\d+$/), baselineSchema).default({}),
});
export type LinesDoc = z.infer<typeof linesDocSchema>;

export function defaultSettings(over: Partial<LinesSettings> = {}): LinesSettings {
  return { ...linesSettingsSchema.parse({}), ...over };
}

export function toleranceFor(s: LinesSettings, zone: number): number {
  return s.toleranceByZone[String(zone)] ?? s.tolerance;
}
