/**
 * systemd's notify protocol (sd_notify(3)): READY=1 once the station can broadcast,
 * WATCHDOG=1 from the event loop at half the watchdog interval (a hung loop stops the pings
 * and systemd restarts the service), STOPPING=1 on shutdown, STATUS= for `systemctl status`.
 * Node cannot send unix datagrams itself, so this uses the sd-notify addon (libsystemd), and
 * falls back to `systemd-notify` (needs NotifyAccess=all) when the addon is not built.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Logger } from '../core/log.js';

interface Addon {
  sendState(state: string): void;
}

function loadAddon(): Addon | undefined {
  try {
    const req = createRequire(import.meta.url);
    return req('sd-notify') as Addon;
  } catch {
    return undefined;
  }
}

export class SystemdNotifier {
  private readonly addon: Addon | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    private readonly log: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.addon = env.NOTIFY_SOCKET ? loadAddon() : undefined;
    if (env.NOTIFY_SOCKET && !this.addon)
      log.warn('sd-notify addon not built; using systemd-notify (needs NotifyAccess=all)');
  }

  /** True when started by systemd with Type=notify. */
  get active(): boolean {
    return Boolean(this.env.NOTIFY_SOCKET);
  }

  /** The watchdog interval systemd asked for, in ms, if it applies to this process. */
  watchdogMs(): number | undefined {
    const usec = Number(this.env.WATCHDOG_USEC);
    const pid = this.env.WATCHDOG_PID ? Number(this.env.WATCHDOG_PID) : process.pid;
    if (!Number.isFinite(usec) || usec <= 0 || pid !== process.pid) return undefined;
    return Math.floor(usec / 1000);
  }

  ready(status: string): void {
    this.send(`READY=1\nSTATUS=${status}\nMAINPID=${process.pid}`);
    const ms = this.watchdogMs();
    if (ms && !this.watchdog) {
      // half the interval, as sd_watchdog_enabled(3) recommends; unref'd timers would hide a hang
      this.watchdog = setInterval(() => this.send('WATCHDOG=1'), Math.max(100, Math.floor(ms / 2)));
    }
  }

  status(text: string): void {
    this.send(`STATUS=${text}`);
  }

  stopping(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    this.send('STOPPING=1');
  }

  private send(state: string): void {
    if (!this.active) return;
    if (this.addon) {
      this.addon.sendState(`${state}\n`);
      return;
    }
    execFile('systemd-notify', [`--pid=${process.pid}`, ...state.split('\n')], (err) => {
      if (err) this.log.warn('systemd-notify failed', { error: err.message });
    });
  }
}
