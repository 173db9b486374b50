/**
 * Live voice at the hub (docs/live.md): an operator speaks to chosen stations. The hub checks
 * the caller (operators only, rate limited, audited — the same rules as DistrictService), sends
 * each chosen station the session's start, then every chunk of encoded audio as it comes, on
 * the station's existing session (no re-encoding: WebM/Opus from a browser's MediaRecorder or
 * from districtctl is relayed as it is), records the session to a file, and ends it on end(),
 * when the sender goes away, or when no audio arrives for `stallMs`. A station whose session
 * reconnects mid-speech gets the start and the stream's header again, then the live edge.
 *
 * The console's WebSocket plugs in here: `start(caller, {stations, tier})` then `push(chunk)`
 * for each MediaRecorder chunk and `end()` when the operator releases "speak".
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { LiveStart } from '../../gen/loa/district/v1/LiveStart.js';
import type { Caller } from '../../security/identity.js';
import type { RateLimiter } from '../../security/ratelimit.js';
import { requireRole } from '../../security/roles.js';
import { selectStations } from '../operator/commands.js';
import type { Sessions, StationSession } from '../sessions.js';
import type { HubStores } from '../stores.js';
import { sweepRecordings } from './recordings.js';

export type LiveTier = 'priority' | 'emergency';
export type LiveFormat = 'webm' | 'ogg';

export interface LiveStartOptions {
  stations: string[];
  tier: LiveTier;
  /** The container of the pushed chunks: 'webm' (MediaRecorder, districtctl) or 'ogg'. */
  format?: LiveFormat;
  /** Zones on each station; empty or absent: all. */
  zones?: number[];
}

export interface LiveSummary {
  sessionId: string;
  stationIds: string[];
  bytes: number;
  durationMs: number;
  recording: string;
  ended: string;
}

/** What the console (or the Speak RPC) holds while an operator speaks. */
export interface LiveHandle {
  readonly id: string;
  readonly stations: string[];
  /** One chunk of encoded audio, in order. */
  push(chunk: Buffer): void;
  /** The operator finished (or gave up): every station is told, the recording is closed. */
  end(reason?: string): Promise<LiveSummary>;
  /** Settles when the session is over, however it ended. */
  readonly done: Promise<LiveSummary>;
}

export interface LiveSessionsDeps {
  clock: Clock;
  log: Logger;
  sessions: Sessions;
  stores: Pick<HubStores, 'stations' | 'audit'>;
  limiter?: RateLimiter | undefined;
  /** Recordings go to `<dir>/<session>.webm|.ogg`. */
  dir: string;
  /** Recordings older than this are deleted (default 90 days; 0 keeps them forever). */
  keepDays?: number;
  /** No audio this long: the session ends (default 3 s; the stations drop it after 1 s). */
  stallMs?: number;
}

interface Run {
  id: string;
  caller: Caller;
  opts: Required<Omit<LiveStartOptions, 'zones'>> & { zones: number[] };
  file: WriteStream;
  recording: string;
  /** The first chunk: a WebM/Ogg header, sent again to a station that reconnects. */
  header: Buffer | undefined;
  /** The session object each station got the start on. */
  startedOn: Map<string, StationSession>;
  bytes: number;
  t0: number;
  lastPush: number;
  watch: Timer;
  summary?: LiveSummary;
  resolve: (s: LiveSummary) => void;
}

/** How often recordings past their retention are looked for. */
const SWEEP_MS = 3_600_000;

export class LiveSessions {
  private readonly runs = new Map<string, Run>();
  private readonly sweeper: Timer;

  constructor(private readonly d: LiveSessionsDeps) {
    mkdirSync(d.dir, { recursive: true });
    this.sweep();
    this.sweeper = d.clock.setInterval(() => this.sweep(), SWEEP_MS);
  }

  /** The sessions speaking now (for the console and the status). */
  active(): Array<{ id: string; by: string; stations: string[]; tier: LiveTier; startedMs: number }> {
    return [...this.runs.values()].map((r) => ({
      id: r.id,
      by: r.caller.who,
      stations: r.opts.stations,
      tier: r.opts.tier,
      startedMs: r.t0,
    }));
  }

  /** `checked`: the caller's role and rate limit were already checked (the Speak RPC's guard). */
  start(caller: Caller, o: LiveStartOptions, checked = false): LiveHandle {
    const opts = this.check(caller, o, checked);
    const id = `live-${this.d.clock.now()}-${randomBytes(3).toString('hex')}`;
    const recording = `${id}.${opts.format}`;
    const file = createWriteStream(join(this.d.dir, recording));
    file.on('error', (e) => this.d.log.warn('live recording failed', { session: id, error: e.message }));
    let resolve!: (s: LiveSummary) => void;
    const done = new Promise<LiveSummary>((r) => {
      resolve = r;
    });
    const now = this.d.clock.monotonic();
    const run: Run = {
      id,
      caller,
      opts,
      file,
      recording,
      header: undefined,
      startedOn: new Map(),
      bytes: 0,
      t0: this.d.clock.now(),
      lastPush: now,
      watch: this.d.clock.setInterval(() => this.checkStall(run), 250),
      resolve,
    };
    this.runs.set(id, run);
    this.audit(run, 'LiveStart');
    this.d.log.info('live session started', { session: id, by: caller.who, stations: opts.stations });
    for (const s of opts.stations) this.send(run, s, undefined);
    return {
      id,
      stations: opts.stations,
      push: (chunk) => this.push(run, chunk),
      end: (reason = 'ended') => this.finish(run, reason),
      done,
    };
  }

  /** Ends every session (hub shutdown). */
  async closeAll(): Promise<void> {
    this.sweeper.cancel();
    await Promise.all([...this.runs.values()].map((r) => this.finish(r, 'hub stopping')));
  }

  private check(caller: Caller, o: LiveStartOptions, checked: boolean): Run['opts'] {
    try {
      if (!checked) {
        requireRole(caller.role, 'operator', 'live voice', caller.who);
        this.d.limiter?.take(caller.who);
      }
      if (o.tier !== 'priority' && o.tier !== 'emergency')
        throw new LoaError('INVALID_ARGUMENT', `tier: priority or emergency (got "${o.tier}")`);
      const format = o.format ?? 'webm';
      if (format !== 'webm' && format !== 'ogg')
        throw new LoaError('INVALID_ARGUMENT', `format: webm or ogg (got "${format}")`);
      const zones = o.zones ?? [];
      if (!zones.every((z) => Number.isInteger(z) && z >= 1 && z <= 32))
        throw new LoaError('INVALID_ARGUMENT', `zones: zone numbers 1 to 32 (got ${zones.join(',')})`);
      const stations = selectStations(this.d.stores.stations, o.stations, false);
      refuseHeldElsewhere(this.d.sessions, stations);
      const offline = stations.filter((s) => !this.d.sessions.get(s)?.ready);
      if (offline.length === stations.length)
        throw new LoaError('UNAVAILABLE', `no chosen station is online (${offline.join(', ')})`);
      return { stations, tier: o.tier, format, zones };
    } catch (e) {
      const err = e instanceof LoaError ? e : new LoaError('INTERNAL', String(e));
      this.d.stores.audit.add(caller, 'LiveStart', { tier: o.tier }, (o.stations ?? []).slice(0, 100), err);
      throw e;
    }
  }

  private push(run: Run, chunk: Buffer): void {
    if (run.summary || chunk.length === 0) return;
    run.header ??= chunk;
    run.bytes += chunk.length;
    run.lastPush = this.d.clock.monotonic();
    run.file.write(chunk);
    for (const s of run.opts.stations) this.send(run, s, chunk);
  }

  /** To one station: the start (again, on a new session, with the header), then the chunk. */
  private send(run: Run, station: string, chunk: Buffer | undefined): void {
    const s = this.d.sessions.get(station);
    if (!s?.ready || !s.sendLive) return;
    if (run.startedOn.get(station) !== s) {
      run.startedOn.set(station, s);
      const start: LiveStart = {
        tier: run.opts.tier,
        issuedBy: run.caller.who,
        issuerRole: run.caller.role,
        zones: run.opts.zones,
        format: run.opts.format,
      };
      s.sendLive({ sessionId: run.id, start });
      if (run.header && chunk !== run.header) s.sendLive({ sessionId: run.id, data: run.header });
    }
    if (chunk) s.sendLive({ sessionId: run.id, data: chunk });
  }

  private checkStall(run: Run): void {
    const quiet = this.d.clock.monotonic() - run.lastPush;
    if (quiet >= (this.d.stallMs ?? 3000)) void this.finish(run, 'stalled');
  }

  private async finish(run: Run, reason: string): Promise<LiveSummary> {
    if (run.summary) return run.summary;
    run.watch.cancel();
    this.runs.delete(run.id);
    for (const [station, s] of run.startedOn)
      if (this.d.sessions.get(station) === s) s.sendLive?.({ sessionId: run.id, end: true });
    run.summary = {
      sessionId: run.id,
      stationIds: run.opts.stations,
      bytes: run.bytes,
      durationMs: this.d.clock.now() - run.t0,
      recording: run.recording,
      ended: reason,
    };
    await new Promise<void>((r) => run.file.end(() => r()));
    this.audit(run, 'LiveEnd', { ended: reason, bytes: run.bytes, durationMs: run.summary.durationMs });
    this.d.log.info('live session ended', { session: run.id, ended: reason, bytes: run.bytes });
    run.resolve(run.summary);
    return run.summary;
  }

  private audit(run: Run, action: string, extra: Record<string, unknown> = {}): void {
    const { tier, format, zones } = run.opts;
    this.d.stores.audit.add(
      run.caller,
      action,
      { session: run.id, tier, format, zones, recording: run.recording, ...extra },
      run.opts.stations,
    );
  }

  /** Deletes recordings past their retention. */
  sweep(): void {
    void sweepRecordings(this.d.dir, this.d.keepDays ?? 90, this.d.clock.now()).catch((e) =>
      this.d.log.warn('live recordings sweep failed', { error: (e as Error).message }),
    );
  }
}

/**
 * Live voice goes out only through the hub that holds a station's session (two hubs on one
 * PostgreSQL, issue 20): audio is not relayed between hubs (a second hop of jitter on a voice
 * a village hears at once, and the database is no audio path). The operator is told which hub.
 */
function refuseHeldElsewhere(sessions: Sessions, stations: string[]): void {
  const away = stations.flatMap((s) => {
    const hub = sessions.heldElsewhere(s);
    return hub ? [`${s} is connected to hub ${hub}`] : [];
  });
  if (away.length)
    throw new LoaError(
      'REFUSED',
      `live voice reaches a station only through the hub holding its session: ${away.join('; ')}. Speak from that hub's console, or leave these stations out`,
    );
}
