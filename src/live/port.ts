/**
 * What the uplink hands live voice from the district: a session starts (tier, who sent it and
 * with which role, as the hub verified it), encoded audio arrives, the session ends.
 */
import { port } from '../core/port.js';

export interface LiveFeedStart {
  session: string;
  tier: string;
  zones: number[];
  by: string;
  role: string;
  /** 'webm' (MediaRecorder's WebM/Opus) or 'ogg'. */
  format: string;
}

export interface LiveFeedPort {
  /** Throws a LoaError when the station refuses (role, tier, bad zones). */
  begin(s: LiveFeedStart): void;
  data(session: string, b: Buffer): void;
  end(session: string): void;
}

export const LIVE_FEED = port<LiveFeedPort>('live feed');
