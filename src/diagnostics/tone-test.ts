/**
 * `stationctl test tone ZONE`: a technician on site hears a tone on one zone's loudspeakers
 * and nowhere else. The amplifier comes up with only that zone switched on and the transmitter
 * left off (the wireless receivers of the whole commune must not hear a test), the tone plays
 * for its duration, then the chain goes back down and the commanded state is restored.
 *
 * Refused while the chain is up or a programme or emergency is on air (the village may be
 * listening). If a scheduled programme or an emergency takes over during the test, the tone
 * stops and power is left to it. The commanded state is not persisted during the test, so a
 * crash or power cut mid-test restarts the station as it was before.
 */

import type { EndReason, OnAirPort, OutputMeter } from '../audio/port.js';
import type { Clock } from '../core/clock.js';
import { keyed, LoaError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { endText, type Text } from '../core/i18n.js';
import type { Hal } from '../hal/hal.js';
import type { Profile } from '../hal/profile.js';
import type { LinesPort } from '../lines/port.js';
import { blockText } from '../power/block-text.js';
import type { Commanded, PowerChain } from '../power/chain.js';

/** What a tone test drives and reads (the diagnostics module's ports). */
export interface ToneDeps {
  clock: Clock;
  events: EventSink;
  profile: Profile;
  hal: Hal;
  chain: PowerChain;
  onAir: OnAirPort | undefined;
  lines: LinesPort | undefined;
  meter: OutputMeter | undefined;
}

export interface ToneParams {
  zone: number;
  hz: number;
  seconds: number;
  level: number;
}

export interface ToneStatus {
  running: boolean;
  zone?: number;
  zoneName?: string;
  hz?: number;
  seconds?: number;
  startedAt?: number;
  endsAt?: number;
  /** Amplifier current with only this zone driven, 1 s into the tone (A). */
  ampCurrentA?: number | null;
  /** Output peak 1 s into the tone (dBFS): the tone reaches the sound card. */
  outputPeakDbfs?: number | null;
  /** How the last test ended. */
  ended?: { reason: EndReason | 'pre-empted' | 'failed'; at: number; detail?: string };
}

const LIMITS = { hz: [20, 20_000], seconds: [1, 120], level: [0.01, 1] } as const;
const FIRST_AUDIO_MS = 10_000;
const MEASURE_AFTER_MS = 1_000;

function num(raw: Record<string, unknown>, key: keyof typeof LIMITS, dflt: number): number {
  const v = raw[key] ?? dflt;
  const [lo, hi] = LIMITS[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi)
    throw new LoaError('INVALID_ARGUMENT', `${key}: allowed ${lo} to ${hi} (got ${JSON.stringify(v)})`);
  return v;
}

export function parseToneParams(raw: unknown, zones: number[]): ToneParams {
  const r = (raw ?? {}) as Record<string, unknown>;
  if (typeof r.zone !== 'number' || !zones.includes(r.zone))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `zone: allowed ${zones.join(', ')} (got ${JSON.stringify(r.zone)})`,
    );
  return {
    zone: r.zone,
    hz: num(r, 'hz', 1000),
    seconds: num(r, 'seconds', 10),
    level: num(r, 'level', 0.5),
  };
}

export class ToneTest {
  private cur: { id: string; before: Commanded; done: Promise<void>; stop: () => void } | undefined;
  private last: ToneStatus = { running: false };
  /** From the preflight to the restore, so two tests never interleave. */
  private active = false;

  constructor(private readonly station: ToneDeps) {}

  status(): ToneStatus {
    return { ...this.last, running: this.active };
  }

  /** Resolves once the tone is heard at the output (with its readings); the test runs on. */
  async start(raw: unknown): Promise<ToneStatus> {
    const s = this.station;
    const p = parseToneParams(
      raw,
      s.profile.zones.map((z) => z.id),
    );
    await this.checkLine(p.zone);
    const port = this.preflight();
    this.active = true;
    const id = `test-tone-${p.zone}-${s.clock.now()}`;
    const before = s.chain.commanded;
    const ended = this.endedOf(port, id, p.seconds);
    const zoneName = s.profile.zones.find((z) => z.id === p.zone)?.name;
    this.last = { running: true, ...p, ...(zoneName ? { zoneName } : {}), startedAt: s.clock.now() };
    this.emit('info', `tone test: ${p.hz} Hz on zone ${p.zone} for ${p.seconds} s`, p, {
      key: 'ev.test.tone.start',
      vars: { hz: p.hz, zone: p.zone, seconds: p.seconds },
    });
    try {
      for (const z of s.profile.zones) await s.chain.setZone(z.id, z.id === p.zone);
      await s.chain.powerOn({ transmitter: false });
      const first = this.firstAudio(port, id);
      await port.play('programme', {
        id,
        source: { kind: 'tone', hz: p.hz, durationMs: p.seconds * 1000 },
        volume: p.level,
      });
      await first;
    } catch (e) {
      ended.cancel();
      await port.stop('programme', id).catch(() => undefined);
      await this.restore(port, id, before);
      this.finished('failed', (e as Error).message);
      throw e;
    }
    const done = ended.promise.then(async (reason) => {
      const r = await this.restore(port, id, before);
      this.finished(r ?? reason);
    });
    this.cur = { id, before, done, stop: () => void port.stop('programme', id) };
    this.last.endsAt = s.clock.now() + p.seconds * 1000;
    await s.clock.sleep(MEASURE_AFTER_MS);
    Object.assign(this.last, await this.readings());
    return this.status();
  }

  /** Ends a running test early (the tone stops, power goes back). */
  async stop(): Promise<ToneStatus> {
    const c = this.cur;
    if (!c) return this.status();
    c.stop();
    await c.done;
    return this.status();
  }

  private preflight(): OnAirPort {
    const s = this.station;
    const port = s.onAir;
    if (!port) throw keyed('REFUSED', 'this station runs no audio engine', 'r.noEngine');
    if (this.active)
      throw keyed(
        'REFUSED',
        'a tone test is already running; stationctl test tone stop ends it',
        'r.toneBusy',
      );
    if (s.chain.blockedBy)
      throw keyed('REFUSED', `power is blocked: ${s.chain.blockedBy}`, 'r.powerBlocked', {
        why: blockText(s.chain.blockedBy),
      });
    if (s.chain.state !== 'off')
      throw keyed(
        'REFUSED',
        `power chain is ${s.chain.state}; run stationctl power off first (the village may be listening)`,
        'r.chainUp.tone',
        { state: { key: `r.state.${s.chain.state}` } },
      );
    const air = port.onAir();
    if (air.slot === 'programme' || air.slot === 'emergency')
      throw keyed('REFUSED', `${air.slot} "${air.id ?? '?'}" is on air; wait for it to end`, 'r.onAirWait', {
        slot: { key: `r.slot.${air.slot}` },
        id: air.id ?? '?',
      });
    return port;
  }

  /** A zone isolated for a shorted line keeps its relay open: a tone would test nothing. */
  private async checkLine(zone: number): Promise<void> {
    const z = this.station.lines?.status().zones.find((x) => x.id === zone);
    if (z?.isolated)
      throw new LoaError(
        'REFUSED',
        `zone ${zone} is isolated: its line reads ${z.state}, so its relay stays open to protect the amplifier; find the fault first (stationctl lines status)`,
      );
  }

  private firstAudio(port: OnAirPort, id: string): Promise<void> {
    const clock = this.station.clock;
    return new Promise<void>((resolve, reject) => {
      const timer = clock.setTimeout(() => {
        off();
        reject(new LoaError('UNAVAILABLE', `no tone reached the output within ${FIRST_AUDIO_MS / 1000} s`));
      }, FIRST_AUDIO_MS);
      const off = port.onFirstAudio((_slot, got) => {
        if (got !== id) return;
        timer.cancel();
        off();
        resolve();
      });
    });
  }

  /** The tone's end (finished, stopped, failed), with a safety bound past its duration. */
  private endedOf(port: OnAirPort, id: string, seconds: number) {
    let off = () => {};
    const promise = new Promise<EndReason>((resolve) => {
      const timer = this.station.clock.setTimeout(
        () => {
          off();
          void port.stop('programme', id);
          resolve('stopped');
        },
        seconds * 1000 + FIRST_AUDIO_MS + 5_000,
      );
      const unsub = port.onEnded((_slot, got, reason) => {
        if (got !== id) return;
        off();
        resolve(reason);
      });
      off = () => {
        timer.cancel();
        unsub();
      };
    });
    return { promise, cancel: () => off() };
  }

  /**
   * Back to the commanded state, unless something else took the air (a scheduled programme,
   * an emergency): then power and zones are theirs and only the tone is gone.
   */
  private async restore(port: OnAirPort, id: string, before: Commanded): Promise<'pre-empted' | undefined> {
    const s = this.station;
    this.cur = undefined;
    try {
      const air = port.onAir();
      if ((air.slot === 'programme' || air.slot === 'emergency') && air.id !== id) return 'pre-empted';
      await s.chain.powerOff();
      s.chain.restore(before);
      return undefined;
    } finally {
      this.active = false;
    }
  }

  private async readings(): Promise<Pick<ToneStatus, 'ampCurrentA' | 'outputPeakDbfs'>> {
    const s = this.station;
    const current = s.hal.analog.get('amp.current_a');
    const amp = current ? await current.read().catch(() => null) : null;
    const peak = s.meter?.peakDbfs();
    return {
      ampCurrentA: amp === null ? null : Math.round(amp * 100) / 100,
      outputPeakDbfs: typeof peak === 'number' && Number.isFinite(peak) ? Math.round(peak * 10) / 10 : null,
    };
  }

  private finished(reason: NonNullable<ToneStatus['ended']>['reason'], detail?: string): void {
    const at = this.station.clock.now();
    this.last.ended = { reason, at, ...(detail ? { detail } : {}) };
    this.emit(
      reason === 'failed' ? 'warning' : 'info',
      `tone test on zone ${this.last.zone} ended: ${reason}${detail ? ` (${detail})` : ''}`,
      this.last,
      { key: 'ev.test.tone.end', vars: { zone: this.last.zone ?? '-', reason: endText(reason) } },
    );
  }

  private emit(severity: 'info' | 'warning', message: string, details: object, text: Text): void {
    this.station.events.emit({
      kind: 'test.tone',
      severity,
      sub: 'ops',
      message,
      details: { ...details },
      text,
    });
  }
}
