/**
 * Doctor checks on the station core: hardware drivers, relay contacts, amplifier current,
 * transmitter, mains, and active alarms. Pure functions of a status snapshot.
 */
import type { StationStatus } from '../../api/status.js';
import { MODEM_EXPLAINED } from './modem.js';
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

/** Alarms not already explained by a more specific check above. */
export function checkAlarms(s: StationStatus, explained: Set<string>): Finding[] {
  return s.alarms
    .filter((a) => !explained.has(a.key))
    .map((a) => fault(`alarm.${a.key}`, 'doc.alarm', { key: a.key, message: a.message }));
}

/** A catalogue reference: the renderer translates values that start with '@'. */
function onoff(b: boolean): string {
  return b ? '@word.on' : '@word.off';
}

export function coreChecks(s: StationStatus): Finding[] {
  const explained = new Set(['tx.lockout', 'tx.overtemp', 'mains.lost', ...MODEM_EXPLAINED]);
  for (const z of s.zones) explained.add(`relay.stuck:zone.${z.id}`);
  explained.add('relay.stuck:amp.power');
  return [
    ...checkDrivers(s),
    ...checkRelays(s),
    ...checkAmplifier(s),
    ...checkTransmitter(s),
    ...checkMains(s),
    ...checkAlarms(s, explained),
  ];
}
