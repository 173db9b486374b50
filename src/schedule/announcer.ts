/**
 * The schedule's announcement runner as a port: what plays above the programme with the power
 * chain forced up and the attention chime first (emergencies, text bulletins, live voice),
 * and the tier of the scheduled item on air — so live voice (src/live/) plays through the same
 * runner, by the same tier order (Circular 39/2020: emergency > priority > normal).
 */
import { port } from '../core/port.js';
import type { BulletinTier, EmergencyRequest, EmergencyStatus } from './emergency.js';

export interface Announcer {
  /** Starts now (an announcement on air is replaced). */
  start(req: EmergencyRequest): EmergencyStatus;
  stop(): Promise<EmergencyStatus>;
  status(): EmergencyStatus;
  /** The tier of the scheduled programme on air now, if any. */
  scheduledTier(): BulletinTier | undefined;
  /** The station's zones, in order. */
  zoneIds(): number[];
}

export const ANNOUNCER = port<Announcer>('announcer');
