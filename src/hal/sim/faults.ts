/** Faults the simulator can be told to have (tests, `stationctl sim fault NAME`). */
import { keyed } from '../../core/errors.js';

export const FAULT_NAMES = [
  'relay-stuck',
  'antenna-open',
  'over-temperature',
  'amp-over-temperature',
  'mains-lost',
  'line-open',
  'line-short',
  'earth-fault',
  'speaker-missing',
  'sensor-fault',
] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export interface Fault {
  name: FaultName;
  /** Zone id, for line faults. */
  zone?: number | undefined;
  /** Output channel, for relay-stuck. */
  channel?: string | undefined;
  /** How many speakers are missing, for speaker-missing. */
  count?: number | undefined;
}

const ZONE_FAULTS: ReadonlySet<FaultName> = new Set([
  'line-open',
  'line-short',
  'earth-fault',
  'speaker-missing',
  'sensor-fault',
]);

export function faultKey(f: Fault): string {
  if (ZONE_FAULTS.has(f.name)) return `${f.name}:zone.${f.zone}`;
  if (f.name === 'relay-stuck') return `${f.name}:${f.channel}`;
  return f.name;
}

/** Validates a fault request; zone ids and channels are checked against the station. */
export function parseFault(
  raw: {
    name?: string | undefined;
    zone?: number | undefined;
    channel?: string | undefined;
    count?: number | undefined;
  },
  zones: number[],
  outputs: string[],
): Fault {
  const name = raw.name as FaultName;
  if (!FAULT_NAMES.includes(name))
    throw keyed(
      'INVALID_ARGUMENT',
      `fault: "${raw.name}" is not a fault; allowed: ${FAULT_NAMES.join(', ')}`,
      'r.fault.name',
      { name: String(raw.name), allowed: FAULT_NAMES.join(', ') },
    );
  if (ZONE_FAULTS.has(name)) {
    if (raw.zone === undefined || !zones.includes(raw.zone))
      throw keyed(
        'INVALID_ARGUMENT',
        `zone: ${name} needs a zone; allowed: ${zones.join(', ')} (got ${raw.zone ?? 'none'})`,
        'r.fault.zone',
        { name, allowed: zones.join(', '), got: raw.zone ?? '-' },
      );
    if (name === 'speaker-missing') {
      const count = raw.count ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > 500)
        throw keyed(
          'INVALID_ARGUMENT',
          `count: a whole number of speakers from 1 to 500 (got ${raw.count})`,
          'r.fault.count',
          { got: String(raw.count) },
        );
      return { name, zone: raw.zone, count };
    }
    return { name, zone: raw.zone };
  }
  if (name === 'relay-stuck') {
    const channel = raw.channel ?? 'amp.power';
    if (!outputs.includes(channel))
      throw keyed(
        'INVALID_ARGUMENT',
        `channel: "${channel}" is not an output; allowed: ${outputs.join(', ')}`,
        'r.fault.channel',
        { channel: String(channel), allowed: outputs.join(', ') },
      );
    return { name, channel };
  }
  return { name };
}
