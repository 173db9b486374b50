/**
 * Doctor checks on the station core: hardware drivers, relay contacts, amplifier current,
 * transmitter, mains, and active alarms. Pure functions of a status snapshot.
 */
import type { StationStatus } from '../../api/status.js';
import { type Finding, fault, ok, warn } from './types.js';

export function checkDrivers(s: StationStatus): Finding[] {
  return s.drivers.map((d) =>
    d.ok
      ? ok(`driver.${d.driver}`, 'doc.driver.ok', { driver: d.driver, kind: d.kind })
      : fault(`driver.${d.driver}`, 'doc.driver.bad', { driver: d.driver, detail: d.detail ?? '' }),
  );
}

export function checkRelays(s: StationStatus): Finding[] {
  const out: Finding[] = [];
  const amp = s.amplifier;
  // the relay test is refused while the chain is up: the next step says to power off first
  const next = s.power.state === 'off' ? undefined : 'doc.relay.next.poweredOn';
  if (amp.feedback !== undefined && amp.feedback !== amp.on)
    out.push(fault('amp.relay', 'doc.amp.relay', { commanded: onoff(amp.on), contact: onoff(amp.feedback) }));
  for (const z of s.zones) {
    if (z.feedback === undefined) continue;
    if (z.feedback !== z.relay)
      out.push(
        fault(`zone.${z.id}.relay`, 'doc.zone.relay', {
          zone: z.id,
          name: z.name,
          commanded: onoff(z.relay),
          contact: onoff(z.feedback),
        }),
      );
    for (const f of out) if (next && f.id !== 'amp.relay') f.next = next;
  }
  if (out.length === 0) out.push(ok('relays', 'doc.relays.ok'));
  return out;
}

/** An amplifier that is on draws idle current; none at all means no mains to it or a blown fuse. */
export function checkAmplifier(s: StationStatus): Finding[] {
  const a = s.amplifier;
  if (a.currentA === undefined) return [];
  if (a.on && a.feedback && a.currentA < 0.1)
    return [fault('amp.current', 'doc.amp.nocurrent', { a: a.currentA.toFixed(2) })];
  if (a.currentA > 10) return [fault('amp.current', 'doc.amp.overcurrent', { a: a.currentA.toFixed(1) })];
  return [ok('amp.current', 'doc.amp.current', { a: a.currentA.toFixed(2), state: onoff(a.on) })];
}

/** The amplifier's heatsink, when the profile has the sensor. */
export function checkAmpTemperature(s: StationStatus): Finding[] {
  const t = s.amplifier.temperatureC;
  if (t === undefined) return [];
  const temp = t.toFixed(1);
  return [
    s.amplifier.overTemp
      ? fault('amp.temp', 'doc.amp.overtemp', { temp })
      : ok('amp.temp', 'doc.amp.temp', { temp }),
  ];
}

export function checkTransmitter(s: StationStatus): Finding[] {
  const t = s.transmitter;
  if (!t) return []; // a profile without a transmitter (a 4G cluster): nothing to check
  const vars = {
    fwd: t.forwardW.toFixed(1),
    refl: t.reflectedW.toFixed(1),
    temp: t.temperatureC.toFixed(1),
    trips: t.trips,
  };
  switch (t.state) {
    case 'absent':
      return [];
    case 'lockout':
      return [fault('tx', 'doc.tx.lockout', vars)];
    case 'tripped':
      return [warn('tx', 'doc.tx.tripped', vars)];
    case 'overtemp':
      return [fault('tx', 'doc.tx.overtemp', vars)];
    default:
      return [
        t.trips > 0
          ? warn('tx', 'doc.tx.recenttrips', vars)
          : ok('tx', 'doc.tx.ok', { ...vars, state: t.state === 'on' ? '@word.on' : '@word.off' }),
      ];
  }
}

export function checkMains(s: StationStatus): Finding[] {
  return [s.mainsPresent ? ok('mains', 'doc.mains.ok') : fault('mains', 'doc.mains.lost')];
}

/** A catalogue reference: the renderer translates values that start with '@'. */
function onoff(b: boolean): string {
  return b ? '@word.on' : '@word.off';
}

/** The core's checks; active alarms are added once, after every check (alarms.ts). */
export function coreChecks(s: StationStatus): Finding[] {
  return [
    ...checkDrivers(s),
    ...checkRelays(s),
    ...checkAmplifier(s),
    ...checkAmpTemperature(s),
    ...checkTransmitter(s),
    ...checkMains(s),
  ];
}
