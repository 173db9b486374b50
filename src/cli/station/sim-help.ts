/** `stationctl sim --help` (and `sim fault --help`): the faults the simulator can be given. */
import { FAULT_NAMES, type FaultName } from '../../hal/sim/faults.js';

const WHAT: Record<FaultName, string> = {
  'relay-stuck': '--channel OUT   a relay contact frozen where it is (e.g. --channel zone.2)',
  'antenna-open': '               reflected power high: the transmitter trips, then locks out',
  'over-temperature': '               the transmitter overheats (+60 °C)',
  'amp-over-temperature': '               the amplifier overheats: a dead fan (+60 °C)',
  'mains-lost': '               mains power gone',
  'line-open': '--zone N        speaker line of zone N cut',
  'line-short': '--zone N        speaker line of zone N shorted',
  'earth-fault': '--zone N        zone N leaks to earth (12 kΩ)',
  'speaker-missing': '--zone N [--count K]   K speakers missing on zone N',
  'sensor-fault': '--zone N        zone N line sensor unreadable',
};

export function simHelp(): string {
  return [
    'usage: stationctl sim fault NAME [options]   (simulator profiles only)',
    '       stationctl sim clear [KEY]             (all faults, or one: e.g. line-open:zone.3)',
    'faults:',
    ...FAULT_NAMES.map((n) => `  ${n.padEnd(22)} ${WHAT[n]}`),
  ].join('\n');
}
