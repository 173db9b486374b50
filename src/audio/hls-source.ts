/**
 * An HLS relay (RFC 8216), the way provincial and national radio publish their live streams:
 * the playlist is reloaded as the RFC says (every segment duration while it grows, half the
 * target duration while it does not) and each new segment is fetched in order, by its media
 * sequence number, into one ffmpeg decoder's stdin (AAC or MP3, raw or in MPEG-TS). So we see
 * every segment arrive, and:
 * - bursty delivery is not a failure: a stall is no segment bytes for the target duration
 *   plus 1 s *and* less than that much audio left in the buffer (so a segment that is late or
 *   lost while seconds are buffered changes nothing); the pre-roll is two target durations plus
 *   2.5 s; the input rate is judged over eight target durations (a segment more or less in
 *   the window is not "slow");
 * - it starts at the live edge, with the last segments that fill the pre-roll;
 * - a playlist that stops advancing (a frozen encoder) is a stall, seen while the buffer still
 *   holds seconds to crossfade from; a playlist reload error is retried without losing our
 *   place (no segment played twice); a segment that fails (404) is skipped and said;
 * - a discontinuity (the broadcaster's encoder restarted) gets a fresh decoder, its PCM
 *   queued behind the old decoder's last;
 * - #EXT-X-ENDLIST is a clean close: the buffer plays out, the playlist is still watched.
 */

import type { Timer } from '../core/clock.js';
import { LoaError } from '../core/errors.js';
import { Decoder } from './decoder.js';
import { type HlsSegment, liveEdgeStart, type MediaPlaylist, parsePlaylist } from './hls-playlist.js';
import { BYTES_PER_MS } from './pcm.js';
import { BufferedSource, type FailureCause, type SourceFailure } from './source.js';
import { causeOf, failureOf, type StreamDeps } from './stream-source.js';

/** At most 100 ms of leading silence is dropped after a discontinuity (48 kHz, 2 × s16). */
const PRIMING_BYTES = 100 * BYTES_PER_MS;
const FORMATS: Record<string, string> = { aac: 'aac', mp3: 'mp3', ts: 'mpegts' };
const formatOf = (uri: string) => FORMATS[/\.([a-z0-9]+)(\?|$)/i.exec(uri)?.[1]?.toLowerCase() ?? ''];

export function isHls(url: string): boolean {
  return /^https?:\/\//.test(url) && /\.m3u8?(\?|$)/i.test(url);
}

export class HlsSource extends BufferedSource {
  private stopped = false;
  private readonly abort = new AbortController();
  private timer: Timer | undefined;
  private media: string | undefined;
  private next: number | undefined;
  private targetMs = 0;
  private decoder: Decoder | undefined;
  /** The decoder before a discontinuity, flushing; the new one's PCM waits behind it. */
  private flushing: Decoder | undefined;
  private pending: Buffer[] = [];
  /** Bytes of leading digital silence a new decoder may still drop (encoder priming). */
  private trim = 0;
  private lastAdvanceAt = 0;
  private ended = false;
  private backoff: number;
  private startedAt = 0;
  private failedAttempts = 0;
  private lastCause: FailureCause = 'other';
  private link = 'idle';
  private readonly stats = { segments: 0, missing: 0, reloadErrors: 0, discontinuities: 0 };

  constructor(
    key: string,
    readonly url: string,
    private readonly d: StreamDeps,
  ) {
    super(key, 'stream', true, d.clock, d.limits, { ...d.sizes });
    this.backoff = d.minBackoffMs ?? 500;
  }

  async start(): Promise<void> {
    this.startedAt = this.clock.monotonic();
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.abort.abort();
    await Promise.all([this.decoder?.kill(), this.flushing?.kill()]);
  }

  override detail(): Record<string, unknown> {
    return {
      url: this.url,
      transport: 'hls',
      link: this.link,
      targetMs: this.targetMs,
      next: this.next ?? null,
      ...this.stats,
    };
  }

  override failure(): SourceFailure | undefined {
    return failureOf(this, this.failedAttempts, this.lastCause, this.startedAt, this.stats.segments + 1);
  }

  private schedule(ms: number): void {
    if (!this.stopped) this.timer = this.clock.setTimeout(() => void this.cycle(), ms);
  }

  private async cycle(): Promise<void> {
    let wait: number;
    try {
      wait = await this.poll();
      this.backoff = this.d.minBackoffMs ?? 500;
    } catch (e) {
      wait = this.pollFailed(e as Error & { cause?: { code?: string } });
    }
    this.schedule(wait);
  }

  /** One reload: the playlist, then every new segment in order. Returns ms to the next reload. */
  private async poll(): Promise<number> {
    const p = await this.playlist();
    const now = this.clock.monotonic();
    if (this.next === undefined) this.begin(p, now);
    const first = p.segments[0]?.seq ?? p.mediaSequence;
    // away longer than the playlist's window: back to the live edge
    if ((this.next as number) < first) this.next = liveEdgeStart(p, this.sizes.prerollMs);
    const fresh = p.segments.filter((s) => s.seq >= (this.next as number));
    if (fresh.length) this.advanced(now);
    else if (now - this.lastAdvanceAt > this.targetMs * 1.5) {
      this.link = 'playlist frozen';
      this.health.lastError = `playlist not updated for ${Math.round((now - this.lastAdvanceAt) / 1000)} s (media sequence ${p.mediaSequence})`;
    }
    for (const s of fresh) {
      if (this.stopped) break;
      await this.segment(s);
      this.next = s.seq + 1;
    }
    if (p.ended && !this.ended) {
      this.ended = true;
      this.link = 'ended';
      this.decoder?.endInput();
      this.health.onClosed(true);
    }
    const last = p.segments.at(-1)?.durationMs ?? this.targetMs;
    return fresh.length ? Math.min(last, this.targetMs) : this.targetMs / 2;
  }

  private advanced(now: number): void {
    this.lastAdvanceAt = now;
    if (this.ended) {
      // the broadcaster came back after an ENDLIST: a new stream on the same playlist
      this.ended = false;
      this.health.onReconnect(now);
    }
  }

  /** The first media playlist: size everything from its target duration, start at the live edge. */
  private begin(p: MediaPlaylist, now: number): void {
    const t = p.targetMs;
    this.targetMs = t;
    // "a segment that does not arrive within the target duration plus margin" (issue 24), with
    // no more than that left to play: crossfaded out of ≥ 2 s of programme (2 s segments)
    const stallMs = t + 1000;
    this.sizes.prerollMs = Math.max(this.sizes.prerollMs, 2 * t + 2500);
    this.sizes.maxMs = Math.max(this.sizes.maxMs, this.sizes.prerollMs + 2 * t + 1000);
    this.buffer.setMax(Math.round(this.sizes.maxMs * BYTES_PER_MS));
    const rateWindowMs = Math.max(this.health.limits.rateWindowMs, 8 * t);
    this.health.retune({ stallMs, stallBelowMs: stallMs, rateWindowMs }, stallMs, now);
    this.next = liveEdgeStart(p, this.sizes.prerollMs + t / 2);
    this.lastAdvanceAt = now;
  }

  private async playlist(): Promise<MediaPlaylist> {
    const url = this.media ?? this.url;
    const p = parsePlaylist(await this.text(url), url);
    if (p.kind === 'media') {
      this.media = url;
      return p;
    }
    // the lowest bandwidth variant: what a 4G link carries best
    const v = [...p.variants].sort((a, b) => a.bandwidth - b.bandwidth)[0];
    this.media = v?.uri;
    const m = parsePlaylist(await this.text(this.media as string), this.media as string);
    if (m.kind !== 'media')
      throw new LoaError('INVALID_ARGUMENT', `${this.media}: a master playlist inside a master playlist`);
    return m;
  }

  private async text(url: string): Promise<string> {
    const res = await fetch(url, { signal: this.signal(Math.max(2000, this.targetMs || 10_000)) });
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status}`);
    }
    return res.text();
  }

  private signal(ms: number): AbortSignal {
    return AbortSignal.any([this.abort.signal, AbortSignal.timeout(ms)]);
  }

  private pollFailed(e: Error & { cause?: { code?: string } }): number {
    if (this.stopped) return 0;
    const why = `playlist: ${e.cause?.code ?? e.message}`;
    this.health.lastError = why;
    this.stats.reloadErrors++;
    this.failedAttempts++;
    this.lastCause =
      e instanceof LoaError
        ? 'not-audio'
        : e.name === 'TimeoutError'
          ? 'timeout'
          : causeOf(e.message, e.cause?.code);
    // running: try again soon, our place in the playlist is kept (no segment played twice)
    if (this.next !== undefined) return Math.min(500, this.targetMs / 2);
    // not started yet: back off as a stream reconnects (0.5 → 5 s)
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.d.maxBackoffMs ?? 5000);
    return wait;
  }

  /** Fetches one segment into the decoder, chunk by chunk as it arrives (a slow link shows). */
  private async segment(s: HlsSegment): Promise<void> {
    if (s.discontinuity && this.decoder) this.rotate();
    const dec = this.decoder ?? this.newDecoder(formatOf(s.uri));
    try {
      const res = await fetch(s.uri, { signal: this.signal(3 * this.targetMs + 2000) });
      if (res.status !== 200 || !res.body) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      }
      for await (const chunk of res.body) {
        this.health.onInput(this.clock.monotonic(), chunk.length);
        dec.write(Buffer.from(chunk));
      }
      this.stats.segments++;
      this.link = 'playing';
    } catch (e) {
      if (this.stopped) return;
      this.stats.missing++;
      this.health.lastError = `segment ${s.seq} skipped: ${(e as Error).message}`;
    }
  }

  /** A discontinuity: the old decoder finishes what it has, a fresh one takes the new stream. */
  private rotate(): void {
    this.stats.discontinuities++;
    void this.flushing?.kill();
    this.flushing = this.decoder;
    this.decoder = undefined;
    this.flushing?.endInput();
    this.trim = PRIMING_BYTES;
  }

  private newDecoder(format: string | undefined): Decoder {
    const dec: Decoder = new Decoder(this.d.children, { kind: 'pipe', format }, true, {
      pcm: (raw) => {
        const chunk = dec === this.decoder && this.trim > 0 ? this.trimmed(raw) : raw;
        if (!chunk.length) return;
        if (dec === this.flushing || (dec === this.decoder && !this.flushing)) this.feed(chunk);
        else if (dec === this.decoder) this.pending.push(chunk);
      },
      error: (line) => this.health.onDecodeError(this.clock.monotonic(), line),
      exit: (code, err) => this.exited(dec, code, err),
    });
    this.decoder = dec;
    return dec;
  }

  /**
   * A restarted encoder's stream begins with its priming: ≈ 2048 samples of digital silence
   * (AAC, measured with ffmpeg's encoder: one silent 20 ms window at the splice). Dropped, up
   * to 100 ms, so the restart is not heard as a gap.
   */
  private trimmed(chunk: Buffer): Buffer {
    const max = Math.min(chunk.length, this.trim) & ~3;
    let i = 0;
    while (i < max && Math.abs(chunk.readInt16LE(i)) < 64 && Math.abs(chunk.readInt16LE(i + 2)) < 64) i += 4;
    // still silent to the end of this chunk with budget left: go on with the next one
    this.trim = i === max && max === chunk.length ? this.trim - i : 0;
    return chunk.subarray(i);
  }

  private exited(dec: Decoder, code: number | null, err: string | undefined): void {
    if (dec === this.flushing) {
      this.flushing = undefined;
      for (const b of this.pending.splice(0)) this.feed(b);
      return;
    }
    if (dec !== this.decoder || this.stopped) return;
    // the decoder died mid-stream: the next segment starts a new one
    this.decoder = undefined;
    if (!this.ended) this.health.lastError = `decoder exited ${code}${err ? `: ${err}` : ''}`;
  }
}
