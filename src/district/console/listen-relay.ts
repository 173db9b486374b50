/**
 * Listen-in at the hub (docs/console.md): one stream per station, fanned out to every console
 * page listening to it. The first listener asks the station (ListenControl on its session),
 * the hub renews that every second with the bytes it received (the station's send window),
 * the last one leaving stops it. A station that goes offline, stops by itself or sends nothing
 * for NO_AUDIO_MS ends its listeners with the reason, which the page shows.
 */
import { randomBytes } from 'node:crypto';
import type { Clock, Timer } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import type { ListenAudio__Output } from '../../gen/loa/district/v1/ListenAudio.js';
import type { Sessions, StationSession } from '../sessions.js';

/** One page listening: gets the stream's header, then whole clusters; told once why it ended. */
export interface Listener {
  /** Writes a chunk; false when this listener is too far behind (the chunk is skipped). */
  write(b: Buffer): void;
  /** Bytes written but not yet taken by the listener's connection. */
  backlog(): number;
  end(reason: string): void;
}

export interface ListenRelayOptions {
  sessions: Sessions;
  clock: Clock;
  log: Logger;
  /** How often the hub renews a station's listen (and acknowledges what it received). */
  renewMs?: number;
  /** The station stops by itself after this long without a renewal. */
  leaseMs?: number;
  bitrateKbps?: number;
}

interface Stream {
  station: string;
  id: string;
  session: StationSession;
  header: Buffer | undefined;
  listeners: Map<Listener, { fresh: boolean }>;
  received: number;
  lastAudio: number;
  dropped: number;
  timer: Timer;
}

/** Nothing from the station this long after the start or the last cluster: its listeners end. */
const NO_AUDIO_MS = 10_000;
/** A listener this far behind skips clusters until it catches up (~30 s of audio). */
const MAX_LISTENER_BACKLOG = 64 * 1024;

export class ListenRelay {
  private readonly streams = new Map<string, Stream>();
  private readonly onListen = (id: string, from: StationSession, m: ListenAudio__Output) =>
    this.audio(id, from, m);

  constructor(private readonly o: ListenRelayOptions) {
    o.sessions.on('listen', this.onListen);
  }

  /** Adds a listener to the station's stream (started now if it is the first); returns its removal. */
  join(station: string, l: Listener): () => void {
    let s = this.streams.get(station);
    // the station came back on a new session since: its old stream is over
    if (s && this.o.sessions.get(station) !== s.session) this.finish(s, 'station reconnected');
    s = this.streams.get(station) ?? this.start(station);
    s.listeners.set(l, { fresh: true });
    if (s.header) this.deliver(s, l, s.header);
    return () => this.leave(station, s, l);
  }

  /** Stations streamed now, with their listener counts (status, tests). */
  active(): Array<{ station: string; listeners: number; receivedBytes: number; dropped: number }> {
    return [...this.streams.values()].map((s) => ({
      station: s.station,
      listeners: s.listeners.size,
      receivedBytes: s.received,
      dropped: s.dropped,
    }));
  }

  close(): void {
    this.o.sessions.off('listen', this.onListen);
    for (const s of [...this.streams.values()]) this.finish(s, 'hub stopping');
  }

  private start(station: string): Stream {
    const session = this.o.sessions.get(station);
    // two hubs on one database: the station's session (and so its audio) is on the other hub
    const elsewhere = session?.ready ? undefined : this.o.sessions.heldElsewhere(station);
    if (elsewhere)
      throw new LoaError(
        'UNAVAILABLE',
        `station ${station} is connected to hub ${elsewhere}: listen on its console`,
      );
    if (!session?.ready || !session.sendListen)
      throw new LoaError('UNAVAILABLE', `station ${station} is offline`, { offline: true });
    const s: Stream = {
      station,
      id: `listen-${randomBytes(6).toString('hex')}`,
      session,
      header: undefined,
      listeners: new Map(),
      received: 0,
      lastAudio: this.o.clock.monotonic(),
      dropped: 0,
      timer: this.o.clock.setInterval(() => this.renew(s), this.o.renewMs ?? 1000),
    };
    this.streams.set(station, s);
    session.sendListen({ listenId: s.id, ...this.lease() });
    this.o.log.info('listen-in started', { station, listen: s.id });
    return s;
  }

  private lease() {
    return { leaseMs: this.o.leaseMs ?? 5000, bitrateKbps: this.o.bitrateKbps ?? 16 };
  }

  private renew(s: Stream): void {
    if (this.o.sessions.get(s.station) !== s.session || !s.session.ready) this.finish(s, 'station offline');
    else if (this.o.clock.monotonic() - s.lastAudio > NO_AUDIO_MS)
      this.finish(s, `no audio from the station for ${NO_AUDIO_MS / 1000} s`);
    else s.session.sendListen?.({ listenId: s.id, receivedBytes: s.received, ...this.lease() });
  }

  private audio(station: string, from: StationSession, m: ListenAudio__Output): void {
    const s = this.streams.get(station);
    if (!s || s.id !== m.listenId || s.session !== from) return;
    s.dropped = m.dropped;
    if (m.data?.length) {
      s.received += m.data.length;
      s.lastAudio = this.o.clock.monotonic();
      if (m.header) s.header = Buffer.from(m.data);
      for (const l of s.listeners.keys()) this.deliver(s, l, m.data);
    }
    if (m.ended) this.finish(s, m.ended, false);
  }

  /** A fresh listener takes the header first (a cluster without it cannot be decoded). */
  private deliver(s: Stream, l: Listener, data: Buffer): void {
    const st = s.listeners.get(l);
    if (!st) return;
    if (st.fresh) {
      if (!s.header) return;
      st.fresh = false;
      l.write(s.header);
      if (data === s.header || data.equals(s.header)) return;
    }
    if (l.backlog() <= MAX_LISTENER_BACKLOG) l.write(data);
  }

  private leave(station: string, s: Stream, l: Listener): void {
    if (!s.listeners.delete(l)) return;
    if (s.listeners.size === 0 && this.streams.get(station) === s) this.finish(s, 'no listener left');
  }

  private finish(s: Stream, reason: string, tellStation = true): void {
    if (this.streams.get(s.station) !== s) return;
    this.streams.delete(s.station);
    s.timer.cancel();
    if (tellStation && this.o.sessions.get(s.station) === s.session)
      s.session.sendListen?.({ listenId: s.id, stop: true });
    this.o.log.info('listen-in ended', { station: s.station, listen: s.id, reason, bytes: s.received });
    for (const l of [...s.listeners.keys()]) l.end(reason);
    s.listeners.clear();
  }
}
