/**
 * Board profiles (hw/profiles/*.json): logical channels mapped to a driver and a pin or
 * channel, with polarity, safe state, calibration and timings. A broken profile fails at
 * start with a message naming the file, the key, the bad value and what is allowed.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LoaError } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { modemSchema } from './modem-profile.js';

const channelName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'a dotted lower-case name such as "zone.1" or "tx.power"');

const driverRef = z.string().min(1).max(64);

const output = z.strictObject({
  driver: driverRef,
  channel: z.string().min(1).max(128),
  activeLow: z.boolean().default(false),
  safe: z.boolean().default(false),
  feedback: channelName.optional(),
});

const input = z.strictObject({
  driver: driverRef,
  channel: z.string().min(1).max(128),
  activeLow: z.boolean().default(false),
  debounceMs: z.number().int().min(0).max(10_000).optional(),
});

const analog = z.strictObject({
  driver: driverRef,
  channel: z.string().min(1).max(128),
  unit: z.string().min(1).max(16),
  calibration: z
    .strictObject({ scale: z.number().finite(), offset: z.number().finite().default(0) })
    .default({ scale: 1, offset: 0 }),
  window: z.number().int().min(1).max(64).default(1),
});

const zone = z.strictObject({
  id: z.number().int().min(1).max(32),
  name: z.string().min(1).max(64),
  relay: channelName,
  /** Line sense channels (analogue): voltage and current under the pilot, earth leakage. */
  sense: z.strictObject({ voltage: channelName, current: channelName, earthKohm: channelName }),
  /** Speakers on the 100 V line, for the expected impedance Z = V² / Σ tap power. */
  speakers: z.strictObject({
    count: z.number().int().min(1).max(500),
    tapW: z.number().positive().max(500),
    lineV: z.number().positive().max(200).default(100),
  }),
});

export const timingsSchema = z.strictObject({
  txSettleMs: z.number().int().min(0).max(60_000).default(500),
  ampWarmupMs: z.number().int().min(0).max(60_000).default(2000),
  zoneStaggerMs: z.number().int().min(0).max(10_000).default(250),
  unmuteRampMs: z.number().int().min(0).max(5_000).default(200),
  relayFeedbackMs: z.number().int().min(50).max(60_000).default(500),
  vswrTripMs: z.number().int().min(10).max(10_000).default(50),
  txRearmMs: z.number().int().min(100).max(3_600_000).default(30_000),
  tripWindowMs: z.number().int().min(1000).max(86_400_000).default(600_000),
  maxTrips: z.number().int().min(1).max(20).default(3),
  supervisionPollMs: z.number().int().min(5).max(1000).default(10),
  mainsDebounceMs: z.number().int().min(0).max(60_000).default(200),
});

export const transmitterSchema = z.strictObject({
  present: z.boolean().default(true),
  reflectedTripW: z.number().positive().max(10_000).default(5),
  overTempC: z.number().min(20).max(150).default(70),
  resumeTempC: z.number().min(0).max(150).default(55),
});

/** The amplifier's optional heatsink sensor (analog `amp.temperature_c`) and its limits. */
export const amplifierSchema = z.strictObject({
  overTempC: z.number().min(20).max(150).default(75),
  resumeTempC: z.number().min(0).max(150).default(60),
});

const driverConfig = z.looseObject({ kind: z.enum(['sim', 'onoff', 'firmata']) });

/**
 * The sound output of a real board: the ALSA device the programmes play to (by card name, which
 * stays put when USB cards are re-plugged: "plughw:CARD=Headphones,DEV=0") and the mixer control
 * that sets its level. install.sh finds the card, sets the level and writes the device into
 * audio.json; without an audio.json sink the station plays here.
 */
export const soundOutputSchema = z.strictObject({
  device: z
    .string()
    .regex(/^[A-Za-z0-9_:=,.-]{1,120}$/, 'an ALSA device name such as plughw:CARD=Headphones,DEV=0'),
  /** The card's id in /proc/asound/cards and `aplay -l` ("Headphones", "Device"). */
  card: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'an ALSA card id such as Headphones'),
  /** The amixer simple control for the level ("PCM", "Speaker", "Master"). */
  mixer: z.string().min(1).max(64).default('PCM'),
  /** Level install.sh sets, percent of the control's range. */
  levelPct: z.number().int().min(0).max(100).default(80),
});
export type SoundOutput = z.infer<typeof soundOutputSchema>;

/** The station's microphone or line input for live voice (docs/live.md), and its push-to-talk. */
export const liveInputSchema = z.strictObject({
  device: z
    .string()
    .regex(/^[A-Za-z0-9_:=,.-]{1,120}$/, 'an ALSA capture device name such as plughw:CARD=Device,DEV=0'),
  /** The digital input (under `inputs`) wired to the push-to-talk switch. */
  ptt: z.string().min(1).max(64).optional(),
});

const baseSchema = z.strictObject({
  $schema: z.string().optional(),
  /** A commune station rack (transmitter, wired zones) or a 4G loudspeaker cluster (docs/cluster.md). */
  role: z.enum(['station', 'cluster']).default('station'),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, up to 40'),
  description: z.string().max(500).default(''),
  drivers: z.record(driverRef, driverConfig),
  outputs: z.record(channelName, output),
  inputs: z.record(channelName, input),
  analog: z.record(channelName, analog),
  zones: z.array(zone).min(1).max(32),
  transmitter: transmitterSchema.default(transmitterSchema.parse({})),
  amplifier: amplifierSchema.default(amplifierSchema.parse({})),
  timings: timingsSchema.default(timingsSchema.parse({})),
  /** Where a real board's sound goes; absent on the simulator (its output is null). */
  sound: soundOutputSchema.optional(),
  /** The microphone or line input for live voice (live.json may name another). */
  liveInput: liveInputSchema.optional(),
  /** The 4G modem, supervised by src/modem/ (required on a cluster). */
  modem: modemSchema.optional(),
});

export type Profile = z.infer<typeof baseSchema>;
export const profileSchema = baseSchema.superRefine(crossCheck);
export type Timings = z.infer<typeof timingsSchema>;
export type ZoneSpec = Profile['zones'][number];

/** The simulator: every driver is the built-in physical model (no sound card expected). */
export function isSimProfile(p: Pick<Profile, 'drivers'>): boolean {
  return Object.values(p.drivers).every((d) => d.kind === 'sim');
}

const REQUIRED_OUTPUTS = ['amp.power', 'amp.mute'];
const REQUIRED_INPUTS = ['amp.feedback', 'mains.present'];
const TX_OUTPUTS = ['tx.power'];
const TX_ANALOG = ['tx.forward_w', 'tx.reflected_w', 'tx.temperature_c'];
/** A cluster box drives one amplifier into one or two speaker zones (Decision 135 clusters). */
const CLUSTER_MAX_ZONES = 2;

function crossCheck(prof: Profile, ctx: z.RefinementCtx): void {
  const need = (section: 'outputs' | 'inputs' | 'analog', names: string[]) => {
    for (const n of names)
      if (!(n in prof[section]))
        ctx.addIssue({ code: 'custom', path: [section, n], message: `required channel "${n}" is missing` });
  };
  need('outputs', REQUIRED_OUTPUTS);
  need('inputs', REQUIRED_INPUTS);
  if (prof.transmitter.present) {
    need('outputs', TX_OUTPUTS);
    need('analog', TX_ANALOG);
  } else checkNoTransmitter(prof, ctx);
  checkRole(prof, ctx);
  checkModem(prof, ctx);
  const drivers = Object.keys(prof.drivers);
  for (const section of ['outputs', 'inputs', 'analog'] as const)
    for (const [name, spec] of Object.entries(prof[section]))
      if (!drivers.includes(spec.driver))
        ctx.addIssue({
          code: 'custom',
          path: [section, name, 'driver'],
          message: `unknown driver "${spec.driver}"; allowed: ${drivers.join(', ')}`,
        });
  for (const [name, spec] of Object.entries(prof.outputs))
    if (spec.feedback && !(spec.feedback in prof.inputs))
      ctx.addIssue({
        code: 'custom',
        path: ['outputs', name, 'feedback'],
        message: `feedback input "${spec.feedback}" is not defined under inputs`,
      });
  checkZones(prof, ctx);
  checkTemperatures(prof, ctx);
}

/** Zone ids unique; each zone's relay and sense channels defined. */
function checkZones(prof: Profile, ctx: z.RefinementCtx): void {
  const ids = new Set<number>();
  prof.zones.forEach((zn, i) => {
    if (ids.has(zn.id))
      ctx.addIssue({ code: 'custom', path: ['zones', i, 'id'], message: `zone id ${zn.id} is used twice` });
    ids.add(zn.id);
    if (!(zn.relay in prof.outputs))
      ctx.addIssue({
        code: 'custom',
        path: ['zones', i, 'relay'],
        message: `output "${zn.relay}" is not defined under outputs`,
      });
    for (const [k, ch] of Object.entries(zn.sense))
      if (!(ch in prof.analog))
        ctx.addIssue({
          code: 'custom',
          path: ['zones', i, 'sense', k],
          message: `analog input "${ch}" is not defined under analog`,
        });
  });
}

/** A resume point at or above its limit would never let the amplifier or transmitter back on. */
function checkTemperatures(prof: Profile, ctx: z.RefinementCtx): void {
  if (prof.amplifier.resumeTempC >= prof.amplifier.overTempC)
    ctx.addIssue({
      code: 'custom',
      path: ['amplifier', 'resumeTempC'],
      message: `must be below overTempC (${prof.amplifier.overTempC})`,
    });
  if (prof.transmitter.resumeTempC >= prof.transmitter.overTempC)
    ctx.addIssue({
      code: 'custom',
      path: ['transmitter', 'resumeTempC'],
      message: `must be below overTempC (${prof.transmitter.overTempC})`,
    });
}

/** Without a transmitter, its channels would be wired to nothing the station drives: refuse them. */
function checkNoTransmitter(prof: Profile, ctx: z.RefinementCtx): void {
  for (const section of ['outputs', 'inputs', 'analog'] as const)
    for (const name of Object.keys(prof[section]))
      if (name.startsWith('tx.'))
        ctx.addIssue({
          code: 'custom',
          path: [section, name],
          message: `"${name}" is a transmitter channel but transmitter.present is false; remove it`,
        });
}

function checkRole(prof: Profile, ctx: z.RefinementCtx): void {
  if (prof.role !== 'cluster') return;
  if (prof.transmitter.present)
    ctx.addIssue({
      code: 'custom',
      path: ['transmitter', 'present'],
      message: 'a cluster has no transmitter: set "transmitter": {"present": false}',
    });
  if (prof.zones.length > CLUSTER_MAX_ZONES)
    ctx.addIssue({
      code: 'custom',
      path: ['zones'],
      message: `a cluster has 1 or ${CLUSTER_MAX_ZONES} zones (got ${prof.zones.length})`,
    });
  if (!prof.modem)
    ctx.addIssue({ code: 'custom', path: ['modem'], message: 'a cluster needs its 4G modem described' });
}

function checkModem(prof: Profile, ctx: z.RefinementCtx): void {
  const m = prof.modem;
  if (!m) return;
  if (m.source === 'at' && !m.port)
    ctx.addIssue({
      code: 'custom',
      path: ['modem', 'port'],
      message: 'source "at" needs the AT port, e.g. /dev/serial/by-id/usb-Quectel_EC25-if02-port0',
    });
  if (!m.powerRelay) return;
  const out = prof.outputs[m.powerRelay];
  if (!out)
    ctx.addIssue({
      code: 'custom',
      path: ['modem', 'powerRelay'],
      message: `output "${m.powerRelay}" is not defined under outputs`,
    });
  else if (out.safe)
    ctx.addIssue({
      code: 'custom',
      path: ['outputs', m.powerRelay, 'safe'],
      message: 'the modem power relay cuts power when energised: its safe level must be false',
    });
}

/** The repository's hw/profiles folder (works from src/ under tsx and from dist/). */
export function builtinProfileDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'hw', 'profiles');
}

/** Resolves a profile argument: a path to a JSON file, or the name of a built-in profile. */
export function resolveProfilePath(nameOrPath: string): string {
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/'))
    return isAbsolute(nameOrPath) ? nameOrPath : resolve(nameOrPath);
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(nameOrPath))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `--profile: "${nameOrPath}" is neither a profile name nor a .json path`,
    );
  return join(builtinProfileDir(), `${nameOrPath}.json`);
}

export function parseProfile(raw: unknown, file: string): Profile {
  const r = profileSchema.safeParse(raw, { reportInput: true });
  if (!r.success) throw new LoaError('CONFIG', `${file}: ${formatIssues(r.error.issues)}`, { file });
  return r.data;
}

export function loadProfile(nameOrPath: string): Profile {
  const file = resolveProfilePath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new LoaError(
      'CONFIG',
      `profile file ${file} cannot be read (built-in profiles live in ${builtinProfileDir()})`,
      {
        file,
      },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LoaError('CONFIG', `${file}: not valid JSON: ${(e as Error).message}`, { file });
  }
  return parseProfile(raw, file);
}
