/**
 * The audio engine: implements OnAirPort for the rest of the station. Requests sit in slots
 * (emergency > programme > fallback); the switcher picks, frame by frame, the best healthy
 * source among them; the master gain (the power chain's fader) and the output meter follow;
 * the frame goes to the sink and the taps. Runs on the injected Clock, producing one frame
 * per 20 ms of monotonic time whatever the sources do, so a stalled source never stalls the
 * output.
 */
import type { Clock, Timer } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import type { Fader } from '../power/chain.js';
import { GainRamp } from './gain.js';
import { LevelMeter, type Levels } from './levels.js';
import type { OnAirWatch } from './onair-watch.js';
import { FRAME_BYTES, FRAME_MS, measure, msToFrames } from './pcm.js';
import type { EndReason, OnAirInfo, OnAirPort, PlayRequest, Slot, SourceSpec } from './port.js';
import { parsePlayRequest } from './request.js';
import type { FrameTap, OutputSink, SinkStatus } from './sink.js';
import type { BufferedSource, SourceStatus } from './source.js';
import { type Candidate, Switcher } from './switcher.js';

export const SLOTS: readonly Slot[] = ['emergency', 'programme', 'fallback'];

export interface SourceFactory {
  /** A source for the spec, not started yet. Throws LoaError on a spec it cannot play. */
  create(spec: SourceSpec, key: string): BufferedSource;
}

export interface EngineOptions {
  clock: Clock;
  factory: SourceFactory;
  sink: OutputSink;
  taps?: FrameTap[];
  watch: OnAirWatch;
  crossfadeMs: number;
  /** How often the engine wakes to make the frames that are due. */
  tickMs?: number;
}

interface ActiveRequest {
  slot: Slot;
  req: PlayRequest;
  sources: BufferedSource[];
  cands: Candidate[];
  gain: GainRamp;
  heard: boolean;
}

export interface EngineStatus {
  onAir: OnAirInfo;
  crossfading: boolean;
  masterGain: number;
  output: Levels;
  sink: SinkStatus;
  slots: Partial<Record<Slot, { id: string; volume: number; sources: SourceStatus[] }>>;
  framesOut: number;
  skippedFrames: number;
}

type EndedCb = (slot: Slot, id: string, reason: EndReason) => void;
type FirstAudioCb = (slot: Slot, id: string, atMs: number, readyMs?: number) => void;

export class AudioEngine implements OnAirPort, Fader {
  private readonly slots = new Map<Slot, ActiveRequest>();
  /** Requests replaced in their slot keep playing until the newcomer is heard. */
  private readonly leaving = new Map<Slot, ActiveRequest>();
  private readonly switcher: Switcher;
  readonly master = new GainRamp(1);
  private readonly outMeter = new LevelMeter();
  private readonly endedCbs = new Set<EndedCb>();
  private readonly firstCbs = new Set<FirstAudioCb>();
  private timer: Timer | undefined;
  private t0 = 0;
  private produced = 0;
  private skipped = 0;
  private framesOut = 0;
  private running = false;

  private readonly taps: FrameTap[];

  constructor(private readonly o: EngineOptions) {
    this.switcher = new Switcher({ crossfadeMs: o.crossfadeMs });
    this.taps = [...(o.taps ?? [])];
  }

  /** Adds a copy of the output for the on-air log or the confidence monitor; returns its removal. */
  addTap(t: FrameTap): () => void {
    this.taps.push(t);
    return () => {
      const i = this.taps.indexOf(t);
      if (i >= 0) this.taps.splice(i, 1);
    };
  }

  async start(): Promise<void> {
    await this.o.sink.open();
    this.t0 = this.o.clock.monotonic();
    this.produced = 0;
    this.running = true;
    // every 20 ms (one frame): timer jitter is absorbed by the sink's lead
    this.timer = this.o.clock.setInterval(() => this.tick(), this.o.tickMs ?? 20);
  }

  /** Stops every request and closes the sink (station shutdown). */
  async close(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    this.timer = undefined;
    const all = [...this.slots.values(), ...this.leaving.values()];
    this.slots.clear();
    this.leaving.clear();
    await Promise.all(all.map((r) => this.release(r)));
    this.master.settle();
    await this.o.sink.close();
  }

  // ---- OnAirPort ----

  async play(slot: Slot, raw: PlayRequest): Promise<void> {
    const req = parsePlayRequest(slot, raw);
    const specs: Array<[SourceSpec, 'source' | 'fallback']> = [[req.source, 'source']];
    if (req.fallback) specs.push([req.fallback, 'fallback']);
    const sources = specs.map(([spec, role]) => this.o.factory.create(spec, `${slot}:${req.id}:${role}`));
    try {
      await Promise.all(sources.map((s) => s.start()));
    } catch (e) {
      await Promise.all(sources.map((s) => s.stop().catch(() => undefined)));
      throw e;
    }
    const gain = new GainRamp(req.volume ?? 1);
    const cands = sources.map((source, i) => ({
      source,
      slot,
      id: req.id,
      role: i === 0 ? ('source' as const) : ('fallback' as const),
      gain,
      notBefore: req.startAt,
    }));
    const old = this.slots.get(slot);
    const older = this.leaving.get(slot);
    if (older) void this.finish(older, 'stopped');
    if (old) this.leaving.set(slot, old);
    this.slots.set(slot, { slot, req, sources, cands, gain, heard: false });
    this.o.watch.played(slot, req);
  }

  async stop(slot: Slot, id?: string): Promise<void> {
    const r = this.slots.get(slot);
    if (!r || (id !== undefined && r.req.id !== id)) return;
    const l = this.leaving.get(slot);
    if (l) await this.finish(l, 'stopped');
    await this.finish(r, 'stopped');
  }

  onAir(): OnAirInfo {
    const c = this.switcher.current;
    if (!c) return { slot: 'silence' };
    return { slot: c.slot, id: c.id, using: c.role, sourceKind: c.source.kind };
  }

  onEnded(cb: EndedCb): () => void {
    this.endedCbs.add(cb);
    return () => this.endedCbs.delete(cb);
  }

  onFirstAudio(cb: FirstAudioCb): () => void {
    this.firstCbs.add(cb);
    return () => this.firstCbs.delete(cb);
  }

  // ---- Fader (power chain) ----

  fadeOut(ms: number): Promise<void> {
    return this.fadeTo(0, ms);
  }

  fadeIn(ms: number): Promise<void> {
    return this.fadeTo(1, ms);
  }

  private fadeTo(target: number, ms: number): Promise<void> {
    const p = this.master.set(target, ms);
    // no frames move the ramp while stopped: get there at once
    if (!this.running) this.master.settle();
    return p;
  }

  /** Sets a request's volume (0..1) with a ramp. */
  setVolume(slot: Slot, volume: number, rampMs = 200): void {
    const r = this.slots.get(slot);
    if (!r) throw new LoaError('NOT_FOUND', `slot ${slot} is empty`);
    void r.gain.set(volume, rampMs);
  }

  status(): EngineStatus {
    const slots: EngineStatus['slots'] = {};
    for (const [slot, r] of this.slots)
      slots[slot] = { id: r.req.id, volume: r.gain.target, sources: r.sources.map((s) => s.status()) };
    return {
      onAir: this.onAir(),
      crossfading: this.switcher.fading,
      masterGain: Math.round(this.master.value * 1000) / 1000,
      output: this.outMeter.levels(),
      sink: this.o.sink.status(),
      slots,
      framesOut: this.framesOut,
      skippedFrames: this.skipped,
    };
  }

  /** Active request ids by slot (the media pins and the status use it). */
  requests(): Array<{ slot: Slot; req: PlayRequest }> {
    return [...this.slots.values()].map((r) => ({ slot: r.slot, req: r.req }));
  }

  // ---- the frame clock ----

  private tick(): void {
    if (!this.running) return;
    const now = this.o.clock.monotonic();
    const lead = msToFrames(this.o.sink.leadMs);
    const due = Math.floor((now - this.t0) / FRAME_MS) + lead - this.produced;
    const maxBacklog = Math.max(lead, 2) * FRAME_BYTES;
    let n = 0;
    while (n < due && n < 50 && this.o.sink.backlogBytes() < maxBacklog) {
      this.produceFrame(now);
      n++;
    }
    this.produced += n;
    // the sink is slower than our clock (or the loop was blocked): skip, never burst later
    const behind = due - n;
    if (behind > lead + 1) {
      this.produced += behind;
      this.skipped += behind;
    }
    this.reapFinished();
  }

  private candidates(): Candidate[] {
    const out: Candidate[] = [];
    for (const slot of SLOTS) {
      const r = this.slots.get(slot);
      if (r) out.push(...r.cands);
      const l = this.leaving.get(slot);
      if (l) out.push(...l.cands);
    }
    return out;
  }

  private produceFrame(now: number): void {
    // one list per frame for the switcher and the watch (nothing changes in between)
    const cands = this.candidates();
    const frame = this.switcher.next(cands, now, (e) => this.o.watch.switched(e));
    this.master.apply(frame);
    const level = measure(frame);
    this.outMeter.update(level);
    this.o.sink.write(frame);
    for (const t of this.taps) t.write(frame);
    this.framesOut++;
    const on = this.switcher.current;
    this.o.watch.frame(level, {
      anyRequest: this.slots.size > 0,
      onAir: on,
      masterUp: this.master.target > 0,
      sources: cands.map((c) => c.source),
    });
    if (on) this.heard(on, now);
  }

  private heard(c: Candidate, now: number): void {
    const r = this.slots.get(c.slot);
    if (!r || r.req.id !== c.id || r.heard) return;
    r.heard = true;
    const l = this.leaving.get(c.slot);
    if (l) void this.finish(l, 'stopped');
    const at = this.o.clock.now();
    for (const cb of this.firstCbs) cb(c.slot, c.id, at, c.readyAt ?? now);
  }

  private reapFinished(): void {
    for (const r of [...this.slots.values(), ...this.leaving.values()]) {
      const done = r.sources[0]?.done;
      if (done) void this.finish(r, done === 'ended' ? 'finished' : 'failed');
    }
  }

  private async finish(r: ActiveRequest, reason: EndReason): Promise<void> {
    if (this.slots.get(r.slot) === r) this.slots.delete(r.slot);
    else if (this.leaving.get(r.slot) === r) this.leaving.delete(r.slot);
    else return;
    this.o.watch.ended(r.slot, r.req.id, reason, r.sources[0]?.health.lastError);
    for (const cb of this.endedCbs) cb(r.slot, r.req.id, reason);
    await this.release(r);
  }

  private async release(r: ActiveRequest): Promise<void> {
    await Promise.all(r.sources.map((s) => s.stop().catch(() => undefined)));
  }
}
