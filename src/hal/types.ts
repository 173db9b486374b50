/**
 * What the station needs from any hardware driver. Drivers (sim, onoff, firmata) implement
 * these small interfaces; `createHal` wires channels to drivers by the board profile.
 */
export interface DigitalOut {
  readonly name: string;
  /** Drives the output. `on` is logical (active-low is the driver's business). */
  set(on: boolean): Promise<void>;
  /** The last commanded logical level. */
  readonly commanded: boolean;
}

export interface DigitalIn {
  readonly name: string;
  /** Logical level (active-low already applied); throws a HARDWARE LoaError when unreadable. */
  read(): Promise<boolean>;
  /** Calls back on every change, where the driver can (edges, reports); returns an unsubscribe. */
  watch?(cb: (value: boolean) => void): () => void;
}

export interface AnalogIn {
  readonly name: string;
  readonly unit: string;
  /** The calibrated reading in engineering units (W, °C, V, A, kΩ, …). */
  read(): Promise<number>;
}

export type DriverKind = 'sim' | 'onoff' | 'firmata';

export interface DriverHealth {
  driver: string;
  kind: DriverKind;
  ok: boolean;
  detail?: string;
}

/** One hardware backend (a simulator, a GPIO chip, a Firmata board). */
export interface Driver {
  readonly id: string;
  readonly kind: DriverKind;
  /** Opens the device; rejects with a HARDWARE/CONFIG LoaError naming what is missing. */
  open(): Promise<void>;
  digitalOut(spec: OutputSpec): DigitalOut;
  digitalIn(spec: InputSpec): DigitalIn;
  analogIn(spec: AnalogSpec): AnalogIn;
  health(): DriverHealth;
  /** Drives every output it owns to its safe level and releases the device. */
  close(): Promise<void>;
}

export interface OutputSpec {
  name: string;
  driver: string;
  channel: string;
  activeLow: boolean;
  /** Logical level that is safe (off) — the level on start, on stop and on crash. */
  safe: boolean;
  /** Optional digital input that reads back the relay contact. */
  feedback?: string | undefined;
}

export interface InputSpec {
  name: string;
  driver: string;
  channel: string;
  activeLow: boolean;
  debounceMs?: number | undefined;
}

export interface Calibration {
  /** reading = raw * scale + offset, in `unit`. */
  scale: number;
  offset: number;
}

export interface AnalogSpec {
  name: string;
  driver: string;
  channel: string;
  unit: string;
  calibration: Calibration;
  /** Readings filtered over this many samples (median). */
  window: number;
}
