/**
 * The clock gate (DESIGN.md decision 8): scheduled programmes start only when the station's
 * clock is synchronised — NTP as systemd-timesyncd reports it
 * (`timedatectl show -p NTPSynchronized --value`), or a battery RTC the config trusts. A Pi
 * has no RTC: after a power cut its clock can be hours wrong. Manual play and emergencies
 * do not pass through the gate.
 */
import { execFile } from 'node:child_process';
import type { Clock, Timer } from '../core/clock.js';
import type { Alarms, EventSink } from '../core/events.js';
import type { ScheduleSettings } from './settings.js';

export type SyncState = 'synchronised' | 'unsynchronised' | 'unknown';
export type ClockProbe = () => Promise<SyncState>;

/** Asks systemd; "unknown" where timedatectl is missing or cannot reach systemd. */
export function timedatectlProbe(bin = 'timedatectl'): ClockProbe {
  return () =>
    new Promise((resolve) => {
      execFile(bin, ['show', '-p', 'NTPSynchronized', '--value'], { timeout: 2000 }, (err, stdout) => {
        const v = String(stdout).trim();
        if (err || (v !== 'yes' && v !== 'no')) resolve('unknown');
        else resolve(v === 'yes' ? 'synchronised' : 'unsynchronised');
      });
    });
}

export interface GateDeps {
  clock: Clock;
  probe: ClockProbe;
  alarms: Alarms;
  events: EventSink;
  settings: ScheduleSettings['clock'];
  onChange: (open: boolean) => void;
}

export const CLOCK_ALARM = 'clock.unsynchronised';

export class ClockGate {
  private stateValue: SyncState | undefined;
  private timer: Timer | undefined;
  private openValue = false;

  constructor(private readonly d: GateDeps) {}

  get state(): SyncState | undefined {
    return this.stateValue;
  }

  /** May scheduled programmes start now? */
  get open(): boolean {
    return this.openValue;
  }

  async start(): Promise<void> {
    await this.refresh();
    this.timer = this.d.clock.setInterval(() => void this.refresh(), this.d.settings.pollMs);
  }

  stop(): void {
    this.timer?.cancel();
  }

  async refresh(): Promise<void> {
    const s = this.d.settings;
    const state = s.trustedRtc ? 'synchronised' : await this.d.probe();
    const first = this.stateValue === undefined;
    if (state === 'unknown' && this.stateValue !== 'unknown')
      this.d.events.emit({
        kind: 'clock.unknown',
        severity: 'warning',
        sub: 'schedule',
        message: `cannot tell whether the clock is synchronised (timedatectl unavailable); ${s.whenUnknown === 'trust' ? 'trusting it' : 'not starting scheduled programmes'} (schedule-settings.json clock.whenUnknown)`,
        text: { key: s.whenUnknown === 'trust' ? 'ev.clock.unknown.trust' : 'ev.clock.unknown.hold' },
      });
    this.stateValue = state;
    const open = state === 'synchronised' || (state === 'unknown' && s.whenUnknown === 'trust');
    if (open) this.d.alarms.clear(CLOCK_ALARM, 'clock synchronised; scheduled programmes may start');
    else
      this.d.alarms.raise(
        CLOCK_ALARM,
        'schedule',
        'clock unsynchronised: scheduled programmes will not start (manual play and emergency still work)',
        { state },
      );
    if (open !== this.openValue || first) {
      this.openValue = open;
      if (!first) this.d.onChange(open);
    }
  }
}
