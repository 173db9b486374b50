/**
 * The modem module's status section, as the technician and the district see it. Numbers the
 * district follows have units in their names so the uplink's deadbands apply (Dbm/Db: a few
 * dB; Mb: 1 MB or 10 %); fields ending in At or Ms are never sent (they change by themselves).
 */
import type { LadderStatus } from './recovery.js';
import type { StreamHealthStatus } from './stream-health.js';
import { type ModemReading, type Registration, registered } from './types.js';
import type { DataUsage } from './usage.js';

export interface Sample {
  at: number;
  present: boolean;
  registration: Registration | null;
  connected: boolean;
  rssiDbm: number | null;
  rsrpDbm: number | null;
  rsrqDb: number | null;
  sinrDb: number | null;
}

/** Field practice for LTE RSRP: ≥ −90 good, −90…−105 fair, −105…−120 poor, below: none. */
export type Quality = 'good' | 'fair' | 'poor' | 'none' | 'unknown';

export function quality(rsrpDbm: number | null): Quality {
  if (rsrpDbm === null) return 'unknown';
  if (rsrpDbm >= -90) return 'good';
  if (rsrpDbm >= -105) return 'fair';
  if (rsrpDbm >= -120) return 'poor';
  return 'none';
}

export interface ModemStatus {
  source: 'mmcli' | 'at';
  present: boolean;
  error: string | null;
  registration: Registration | null;
  signal: {
    quality: Quality;
    rssiDbm: number | null;
    rsrpDbm: number | null;
    rsrqDb: number | null;
    sinrDb: number | null;
    tech: string | null;
    operator: string | null;
    cellId: string | null;
  };
  data: {
    state: 'connected' | 'disconnected' | 'stalled' | 'unknown';
    todayRxMb: number;
    todayTxMb: number;
    monthMb: number;
    planMb: number;
    planPct: number | null;
  };
  recovery: LadderStatus;
  stream: StreamHealthStatus;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

function dataState(reading: ModemReading | undefined, ladder: LadderStatus): ModemStatus['data']['state'] {
  if (!reading) return 'unknown';
  if (!reading.connected || !registered(reading.registration)) return 'disconnected';
  return ladder.state === 'recovering' || ladder.state === 'backoff' ? 'stalled' : 'connected';
}

export function modemStatus(i: {
  source: 'mmcli' | 'at';
  reading: ModemReading | undefined;
  lastError: string | undefined;
  usage: DataUsage;
  planMb: number;
  ladder: LadderStatus;
  stream: StreamHealthStatus;
}): ModemStatus {
  const r = i.reading;
  const today = i.usage.today;
  const monthMb = Math.round(i.usage.monthMb * 10) / 10;
  return {
    source: i.source,
    present: r !== undefined,
    error: i.lastError ?? null,
    registration: r?.registration ?? null,
    signal: {
      quality: quality(r?.signal.rsrpDbm ?? null),
      ...(r?.signal ?? { rssiDbm: null, rsrpDbm: null, rsrqDb: null, sinrDb: null }),
      tech: r?.tech ?? null,
      operator: r?.operator ?? null,
      cellId: r?.cellId ?? null,
    },
    data: {
      state: dataState(r, i.ladder),
      todayRxMb: mb(today.rxBytes),
      todayTxMb: mb(today.txBytes),
      monthMb,
      planMb: i.planMb,
      planPct: i.planMb > 0 ? Math.round((monthMb / i.planMb) * 100) : null,
    },
    recovery: i.ladder,
    stream: i.stream,
  };
}
