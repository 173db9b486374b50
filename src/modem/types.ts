/**
 * What the station knows of its 4G modem, whichever way it was read (ModemManager or the AT
 * port). Unknown values are null, never a made-up number: a modem that does not report SINR
 * shows "-", not 0 dB.
 */
export type Registration = 'home' | 'roaming' | 'searching' | 'denied' | 'idle' | 'unknown';

export interface Signal {
  rssiDbm: number | null;
  rsrpDbm: number | null;
  rsrqDb: number | null;
  sinrDb: number | null;
}

export interface ModemReading {
  registration: Registration;
  /** The data connection (bearer / PDP context) as the modem reports it. */
  connected: boolean;
  /** Access technology: gsm, umts, lte, 5gnr … (lower case, as ModemManager names them). */
  tech: string | null;
  operator: string | null;
  /** Serving cell id (hex, as 27.007 and ModemManager print it) and tracking area code. */
  cellId: string | null;
  tac: string | null;
  signal: Signal;
}

/** Where readings come from; the profile's `modem.source` picks one. */
export interface ModemSource {
  readonly kind: 'mmcli' | 'at';
  /** One reading; rejects with UNAVAILABLE when the modem is missing or does not answer. */
  read(): Promise<ModemReading>;
  /** Drops and re-establishes the data connection. */
  reconnect(): Promise<void>;
  /** Resets the modem (it re-enumerates and registers again). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const emptySignal = (): Signal => ({ rssiDbm: null, rsrpDbm: null, rsrqDb: null, sinrDb: null });

export const registered = (r: Registration): boolean => r === 'home' || r === 'roaming';
