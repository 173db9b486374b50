/**
 * An in-memory OnAirPort on the injected Clock (a fake audio driver for schedule and emergency
 * unit tests; the integration tests use the real engine). The highest occupied slot is on air;
 * a request's first audio "reaches the output" `decoderMs` after it is on air; files end after
 * their length (minus the offset) as given in `lengths`, tones after their duration; streams
 * run until stopped.
 */
import type { EndReason, OnAirInfo, OnAirPort, PlayRequest, Slot, SourceSpec } from '../../src/audio/port.js';
import type { Clock, Timer } from '../../src/core/clock.js';

const ORDER: Slot[] = ['emergency', 'programme', 'fallback'];

interface Active {
  req: PlayRequest;
  heard: boolean;
  ready: boolean;
  using: 'source' | 'fallback';
  end?: Timer;
}

export interface PlayCall {
  slot: Slot;
  req: PlayRequest;
  at: number;
}

export class FakeOnAir implements OnAirPort {
  readonly calls: PlayCall[] = [];
  readonly firstAudio: Array<{ slot: Slot; id: string; at: number }> = [];
  readonly ended: Array<{ slot: Slot; id: string; reason: EndReason }> = [];
  private readonly slots = new Map<Slot, Active>();
  private readonly endedCbs = new Set<(slot: Slot, id: string, reason: EndReason) => void>();
  private readonly firstCbs = new Set<(slot: Slot, id: string, atMs: number) => void>();
  decoderMs = 50;
  /** Fails every play of a source whose path or url matches. */
  failing: RegExp | undefined;

  constructor(
    private readonly clock: Clock,
    readonly lengths: Record<string, number> = {},
  ) {}

  async play(slot: Slot, req: PlayRequest): Promise<void> {
    const src = describe(req.source);
    if (this.failing?.test(src)) throw new Error(`cannot open ${src}`);
    this.calls.push({ slot, req, at: this.clock.now() });
    this.release(slot, 'stopped');
    const a: Active = { req, heard: false, ready: false, using: 'source' };
    this.slots.set(slot, a);
    this.clock.setTimeout(() => {
      a.ready = true;
      this.update();
    }, this.decoderMs);
    const len = lengthOf(req.source, this.lengths);
    if (len !== undefined)
      a.end = this.clock.setTimeout(() => this.finish(slot, a, 'finished'), this.decoderMs + len);
  }

  async stop(slot: Slot, id?: string): Promise<void> {
    const a = this.slots.get(slot);
    if (a && (id === undefined || a.req.id === id)) this.release(slot, 'stopped');
  }

  onAir(): OnAirInfo {
    for (const slot of ORDER) {
      const a = this.slots.get(slot);
      if (a?.ready) return { slot, id: a.req.id, using: a.using, sourceKind: a.req.source.kind };
    }
    return { slot: 'silence' };
  }

  onEnded(cb: (slot: Slot, id: string, reason: EndReason) => void): () => void {
    this.endedCbs.add(cb);
    return () => this.endedCbs.delete(cb);
  }

  onFirstAudio(cb: (slot: Slot, id: string, atMs: number) => void): () => void {
    this.firstCbs.add(cb);
    return () => this.firstCbs.delete(cb);
  }

  /** The request in a slot (for assertions). */
  holding(slot: Slot): PlayRequest | undefined {
    return this.slots.get(slot)?.req;
  }

  /** Makes the request in a slot fail for good (the engine gave up). */
  fail(slot: Slot): void {
    const a = this.slots.get(slot);
    if (a) this.finish(slot, a, 'failed');
  }

  /** Switches the request in a slot to its fallback (the live link went down). */
  useFallback(slot: Slot, on = true): void {
    const a = this.slots.get(slot);
    if (a) a.using = on ? 'fallback' : 'source';
  }

  private release(slot: Slot, reason: EndReason): void {
    const a = this.slots.get(slot);
    if (a) this.finish(slot, a, reason);
  }

  private finish(slot: Slot, a: Active, reason: EndReason): void {
    if (this.slots.get(slot) !== a) return;
    a.end?.cancel();
    this.slots.delete(slot);
    this.ended.push({ slot, id: a.req.id, reason });
    for (const cb of this.endedCbs) cb(slot, a.req.id, reason);
    this.update();
  }

  private update(): void {
    const top = ORDER.map((s) => [s, this.slots.get(s)] as const).find(([, a]) => a !== undefined);
    if (!top) return;
    const [slot, a] = top;
    if (!a?.ready || a.heard) return;
    a.heard = true;
    const at = this.clock.now();
    this.firstAudio.push({ slot, id: a.req.id, at });
    for (const cb of this.firstCbs) cb(slot, a.req.id, at);
  }
}

function describe(s: SourceSpec): string {
  if (s.kind === 'file') return s.path;
  if (s.kind === 'stream') return s.url;
  if (s.kind === 'playlist') return s.paths.join(',');
  return s.kind;
}

function lengthOf(s: SourceSpec, lengths: Record<string, number>): number | undefined {
  if (s.kind === 'file') {
    const len = lengths[s.path];
    return len === undefined ? undefined : Math.max(0, len - (s.offsetMs ?? 0));
  }
  if (s.kind === 'tone' || s.kind === 'silence') return s.durationMs;
  if (s.kind === 'playlist' && !s.loop && s.paths.every((p) => lengths[p] !== undefined))
    return s.paths.reduce((sum, p) => sum + (lengths[p] as number), 0);
  return undefined;
}
