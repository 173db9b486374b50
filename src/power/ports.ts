/**
 * The power chain's ports (core/port.ts). The station core provides POWER (the chain, the
 * transmitter guard, and persisting what was commanded); modules may provide FADER (the audio
 * engine ramps the programme around mute) and POWER_HOLDER (the schedule holds the chain for a
 * programme or an emergency), which the core plugs into the chain.
 */
import { port } from '../core/port.js';
import type { Commanded, Fader, PowerChain } from './chain.js';
import type { Supervisor } from './supervisor.js';
import type { Transmitter } from './transmitter.js';

/** Something that holds the power chain on behalf of the schedule or an emergency. */
export interface PowerHolder {
  /** The commanded state to persist while the chain is held: what it returns to afterwards. */
  baseline(current: Commanded): Commanded;
  /** A technician's explicit power on/off while held: the chain stays that way afterwards. */
  manualPower(on: boolean): void;
}

export interface StationPower {
  readonly chain: PowerChain;
  readonly tx: Transmitter;
  readonly supervisor: Supervisor;
  /** Persists the commanded state (after every command that changed it). */
  saveCommanded(): void;
}

export const POWER = port<StationPower>('power');
export const FADER = port<Fader>('fader');
export const POWER_HOLDER = port<PowerHolder>('power holder');
