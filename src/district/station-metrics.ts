/**
 * The per-station series of the hub's Prometheus endpoint, written straight as exposition text
 * (Prometheus text format 0.0.4). Through prom-client's gauges they cost 0.3–1.6 s a scrape at
 * 10,000 stations (80,000 labelled series reset, set and formatted each time, measured);
 * written here from the cached summaries (summary-cache.ts) they cost a few tens of ms.
 */
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';

/** A label value as the text format wants it: backslash, double quote and newline escaped. */
const SPECIAL = /[\\"\n]/;
const esc = (v: string) =>
  SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;

interface Family {
  name: string;
  help: string;
  /** What follows `{station="ID"` for one station: its samples' other labels and values, or "". */
  samples(s: StationSummary, now: number, name: string, label: string): string;
}

const plain = (name: string, label: string, v: number) => `${name}${label}} ${v}\n`;
const labelled = (name: string, label: string, key: string, v: string) =>
  `${name}${label},${key}="${esc(v)}"} 1\n`;

const FAMILIES: Family[] = [
  {
    name: 'loa_hub_station_online',
    help: 'Station connected (1) or not (0)',
    samples: (s, _, n, l) => plain(n, l, s.online ? 1 : 0),
  },
  {
    name: 'loa_hub_station_last_contact_age_seconds',
    help: 'Seconds since the station was last heard',
    samples: (s, now, n, l) =>
      Number(s.lastContactMs) > 0 ? plain(n, l, Math.max(0, (now - Number(s.lastContactMs)) / 1000)) : '',
  },
  {
    name: 'loa_hub_station_on_air',
    help: 'What the station reports on air (1 for the slot)',
    samples: (s, _, n, l) => (s.onAir ? labelled(n, l, 'slot', s.onAir) : ''),
  },
  {
    name: 'loa_hub_station_power_state',
    help: 'Station power chain state (1 for the current)',
    samples: (s, _, n, l) => (s.power ? labelled(n, l, 'state', s.power) : ''),
  },
  {
    name: 'loa_hub_station_alarm_active',
    help: 'Active alarms reported by the station',
    samples: (s, _, n, l) =>
      s.alarms?.length ? [...new Set(s.alarms)].map((k) => labelled(n, l, 'kind', k)).join('') : '',
  },
  {
    name: 'loa_hub_station_pending_commands',
    help: 'Commands not yet acknowledged',
    samples: (s, _, n, l) => plain(n, l, Number(s.pendingCommands ?? 0)),
  },
  {
    name: 'loa_hub_station_schedule_behind',
    help: 'Desired minus applied schedule version',
    samples: (s, _, n, l) =>
      plain(n, l, Math.max(0, Number(s.desiredVersion ?? 0) - Number(s.appliedVersion ?? 0))),
  },
  {
    name: 'loa_hub_station_last_event_seq',
    help: 'Last event sequence acknowledged',
    samples: (s, _, n, l) => plain(n, l, Number(s.lastSeq ?? 0)),
  },
];

/** Every per-station family, each with its HELP and TYPE lines, in the stations' order. */
export function stationFamilies(all: readonly StationSummary[], now: number): string {
  const labels = all.map((s) => `{station="${esc(String(s.stationId))}"`);
  let out = '';
  for (const f of FAMILIES) {
    out += `# HELP ${f.name} ${f.help}\n# TYPE ${f.name} gauge\n`;
    for (let i = 0; i < all.length; i++)
      out += f.samples(all[i] as StationSummary, now, f.name, labels[i] as string);
  }
  return out;
}
