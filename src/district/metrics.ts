/**
 * The district hub's Prometheus gauges: for each station whether it is connected, how long
 * since it was last heard, what it has on air, its power chain, its active alarms, commands
 * waiting for it and whether it runs the schedule version the district wants; plus the hub
 * process itself (default prom-client metrics).
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import { MetricsServer } from '../process/metrics-http.js';

export interface HubView {
  summaries(): StationSummary[];
  now(): number;
  /** Security refusals since the hub started, by kind (security-counters.ts). */
  refusals?(): Record<string, number>;
  /** The database and its disk (hub.storageGauges). */
  storage?(): {
    full: boolean;
    usedBytes: number;
    maxBytes: number;
    fsFreeBytes: number;
    removedLastRun: number;
  };
}

export class HubMetrics {
  readonly registry = new Registry();
  private readonly http = new MetricsServer(this.registry, async () => this.refresh());
  private readonly refresh: () => void;

  constructor(view: HubView) {
    collectDefaultMetrics({ register: this.registry, prefix: 'loa_hub_' });
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers: [this.registry] });
    const known = gauge('loa_hub_stations_known', 'Stations the hub has on record');
    const online = gauge('loa_hub_stations_online', 'Stations connected now');
    const up = gauge('loa_hub_station_online', 'Station connected (1) or not (0)', ['station']);
    const age = gauge(
      'loa_hub_station_last_contact_age_seconds',
      'Seconds since the station was last heard',
      ['station'],
    );
    const air = gauge('loa_hub_station_on_air', 'What the station reports on air (1 for the slot)', [
      'station',
      'slot',
    ]);
    const power = gauge('loa_hub_station_power_state', 'Station power chain state (1 for the current)', [
      'station',
      'state',
    ]);
    const alarm = gauge('loa_hub_station_alarm_active', 'Active alarms reported by the station', [
      'station',
      'kind',
    ]);
    const pending = gauge('loa_hub_station_pending_commands', 'Commands not yet acknowledged', ['station']);
    const lag = gauge('loa_hub_station_schedule_behind', 'Desired minus applied schedule version', [
      'station',
    ]);
    const seq = gauge('loa_hub_station_last_event_seq', 'Last event sequence acknowledged', ['station']);
    const refused = gauge(
      'loa_hub_security_refused',
      'Requests refused for security since the hub started (forged results, revoked certificates, TLS handshakes)',
      ['kind'],
    );
    const storage = storageGauges(gauge);
    this.refresh = () => {
      storage(view);
      for (const [kind, n] of Object.entries(view.refusals?.() ?? {})) refused.set({ kind }, n);
      const all = view.summaries();
      const now = view.now();
      for (const g of [up, age, air, power, alarm, pending, lag, seq]) g.reset();
      known.set(all.length);
      online.set(all.filter((s) => s.online).length);
      for (const s of all) {
        const station = s.stationId;
        up.set({ station }, s.online ? 1 : 0);
        if (Number(s.lastContactMs) > 0)
          age.set({ station }, Math.max(0, (now - Number(s.lastContactMs)) / 1000));
        if (s.onAir) air.set({ station, slot: s.onAir }, 1);
        if (s.power) power.set({ station, state: s.power }, 1);
        for (const kind of s.alarms ?? []) alarm.set({ station, kind }, 1);
        pending.set({ station }, Number(s.pendingCommands ?? 0));
        lag.set({ station }, Math.max(0, Number(s.desiredVersion ?? 0) - Number(s.appliedVersion ?? 0)));
        seq.set({ station }, Number(s.lastSeq ?? 0));
      }
    };
  }

  text(): Promise<string> {
    return this.http.text();
  }

  listen(host: string, port: number): Promise<number> {
    return this.http.listen(host, port);
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** The hub's storage: the alarm (writes refused for a full disk) and what to watch before it. */
function storageGauges(gauge: (name: string, help: string) => Gauge) {
  const full = gauge('loa_hub_storage_full', 'The hub refuses new writes: its disk is full (1) or not (0)');
  const used = gauge(
    'loa_hub_db_used_bytes',
    'Bytes of the hub database in use (the retention budget counts these)',
  );
  const max = gauge('loa_hub_db_max_bytes', 'The retention budget of the hub database (maxDbMB)');
  const free = gauge('loa_hub_fs_free_bytes', "Free bytes on the hub database's filesystem");
  const removed = gauge('loa_hub_retention_removed_last_run', 'Rows the last retention run removed');
  return (view: HubView) => {
    const s = view.storage?.();
    if (!s) return;
    full.set(s.full ? 1 : 0);
    used.set(s.usedBytes);
    max.set(s.maxBytes);
    free.set(s.fsFreeBytes);
    removed.set(s.removedLastRun);
  };
}
