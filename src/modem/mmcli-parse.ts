/**
 * ModemManager's JSON (`mmcli -J`, ModemManager 1.18–1.22) turned into a reading. mmcli prints
 * every value as a string and "--" for none; signal values come from `--signal-get` (after a
 * `--signal-setup` rate), the cell from `--location-get` (3GPP location enabled), the data
 * connection from the bearer (`-b`).
 */
import type { ModemReading, Registration, Signal } from './types.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '--' && v !== '' ? v : null);
const num = (v: unknown): number | null => {
  const s = str(v);
  const n = s === null ? Number.NaN : Number(s);
  return Number.isFinite(n) ? n : null;
};

/** MMModem3gppRegistrationState nicknames (mmcli prints them). */
const REG: Record<string, Registration> = {
  home: 'home',
  roaming: 'roaming',
  'home-sms-only': 'home',
  'roaming-sms-only': 'roaming',
  'home-csfb-not-preferred': 'home',
  'roaming-csfb-not-preferred': 'roaming',
  searching: 'searching',
  denied: 'denied',
  idle: 'idle',
  unknown: 'unknown',
};

export interface MmcliModem {
  registration: Registration;
  state: string;
  tech: string | null;
  operator: string | null;
  bearers: string[];
}

/** `mmcli -J -m N`: state, registration, operator, access technologies, bearer paths. */
export function parseMmcliModem(json: Json): MmcliModem {
  const modem = obj(json.modem);
  const generic = obj(modem.generic);
  const g3 = obj(modem['3gpp']);
  const techs = Array.isArray(generic['access-technologies']) ? generic['access-technologies'] : [];
  return {
    registration: REG[str(g3['registration-state']) ?? 'unknown'] ?? 'unknown',
    state: str(generic.state) ?? 'unknown',
    tech: str(techs[0]),
    operator: str(g3['operator-name']),
    bearers: (Array.isArray(generic.bearers) ? generic.bearers : []).filter(
      (b): b is string => typeof b === 'string',
    ),
  };
}

/** `mmcli -J -m N --signal-get`: the LTE block, else the 5G, UMTS or GSM one that has values. */
export function parseMmcliSignal(json: Json): Signal {
  const signal = obj(obj(json.modem).signal);
  for (const tech of ['lte', '5g', 'umts', 'gsm']) {
    const s = obj(signal[tech]);
    const out: Signal = {
      rssiDbm: num(s.rssi),
      rsrpDbm: num(s.rsrp),
      rsrqDb: num(s.rsrq),
      sinrDb: num(s.snr ?? s.sinr),
    };
    if (Object.values(out).some((v) => v !== null)) return out;
  }
  return { rssiDbm: null, rsrpDbm: null, rsrqDb: null, sinrDb: null };
}

/** `mmcli -J -m N --location-get`: the serving cell (hex cid, lac or tac). */
export function parseMmcliLocation(json: Json): { cellId: string | null; tac: string | null } {
  const l3 = obj(obj(obj(json.modem).location)['3gpp']);
  return {
    cellId: str(l3.cid)?.toUpperCase() ?? null,
    tac: (str(l3.tac) ?? str(l3.lac))?.toUpperCase() ?? null,
  };
}

/** `mmcli -J -b PATH`: whether the bearer is connected. */
export function parseMmcliBearer(json: Json): boolean {
  return str(obj(obj(json.bearer).status).connected) === 'yes';
}

export function mmcliReading(
  modem: MmcliModem,
  signal: Signal,
  cell: { cellId: string | null; tac: string | null },
  bearerUp: boolean,
): ModemReading {
  return {
    registration: modem.registration,
    // ModemManager's "connected" state is the bearer up; trust the bearer when it says so
    connected: bearerUp || modem.state === 'connected',
    tech: modem.tech,
    operator: modem.operator,
    cellId: cell.cellId,
    tac: cell.tac,
    signal,
  };
}
