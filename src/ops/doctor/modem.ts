/**
 * Doctor checks on the 4G modem (the modem module's status section): missing, not registered,
 * hung (the recovery ladder at work or given up), weak signal, SIM data nearly spent — else
 * one "ok" line with the operator, technology and signal. No modem section: no finding.
 */
import type { ModemStatus } from '../../modem/status.js';
import { MODEM_ALARMS } from '../../modem/thresholds.js';
import { type Finding, fault, ok, warn } from './types.js';

/** Modem alarms these checks explain (the generic alarm list leaves them out). */
export const MODEM_EXPLAINED = Object.values(MODEM_ALARMS);

function signalVars(m: ModemStatus): Record<string, string | number> {
  const s = m.signal;
  return {
    op: s.operator ?? '-',
    tech: (s.tech ?? '-').toUpperCase(),
    rsrp: s.rsrpDbm ?? '-',
    sinr: s.sinrDb ?? '-',
    quality: `@modem.q.${s.quality}`,
  };
}

function dataFindings(m: ModemStatus, alarms: Set<string>): Finding[] {
  const out: Finding[] = [];
  const rec = m.recovery;
  if (alarms.has(MODEM_ALARMS.hung))
    out.push(fault('modem.data', 'doc.modem.hung', { cycles: rec.powerCycles24h }));
  else if (rec.state === 'recovering')
    out.push(warn('modem.data', 'doc.modem.recovering', { step: rec.step ?? '-' }));
  if (alarms.has(MODEM_ALARMS.budget))
    out.push(
      warn('modem.budget', 'doc.modem.budget', {
        used: m.data.monthMb,
        plan: m.data.planMb,
        pct: m.data.planPct ?? 0,
      }),
    );
  return out;
}

export function checkModem(modem: unknown, activeAlarms: string[]): Finding[] {
  const m = modem as ModemStatus | undefined;
  if (!m?.signal) return [];
  const alarms = new Set(activeAlarms);
  if (!m.present)
    return [fault('modem', 'doc.modem.missing', { error: m.error ?? '-' }), ...dataFindings(m, alarms)];
  const vars = signalVars(m);
  const out: Finding[] = [];
  if (alarms.has(MODEM_ALARMS.unregistered))
    out.push(fault('modem', 'doc.modem.unregistered', { reg: m.registration ?? '-' }));
  else if (alarms.has(MODEM_ALARMS.weak)) out.push(warn('modem', 'doc.modem.weak', vars));
  else out.push(ok('modem', 'doc.modem.ok', vars));
  return [...out, ...dataFindings(m, alarms)];
}
