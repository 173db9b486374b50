/**
 * Isolation of a shorted zone: an interlock on that zone's relay output. While a zone is
 * isolated every request to close its relay (the power chain's sequencing, a technician's
 * `zone N on`) is held open, and remembered; when the line is healthy again the last request
 * is applied. The other zones' relays are never touched, so their audio keeps flowing.
 *
 * The interlock wraps the output's `set`, because the power chain drives the relays directly;
 * `detach()` puts the original back when the module stops.
 */
import type { DigitalOut } from '../hal/types.js';

export class ZoneIsolator {
  private readonly original: (on: boolean) => Promise<void>;
  private wanted: boolean;
  private isolatedFlag = false;

  constructor(private readonly out: DigitalOut) {
    this.original = out.set.bind(out);
    this.wanted = out.commanded;
    out.set = (on: boolean) => this.request(on);
  }

  get isolated(): boolean {
    return this.isolatedFlag;
  }

  /** What the rest of the station last asked this relay to be. */
  get requested(): boolean {
    return this.wanted;
  }

  async isolate(): Promise<void> {
    this.isolatedFlag = true;
    await this.original(false);
  }

  async release(): Promise<void> {
    if (!this.isolatedFlag) return;
    this.isolatedFlag = false;
    await this.original(this.wanted);
  }

  detach(): void {
    this.out.set = this.original;
  }

  private request(on: boolean): Promise<void> {
    this.wanted = on;
    return this.original(on && !this.isolatedFlag);
  }
}
