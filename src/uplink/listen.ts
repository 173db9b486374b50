/**
 * Listen-in at the station (docs/console.md): on the hub's request over the session, the
 * on-air output is encoded (one ffmpeg child, audio/listen-encoder.ts) and sent up the same
 * session as WebM/Opus clusters. It stops when the hub says stop, when the session closes, and by
 * itself when the hub has not renewed it within the lease — a lost stop never leaves the
 * station encoding.
 *
 * The listen stream never delays the session's own traffic (events, acks, command results):
 * the hub acknowledges the listen bytes it received with each renewal, and the station keeps at
 * most LISTEN_WINDOW_BYTES unacknowledged; a cluster beyond that window, or while the outbox is
 * being sent or the stream is backed up, is dropped (and counted), never queued.
 */
import type { OnAirListenPort } from '../audio/port.js';
import type { Clock, Timer } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import type { ListenAudio } from '../gen/loa/district/v1/ListenAudio.js';
import type { ListenControl__Output } from '../gen/loa/district/v1/ListenControl.js';

/** What listen-in needs from the session it runs on. */
export interface ListenLink {
  send(m: ListenAudio): void;
  /** Other traffic waits to be sent: listen audio is dropped rather than queued before it. */
  busy(): boolean;
}

/**
 * Unacknowledged listen bytes allowed on the link: 8 kB ≈ 4 s of 16 kbit/s audio, enough for the
 * hub's 1 s renewal and a 4G round trip; whatever the link's speed, a station event waits behind
 * at most this much listen audio (at 64 kbit/s: 1 s).
 */
export const LISTEN_WINDOW_BYTES = 8 * 1024;
const LEASE = { min: 1000, def: 5000, max: 60_000 };
const KBPS = { min: 8, def: 16, max: 64 };

interface Run {
  id: string;
  link: ListenLink;
  stop(): Promise<void>;
  pid(): number | undefined;
  since: number;
  leaseMs: number;
  renewed: number;
  sent: number;
  acked: number;
  dropped: number;
  timer: Timer;
}

const clamp = (v: number, r: { min: number; def: number; max: number }) =>
  Math.min(r.max, Math.max(r.min, v || r.def));

export class StationListen {
  private run: Run | undefined;
  /** Listens served since the station started (status). */
  served = 0;

  constructor(private readonly d: { port: OnAirListenPort | undefined; clock: Clock; log: Logger }) {}

  /** A start, renewal or stop from the hub. */
  control(m: ListenControl__Output, link: ListenLink): void {
    if (!m.listenId) return;
    const r = this.run;
    if (m.stop) {
      if (r?.id === m.listenId) this.end(r, 'stopped by the hub');
      return;
    }
    if (r && r.id === m.listenId && r.link === link) {
      r.renewed = this.d.clock.monotonic();
      r.acked = Math.max(r.acked, Number(m.receivedBytes));
      return;
    }
    if (r) this.end(r, 'replaced by another listen');
    this.begin(m, link);
  }

  /** The session closed: nothing can reach the hub any more. */
  detach(link: ListenLink): void {
    if (this.run?.link === link) this.end(this.run, 'session closed', false);
  }

  async close(): Promise<void> {
    if (this.run) await this.end(this.run, 'station stopping', false);
  }

  status(): unknown {
    const r = this.run;
    if (!r) return { active: false, served: this.served };
    const { id, since, sent, dropped, leaseMs } = r;
    return { active: true, id, since, pid: r.pid(), sentBytes: sent, dropped, leaseMs, served: this.served };
  }

  private begin(m: ListenControl__Output, link: ListenLink): void {
    const id = m.listenId;
    if (!this.d.port) {
      link.send({ listenId: id, ended: 'this station has no audio engine' });
      return;
    }
    const now = this.d.clock.monotonic();
    const run: Run = {
      id,
      link,
      stop: async () => undefined,
      pid: () => undefined,
      since: this.d.clock.now(),
      leaseMs: clamp(m.leaseMs, LEASE),
      renewed: now,
      sent: 0,
      acked: 0,
      dropped: 0,
      timer: this.d.clock.setInterval(() => this.checkLease(run), 250),
    };
    this.run = run;
    this.served++;
    let h: ReturnType<OnAirListenPort['open']>;
    try {
      h = this.d.port.open({
        bitrateKbps: clamp(m.bitrateKbps, KBPS),
        onPages: (data, header) => this.pages(run, data, header),
        onEnd: (reason) => void this.end(run, reason),
      });
    } catch (e) {
      void this.end(run, `encoder not started: ${(e as Error).message}`);
      return;
    }
    run.stop = () => h.stop();
    run.pid = () => h.pid;
    this.d.log.info('listen-in started', { listen: id, pid: h.pid, leaseMs: run.leaseMs });
  }

  private pages(run: Run, data: Buffer, header: boolean): void {
    if (this.run !== run) return;
    const full = run.sent - run.acked + data.length > LISTEN_WINDOW_BYTES;
    // the header is ~100 bytes once and a listener cannot decode without it: never dropped
    if (!header && (full || run.link.busy())) {
      run.dropped++;
      return;
    }
    run.sent += data.length;
    run.link.send({ listenId: run.id, data, header, dropped: run.dropped });
  }

  private checkLease(run: Run): void {
    if (this.d.clock.monotonic() - run.renewed > run.leaseMs)
      void this.end(run, `no renewal from the hub within ${run.leaseMs} ms`);
  }

  private async end(run: Run, reason: string, tell = true): Promise<void> {
    if (this.run !== run) return;
    this.run = undefined;
    run.timer.cancel();
    if (tell) run.link.send({ listenId: run.id, ended: reason, dropped: run.dropped });
    this.d.log.info('listen-in ended', { listen: run.id, reason, sentBytes: run.sent, dropped: run.dropped });
    await run.stop();
  }
}
