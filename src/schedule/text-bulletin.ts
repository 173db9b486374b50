/**
 * Text bulletins (`stationctl say`, the district's `bulletin.text`): the text is checked,
 * spoken by the station's own engine (src/speech: no media to fetch, so it works when media
 * sync is blocked), and played like an emergency — power chain up on its zones, attention
 * chime, the speech, a closing chime, repeated as asked — in the slot above the programme,
 * which is heard again when the bulletin ends. The tier decides who gives way (Circular
 * 39/2020/TT-BTTTT order: emergency > priority > normal): a bulletin never interrupts one of
 * a higher tier, on air by command or by the schedule; an equal or higher tier replaces it.
 */
import { stat } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { keyed, LoaError } from '../core/errors.js';
import { invalidInput } from '../core/validate.js';
import { voiceSchema } from '../speech/config.js';
import type { Rendered, Speaker } from '../speech/speaker.js';
import { checkText, textSha256 } from '../speech/text.js';
import type { BulletinTier, Emergency, EmergencyOrigin, EmergencyStatus } from './emergency.js';

export const TIERS: readonly BulletinTier[] = ['normal', 'priority', 'emergency'];

/** A bulletin's zones (`what` names the command): "all", or each of them a zone of this station. */
export function bulletinZones(what: string, z: 'all' | number[], all: number[]): number[] {
  if (z === 'all') return all;
  const zones = [...new Set(z)].sort((a, b) => a - b);
  for (const n of zones)
    if (!all.includes(n))
      throw keyed(
        'INVALID_ARGUMENT',
        `${what}: zones: zone ${n} does not exist; allowed: ${all.join(', ')} or "all"`,
        'r.noZone',
        { what, zone: n, allowed: all.join(', ') },
      );
  return zones;
}

export const textBulletinParams = z.strictObject({
  text: z.string(),
  tier: z.enum(TIERS).default('normal'),
  /** Warning systems repeat an alert (three times is usual); each time with both chimes. */
  repeat: z.number().int().min(1).max(10).default(1),
  everyS: z.number().int().min(0).max(3600).default(0),
  voice: voiceSchema.optional(),
  zones: z.union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)]).default('all'),
  commandId: z.string().max(128).optional(),
  /**
   * A recording to play in place of the speech (a CAP alert's own audio): a file on the
   * station; from the district {sha256, sizeBytes, name}, fetched first (uplink/params.ts).
   */
  audio: z.string().min(1).max(4096).optional(),
  /** Why the district's recording could not be had: the text is spoken, the play log says why. */
  audioError: z.string().max(600).optional(),
});

export interface TextBulletinDeps {
  emergency: Emergency;
  speaker: () => Speaker;
  zoneIds: () => number[];
  closingPath: string;
  /** The tier of the scheduled item on air now, if any. */
  scheduledTier: () => BulletinTier | undefined;
}

export interface SayResult extends EmergencyStatus {
  rendered: Pick<
    Rendered,
    'textSha256' | 'voice' | 'engine' | 'engineVersion' | 'cached' | 'renderMs' | 'spoken'
  >;
}

/** A recording in place of the speech: the file must be there (the district's is fetched first). */
async function recording(path: string, text: string): Promise<Rendered> {
  if (!isAbsolute(path) || !(await stat(path).catch(() => undefined))?.isFile())
    throw new LoaError('NOT_FOUND', `bulletin.text: audio: no file ${path} on the station`);
  const base = { voice: 'recording', engine: 'recording', engineVersion: '', speed: 0, pitch: 0 };
  return { ...base, path, textSha256: textSha256(text), spoken: '', cached: true, renderMs: 0 };
}

const rank = (t: BulletinTier) => TIERS.indexOf(t);
const an = (t: BulletinTier) => (t === 'emergency' ? 'an' : 'a');

export class TextBulletins {
  constructor(private readonly d: TextBulletinDeps) {}

  async say(x: unknown, origin: EmergencyOrigin): Promise<SayResult> {
    const r = textBulletinParams.safeParse(x ?? {}, { reportInput: true });
    if (!r.success) throw invalidInput('bulletin.text', r.error.issues);
    const p = r.data;
    const text = checkText(p.text, 'bulletin.text: text');
    const zones = bulletinZones('bulletin.text', p.zones, this.d.zoneIds());
    this.mayInterrupt(p.tier);
    const spoken = p.audio
      ? await recording(p.audio, text)
      : await this.d.speaker().speak({ text, voice: p.voice });
    this.mayInterrupt(p.tier); // another bulletin may have started while this one was rendered
    const status = this.d.emergency.start({
      message: { kind: 'file', path: spoken.path },
      zones,
      repeat: p.repeat,
      everyS: p.everyS,
      origin: p.commandId && origin === 'command' ? 'district' : origin,
      ...(p.commandId ? { commandId: p.commandId } : {}),
      tier: p.tier,
      closingPath: this.d.closingPath,
      speech: {
        textSha256: spoken.textSha256,
        voice: spoken.voice,
        engine: spoken.engine,
        engineVersion: spoken.engineVersion,
        chars: [...text].length,
        ...(p.audio ? { recording: basename(p.audio) } : {}),
        ...(p.audioError ? { recordingError: p.audioError } : {}),
      },
    });
    const { textSha256, voice, engine, engineVersion, cached, renderMs } = spoken;
    return {
      ...status,
      rendered: { textSha256, voice, engine, engineVersion, cached, renderMs, spoken: spoken.spoken },
    };
  }

  /** Stops the bulletin on air; with `commandId` only that command's (a CAP Cancel). */
  async stop(x: unknown): Promise<EmergencyStatus> {
    const id = (x as { commandId?: unknown } | undefined)?.commandId;
    if (id !== undefined) {
      if (typeof id !== 'string')
        throw keyed(
          'INVALID_ARGUMENT',
          'bulletin.stop: commandId: the id of the command whose bulletin to stop',
          'r.commandId',
        );
      const now = this.d.emergency.status();
      if (!now.active || now.commandId !== id)
        throw keyed(
          'REFUSED',
          `the bulletin of command ${id} is not on air; nothing was stopped`,
          'r.bulletinNotOnAir',
          {
            id,
          },
        );
    }
    return this.d.emergency.stop();
  }

  private mayInterrupt(tier: BulletinTier): void {
    const now = this.d.emergency.status();
    const onAir = now.active ? (now.tier ?? 'emergency') : this.d.scheduledTier();
    if (onAir && rank(onAir) > rank(tier))
      throw new LoaError(
        'REFUSED',
        `${an(onAir)} ${onAir} bulletin is on air; ${an(tier)} ${tier} bulletin does not interrupt it (order: emergency > priority > normal). Send it again when it ends, or with a higher --tier`,
        { onAir, tier },
        { key: 'r.tierBusy', vars: { onAir: { key: `sv.tier.${onAir}` }, tier: { key: `sv.tier.${tier}` } } },
      );
  }
}
