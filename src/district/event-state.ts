/**
 * What an event says about the station's state, applied when the event arrives (issue 13,
 * item 8): the station samples its status for the outbox every few seconds (LOA_LINK_SAMPLE_MS;
 * 10 s in service), but it writes "power.on" the moment the chain is up. Without this the
 * operators' summary and watch said "off" for up to a sample period after the power event.
 * Applied in outbox order, so a later sample still wins over an earlier event.
 */
import type { StationEvent } from '../core/events.js';

const POWER: Readonly<Record<string, string>> = { 'power.on': 'on', 'power.off': 'off' };

/** The flattened state changes an event implies, or undefined. */
export function stateOfEvent(e: Pick<StationEvent, 'kind'>): Record<string, unknown> | undefined {
  const power = Object.hasOwn(POWER, e.kind) ? POWER[e.kind] : undefined;
  return power ? { 'power.state': power } : undefined;
}
