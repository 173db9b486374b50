/**
 * What a simulated station sends: a status shaped like a sim station's (power chain,
 * transmitter, amplifier, four zones, drivers, audio, schedule, modem), the events a station
 * logs at start, and the two daily broadcast windows (05:30 and 17:00, DESIGN.md "Facts from
 * the field"): at the window's minute every station powers on, starts the scheduled
 * programme and changes what is on air; at its end it logs the play-log item and powers off.
 */
import type { OutboxItem } from '../../../src/gen/loa/district/v1/OutboxItem.js';
import { toStruct } from '../../../src/wire/struct.js';

type Item = Omit<OutboxItem, 'seq'>;

/** Station ids of a swarm: PREFIX-00000, PREFIX-00001, … (sorted as numbered). */
export const stationId = (prefix: string, i: number) => `${prefix}-${String(i).padStart(5, '0')}`;

export function stationStatus(id: string): Record<string, unknown> {
  const zone = (n: number) => ({ id: n, name: `Thôn ${n}`, commanded: false, relay: false, feedback: false });
  return {
    stationId: id,
    profile: 'sim',
    power: { state: 'off', commandedOn: false, zones: [] },
    transmitter: { state: 'off', trips: 0, forwardW: 0, reflectedW: 0, temperatureC: 30.2 },
    amplifier: { on: false, muted: true, feedback: false, currentA: 0, temperatureC: 31 },
    mainsPresent: true,
    zones: [1, 2, 3, 4].map(zone),
    alarms: [],
    drivers: [{ driver: 'sim', kind: 'sim', ok: true }],
    clock: { synchronised: true, source: 'ntp' },
    modules: {
      audio: { onAir: { slot: 'silence' }, levels: { outDbfs: -90 } },
      schedule: { version: 0, next: { id: 'sang', at: '05:30' } },
      modem: { source: 'at', rsrpDbm: -95, rsrqDb: -11, sinrDb: 8, tech: 'lte', registration: 'home' },
    },
  };
}

function event(kind: string, sub: string, message: string, details: Record<string, unknown>): Item {
  return {
    tsMs: Date.now(),
    event: { eventSeq: 0, kind, severity: 'info', sub, message, details: toStruct(details) },
  };
}

function changes(c: Record<string, unknown>): Item {
  return { tsMs: Date.now(), changes: toStruct(c) };
}

/** The outbox of a station that just started (seq 1..3). */
export function bootEvents(): Item[] {
  return [
    event('station.start', 'station', 'started', { boots: 1, profile: 'sim' }),
    event('clock.synchronised', 'clock', 'clock synchronised', { source: 'ntp' }),
    event('uplink.up', 'uplink', 'district link up', { session: 1 }),
  ];
}

/** The window's first second: power on, programme start, on-air change. */
export function windowStart(title: string): Item[] {
  return [
    event('power.on', 'power', 'power chain on', { ms: 3200, zones: [1, 2, 3, 4] }),
    event('schedule.start', 'schedule', `${title} started`, { id: title, zones: [1, 2, 3, 4] }),
    changes({ 'power.state': 'on', 'modules.audio.onAir.slot': 'schedule', 'transmitter.forwardW': 48 }),
  ];
}

/** The window's end: the play-log item, power off, silence on air. */
export function windowEnd(title: string, startedMs: number): Item[] {
  const end = Date.now();
  return [
    event(
      'playlog.item',
      'schedule',
      `${title}: ${Math.round((end - startedMs) / 1000)} s on zones 1,2,3,4`,
      {
        id: title,
        title,
        start: startedMs,
        end,
        zones: [1, 2, 3, 4],
        sources: [{ kind: 'stream', using: 'relay' }],
        endReason: 'window ended',
      },
    ),
    event('power.off', 'power', 'power chain off', {}),
    changes({ 'power.state': 'off', 'modules.audio.onAir.slot': 'silence', 'transmitter.forwardW': 0 }),
  ];
}
