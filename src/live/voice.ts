/**
 * Live voice at the station: the microphone (stationctl live start, push-to-talk) or the
 * district's feed plays through the schedule's announcement runner — power chain up on its
 * zones, the attention chime, then the voice, at priority (over programmes, below emergencies)
 * or emergency tier. The session ends when it is stopped or released, when the noise gate
 * closes an open microphone nobody speaks into, or when the district's feed ends or stalls;
 * the runner then releases the chain and the programme is heard again.
 */
import type { LiveEndCause, LiveInput, LiveInputSpec, LiveInputs } from '../audio/live-inputs.js';
import type { Clock, Timer } from '../core/clock.js';
import { keyed, LoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import type { Announcer } from '../schedule/announcer.js';
import type { BulletinTier, EmergencyOrigin } from '../schedule/emergency.js';

export type LiveTier = 'priority' | 'emergency';

export interface LiveStart {
  via: 'mic' | 'district';
  tier: LiveTier;
  zones: number[];
  origin: EmergencyOrigin;
  /** The operator (district) or the station's caller. */
  by?: string;
  /** The district's live session id. */
  session?: string;
}

export interface LiveStatus {
  active: boolean;
  via?: 'mic' | 'district';
  tier?: LiveTier;
  zones?: number[];
  by?: string;
  session?: string;
  /** The announcement runner's phase: powering, attention (chime), message (the voice). */
  phase?: string;
  startedAt?: number;
  levels?: { peakDbfs: number; rmsDbfs: number };
  bytesIn?: number;
  last?: { via: string; ended: number; cause: string; detail?: string; seconds: number };
}

export interface LiveVoiceDeps {
  clock: Clock;
  events: EventSink;
  announcer: Announcer;
  inputs: LiveInputs;
}

interface Current {
  id: string;
  req: LiveStart;
  input: LiveInput;
  announcementId: string | undefined;
  startedAt: number;
  t0: number;
  stopping: boolean;
}

const TIERS: readonly BulletinTier[] = ['normal', 'priority', 'emergency'];
/** How often the session looks whether its announcement is still on (ended, replaced). */
const POLL_MS = 200;

export class LiveVoice {
  private cur: Current | undefined;
  private last: LiveStatus['last'];
  private seq = 0;
  private poll: Timer | undefined;

  constructor(private readonly d: LiveVoiceDeps) {}

  get active(): boolean {
    return this.cur !== undefined;
  }

  /** Starts a session on this input (the runner replaces what it plays of an equal or lower tier). */
  start(req: LiveStart, spec: LiveInputSpec): LiveStatus {
    this.mayInterrupt(req.tier);
    if (this.cur) this.end(this.cur, 'stopped', 'replaced by a new live session');
    const id = `live-${this.d.clock.now()}-${++this.seq}`;
    const input = this.d.inputs.open(id, spec);
    const cur: Current = {
      id,
      req,
      input,
      announcementId: undefined,
      startedAt: this.d.clock.now(),
      t0: this.d.clock.monotonic(),
      stopping: false,
    };
    this.cur = cur;
    const st = this.d.announcer.start({
      message: { kind: 'live', input: id },
      zones: req.zones,
      repeat: 1,
      everyS: 0,
      origin: req.origin,
      tier: req.tier,
      // the district's session id goes into the live.start event: the console follows its
      // stations' power-up and chime by it ("speak now", docs/live.md)
      live: {
        via: req.via,
        ...(req.by ? { by: req.by } : {}),
        ...(req.session ? { session: req.session } : {}),
      },
    });
    cur.announcementId = st.id;
    this.poll ??= this.d.clock.setInterval(() => this.check(), POLL_MS);
    return this.status();
  }

  /** The open session's input (the district feed writes into it). */
  input(session: string): LiveInput | undefined {
    const c = this.cur;
    return c && c.req.session === session ? c.input : undefined;
  }

  async stop(why = 'stopped'): Promise<LiveStatus> {
    const c = this.cur;
    if (!c) throw keyed('REFUSED', 'no live session is on air', 'r.live.none');
    c.stopping = true;
    c.input.close('stopped', why);
    const a = this.d.announcer.status();
    if (a.active && a.id === c.announcementId) await this.d.announcer.stop().catch(() => undefined);
    this.check();
    return this.status();
  }

  close(): void {
    this.poll?.cancel();
    this.poll = undefined;
    if (this.cur) this.end(this.cur, 'stopped', 'station stopping');
  }

  status(): LiveStatus {
    const c = this.cur;
    if (!c) return { active: false, ...(this.last ? { last: this.last } : {}) };
    const a = this.d.announcer.status();
    const { via, tier, zones, by, session } = c.req;
    return {
      active: true,
      via,
      tier,
      zones,
      ...(by ? { by } : {}),
      ...(session ? { session } : {}),
      phase: a.active && a.id === c.announcementId ? (a.phase ?? 'powering') : 'ending',
      startedAt: c.startedAt,
      ...(c.input.levels ? { levels: c.input.levels() } : {}),
      bytesIn: c.input.bytesIn,
      ...(this.last ? { last: this.last } : {}),
    };
  }

  /** The session is over once its announcement is (ended by its input, stopped or replaced). */
  private check(): void {
    const c = this.cur;
    if (!c) {
      this.poll?.cancel();
      this.poll = undefined;
      return;
    }
    const a = this.d.announcer.status();
    if (a.active && a.id === c.announcementId) return;
    const cause: LiveEndCause = c.input.cause ?? (c.stopping ? 'stopped' : 'ended');
    this.end(c, cause, c.input.detail ?? (a.last?.id === c.announcementId ? a.last?.reason : 'replaced'));
  }

  private end(c: Current, cause: LiveEndCause, detail: string | undefined): void {
    if (this.cur !== c) return;
    this.cur = undefined;
    c.input.close(cause, detail);
    this.d.inputs.remove(c.id);
    const seconds = Math.round((this.d.clock.monotonic() - c.t0) / 100) / 10;
    this.last = { via: c.req.via, ended: this.d.clock.now(), cause, ...(detail ? { detail } : {}), seconds };
    this.d.events.emit({
      kind: 'live.session',
      severity: cause === 'failed' || cause === 'stalled' ? 'warning' : 'info',
      sub: 'live',
      message: `live voice (${c.req.via}${c.req.by ? `, ${c.req.by}` : ''}) ended after ${seconds} s: ${cause}${detail ? ` (${detail})` : ''}`,
      text: {
        key: c.req.by ? 'ev.live.session.by' : 'ev.live.session',
        vars: {
          via: { key: `ev.live.via.${c.req.via}` },
          by: c.req.by ?? '',
          seconds,
          cause: { key: `ev.live.cause.${cause}` },
        },
      },
      details: { id: c.id, ...c.req, cause, detail: detail ?? null, seconds, bytesIn: c.input.bytesIn },
    });
  }

  private mayInterrupt(tier: LiveTier): void {
    const a = this.d.announcer.status();
    const ours = this.cur && a.id === this.cur.announcementId;
    const onAir = a.active && !ours ? (a.tier ?? 'emergency') : this.d.announcer.scheduledTier();
    if (onAir && TIERS.indexOf(onAir) > TIERS.indexOf(tier))
      throw new LoaError(
        'REFUSED',
        `an ${onAir} bulletin is on air; a ${tier} live voice does not interrupt it (order: emergency > priority > normal)`,
        { onAir, tier },
        {
          key: 'r.live.interrupt',
          vars: { onAir: { key: `ev.live.tier.${onAir}` }, tier: { key: `ev.live.tier.${tier}` } },
        },
      );
  }
}
