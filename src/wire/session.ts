/**
 * What the Session stream (loa.district.v1 GatewayService) carries between a station and its
 * hub, as plain values, and the wire messages for them. The station's uplink and the hub's
 * gateway both map through here, so neither imports the other (docs/architecture.md).
 */

import { derivedText, isDerived } from '../core/event-text.js';
import type { StationEvent } from '../core/events.js';
import { isText, type Text } from '../core/i18n.js';
import type { Command, Command__Output } from '../gen/loa/district/v1/Command.js';
import type { DesiredState, DesiredState__Output } from '../gen/loa/district/v1/DesiredState.js';
import type { OutboxItem__Output, OutboxItem as WireItem } from '../gen/loa/district/v1/OutboxItem.js';
import type { StationEvent as WireEvent } from '../gen/loa/district/v1/StationEvent.js';
import { fromStruct, fromValue, toStruct, toValue } from './struct.js';

/** How many items a full outbox dropped, by class, and which sequence numbers they had. */
export interface DropCounts {
  count: number;
  measurements: number;
  events: number;
  firstSeq: number;
  lastSeq: number;
}

/** One outbox item: a station event, status leaves that moved, or a "dropped N" record. */
export type LinkItem = { seq: number; ts: number } & (
  | { kind: 'event'; event: Omit<StationEvent, 'ts'> }
  | { kind: 'changes'; changes: Record<string, unknown> }
  | { kind: 'dropped'; dropped: DropCounts }
);

/** A command from the hub, with the operator the hub verified (certificate name) and its role. */
export interface LinkCommand {
  id: string;
  method: string;
  params: unknown;
  sentAtMs: number;
  expiresAtMs: number;
  issuedBy?: string;
  issuerRole?: string;
}

/** A version of desired state: the schedule document and the media it needs (by sha256). */
export interface LinkDesired {
  version: number;
  schedule: Record<string, unknown>;
  media: { sha256: string; sizeBytes: number; name: string }[];
}

export function toWireItem(i: LinkItem): WireItem {
  const base = { seq: i.seq, tsMs: i.ts };
  if (i.kind === 'changes') return { ...base, changes: toStruct(i.changes) };
  if (i.kind === 'dropped') return { ...base, dropped: i.dropped };
  return { ...base, event: toWireEvent(i.event, 'link') };
}

/**
 * A station event as loa.district.v1.StationEvent: on the station's `link`, where a text its
 * details make again is left out (textForWire), and whole in the hub's answers to operators
 * and their tools, which need not know how to make it.
 */
export function toWireEvent(e: Omit<StationEvent, 'ts'>, to: 'link' | 'operator'): WireEvent {
  const text = to === 'link' ? textForWire(e) : e.text ? { ...e.text } : null;
  return {
    eventSeq: e.seq,
    kind: e.kind,
    severity: e.severity,
    sub: e.sub,
    message: e.message,
    details: toStruct(e.details),
    text: text && toStruct(text),
  };
}

/**
 * A text the details make again (core/event-text.ts: commands, play-log items, alarms raised)
 * does not travel: most of a station's events, so its SIM does not carry their words twice.
 */
function textForWire(e: Omit<StationEvent, 'ts'>): Record<string, unknown> | null {
  if (!e.text || isDerived(e.kind, e.details, e.text)) return null;
  return { ...e.text };
}

/**
 * An event's keyed text from the wire, or else the one its details make (left out on the
 * wire, or an older station's event); undefined when neither says.
 */
export function textFromWire(
  s: Parameters<typeof fromStruct>[0],
  kind: string,
  details: Record<string, unknown>,
): Text | undefined {
  const t = fromStruct(s);
  return isText(t) ? t : derivedText(kind, details);
}

export function fromWireItem(i: OutboxItem__Output): LinkItem {
  const base = { seq: i.seq, ts: i.tsMs };
  if (i.event) {
    const e = i.event;
    const event = {
      seq: e.eventSeq,
      kind: e.kind,
      severity: e.severity as 'info' | 'warning' | 'alarm',
      sub: e.sub,
      message: e.message,
      details: fromStruct(e.details),
    };
    return { ...base, kind: 'event', event: { ...event, text: textFromWire(e.text, e.kind, event.details) } };
  }
  if (i.dropped) return { ...base, kind: 'dropped', dropped: i.dropped };
  return { ...base, kind: 'changes', changes: fromStruct(i.changes) };
}

export function toWireCommand(c: LinkCommand): Command {
  return { ...c, params: toValue(c.params) };
}

export function fromWireCommand(c: Command__Output): LinkCommand {
  return {
    id: c.id,
    method: c.method,
    params: fromValue(c.params) ?? {},
    sentAtMs: c.sentAtMs,
    expiresAtMs: c.expiresAtMs,
    issuedBy: c.issuedBy,
    issuerRole: c.issuerRole,
  };
}

export function toWireDesired(d: LinkDesired): DesiredState {
  return { version: d.version, schedule: toStruct(d.schedule), media: d.media };
}

export function fromWireDesired(d: DesiredState__Output): LinkDesired {
  return { version: d.version, schedule: fromStruct(d.schedule), media: d.media };
}
