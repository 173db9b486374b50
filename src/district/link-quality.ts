/**
 * A station's 4G link quality for operators, from its latest state at the hub: the modem
 * module's section (`modules.modem.*`, flattened, as the station's deadbanded reports left
 * it). Absent when the station reports no modem. The district's "signal quality per cluster"
 * (Decision 135) is this, per station, in ListStations/GetStation/WatchStations.
 */
import type { LinkQuality } from '../gen/loa/district/v1/LinkQuality.js';

const P = 'modules.modem.';

export function linkQuality(state: Record<string, unknown>): LinkQuality | undefined {
  if (!(`${P}source` in state)) return undefined;
  const num = (k: string) => {
    const v = state[P + k];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const str = (k: string) => {
    const v = state[P + k];
    return typeof v === 'string' ? v : '';
  };
  const opt = (field: string, k: string) => {
    const v = num(k);
    return v === undefined ? {} : { [field]: v };
  };
  return {
    quality: str('signal.quality') || 'unknown',
    ...opt('rsrpDbm', 'signal.rsrpDbm'),
    ...opt('rsrqDb', 'signal.rsrqDb'),
    ...opt('sinrDb', 'signal.sinrDb'),
    ...opt('rssiDbm', 'signal.rssiDbm'),
    tech: str('signal.tech'),
    operator: str('signal.operator'),
    cellId: str('signal.cellId'),
    registration: str('registration') || 'unknown',
    dataState: str('data.state') || 'unknown',
    modemPresent: state[`${P}present`] === true,
    monthMb: num('data.monthMb') ?? 0,
    planMb: num('data.planMb') ?? 0,
    underrunsToday: num('stream.underruns') ?? 0,
    reconnectsToday: num('stream.reconnects') ?? 0,
    deadAirSToday: num('stream.deadAirS') ?? 0,
    recentPowerCycles: num('recovery.powerCycles24h') ?? 0,
  };
}
