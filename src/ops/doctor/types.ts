/** A doctor finding: a status, a plain-language explanation and the next step (by catalogue key). */
export type FindingStatus = 'ok' | 'warn' | 'fault';

export interface Finding {
  /** Stable id of the check, e.g. `tx.lockout`, `zone.2.relay`. */
  id: string;
  status: FindingStatus;
  /** Catalogue key; the catalogue has `<key>` (what is wrong) and `<key>.next` (what to do). */
  key: string;
  vars?: Record<string, string | number>;
  /** The next step's catalogue key when it depends on the station's state (default `<key>.next`). */
  next?: string;
}

export const ok = (id: string, key: string, vars?: Finding['vars']): Finding => ({
  id,
  status: 'ok',
  key,
  ...(vars ? { vars } : {}),
});
export const warn = (id: string, key: string, vars?: Finding['vars']): Finding => ({
  id,
  status: 'warn',
  key,
  ...(vars ? { vars } : {}),
});
export const fault = (id: string, key: string, vars?: Finding['vars']): Finding => ({
  id,
  status: 'fault',
  key,
  ...(vars ? { vars } : {}),
});

/** Exit code of `stationctl doctor`: 0 all good, 1 warnings, 2 faults. */
export function doctorExitCode(findings: Finding[]): 0 | 1 | 2 {
  if (findings.some((f) => f.status === 'fault')) return 2;
  if (findings.some((f) => f.status === 'warn')) return 1;
  return 0;
}
