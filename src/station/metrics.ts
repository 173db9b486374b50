/**
 * Prometheus metrics for the station (prom-client), served on loopback. Values are read from
 * the same status the technician sees, refreshed on each scrape; station modules add their
 * own gauges through `registerMetrics`.
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { StationStatus } from '../api/status.js';
import { MetricsServer } from '../process/metrics-http.js';
import type { StationControl } from './control.js';

const CHAIN_STATES = ['off', 'powering-up', 'on', 'powering-down'] as const;
const TX_STATES = ['off', 'on', 'tripped', 'overtemp', 'lockout', 'absent'] as const;

export class StationMetrics {
  readonly registry = new Registry();
  private readonly http = new MetricsServer(this.registry, () => this.refresh());
  private readonly g: Record<string, Gauge>;
  private readonly refreshers: Array<() => Promise<void> | void> = [];

  constructor(private readonly control: StationControl) {
    this.registry.setDefaultLabels({ station: control.station.stationId });
    collectDefaultMetrics({ register: this.registry, prefix: 'loa_' });
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers: [this.registry] });
    this.g = {
      chain: gauge('loa_power_chain_state', 'Power chain state (1 for the current one)', ['state']),
      // a profile without a transmitter (a 4G cluster) has no transmitter series at all
      ...(control.station.profile.transmitter.present
        ? {
            tx: gauge('loa_transmitter_state', 'Transmitter state (1 for the current one)', ['state']),
            fwd: gauge('loa_transmitter_forward_watts', 'Transmitter forward power'),
            refl: gauge('loa_transmitter_reflected_watts', 'Transmitter reflected power'),
            temp: gauge('loa_transmitter_temperature_celsius', 'Transmitter temperature'),
            trips: gauge('loa_transmitter_recent_trips', 'Transmitter trips within the lockout window'),
          }
        : {}),
      ampOn: gauge('loa_amplifier_on', 'Amplifier commanded on'),
      ampA: gauge('loa_amplifier_current_amperes', 'Amplifier current draw'),
      mains: gauge('loa_mains_present', 'Mains power present'),
      zone: gauge('loa_zone_relay', 'Zone relay: commanded and contact read-back', ['zone', 'what']),
      alarm: gauge('loa_alarm_active', 'Active alarms by kind', ['kind']),
      seq: gauge('loa_events_last_seq', 'Sequence number of the last event'),
      dropped: gauge('loa_events_dropped', 'Events dropped from the bounded log since start'),
    };
    for (const m of control.station.modules) {
      const refresh = m.registerMetrics?.(this.registry);
      if (refresh) this.refreshers.push(refresh);
    }
  }

  async refresh(): Promise<void> {
    const s = await this.control.status();
    this.setCore(s);
    for (const r of this.refreshers) await r();
  }

  async text(): Promise<string> {
    return this.http.text();
  }

  /** Serves GET /metrics on host:port (port 0 picks a free one); resolves with the port. */
  listen(host: string, port: number): Promise<number> {
    return this.http.listen(host, port);
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private setCore(s: StationStatus): void {
    for (const st of CHAIN_STATES) this.g.chain?.set({ state: st }, s.power.state === st ? 1 : 0);
    const tx = s.transmitter;
    if (tx) {
      for (const st of TX_STATES) this.g.tx?.set({ state: st }, tx.state === st ? 1 : 0);
      this.g.fwd?.set(tx.forwardW);
      this.g.refl?.set(tx.reflectedW);
      this.g.temp?.set(tx.temperatureC);
      this.g.trips?.set(tx.trips);
    }
    this.g.ampOn?.set(s.amplifier.on ? 1 : 0);
    if (s.amplifier.currentA !== undefined) this.g.ampA?.set(s.amplifier.currentA);
    this.g.mains?.set(s.mainsPresent ? 1 : 0);
    for (const z of s.zones) {
      this.g.zone?.set({ zone: String(z.id), what: 'commanded' }, z.relay ? 1 : 0);
      if (z.feedback !== undefined)
        this.g.zone?.set({ zone: String(z.id), what: 'contact' }, z.feedback ? 1 : 0);
    }
    this.g.alarm?.reset();
    for (const a of s.alarms) this.g.alarm?.set({ kind: a.key }, 1);
    this.g.seq?.set(s.events.lastSeq);
    this.g.dropped?.set(s.events.dropped);
  }
}

export { parseListen } from '../process/metrics-http.js';
