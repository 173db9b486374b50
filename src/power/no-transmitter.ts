/**
 * The transmitter of a profile without one (a 4G loudspeaker cluster, `transmitter.present:
 * false`): the power chain sequences the amplifier and zones alone, the status shows no
 * transmitter rows, and a lockout reset is refused with the reason.
 */
import { keyed } from '../core/errors.js';
import type { Transmitter, TxReadings } from './transmitter.js';

export class NoTransmitter implements Transmitter {
  readonly state = 'absent' as const;
  readonly tripCount = 0;
  readonly readings: TxReadings = { forwardW: 0, reflectedW: 0, temperatureC: Number.NaN };

  constructor(private readonly profile: string) {}

  async request(_on: boolean): Promise<void> {}

  async forceOff(): Promise<void> {}

  async resetLockout(): Promise<boolean> {
    throw keyed('REFUSED', `profile ${this.profile} has no transmitter: nothing to reset`, 'r.noTx', {
      profile: this.profile,
    });
  }

  stop(): void {}
}
