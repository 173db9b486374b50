/**
 * CAP by polling a feed: each configured URL (an ATOM/RSS index of CAP documents, or one CAP
 * document) is fetched every `intervalS`, conditionally (If-None-Match / If-Modified-Since:
 * an unchanged feed costs a 304 and no parsing), each new linked document is fetched once and
 * taken in like a POSTed one (CapService: hostile input refused, duplicates by sender and
 * identifier ignored, Update and Cancel by their references). A failing feed is retried with
 * a doubling delay up to MAX_BACKOFF_MS; its going down and coming back, and every invalid
 * document it serves, are alarms in the hub's log and audit trail (`districtctl cap list`).
 */
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError, toLoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { readFeedBody } from './feed-index.js';
import { MAX_CAP_BYTES } from './parse.js';
import type { CapService } from './service.js';

export interface FeedConfig {
  url: string;
  intervalS: number;
}

/** A province's feed that is down is asked at most every 10 minutes (and at least every interval). */
export const MAX_BACKOFF_MS = 600_000;
const FETCH_TIMEOUT_MS = 15_000;
/** Document URLs remembered per feed (fetched once each); the oldest are forgotten first. */
const MAX_SEEN = 2000;
/** A document the index lists but that cannot be fetched: tried on this many polls, then an alarm. */
const MAX_DOC_TRIES = 5;

export interface FeedState {
  url: string;
  ok: boolean | null;
  lastPoll: number | null;
  lastChange: number | null;
  failures: number;
  error?: string;
  nextPollInMs: number;
}

interface Fetched {
  status: number;
  etag: string | null;
  lastModified: string | null;
  body: Buffer;
}

export class CapFeed {
  private timer: Timer | undefined;
  private etag: string | null = null;
  private lastModified: string | null = null;
  private readonly seen = new Set<string>();
  private readonly tries = new Map<string, number>();
  private st: FeedState;
  private stopped = false;

  constructor(
    private readonly cfg: FeedConfig,
    private readonly service: CapService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.st = { url: cfg.url, ok: null, lastPoll: null, lastChange: null, failures: 0, nextPollInMs: 0 };
  }

  get state(): FeedState {
    return { ...this.st };
  }

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** One poll: fetch (conditionally), take in what is new, and plan the next poll. */
  async poll(): Promise<void> {
    this.st.lastPoll = this.clock.now();
    try {
      const r = await this.fetch(this.cfg.url, true);
      if (r.status !== 304) {
        await this.take(r.body.toString('utf8'));
        // only once all of it is taken in: a document the hub could not store is asked for again
        this.etag = r.etag;
        this.lastModified = r.lastModified;
      }
      this.healthy();
    } catch (e) {
      const err = toLoaError(e);
      if (err.code === 'STORAGE_FULL')
        this.log.error('CAP from feed not stored: asked again next poll', {
          feed: this.cfg.url,
          error: err.message,
        });
      else this.failed(err);
    }
    this.schedule(this.delay());
  }

  private async take(xml: string): Promise<void> {
    const body = readFeedBody(xml, this.cfg.url);
    if (body.kind === 'cap') return this.ingest(this.cfg.url, xml);
    for (const link of body.links) {
      if (this.seen.has(link)) continue;
      const doc = await this.fetch(link, false).catch((e) => this.linkFailed(link, toLoaError(e)));
      if (!doc) continue; // tried again next poll; the other entries are not held back
      await this.ingest(link, doc.body.toString('utf8'));
      this.remember(link);
    }
  }

  /** A linked document that cannot be fetched is retried each poll, MAX_DOC_TRIES times. */
  private linkFailed(link: string, err: LoaError): undefined {
    const n = (this.tries.get(link) ?? 0) + 1;
    this.tries.set(link, n);
    this.log.warn('CAP document not fetched', {
      feed: this.cfg.url,
      url: link,
      tries: n,
      error: err.message,
    });
    if (n < MAX_DOC_TRIES) return undefined;
    this.tries.delete(link);
    this.remember(link);
    const reason = `${link} not fetched after ${n} polls: ${err.message}`;
    this.service.auditFeed('cap.feed-invalid', { feed: this.cfg.url, url: link, reason }, err);
    return undefined;
  }

  private async ingest(url: string, xml: string): Promise<void> {
    try {
      const out = await this.service.ingest(xml, `feed ${this.cfg.url}`);
      this.log.info('CAP from feed', { url, outcome: out.outcome, identifier: out.identifier });
    } catch (e) {
      const err = toLoaError(e);
      if (err.code === 'STORAGE_FULL') throw err; // not the feed's fault: taken in on a later poll
      // refused (audited as cap.refused by the service): the feed is serving invalid CAP
      this.log.error('CAP feed served an invalid document', { feed: this.cfg.url, url, error: err.message });
      this.service.auditFeed('cap.feed-invalid', { feed: this.cfg.url, url, reason: err.message }, err);
    }
  }

  private remember(link: string): void {
    this.tries.delete(link);
    this.seen.add(link);
    if (this.seen.size > MAX_SEEN) this.seen.delete(this.seen.values().next().value as string);
  }

  private healthy(): void {
    if (this.st.ok === false) {
      this.log.info('CAP feed reachable again', { feed: this.cfg.url, after: this.st.failures });
      this.service.auditFeed('cap.feed-recovered', {
        feed: this.cfg.url,
        reason: `after ${this.st.failures} failed polls`,
      });
    }
    if (this.st.ok !== true) this.st.lastChange = this.clock.now();
    this.st = { ...this.st, ok: true, failures: 0 };
    delete this.st.error;
  }

  private failed(err: LoaError): void {
    const first = this.st.ok !== false;
    this.st = { ...this.st, ok: false, failures: this.st.failures + 1, error: err.message };
    if (!first) return;
    this.st.lastChange = this.clock.now();
    this.log.error('CAP feed unreachable', { feed: this.cfg.url, error: err.message });
    this.service.auditFeed('cap.feed-unreachable', { feed: this.cfg.url, reason: err.message }, err);
  }

  /** The interval; after failures, doubled per failure up to MAX_BACKOFF_MS. */
  private delay(): number {
    const base = this.cfg.intervalS * 1000;
    if (!this.st.failures) return base;
    return Math.max(base, Math.min(MAX_BACKOFF_MS, base * 2 ** Math.min(this.st.failures, 20)));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.st.nextPollInMs = ms;
    this.timer = this.clock.setTimeout(() => void this.poll(), ms);
  }

  private async fetch(url: string, conditional: boolean): Promise<Fetched> {
    const headers: Record<string, string> = {
      accept: 'application/cap+xml, application/atom+xml, application/rss+xml, application/xml;q=0.9',
    };
    if (conditional && this.etag) headers['if-none-match'] = this.etag;
    if (conditional && this.lastModified) headers['if-modified-since'] = this.lastModified;
    const res = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      redirect: 'follow',
    }).catch((e: Error) => {
      const cause = (e.cause as { code?: string } | undefined)?.code;
      throw new LoaError('UNAVAILABLE', `${url}: ${cause ?? e.message}`);
    });
    if (res.status === 304) return { status: 304, etag: null, lastModified: null, body: Buffer.alloc(0) };
    if (!res.ok) {
      await res.body?.cancel();
      throw new LoaError('UNAVAILABLE', `${url}: HTTP ${res.status} ${res.statusText}`);
    }
    return {
      status: res.status,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      body: await bounded(res, url),
    };
  }
}

/** The body, refused past MAX_CAP_BYTES without holding more than that. */
async function bounded(res: Response, url: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (let i = 0; reader && i < 100_000; i++) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_CAP_BYTES) {
      await reader.cancel();
      throw new LoaError('INVALID_ARGUMENT', `${url}: larger than ${MAX_CAP_BYTES} bytes (1 MiB); not read`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
