/**
 * Watches what the power chain cannot see by itself: relay contacts that disagree with
 * their command (a welded or dead relay), and mains power. A relay whose feedback differs
 * from its command for longer than relayFeedbackMs raises `relay.stuck`; mains lost puts
 * the outputs in the safe state and brings back the commanded state when it returns.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms } from '../core/events.js';
import type { Timings } from '../hal/profile.js';
import type { DigitalIn, DigitalOut } from '../hal/types.js';
import { MAINS_LOST } from './block-text.js';
import type { PowerChain } from './chain.js';

export interface SupervisedRelay {
  out: DigitalOut;
  feedback: DigitalIn;
}

export interface SupervisorDeps {
  clock: Clock;
  alarms: Alarms;
  timings: Timings;
  relays: SupervisedRelay[];
  mains: DigitalIn;
  chain: PowerChain;
}

/** Relay contacts take a few ms to follow; mains is debounced. Check ten times a second. */
const CHECK_MS = 100;

export class Supervisor {
  private timer: Timer | undefined;
  private readonly mismatchSince = new Map<string, number>();
  private mainsLostSince: number | undefined;
  private mainsOkSince: number | undefined;
  private mainsDown = false;
  private busy = false;

  constructor(private readonly d: SupervisorDeps) {}

  start(): void {
    this.timer ??= this.d.clock.setInterval(() => void this.tick(), CHECK_MS);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  get mainsPresent(): boolean {
    return !this.mainsDown;
  }

  /** One supervision pass (exposed for tests and for the doctor). */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.checkMains();
      await this.checkRelays();
    } finally {
      this.busy = false;
    }
  }

  private async checkMains(): Promise<void> {
    const now = this.d.clock.monotonic();
    let present: boolean;
    try {
      present = await this.d.mains.read();
    } catch {
      return; // an unreadable sensor is reported by the driver's health, not as mains lost
    }
    if (!present) {
      this.mainsOkSince = undefined;
      this.mainsLostSince ??= now;
      if (!this.mainsDown && now - this.mainsLostSince >= this.d.timings.mainsDebounceMs) {
        this.mainsDown = true;
        this.d.alarms.raise('mains.lost', 'power', 'mains power lost: outputs in the safe state');
        await this.d.chain.block(MAINS_LOST);
      }
      return;
    }
    this.mainsLostSince = undefined;
    this.mainsOkSince ??= now;
    if (this.mainsDown && now - this.mainsOkSince >= this.d.timings.mainsDebounceMs) {
      this.mainsDown = false;
      this.d.alarms.clear('mains.lost', 'mains power restored');
      await this.d.chain.unblock();
    }
  }

  private async checkRelays(): Promise<void> {
    const now = this.d.clock.monotonic();
    for (const { out, feedback } of this.d.relays) {
      const key = `relay.stuck:${out.name}`;
      let contact: boolean;
      try {
        contact = await feedback.read();
      } catch {
        continue;
      }
      // with mains down, relay coils have no power: an open contact is expected, not stuck
      const expected = out.commanded && !this.mainsDown;
      if (contact === expected) {
        this.mismatchSince.delete(out.name);
        this.d.alarms.clear(key, `relay ${out.name} follows its command again`);
        continue;
      }
      const since = this.mismatchSince.get(out.name) ?? now;
      this.mismatchSince.set(out.name, since);
      if (now - since >= this.d.timings.relayFeedbackMs)
        this.d.alarms.raise(
          key,
          'power',
          `relay stuck: ${out.name} commanded ${out.commanded ? 'on' : 'off'} but its contact reads ${contact ? 'on' : 'off'}`,
          {
            output: out.name,
            commanded: out.commanded,
            contact,
          },
        );
    }
  }
}
