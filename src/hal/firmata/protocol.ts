/**
 * The Firmata messages Loa uses beyond StandardFirmata, shared by the driver, the emulator and
 * documented for the sketch in hw/firmware/LoaFirmata/. Firmata reserves sysex command bytes
 * 0x01–0x0F for user-defined commands (Firmata protocol v2.6, "Sysex Message Format"); we take
 * three of them. Every number is 7-bit encoded, least significant group first.
 *
 *   host → board  F0 0A t0 t1 F7      HEARTBEAT: (re)arms the board's watchdog for t ms
 *                                     (t = t0 | t1 << 7, 1..16383). The first heartbeat arms it.
 *   host → board  F0 0B pin level F7  FAILSAFE_PIN: writes `level` to the pin, then makes it an
 *                                     output (no glitch) and remembers `level` as its safe level.
 *   board → host  F0 0C n0 n1 F7      FAILSAFE_TRIPPED: heartbeats stopped for t ms; every
 *                                     fail-safe pin was driven to its safe level (n = trips so far).
 *
 * After a trip the board keeps its fail-safe pins at the safe level until the host writes them
 * again; the watchdog re-arms with the next heartbeat.
 */
export const SYSEX_HEARTBEAT = 0x0a;
export const SYSEX_FAILSAFE_PIN = 0x0b;
export const SYSEX_FAILSAFE_TRIPPED = 0x0c;
export const MAX_HEARTBEAT_TIMEOUT_MS = 0x3fff;

export function heartbeatMessage(timeoutMs: number): number[] {
  const t = Math.max(1, Math.min(MAX_HEARTBEAT_TIMEOUT_MS, Math.round(timeoutMs)));
  return [SYSEX_HEARTBEAT, t & 0x7f, (t >> 7) & 0x7f];
}

export function failsafePinMessage(pin: number, level: 0 | 1): number[] {
  return [SYSEX_FAILSAFE_PIN, pin & 0x7f, level];
}

/** A Firmata channel in a profile: "D7" (digital pin 7) or "A0" (analogue input 0). */
export interface FirmataChannel {
  kind: 'digital' | 'analog';
  index: number;
}

export function parseFirmataChannel(s: string): FirmataChannel | undefined {
  const m = /^([DA])(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const index = Number(m[2]);
  if (index > 127) return undefined;
  return { kind: m[1] === 'A' ? 'analog' : 'digital', index };
}
