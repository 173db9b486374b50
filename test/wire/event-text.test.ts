/**
 * A station event's keyed text through the outbox wire (wire/session.ts): what the hub gets back
 * is what the station had, and variables that repeat the details are not sent twice.
 */
import { describe, expect, it } from 'vitest';
import type { StationEvent } from '../../src/core/events.js';
import type { OutboxItem__Output } from '../../src/gen/loa/district/v1/OutboxItem.js';
import { fromWireItem, type LinkItem, toWireItem } from '../../src/wire/session.js';

const item = (e: Partial<StationEvent>): LinkItem => ({
  seq: 3,
  ts: 1000,
  kind: 'event',
  event: { seq: 9, kind: 'k', severity: 'alarm', sub: 's', message: 'm', details: {}, ...e },
});
const through = (i: LinkItem) => {
  const wire = toWireItem(i);
  return { wire, back: fromWireItem(wire as OutboxItem__Output) };
};

describe('event text on the wire', () => {
  it('variables that repeat the details go as a mark, and come back whole', () => {
    const details = { output: 'zone.2', alarm: 'raised', tries: 3 };
    const text = { key: 'alarm.relay.stuck', vars: { output: 'zone.2', tries: 3 } };
    const { wire, back } = through(item({ details, text }));
    expect(Object.keys(wire.event?.text?.fields ?? {}).sort()).toEqual(['fromDetails', 'key']);
    // the reader takes the details' plain values: the text's own, and others it does not name
    expect(back.kind === 'event' && back.event.text).toEqual({ key: 'alarm.relay.stuck', vars: details });
  });

  it('a text with its own values, a nested text, or none at all goes whole', () => {
    const own = { key: 'ev.tx.trip', vars: { reflectedW: 12.5, limit: 10 } };
    const nested = { key: 'ev.alarm.cleared', vars: { what: { key: 'alarm.mains.lost', vars: {} } } };
    for (const [text, details] of [
      [own, { reflectedW: 12.46 }],
      [nested, { alarm: 'cleared' }],
      [{ key: 'ev.power.on' }, {}],
    ] as const) {
      const back = through(item({ details, text })).back;
      expect(back.kind === 'event' && back.event.text).toEqual(text);
    }
    const none = through(item({ details: { a: 1 } })).back;
    expect(none.kind === 'event' && none.event.text).toBeUndefined();
  });
});
