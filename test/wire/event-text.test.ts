/**
 * A station event's keyed text through the outbox wire (wire/session.ts): what the hub gets back
 * is what the station had; a text the event's details make again (core/event-text.ts) is not
 * sent, and an older station's event of those kinds gets its words from its details.
 */
import { describe, expect, it } from 'vitest';
import { LoaError } from '../../src/core/errors.js';
import { Alarms, MemoryEvents, type StationEvent } from '../../src/core/events.js';
import type { OutboxItem__Output } from '../../src/gen/loa/district/v1/OutboxItem.js';
import { auditEvent } from '../../src/security/audit.js';
import { fromWireItem, type LinkItem, toWireItem } from '../../src/wire/session.js';

const item = (e: Partial<StationEvent>): LinkItem => ({
  seq: 3,
  ts: 1000,
  kind: 'event',
  event: { seq: 9, kind: 'k', severity: 'info', sub: 's', message: 'm', details: {}, ...e },
});
const through = (i: LinkItem) => {
  const wire = toWireItem(i);
  const back = fromWireItem(wire as OutboxItem__Output);
  return { sent: wire.event?.text ?? null, text: back.kind === 'event' ? back.event.text : undefined };
};
const caller = { who: 'an', role: 'operator' as const, via: 'district' };

describe('event text on the wire', () => {
  it('commands and alarms raised travel without their text and come back with it', () => {
    const ok = auditEvent({ caller, method: 'zone', params: { zone: 1, on: true } });
    expect(ok.text).toMatchObject({ key: 'ev.command', vars: { params: '{"zone":1,"on":true} ' } });
    const events = new MemoryEvents();
    new Alarms(events, () => 0).raise('relay.stuck:zone.2', 'hal', 'relay zone.2 stuck', {
      output: 'zone.2',
    });
    const raised = events.events[0] as StationEvent;
    for (const e of [ok, raised]) expect(through(item(e))).toEqual({ sent: null, text: e.text });
  });

  it('a text the details cannot make travels whole', () => {
    const refused = auditEvent({
      caller,
      method: 'zone',
      params: { zone: 9 },
      error: new LoaError(
        'INVALID_ARGUMENT',
        'zone 9 does not exist',
        {},
        { key: 'rf.zone', vars: { zone: 9 } },
      ),
    });
    const trip = {
      kind: 'tx.trip',
      details: { reflectedW: 12.46 },
      text: { key: 'ev.tx.trip', vars: { reflectedW: 12.5 } },
    };
    for (const e of [refused, trip]) {
      const r = through(item(e));
      expect(r.sent).not.toBeNull();
      expect(r.text).toEqual(e.text);
    }
    expect(through(item({ kind: 'k', details: { a: 1 } })).text).toBeUndefined();
  });
});
