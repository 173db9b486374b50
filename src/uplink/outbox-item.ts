/** What the outbox holds and its file stores: one item per event, status change or drop record. */
import type { StationEvent } from '../core/events.js';

export type ItemBody =
  | { kind: 'event'; event: StationEvent }
  | { kind: 'changes'; changes: Record<string, unknown> }
  | { kind: 'dropped'; dropped: DropStats };

export type OutboxItem = { seq: number; ts: number } & ItemBody;

export interface DropStats {
  count: number;
  measurements: number;
  events: number;
  firstSeq: number;
  lastSeq: number;
}
