/**
 * The district hub's Prometheus gauges: for each station whether it is connected, how long
 * since it was last heard, what it has on air, its power chain, its active alarms, commands
 * waiting for it and whether it runs the schedule version the district wants
 * (station-metrics.ts, written straight as text: 10,000 stations are 80,000 series); plus the
 * hub process itself (default prom-client metrics), its storage and its RPC handler times.
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { StationSummary } from '../gen/loa/district/v1/StationSummary.js';
import { MetricsServer } from '../process/metrics-http.js';
import type { RpcTimeStats } from './rpc-times.js';
import { stationFamilies } from './station-metrics.js';

export interface HubView {
  summaries(): StationSummary[];
  now(): number;
  /** Security refusals since the hub started, by kind (security-counters.ts). */
  refusals?(): Record<string, number>;
  /** Operator RPCs' handler times (rpc-times.ts). */
  rpcTimes?(): Record<string, RpcTimeStats>;
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
  private readonly http: MetricsServer;
  private readonly refresh: () => void;

  constructor(view: HubView) {
    collectDefaultMetrics({ register: this.registry, prefix: 'loa_hub_' });
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers: [this.registry] });
    const known = gauge('loa_hub_stations_known', 'Stations the hub has on record');
    const online = gauge('loa_hub_stations_online', 'Stations connected now');
    const refused = gauge(
      'loa_hub_security_refused',
      'Requests refused for security since the hub started (forged results, revoked certificates, TLS handshakes)',
      ['kind'],
    );
    const storage = storageGauges(gauge);
    const rpc = rpcGauges(gauge);
    let all: StationSummary[] = [];
    this.refresh = () => {
      storage(view);
      rpc(view);
      for (const [kind, n] of Object.entries(view.refusals?.() ?? {})) refused.set({ kind }, n);
      all = view.summaries();
      known.set(all.length);
      online.set(all.filter((s) => s.online).length);
    };
    this.http = new MetricsServer(
      this.registry,
      async () => this.refresh(),
      () => stationFamilies(all, view.now()),
    );
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

/** Operator RPCs' handler time at the hub (rpc-times.ts): p50 and p99 of the recent calls. */
function rpcGauges(gauge: (name: string, help: string, labels: string[]) => Gauge) {
  const q = gauge(
    'loa_hub_rpc_handler_seconds',
    'Operator RPC handler time at the hub, last 2048 calls of each',
    ['rpc', 'quantile'],
  );
  const n = gauge('loa_hub_rpc_handler_calls', 'Operator RPC calls answered since the hub started', ['rpc']);
  return (view: HubView) => {
    for (const [name, st] of Object.entries(view.rpcTimes?.() ?? {})) {
      q.set({ rpc: name, quantile: '0.5' }, st.p50 / 1000);
      q.set({ rpc: name, quantile: '0.99' }, st.p99 / 1000);
      n.set({ rpc: name }, st.count);
    }
  };
}
