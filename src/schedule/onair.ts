/**
 * Finding the audio engine's OnAirPort among the station's modules, and what stands in when a
 * build has no audio engine: a port that refuses to play (UNAVAILABLE), so the schedule still
 * plans, powers and reports — and says plainly that nothing can be played.
 */
import type { EndReason, OnAirInfo, OnAirPort, PlayRequest, Slot } from '../audio/port.js';
import { LoaError } from '../core/errors.js';
import type { StationModule } from '../module/module.js';

export function isOnAirPort(x: unknown): x is OnAirPort {
  const p = x as Partial<Record<keyof OnAirPort, unknown>> | undefined;
  return (
    typeof p === 'object' &&
    p !== null &&
    ['play', 'stop', 'onAir', 'onEnded', 'onFirstAudio'].every(
      (k) => typeof p[k as keyof OnAirPort] === 'function',
    )
  );
}

/** The 'audio' module itself, or its `engine` / `port` property, whichever implements OnAirPort. */
export function findOnAirPort(modules: readonly StationModule[]): OnAirPort | undefined {
  const audio = modules.find((m) => m.name === 'audio') as
    | (StationModule & { engine?: unknown; port?: unknown })
    | undefined;
  if (!audio) return undefined;
  for (const key of ['engine', 'port'] as const) {
    let c: unknown;
    try {
      c = audio[key]; // a getter that throws when the module did not start
    } catch {
      continue;
    }
    if (isOnAirPort(c)) return c;
  }
  return isOnAirPort(audio) ? audio : undefined;
}

export class UnavailablePort implements OnAirPort {
  async play(_slot: Slot, req: PlayRequest): Promise<void> {
    throw new LoaError('UNAVAILABLE', `cannot play ${req.id}: this station has no audio engine`);
  }
  async stop(): Promise<void> {}
  onAir(): OnAirInfo {
    return { slot: 'silence' };
  }
  onEnded(_cb: (slot: Slot, id: string, reason: EndReason) => void): () => void {
    return () => undefined;
  }
  onFirstAudio(_cb: (slot: Slot, id: string, atMs: number) => void): () => void {
    return () => undefined;
  }
}
