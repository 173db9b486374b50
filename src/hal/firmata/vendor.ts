/**
 * The slice of firmata-io and johnny-five that the driver uses, typed here (neither ships
 * types). Loaded lazily: johnny-five pulls in a lot, and a sim or GPIO-only station never
 * needs it.
 */
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

export interface FirmataPin {
  supportedModes: number[];
  analogChannel: number;
  value?: number;
  mode?: number;
}

export interface FirmataIo extends EventEmitter {
  isReady: boolean;
  pins: FirmataPin[];
  analogPins: number[];
  MODES: { INPUT: number; OUTPUT: number; ANALOG: number; PULLUP: number };
  firmware: { name?: string; version?: { major: number; minor: number } };
  sysexCommand(message: number[]): void;
  pinMode(pin: number, mode: number): void;
  digitalRead(pin: number, cb: (value: number) => void): void;
  analogRead(channel: number, cb: (value: number) => void): void;
  updateDigitalPort(pin: number, value: number): number;
  writeDigitalPort(port: number): void;
  setSamplingInterval(ms: number): void;
}

export interface FirmataCtor {
  new (
    transport: EventEmitter,
    options: { reportVersionTimeout: number; samplingInterval?: number },
  ): FirmataIo;
  SYSEX_RESPONSE: Record<number, ((board: FirmataIo & { buffer: number[] }) => void) | undefined>;
}

export interface J5Board extends EventEmitter {
  isReady: boolean;
  io: FirmataIo;
}

export interface J5Relay {
  /** Energises the relay (closes a normally-open circuit). */
  close(): void;
  /** De-energises it. */
  open(): void;
  readonly isClosed: boolean;
}

export interface JohnnyFive {
  Board: new (options: {
    io: FirmataIo;
    id: string;
    repl: false;
    debug: false;
    sigint: false;
    timeout: number;
  }) => J5Board;
  Relay: new (options: { pin: number; type: 'NO' | 'NC'; board: J5Board }) => J5Relay;
}

const require = createRequire(import.meta.url);
let cache: { Firmata: FirmataCtor; five: JohnnyFive } | undefined;

export function loadFirmata(): { Firmata: FirmataCtor; five: JohnnyFive } {
  cache ??= {
    Firmata: (require('firmata-io') as { Firmata: FirmataCtor }).Firmata,
    five: require('johnny-five') as JohnnyFive,
  };
  return cache;
}
