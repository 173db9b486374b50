/**
 * `stationctl test relays`: clicks each zone relay and the mute relay on and off with the
 * amplifier and transmitter off, and reads each contact back. For an on-site check after
 * replacing a relay board; refused while the power chain is up (a programme may be on air).
 */
import { keyed } from '../core/errors.js';
import type { ToneDeps } from './tone-test.js';

/** What the relay test clicks and reads. */
export type RelayDeps = Pick<ToneDeps, 'clock' | 'events' | 'profile' | 'hal' | 'chain'>;

export interface RelayResult {
  output: string;
  onContact: boolean | undefined;
  offContact: boolean | undefined;
  ok: boolean;
}

export async function testRelays(station: RelayDeps): Promise<RelayResult[]> {
  if (station.chain.state !== 'off')
    throw keyed(
      'REFUSED',
      `power chain is ${station.chain.state}; run stationctl power off first (a programme may be on air)`,
      'r.chainUp.relays',
      { state: { key: `r.state.${station.chain.state}` } },
    );
  const settleMs = 100 + 4 * station.profile.timings.supervisionPollMs;
  const names = ['amp.mute', ...station.profile.zones.map((z) => z.relay)];
  const results: RelayResult[] = [];
  station.events.emit({
    kind: 'test.relays',
    severity: 'info',
    sub: 'ops',
    message: 'relay test started',
    text: { key: 'ev.test.relays.start' },
  });
  for (const name of names) {
    const out = station.hal.output(name);
    const before = out.commanded;
    await out.set(!before);
    await station.clock.sleep(settleMs);
    const first = await station.hal.feedback(name);
    await out.set(before);
    await station.clock.sleep(settleMs);
    const second = await station.hal.feedback(name);
    const [onContact, offContact] = before ? [second, first] : [first, second];
    const ok = onContact === undefined || (onContact === true && offContact === false);
    results.push({ output: name, onContact, offContact, ok });
  }
  const bad = results.filter((r) => !r.ok).map((r) => r.output);
  station.events.emit({
    kind: 'test.relays',
    severity: bad.length ? 'alarm' : 'info',
    sub: 'ops',
    message: bad.length
      ? `relay test: ${bad.join(', ')} did not follow`
      : 'relay test: every relay followed its command',
    text: bad.length
      ? { key: 'ev.test.relays.bad', vars: { outputs: bad.join(', ') } }
      : { key: 'ev.test.relays.ok' },
    details: { results },
  });
  return results;
}
