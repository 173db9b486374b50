/**
 * Emergency bulletins (Circular 39/2020: "khẩn cấp", played at once). From a command, the
 * physical button or the district: the power chain is forced up on the chosen zones, the
 * attention signal plays, then the message, repeated as asked; it stops on command or when
 * done. It needs neither the uplink nor a synchronised clock.
 *
 * Latency (EN 60849: first attention signal within 3 s). With the chain up the attention
 * signal is requested at once. With the chain cold it is requested when the amplifier is
 * unmuted: audio sent into a muted amplifier would be lost, and the attention signal is what
 * tells people to listen — so cold latency is the power sequence plus the warm latency.
 */

import type { OnAirPort, SourceSpec } from '../audio/port.js';
import type { Clock, Timer } from '../core/clock.js';
import { keyed, LoaError, toLoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { endText, type Text } from '../core/i18n.js';
import type { ItemLog } from './item-log.js';
import type { SpeechProof } from './play-log.js';
import type { PowerLink } from './power-link.js';

export type EmergencyOrigin = 'command' | 'button' | 'district';

export interface EmergencyRequest {
  /** The message; null plays the attention signal alone (the button with no message set). */
  message:
    | { kind: 'file'; path: string }
    | { kind: 'stream'; url: string }
    | { kind: 'live'; input: string }
    | null;
  zones: number[];
  repeat: number;
  /** Seconds from one start to the next (0: back to back). */
  everyS: number;
  origin: EmergencyOrigin;
  /** The district's command id, when it came from there. */
  commandId?: string;
  /**
   * A text bulletin plays here too, at its own tier (Circular 39/2020: normal, priority,
   * emergency); absent: an emergency.
   */
  tier?: BulletinTier;
  /** Played after the message on each repetition (the closing chime of a text bulletin). */
  closingPath?: string;
  /** What was read out, for the play log (a text bulletin). */
  speech?: SpeechProof;
  /** A live voice (src/live/): the station's microphone or the district's feed. */
  live?: { via: 'mic' | 'district'; by?: string; session?: string };
  /** A recorded bulletin (recorded-bulletin.ts): the district's file, for the play log. */
  recording?: RecordingProof;
}

export interface RecordingProof {
  name: string;
  sha256?: string;
}

export type BulletinTier = 'normal' | 'priority' | 'emergency';

export type EmergencyPhase = 'powering' | 'attention' | 'message' | 'waiting';

export interface EmergencyStatus {
  active: boolean;
  id?: string;
  origin?: EmergencyOrigin;
  phase?: EmergencyPhase;
  repetition?: number;
  repeat?: number;
  zones?: number[];
  message?: string;
  tier?: BulletinTier;
  speech?: SpeechProof;
  live?: EmergencyRequest['live'];
  recording?: RecordingProof;
  commandId?: string;
  startedAt?: number;
  /** Command → first audio of the attention signal at the output, ms (monotonic). */
  latencyMs?: number;
  last?: { id: string; ended: number; reason: string; endedTime?: string };
  /** No message: the attention signal alone (`message` says so in English). */
  attentionOnly?: boolean;
}

export interface EmergencyDeps {
  clock: Clock;
  port: OnAirPort;
  power: PowerLink;
  items: ItemLog;
  events: EventSink;
  attentionPath: string;
}

class Cancelled extends Error {}

interface Run {
  id: string;
  req: EmergencyRequest;
  phase: EmergencyPhase;
  repetition: number;
  startedAt: number;
  t0: number;
  latencyMs?: number;
  cancel: () => void;
  cancelled: boolean;
  done: Promise<void>;
}

export class Emergency {
  private run: Run | undefined;
  private last: EmergencyStatus['last'];
  private seq = 0;

  constructor(private readonly d: EmergencyDeps) {
    d.port.onFirstAudio((slot, id) => {
      const r = this.run;
      if (slot !== 'emergency' || !r || !id.startsWith(`${r.id}:`)) return;
      d.items.started(id);
      if (r.latencyMs === undefined && id.startsWith(`${r.id}:attention`))
        r.latencyMs = Math.round(d.clock.monotonic() - r.t0);
    });
  }

  get active(): boolean {
    return this.run !== undefined;
  }

  /** Starts now (an active emergency is replaced); returns once it is under way. */
  start(req: EmergencyRequest): EmergencyStatus {
    const previous = this.run;
    if (previous) this.cancel(previous);
    // named by what it is: an emergency (recorded or text) or a bulletin of its tier
    const id = `${idPrefix(req)}-${this.d.clock.now()}-${++this.seq}`;
    const run: Run = {
      id,
      req,
      phase: 'powering',
      repetition: 0,
      startedAt: this.d.clock.now(),
      t0: this.d.clock.monotonic(),
      cancel: () => undefined,
      cancelled: false,
      done: Promise.resolve(),
    };
    this.run = run;
    const what = nameOf(req);
    this.d.events.emit({
      kind: `${what.kind}.start`,
      severity: what.kind === 'emergency' ? 'alarm' : 'info',
      sub: 'schedule',
      message: `${what.title} started (${req.origin}) on zones ${req.zones.join(',')}`,
      text: {
        key: `ev.${what.kind}.start`,
        vars: {
          title: { key: titleKey(req) },
          origin: { key: `ev.origin.${req.origin}` },
          zones: req.zones.join(','),
        },
      },
      details: { id, ...req },
    });
    run.done = (previous?.done ?? Promise.resolve()).then(() => this.execute(run));
    return this.status();
  }

  async stop(): Promise<EmergencyStatus> {
    const r = this.run;
    if (!r) throw keyed('REFUSED', 'no emergency bulletin is playing', 'r.noEmergency');
    this.cancel(r);
    await r.done;
    return this.status();
  }

  status(): EmergencyStatus {
    const r = this.run;
    if (!r) return { active: false, ...(this.last ? { last: this.last } : {}) };
    const m = r.req.message;
    return {
      active: true,
      id: r.id,
      origin: r.req.origin,
      phase: r.phase,
      repetition: r.repetition,
      repeat: r.req.repeat,
      zones: r.req.zones,
      message: m ? describe(m) : 'attention signal only',
      ...(m ? {} : { attentionOnly: true }),
      ...(r.req.live ? { live: r.req.live } : {}),
      ...(r.req.tier ? { tier: r.req.tier } : {}),
      ...(r.req.speech ? { speech: r.req.speech } : {}),
      ...(r.req.recording ? { recording: r.req.recording } : {}),
      ...(r.req.commandId ? { commandId: r.req.commandId } : {}),
      startedAt: r.startedAt,
      ...(r.latencyMs !== undefined ? { latencyMs: r.latencyMs } : {}),
    };
  }

  private cancel(r: Run): void {
    r.cancelled = true;
    r.cancel();
  }

  private async execute(r: Run): Promise<void> {
    let reason = 'done';
    try {
      if (r.cancelled) throw new Cancelled();
      await this.cancellable(r, this.d.power.setEmergency({ on: true, zones: r.req.zones }));
      for (let i = 1; i <= r.req.repeat; i++) {
        const begun = this.d.clock.monotonic();
        r.repetition = i;
        await this.playRepetition(r);
        const wait = begun + r.req.everyS * 1000 - this.d.clock.monotonic();
        if (i < r.req.repeat && wait > 0) {
          r.phase = 'waiting';
          await this.sleep(r, wait);
        }
      }
    } catch (e) {
      reason = e instanceof Cancelled ? 'stopped' : `failed: ${toLoaError(e).message}`;
    }
    await this.finish(r, reason);
  }

  private async finish(r: Run, reason: string): Promise<void> {
    await this.d.port.stop('emergency').catch(() => undefined);
    if (this.run === r) {
      this.run = undefined;
      await this.d.power.setEmergency(undefined).catch(() => undefined);
    }
    this.last = { id: r.id, ended: this.d.clock.now(), reason };
    const what = nameOf(r.req);
    this.d.events.emit({
      kind: `${what.kind}.end`,
      severity: reason.startsWith('failed') ? 'alarm' : 'info',
      sub: 'schedule',
      message: `${what.title} ended: ${reason}`,
      text: {
        key: `ev.${what.kind}.end`,
        vars: { title: { key: titleKey(r.req) }, reason: endText(reason) },
      },
      details: { id: r.id, reason, repetitions: r.repetition, latencyMs: r.latencyMs },
    });
  }

  /**
   * The attention signal then the message. A file message goes in the same request as the
   * attention signal (a two-item playlist: gapless, nothing else heard between them). A stream
   * cannot be a playlist item, so it follows as its own request once the signal has ended; while
   * it buffers, the slot below (the programme, if any) is heard — a second or two.
   */
  private async playRepetition(r: Run): Promise<void> {
    const attention = this.d.attentionPath;
    const msg = r.req.message;
    const closing = r.req.closingPath ? [r.req.closingPath] : [];
    if (msg?.kind === 'file')
      return this.playPart(r, 'attention+message', {
        kind: 'playlist',
        paths: [attention, msg.path, ...closing],
      });
    await this.playPart(r, 'attention', { kind: 'file', path: attention });
    if (msg) await this.playPart(r, 'message', msg);
  }

  /** Plays one part in the emergency slot and waits for it to end (or the run to be cancelled). */
  private async playPart(
    r: Run,
    part: 'attention' | 'message' | 'attention+message',
    source: SourceSpec,
  ): Promise<void> {
    if (r.cancelled) throw new Cancelled();
    r.phase = part === 'message' ? 'message' : 'attention';
    const reqId = `${r.id}:${part}:${r.repetition}`;
    const m = r.req;
    const what = nameOf(m);
    const titles = {
      attention: 'attention signal',
      message: `${what.message} (${m.origin})`,
      'attention+message': `attention signal + ${what.message} (${m.origin})`,
    };
    const said: Record<typeof part, Text> = {
      attention: { key: 'ev.title.attention' },
      message: {
        key: 'ev.title.message',
        vars: { what: { key: titleKey(m) }, origin: { key: `ev.origin.${m.origin}` } },
      },
      'attention+message': {
        key: 'ev.title.attention+message',
        vars: { what: { key: titleKey(m) }, origin: { key: `ev.origin.${m.origin}` } },
      },
    };
    this.d.items.expect(reqId, {
      kind: m.live ? 'live' : m.speech || m.recording ? 'bulletin' : 'emergency',
      title: titles[part],
      titleText: said[part],
      tier: m.tier ?? 'emergency',
      origin: m.origin,
      zones: m.zones,
      ...(m.speech ? { speech: m.speech } : {}),
      ...(m.recording ? { recording: m.recording } : {}),
      ...(m.commandId ? { commandId: m.commandId } : {}),
    });
    let unsubscribe: () => void = () => undefined;
    const ended = new Promise<string>((resolve, reject) => {
      unsubscribe = this.d.port.onEnded((slot, id, why) => {
        if (slot === 'emergency' && id === reqId) resolve(why);
      });
      r.cancel = () => reject(new Cancelled());
    });
    ended.catch(() => undefined); // a cancel after play() failed must not be an unhandled rejection
    try {
      await this.d.port.play('emergency', { id: reqId, source });
      const why = await ended;
      this.d.items.close(reqId, why);
      if (why === 'failed' && part === 'message')
        throw new LoaError('UNAVAILABLE', `message ${describe(source)} could not be played`);
    } catch (e) {
      this.d.items.close(reqId, e instanceof Cancelled ? 'stopped' : 'failed');
      throw e;
    } finally {
      unsubscribe();
    }
  }

  private cancellable<T>(r: Run, p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      r.cancel = () => reject(new Cancelled());
      p.then(resolve, reject);
    });
  }

  private sleep(r: Run, ms: number): Promise<void> {
    let timer: Timer | undefined;
    return new Promise<void>((resolve, reject) => {
      timer = this.d.clock.setTimeout(resolve, ms);
      r.cancel = () => {
        timer?.cancel();
        reject(new Cancelled());
      };
    });
  }
}

/** An emergency keeps its names (events, play log); a text bulletin at a lower tier is a bulletin. */
/** The title's words, by what `nameOf` calls it. */
function titleKey(req: EmergencyRequest): string {
  if (req.live) return req.live.via === 'mic' ? 'ev.title.live.mic' : 'ev.title.live.district';
  if (req.recording && !req.speech) return `ev.title.recorded.${req.tier ?? 'emergency'}`;
  return req.speech ? `ev.title.text.${req.tier ?? 'emergency'}` : 'ev.title.emergency';
}

function nameOf(req: EmergencyRequest): {
  kind: 'emergency' | 'bulletin' | 'live';
  title: string;
  message: string;
} {
  const tier = req.tier ?? 'emergency';
  if (req.live) {
    const from =
      req.live.via === 'mic' ? "station's microphone" : `district${req.live.by ? ` (${req.live.by})` : ''}`;
    return { kind: 'live', title: `${tier} live voice from the ${from}`, message: `${tier} live voice` };
  }
  if (req.recording && !req.speech && tier !== 'emergency')
    return { kind: 'bulletin', title: `${tier} recorded bulletin`, message: `${tier} recorded bulletin` };
  if (!req.speech) return { kind: 'emergency', title: 'emergency bulletin', message: 'emergency message' };
  return {
    kind: tier === 'emergency' ? 'emergency' : 'bulletin',
    title: `${tier} text bulletin`,
    message: `${tier} text bulletin`,
  };
}

/** `emergency-…` for an emergency; `bulletin-normal-…` / `bulletin-priority-…` for a lower tier. */
export function idPrefix(req: Pick<EmergencyRequest, 'tier'>): string {
  const tier = req.tier ?? 'emergency';
  return tier === 'emergency' ? 'emergency' : `bulletin-${tier}`;
}

function describe(s: SourceSpec): string {
  if (s.kind === 'live') return `live:${s.input}`;
  return s.kind === 'file' ? s.path : s.kind === 'stream' ? s.url : s.kind;
}
