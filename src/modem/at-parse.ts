/**
 * Answers of 3GPP TS 27.007 commands (and two vendor extensions) turned into readings. Each
 * function takes the answer lines of one command and returns what it found; an answer that
 * does not match leaves the field unknown. The scales are the standard's own tables.
 */
import type { Registration, Signal } from './types.js';

/** The payload after `+NAME: ` on the first line that carries it, split on commas (quotes kept out). */
export function fields(lines: string[], name: string): string[] | undefined {
  const prefix = `${name}:`;
  const line = lines.find((l) => l.startsWith(prefix));
  if (line === undefined) return undefined;
  return line
    .slice(prefix.length)
    .trim()
    .split(',')
    .map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
}

const int = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
};

/** 27.007 §8.5 +CSQ: rssi 0 = −113 dBm or less, 2 dB steps, 31 = −51 dBm or more, 99 unknown. */
export function parseCsq(lines: string[]): number | null {
  const n = int(fields(lines, '+CSQ')?.[0]);
  if (n === undefined || n < 0 || n > 31) return null;
  return -113 + 2 * n;
}

/**
 * 27.007 §8.69 +CESQ: rxlev, ber, rscp, ecno, rsrq, rsrp. RSRQ 0..34 in 0.5 dB steps from
 * −20 dB (0 is "below −19.5"), RSRP 0..97 in 1 dB steps from −141 dBm (0 is "below −140");
 * 255 is unknown (also what a modem off LTE reports).
 */
export function parseCesq(lines: string[]): Pick<Signal, 'rsrpDbm' | 'rsrqDb'> {
  const f = fields(lines, '+CESQ');
  const rsrq = int(f?.[4]);
  const rsrp = int(f?.[5]);
  return {
    rsrqDb: rsrq !== undefined && rsrq >= 0 && rsrq <= 34 ? -20 + rsrq / 2 : null,
    rsrpDbm: rsrp !== undefined && rsrp >= 0 && rsrp <= 97 ? -141 + rsrp : null,
  };
}

/** 27.007 §7.3 <AcT> values, named as ModemManager names access technologies. */
const ACT: Record<number, string> = {
  0: 'gsm',
  1: 'gsm',
  2: 'umts',
  3: 'edge',
  4: 'hsdpa',
  5: 'hsupa',
  6: 'hspa',
  7: 'lte',
  8: 'gsm',
  9: 'lte',
  10: 'lte',
  11: '5gnr',
  12: '5gnr',
  13: 'lte',
};

/** 27.007 §7.3 +COPS?: mode, format, operator, AcT (format 0: long alphanumeric name). */
export function parseCops(lines: string[]): { operator: string | null; tech: string | null } {
  const f = fields(lines, '+COPS');
  const act = int(f?.[3]);
  return {
    operator: f?.[2] ? f[2] : null,
    tech: act !== undefined ? (ACT[act] ?? null) : null,
  };
}

const STAT: Record<number, Registration> = {
  0: 'idle',
  1: 'home',
  2: 'searching',
  3: 'denied',
  4: 'unknown',
  5: 'roaming',
};

/**
 * 27.007 §7.2 +CREG? / §10.1.22 +CEREG?: n, stat[, lac|tac, ci[, AcT]]. With n = 2 (set at
 * start) the answer carries the area code and the cell id in hex.
 */
export function parseReg(
  lines: string[],
  name: '+CREG' | '+CEREG',
): { registration: Registration; tac: string | null; cellId: string | null } | undefined {
  const f = fields(lines, name);
  const stat = int(f?.[1]);
  if (!f || stat === undefined) return undefined;
  return {
    registration: STAT[stat] ?? 'unknown',
    tac: f[2] ? f[2].toUpperCase() : null,
    cellId: f[3] ? f[3].toUpperCase() : null,
  };
}

/** 27.007 §10.1.10 +CGACT?: one line per context, `+CGACT: <cid>,<state>`; any active = connected. */
export function parseCgact(lines: string[]): boolean {
  return lines.some((l) => /^\+CGACT:\s*\d+\s*,\s*1\b/.test(l));
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s === '' || s === '-') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/**
 * Quectel AT+QENG="servingcell" on LTE (EC2x/EG2x "LTE Standard" AT manual): …,"LTE",is_tdd,
 * MCC,MNC,cellID,PCID,earfcn,band,ul_bw,dl_bw,TAC,RSRP,RSRQ,RSSI,SINR,… The EC2x reports SINR
 * as 0..250 for −20..+30 dB (value / 5 − 20).
 */
export function parseQeng(lines: string[]): (Signal & { cellId: string; tac: string }) | undefined {
  const f = fields(lines, '+QENG');
  if (f?.[0] !== 'servingcell' || f[2] !== 'LTE') return undefined;
  const sinr = num(f[16]);
  return {
    cellId: (f[6] ?? '').toUpperCase(),
    tac: (f[12] ?? '').toUpperCase(),
    rsrpDbm: num(f[13]),
    rsrqDb: num(f[14]),
    rssiDbm: num(f[15]),
    sinrDb: sinr === null ? null : sinr / 5 - 20,
  };
}

/**
 * SIMCom AT+CPSI? on LTE (SIM7500/7600 AT manual): LTE,Online,MCC-MNC,TAC,SCellID,PCellID,band,
 * earfcn,dlbw,ulbw,RSRQ,RSRP,RSSI,RSSNR — RSRQ, RSRP and RSSI in tenths of a dB, RSSNR in dB.
 */
export function parseCpsi(lines: string[]): (Signal & { cellId: string; tac: string }) | undefined {
  const f = fields(lines, '+CPSI');
  if (f?.[0] !== 'LTE' || f[1] !== 'Online') return undefined;
  const tenth = (s: string | undefined) => {
    const n = num(s);
    return n === null ? null : n / 10;
  };
  const cell = Number(f[4]);
  return {
    tac: (f[3] ?? '').replace(/^0x/i, '').toUpperCase(),
    cellId: Number.isFinite(cell) ? cell.toString(16).toUpperCase() : '',
    rsrqDb: tenth(f[10]),
    rsrpDbm: tenth(f[11]),
    rssiDbm: tenth(f[12]),
    sinrDb: num(f[13]),
  };
}
