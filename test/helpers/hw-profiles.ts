/**
 * The shipped hardware profiles, pointed at test doubles: the Firmata board at the pty of the
 * real firmware on simavr (avr-board.ts), with timings short enough for tests (the shipped
 * values are for a real rack).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import type { AvrBoard } from './avr-board.js';

export const FAST_TIMINGS = {
  txSettleMs: 20,
  ampWarmupMs: 20,
  zoneStaggerMs: 5,
  unmuteRampMs: 5,
  relayFeedbackMs: 300,
};

export const FAST_BOARD = {
  heartbeatMs: 50,
  failsafeTimeoutMs: 300,
  handshakeTimeoutMs: 2000,
  reconnectMs: 100,
  staleMs: 1000,
};

export function hwProfile(name: 'firmata-only' | 'rpi4-gpio', port: string, board = {}): Profile {
  const p = loadProfile(name);
  const drv = p.drivers.board as Record<string, unknown>;
  Object.assign(drv, FAST_BOARD, board, { port });
  Object.assign(p.timings, FAST_TIMINGS);
  return p;
}

/** Writes a profile to a file (for the daemon and stationctl) and returns its path. */
export function writeProfile(dir: string, p: Profile): string {
  const file = join(dir, `${p.name}.json`);
  writeFileSync(file, JSON.stringify(p, null, 2));
  return file;
}

/** firmata-only's wiring on the board: relay contacts D22–D28 → D30–D35, mains present. */
export function wireFirmataOnly(emu: Pick<AvrBoard, 'linkContact' | 'setDigital'>): void {
  const contacts: [number, number][] = [
    [22, 30], // tx.power → tx.feedback
    [23, 31], // amp.power → amp.feedback
    [25, 32],
    [26, 33],
    [27, 34],
    [28, 35], // zones 1–4
  ];
  for (const [coil, contact] of contacts) emu.linkContact(coil, contact, 0); // low-level trigger
  emu.setDigital(36, 0); // mains.present: opto pulls to ground while mains is there
}
