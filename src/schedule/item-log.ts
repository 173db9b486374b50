/**
 * Follows each request the schedule or an emergency gives the audio engine, and writes it to
 * the play log once it actually goes out: first audio opens the entry, the heard source is
 * sampled while it plays (live or fallback), the amplifier and zone relay contacts are read
 * once the chain is on (after the profile's relay feedback time), and the end closes it.
 */

import type { OnAirPort } from '../audio/port.js';
import type { Clock } from '../core/clock.js';
import type { Text } from '../core/i18n.js';
import type { Occurrence } from './plan.js';
import type { Confirmation, PlayLog, PlayLogEntry, SpeechProof } from './play-log.js';

export interface ItemLogDeps {
  clock: Clock;
  port: Pick<OnAirPort, 'onAir'>;
  playLog: PlayLog;
  /** Reads the amplifier and the given zones' relay feedback contacts. */
  confirm: (zones: number[]) => Promise<Confirmation>;
  chainOn: () => boolean;
  relayFeedbackMs: number;
}

export type Expected = Omit<
  PlayLogEntry,
  'id' | 'start' | 'sources' | 'end' | 'endReason' | 'confirmed' | 'replaced' | 'replacedText'
>;

/** Bounds the wait for the chain to come up before the contacts are read (≈ a minute). */
const MAX_CONFIRM_TRIES = 120;

export function expectedOf(occ: Occurrence): Expected {
  return {
    kind: 'programme',
    programmeId: occ.rule.id,
    title: occ.rule.title,
    tier: occ.rule.tier,
    zones: occ.rule.zones,
  };
}

export class ItemLog {
  private readonly expected = new Map<string, Expected>();

  constructor(private readonly d: ItemLogDeps) {}

  expect(reqId: string, what: Occurrence | Expected, speech?: SpeechProof): void {
    const exp = 'rule' in what ? expectedOf(what) : what;
    this.expected.set(reqId, speech ? { ...exp, speech } : exp);
  }

  /** First audio of a request reached the output. */
  started(reqId: string): void {
    const exp = this.expected.get(reqId);
    if (!exp || this.d.playLog.get(reqId)) return;
    const now = this.d.clock.now();
    const info = this.d.port.onAir();
    const using = info.id === reqId ? (info.using ?? 'source') : 'source';
    this.d.playLog.open({
      ...exp,
      id: reqId,
      start: now,
      sources: [{ at: now, using, kind: info.sourceKind }],
    });
    this.scheduleConfirm(reqId, exp.zones, 0);
  }

  /**
   * The programme could not play and the station's fallback playlist stands in for it: the
   * entry opens now with the fallback heard and why (what actually went out, not the plan).
   */
  replaced(reqId: string, why: string, whyText?: Text): void {
    const exp = this.expected.get(reqId);
    if (!exp || this.d.playLog.get(reqId)) return;
    const now = this.d.clock.now();
    const info = this.d.port.onAir();
    const kind = info.slot === 'fallback' ? info.sourceKind : 'playlist';
    this.d.playLog.open({
      ...exp,
      id: reqId,
      start: now,
      replaced: why,
      ...(whyText ? { replacedText: whyText } : {}),
      sources: [{ at: now, using: 'fallback', kind, why }],
    });
    this.scheduleConfirm(reqId, exp.zones, 0);
  }

  /** Samples which source of the request is heard now. */
  sample(reqId: string): void {
    const info = this.d.port.onAir();
    if (this.d.playLog.get(reqId)?.replaced !== undefined) return; // the fallback slot stands in
    if (info.id === reqId)
      this.d.playLog.heard(reqId, {
        at: this.d.clock.now(),
        using: info.using ?? 'source',
        kind: info.sourceKind,
      });
  }

  /** The request ended (or was replaced); an entry that went out is closed, with its contacts read. */
  close(reqId: string, reason: string): void {
    const exp = this.expected.get(reqId);
    this.expected.delete(reqId);
    const entry = this.d.playLog.get(reqId);
    if (!exp || !entry || entry.end !== undefined) return;
    const end = this.d.clock.now();
    const finish = () => this.d.playLog.close(reqId, end, reason);
    if (entry.confirmed) finish();
    else
      void this.d
        .confirm(exp.zones)
        .then((c) => this.d.playLog.confirm(reqId, c))
        .catch(() => undefined)
        .finally(finish);
  }

  private scheduleConfirm(reqId: string, zones: number[], tries: number): void {
    this.d.clock.setTimeout(() => {
      const e = this.d.playLog.get(reqId);
      if (!e || e.end !== undefined || e.confirmed) return;
      if (!this.d.chainOn() && tries < MAX_CONFIRM_TRIES) {
        this.scheduleConfirm(reqId, zones, tries + 1);
        return;
      }
      void this.d
        .confirm(zones)
        .then((c) => this.d.playLog.confirm(reqId, c))
        .catch(() => undefined);
    }, this.d.relayFeedbackMs);
  }
}
