/**
 * Drives every output of a profile to its safe level without a running station: for
 * `stationctl safe-state`, which systemd runs as ExecStopPost so that a crash or kill -9 still
 * drops the transmitter (sysfs GPIO keeps an output's level when its process dies).
 * Each driver that owns outputs is opened on its outputs alone (no sensors to wait for), its
 * outputs set safe, and closed. A driver that cannot be reached is reported, the others still
 * done. A Firmata board drops its relays by itself when heartbeats stop (failsafeTimeoutMs).
 */
import type { Clock } from '../core/clock.js';
import { toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { DriverFactory } from './hal.js';
import type { Profile } from './profile.js';

export interface SafeStateResult {
  driver: string;
  kind: string;
  outputs: string[];
  ok: boolean;
  error?: string;
}

export async function driveSafeState(
  profile: Profile,
  factories: DriverFactory[],
  ctx: { clock: Clock; log: Logger },
): Promise<SafeStateResult[]> {
  const outputsOnly: Profile = { ...profile, inputs: {}, analog: {} };
  const results: SafeStateResult[] = [];
  for (const [id, cfg] of Object.entries(profile.drivers)) {
    const outs = Object.entries(profile.outputs).filter(([, s]) => s.driver === id);
    if (!outs.length) continue;
    const r: SafeStateResult = { driver: id, kind: cfg.kind, outputs: outs.map(([n]) => n), ok: true };
    try {
      const factory = factories.find((f) => f.kind === cfg.kind);
      if (!factory) throw new Error(`driver kind "${cfg.kind}" is not available in this build`);
      const d = factory.create(id, cfg, { ...ctx, profile: outputsOnly });
      await d.open();
      try {
        for (const [name, s] of outs) await d.digitalOut({ name, ...s }).set(s.safe);
      } finally {
        await d.close();
      }
    } catch (e) {
      r.ok = false;
      r.error = toLoaError(e).message;
    }
    results.push(r);
  }
  return results;
}
