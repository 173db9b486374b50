/**
 * Recorded bulletins (`bulletin.play`, issue 17 item 7): a district file — uploaded to the hub,
 * checked there with ffprobe, fetched by the station by sha256 and verified before air
 * (uplink/params.ts) — played through the announcement runner at the normal or priority tier,
 * like a text bulletin: power chain up on its zones, attention chime, the recording, closing
 * chime, repeated as asked, the programme heard again after it. Tier order as for text
 * bulletins (Circular 39/2020/TT-BTTTT: emergency > priority > normal): an equal or higher tier
 * replaces what is on air; a lower one does not interrupt it — it WAITS for the slot (the
 * highest tier first, then first come, first served; a waiting bulletin then does not cut the
 * one that went before it), at most `waitS` seconds, then is refused with the reason. An
 * emergency is not sent on this path (`emergency.start` is the emergency's own command).
 */
import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import { invalidInput } from '../core/validate.js';
import type { BulletinTier, Emergency, EmergencyOrigin, EmergencyStatus } from './emergency.js';
import { bulletinZones } from './text-bulletin.js';

const RECORDED_TIERS = ['normal', 'priority'] as const;
const ALL_TIERS: readonly BulletinTier[] = ['normal', 'priority', 'emergency'];
/** How often a waiting bulletin looks whether the slot is free (a chime is ~1 s: 250 ms is fine). */
const POLL_MS = 250;

export const recordedBulletinParams = z.strictObject({
  /** The file on the station: the district's {sha256, sizeBytes, name} becomes this path before the call. */
  audio: z.string().min(1).max(4096),
  /** Not emergency: an emergency is `emergency.start`, which replaces whatever is on air. */
  tier: z.enum(RECORDED_TIERS),
  repeat: z.number().int().min(1).max(10).default(1),
  everyS: z.number().int().min(0).max(3600).default(0),
  zones: z.union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)]).default('all'),
  /** Longest wait for a higher tier on air to end (the hub's default command lifetime is 600 s). */
  waitS: z.number().int().min(0).max(3600).default(600),
  /** The district's name and sha256 of the file, for the play log. */
  name: z.string().max(255).optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  commandId: z.string().max(128).optional(),
});

export interface RecordedBulletinDeps {
  clock: Clock;
  emergency: Pick<Emergency, 'start' | 'status'>;
  zoneIds: () => number[];
  closingPath: string;
  scheduledTier: () => BulletinTier | undefined;
}

export interface PlayResult extends EmergencyStatus {
  /** How long the bulletin waited for a higher tier to end, ms (0: it went on air at once). */
  waitedMs: number;
}

const rank = (t: BulletinTier) => ALL_TIERS.indexOf(t);

interface Waiter {
  tier: BulletinTier;
  seq: number;
}

export class RecordedBulletins {
  /** Bulletins waiting for the slot: the highest tier first, then first come, first served. */
  private readonly waiters: Waiter[] = [];
  private seq = 0;

  constructor(private readonly d: RecordedBulletinDeps) {}

  async play(x: unknown, origin: EmergencyOrigin): Promise<PlayResult> {
    const r = recordedBulletinParams.safeParse(x ?? {}, { reportInput: true });
    if (!r.success) throw invalidInput('bulletin.play', r.error.issues);
    const p = r.data;
    const zones = bulletinZones('bulletin.play', p.zones, this.d.zoneIds());
    // one stat of a local file, synchronously: the bulletin takes its place among the waiting
    // ones in the order it arrived
    if (!isAbsolute(p.audio) || !statSync(p.audio, { throwIfNoEntry: false })?.isFile())
      throw new LoaError('NOT_FOUND', `bulletin.play: audio: no file ${p.audio} on the station`);
    const t0 = this.d.clock.monotonic();
    const mustWait =
      this.onAirRank() > rank(p.tier) || this.waiters.some((w) => rank(w.tier) >= rank(p.tier));
    if (mustWait) await this.waitTurn(p.tier, t0 + p.waitS * 1000);
    const status = this.d.emergency.start({
      message: { kind: 'file', path: p.audio },
      zones,
      repeat: p.repeat,
      everyS: p.everyS,
      origin: p.commandId && origin === 'command' ? 'district' : origin,
      ...(p.commandId ? { commandId: p.commandId } : {}),
      tier: p.tier,
      closingPath: this.d.closingPath,
      recording: { name: p.name || basename(p.audio), ...(p.sha256 ? { sha256: p.sha256 } : {}) },
    });
    return { ...status, waitedMs: Math.round(this.d.clock.monotonic() - t0) };
  }

  /** The rank of the tier on air now (an announcement, else the scheduled item); -1: none. */
  private onAirRank(): number {
    const now = this.d.emergency.status();
    const onAir = now.active ? (now.tier ?? 'emergency') : this.d.scheduledTier();
    return onAir ? rank(onAir) : -1;
  }

  /**
   * A waiting bulletin goes when nothing of its tier or higher is on air (it does not cut the
   * one that went before it) and no waiter of a higher tier, or of its tier and earlier, is left.
   */
  private async waitTurn(tier: BulletinTier, deadline: number): Promise<void> {
    const me: Waiter = { tier, seq: ++this.seq };
    this.waiters.push(me);
    try {
      for (let i = 0; i < 1_000_000; i++) {
        const ahead = this.waiters.some(
          (w) => w !== me && (rank(w.tier) > rank(tier) || (w.tier === tier && w.seq < me.seq)),
        );
        if (!ahead && this.onAirRank() < rank(tier)) return;
        if (this.d.clock.monotonic() >= deadline) throw this.busy(tier);
        await this.d.clock.sleep(POLL_MS);
      }
      throw this.busy(tier);
    } finally {
      this.waiters.splice(this.waiters.indexOf(me), 1);
    }
  }

  private busy(tier: BulletinTier): LoaError {
    const onAir = ALL_TIERS[this.onAirRank()] ?? tier;
    return new LoaError(
      'REFUSED',
      `a ${onAir} announcement is on air or bulletins wait before it; a ${tier} recorded bulletin does not interrupt it (order: emergency > priority > normal) and waited as long as allowed (waitS). Send it again when it ends, or at priority`,
      { onAir, tier },
      { key: 'r.tierBusy', vars: { onAir: { key: `sv.tier.${onAir}` }, tier: { key: `sv.tier.${tier}` } } },
    );
  }
}
