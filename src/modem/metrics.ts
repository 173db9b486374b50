/** Prometheus gauges for the 4G modem: signal, registration, data connection, SIM data use. */
import { Gauge, type Registry } from 'prom-client';
import type { ModemStatus } from './status.js';

export function registerModemMetrics(registry: Registry, status: () => ModemStatus | undefined) {
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const signal = gauge('loa_modem_signal', 'Modem signal (dBm for rssi/rsrp, dB for rsrq/sinr)', ['measure']);
  const present = gauge('loa_modem_present', 'The modem answers');
  const reg = gauge('loa_modem_registered', 'Registered on a network (home or roaming)');
  const connected = gauge('loa_modem_data_connected', 'Data connection up as the modem reports it');
  const month = gauge('loa_modem_month_megabytes', "SIM data used this month (MB) and the month's plan", [
    'what',
  ]);
  const cycles = gauge('loa_modem_power_cycles_24h', 'Power cycles by the recovery ladder in 24 h');
  return () => {
    const s = status();
    if (!s) return;
    signal.reset();
    const m = {
      rssi: s.signal.rssiDbm,
      rsrp: s.signal.rsrpDbm,
      rsrq: s.signal.rsrqDb,
      sinr: s.signal.sinrDb,
    };
    for (const [k, v] of Object.entries(m)) if (v !== null) signal.set({ measure: k }, v);
    present.set(s.present ? 1 : 0);
    reg.set(s.registration === 'home' || s.registration === 'roaming' ? 1 : 0);
    connected.set(s.data.state === 'connected' ? 1 : 0);
    month.set({ what: 'used' }, s.data.monthMb);
    month.set({ what: 'plan' }, s.data.planMb);
    cycles.set(s.recovery.powerCycles24h);
  };
}
