/**
 * CAP intake at the hub: parse (hostile input refused), de-duplicate by (sender, identifier),
 * decide (status Actual only, a Vietnamese info block, not expired, a tier, stations in the
 * area), then send each station a `bulletin.text` command — the text travels, each station
 * speaks it. An Update replaces what its references sent (stations no longer in the area stop
 * it); a Cancel stops it on air. Every step is in the hub's audit trail (who: cap:SENDER).
 */
import { LoaError, toLoaError } from '../../core/errors.js';
import { validateParams } from '../../security/schemas.js';
import { textSha256 } from '../../speech/text.js';
import type { Hub } from '../hub.js';
import { stationsIn } from './area.js';
import type { CapConfig } from './config.js';
import { type CapAlert, type CapInfo, parseCap } from './parse.js';
import { type AudioResource, audioResourceOf, takeAudioResource } from './resource.js';
import { type CapRow, CapStore } from './store.js';
import { REPEATS, spokenText, tierOf, vietnameseInfo } from './tier.js';

export interface CapOutcome {
  outcome: 'aired' | 'not-aired' | 'duplicate' | 'cancelled';
  identifier: string;
  sender: string;
  reason: string;
  tier?: string;
  stations: string[];
  commands: Record<string, string>;
  /** The alert's own recording, played in place of the spoken text; or why it is not. */
  audio?: { sha256: string; sizeBytes: number; durationMs: number } | { error: string };
}

/** A command to a station lives at most this long at the hub (an alert's `expires` may cut it). */
const MAX_TTL_MS = 3_600_000;

export class CapService {
  readonly store: CapStore;
  private readonly inFlight = new Set<string>();
  /** Commands created by the transaction under way, to send once it is committed. */
  private sends: Array<[string, string]> | undefined;

  constructor(
    private readonly hub: Hub,
    private readonly cfg: CapConfig,
  ) {
    this.store = new CapStore(hub.db);
  }

  /** One CAP message from `via` (http, a token's name). Throws INVALID_ARGUMENT for hostile input. */
  async ingest(xml: string | Buffer, via: string): Promise<CapOutcome> {
    let alert: CapAlert;
    try {
      alert = parseCap(xml);
    } catch (e) {
      this.audit('cap.refused', { via }, [], toLoaError(e), via);
      throw e;
    }
    const base = { identifier: alert.identifier, sender: alert.sender, stations: [], commands: {} };
    const key = `${alert.sender}\n${alert.identifier}`;
    if (this.store.get(alert.sender, alert.identifier) || this.inFlight.has(key)) {
      const out: CapOutcome = { ...base, outcome: 'duplicate', reason: 'already received: ignored' };
      this.audit('cap.duplicate', out, [], undefined, via, alert.sender);
      return out;
    }
    this.inFlight.add(key); // the same alert by two paths while its recording is fetched: once
    let out: CapOutcome;
    try {
      out = await this.decide(alert, via);
    } catch (e) {
      const err = capRefused(alert, e);
      this.audit('cap.refused', { ...base, reason: err.message }, [], err, via, alert.sender);
      throw err;
    } finally {
      this.inFlight.delete(key);
    }
    this.audit(`cap.${out.outcome}`, out, out.stations, undefined, via, alert.sender);
    return out;
  }

  /** A feed's alarm or its clearing (feed.ts), in the audit trail beside the alerts. */
  auditFeed(action: string, params: Record<string, unknown>, err?: LoaError): void {
    this.audit(action, params, [], err, 'feed', 'feed');
  }

  /**
   * What is done about an alert, stored as one transaction behind the hub's storage guard: the
   * commands to stations, the references it stops, its own row. Only once that is on disk do
   * the commands go out, so a disk that refuses it leaves nothing half-done (no station sent a
   * command the hub has no row of, no alert aired that a resend would air twice).
   */
  private async decide(a: CapAlert, via: string): Promise<CapOutcome> {
    const plan = a.msgType === 'Cancel' ? undefined : this.plan(a);
    if (plan && 'outcome' in plan) return this.stored(a, via, () => plan);
    // the recording is fetched first: the transaction below must not wait on the network
    const audio = plan?.stations.length ? await this.audioOf(plan.info) : undefined;
    return this.stored(a, via, () => (plan ? this.air(a, plan, audio) : this.cancel(a)));
  }

  /** The checks that need no write: a reason not to air, or the stations and tier to air it with. */
  private plan(a: CapAlert): CapOutcome | AirPlan {
    const base = { identifier: a.identifier, sender: a.sender, stations: [] as string[], commands: {} };
    const no = (reason: string): CapOutcome => ({ ...base, outcome: 'not-aired', reason });
    if (a.msgType === 'Ack' || a.msgType === 'Error') return no(`msgType ${a.msgType}: nothing to broadcast`);
    if (a.status !== 'Actual') return no(`status ${a.status}: recorded, not broadcast`);
    const info = vietnameseInfo(a.info);
    if (!info) return no('no Vietnamese info block (language "vi"): not broadcast');
    const expires = info.expires ? Date.parse(info.expires) : undefined;
    const now = this.hub.clock.now();
    if (expires !== undefined && expires <= now) return no(`expired at ${info.expires}`);
    const tier = tierOf(info);
    if (!tier) return no(`urgency ${info.urgency}, certainty ${info.certainty}: not broadcast`);
    const known = new Set(this.hub.stations.list().map((r) => r.id));
    const stations = stationsIn(info.area, this.cfg.stations).filter((s) => known.has(s));
    const ttl = Math.min(MAX_TTL_MS, expires !== undefined ? expires - now : MAX_TTL_MS);
    return { info, tier, stations, ttl };
  }

  private air(a: CapAlert, p: AirPlan, audio: AudioResource | undefined): CapOutcome {
    const base = { identifier: a.identifier, sender: a.sender, stations: [] as string[], commands: {} };
    if (a.msgType === 'Update') this.stopReferenced(a, new Set(p.stations));
    if (!p.stations.length)
      return { ...base, outcome: 'not-aired', reason: 'the area covers none of this hub’s stations' };
    const params = { text: spokenText(p.info), tier: p.tier, repeat: REPEATS[p.tier], ...audioParams(audio) };
    const commands = Object.fromEntries(
      p.stations.map((s) => [s, this.send(s, 'bulletin.text', params, p.ttl, a)]),
    );
    const how = !audio ? '' : audio.ok ? ', its recording' : `, spoken (${audio.error})`;
    return {
      ...base,
      outcome: 'aired',
      reason: `${p.info.event}: ${p.tier}${how}`,
      tier: p.tier,
      stations: p.stations,
      commands,
      ...(audio ? { audio: audio.ok ? pick(audio) : { error: audio.error } } : {}),
    };
  }

  /**
   * Runs `decide` and records its outcome in one transaction through the storage guard (a
   * priority write: a warning may use the disk's reserve); then sends the commands it created.
   */
  private stored(a: CapAlert, via: string, decide: () => CapOutcome): CapOutcome {
    const sends: Array<[string, string]> = [];
    this.sends = sends;
    let out: CapOutcome;
    try {
      out = this.hub.storage.write(
        'CAP alert',
        () =>
          this.hub.db.transaction(() => {
            const o = decide();
            this.record(a, o, via);
            return o;
          })(),
        'priority',
      );
    } finally {
      this.sends = undefined;
    }
    for (const [station, id] of sends) {
      this.hub.sessions.deliverCommands(station, new Set([id]));
      this.hub.sessions.changed(station);
    }
    return out;
  }

  /** The info block's audio resource, fetched and checked (resource.ts); none: undefined. */
  private async audioOf(info: CapInfo): Promise<AudioResource | undefined> {
    const r = audioResourceOf(info);
    return r ? takeAudioResource(r, this.hub.stores.media) : undefined;
  }

  /** Cancel: the bulletins its references sent are stopped where they are on air. */
  private cancel(a: CapAlert): CapOutcome {
    const stopped = this.stopReferenced(a, new Set());
    return {
      identifier: a.identifier,
      sender: a.sender,
      outcome: stopped.length ? 'cancelled' : 'not-aired',
      reason: stopped.length ? `stopped on ${stopped.join(', ')}` : 'no referenced alert was broadcast here',
      stations: stopped,
      commands: {},
    };
  }

  /** Sends bulletin.stop for each referenced alert's command on stations not in `keep`. */
  private stopReferenced(a: CapAlert, keep: Set<string>): string[] {
    const stopped: string[] = [];
    for (const ref of references(a)) {
      const row = this.store.get(ref.sender, ref.identifier);
      if (!row) continue;
      for (const [station, commandId] of Object.entries(row.commands))
        if (!keep.has(station)) {
          this.send(station, 'bulletin.stop', { commandId }, MAX_TTL_MS, a);
          stopped.push(station);
        }
      this.store.setState(
        row.sender,
        row.identifier,
        a.msgType === 'Cancel' ? 'cancelled' : 'updated',
        `by ${a.identifier}`,
      );
    }
    return stopped;
  }

  private send(station: string, method: string, params: unknown, ttlMs: number, a: CapAlert): string {
    validateParams(method, params);
    const who = { who: `cap:${a.sender}`, role: 'operator' };
    const row = this.hub.stores.commands.create(station, method, params, Math.max(1000, ttlMs), who);
    this.sends?.push([station, row.id]); // sent once the transaction is committed (stored())
    return row.id;
  }

  private record(a: CapAlert, out: CapOutcome, via: string): void {
    const info = vietnameseInfo(a.info);
    const row: CapRow = {
      sender: a.sender,
      identifier: a.identifier,
      sent: a.sent,
      received: this.hub.clock.now(),
      msgType: a.msgType,
      status: a.status,
      tier: out.tier ?? '',
      state: out.outcome === 'aired' ? 'aired' : out.outcome === 'cancelled' ? 'cancel' : 'not-aired',
      reason: out.reason,
      headline: info?.headline ?? a.info[0]?.headline ?? '',
      textSha256: info && out.outcome === 'aired' ? textSha256(spokenText(info).normalize('NFC')) : '',
      expires: info?.expires ? Date.parse(info.expires) : 0,
      commands: out.commands,
      via,
    };
    this.store.add(row);
  }

  private audit(
    action: string,
    params: unknown,
    stations: string[],
    err: LoaError | undefined,
    via: string,
    sender = '?',
  ) {
    this.hub.stores.audit.add(
      { who: `cap:${sender}`, role: 'operator', via: `cap-${via}` },
      action,
      params,
      stations,
      err,
    );
  }
}

/** An alert the hub will air, once its recording (if any) is fetched. */
interface AirPlan {
  info: CapInfo;
  tier: NonNullable<ReturnType<typeof tierOf>>;
  stations: string[];
  ttl: number;
}

/**
 * An alert the hub could not store is refused to its sender in so many words (HTTP 507, the
 * drop folder keeps the file, a feed asks again): it was neither stored nor broadcast, and
 * sending it again once the hub has space airs it.
 */
function capRefused(a: CapAlert, e: unknown): LoaError {
  const err = toLoaError(e);
  if (err.code !== 'STORAGE_FULL') return err;
  return new LoaError(
    'STORAGE_FULL',
    `CAP alert "${a.identifier}" from ${a.sender} not stored and not broadcast: ${err.message}; send it again once the hub has space`,
  );
}

/** The recording as the station fetches it (by sha256 from the hub), or why the text is spoken. */
function audioParams(a: AudioResource | undefined): Record<string, unknown> {
  if (!a) return {};
  if (!a.ok) return { audioError: a.error.slice(0, 500) };
  return { audio: { sha256: a.sha256, sizeBytes: a.sizeBytes, name: a.name } };
}

const pick = (a: { sha256: string; sizeBytes: number; durationMs: number }) => ({
  sha256: a.sha256,
  sizeBytes: a.sizeBytes,
  durationMs: a.durationMs,
});

/** CAP 1.2 §3.2.1 references: "sender,identifier,sent" groups separated by spaces. */
function references(a: CapAlert): Array<{ sender: string; identifier: string }> {
  return (a.references ?? '')
    .trim()
    .split(/\s+/)
    .map((g) => g.split(','))
    .filter((p) => p.length >= 2)
    .map(([sender, identifier]) => ({ sender: sender as string, identifier: identifier as string }));
}
