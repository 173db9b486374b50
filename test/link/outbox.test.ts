import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { Severity, StationEvent } from '../../src/core/events.js';
import { Outbox, type OutboxLimits } from '../../src/uplink/outbox.js';
import { tempDir } from '../helpers/sim-station.js';

const BIG: OutboxLimits = { maxItems: 1000, maxBytes: 10_000_000, maxAgeMs: 86_400_000 };
let seq = 0;
function ev(severity: Severity, kind = 'test'): StationEvent {
  seq++;
  return { seq, ts: 0, kind, severity, sub: 'test', message: `${kind} ${seq}`, details: {} };
}

describe('outbox', () => {
  const dirs: string[] = [];
  const boxes: Outbox[] = [];
  afterEach(async () => {
    // writes still in flight finish before their folder goes
    for (const b of boxes.splice(0)) await b.flush();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = async (limits = BIG, clock = new ManualClock(), dir = tempDir()) => {
    dirs.push(dir);
    const box = await Outbox.open(join(dir, 'outbox.jsonl'), clock, limits);
    boxes.push(box);
    return { box, clock, dir };
  };

  it('numbers items in order, keeps them until acknowledged, and survives a reopen', async () => {
    const { box, clock, dir } = await open();
    for (let i = 0; i < 5; i++) box.enqueue({ kind: 'event', event: ev('info') });
    box.enqueue({ kind: 'changes', changes: { 'power.state': 'on' } });
    box.ack(3);
    expect(box.since(0).map((i) => i.seq)).toEqual([4, 5, 6]);
    expect(box.firstUnacked).toBe(4);
    await box.flush();
    const again = await Outbox.open(join(dir, 'outbox.jsonl'), clock, BIG);
    boxes.push(again);
    expect(again.epoch).toBe(box.epoch);
    expect(again.since(0).map((i) => i.seq)).toEqual([4, 5, 6]);
    expect(again.lastSeq).toBe(6);
    expect(again.enqueue({ kind: 'event', event: ev('alarm') }).seq).toBe(7);
  });

  it('when full drops measurements first, then info events, keeps alarms, and seals one dropped record', async () => {
    const { box } = await open({ ...BIG, maxItems: 4 });
    box.enqueue({ kind: 'event', event: ev('alarm', 'a1') }); // 1
    box.enqueue({ kind: 'changes', changes: { x: 1 } }); // 2
    box.enqueue({ kind: 'event', event: ev('info', 'i1') }); // 3
    box.enqueue({ kind: 'event', event: ev('warning', 'w1') }); // 4
    box.enqueue({ kind: 'event', event: ev('alarm', 'a2') }); // 5 -> drops 2 (measurement)
    box.enqueue({ kind: 'event', event: ev('alarm', 'a3') }); // 6 -> drops 3 (info)
    box.enqueue({ kind: 'event', event: ev('alarm', 'a4') }); // 7 -> drops 4 (warning)
    expect(box.since(0).map((i) => i.seq)).toEqual([1, 5, 6, 7]);
    expect(box.pendingDrops).toMatchObject({ count: 3, measurements: 1, events: 2, firstSeq: 2, lastSeq: 4 });
    const rec = box.sealDrops();
    // room for the record is made first (the oldest alarm), and counted in the record itself
    expect(rec).toMatchObject({
      kind: 'dropped',
      dropped: { count: 4, measurements: 1, events: 3, firstSeq: 1 },
    });
    expect(box.since(0).map((i) => i.seq)).toEqual([5, 6, 7, 8]);
    expect(box.pendingDrops.count).toBe(0);
  });

  it('is bounded by bytes and by age as well', async () => {
    const { box, clock } = await open({ maxItems: 1000, maxBytes: 20_000, maxAgeMs: 60_000 });
    for (let i = 0; i < 200; i++) box.enqueue({ kind: 'changes', changes: { v: 'x'.repeat(200) } });
    expect(box.byteSize).toBeLessThanOrEqual(20_000);
    expect(box.size).toBeLessThan(200);
    await clock.advance(61_000);
    box.enqueue({ kind: 'event', event: ev('info') });
    expect(box.size).toBe(1);
    expect(box.pendingDrops.count).toBe(200); // some by bytes first, the rest by age
  });

  it('keeps drop totals across a reopen and skips a torn last line', async () => {
    const { box, clock, dir } = await open({ ...BIG, maxItems: 10 });
    for (let i = 0; i < 15; i++) box.enqueue({ kind: 'changes', changes: { i } });
    await box.flush();
    const file = join(dir, 'outbox.jsonl');
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"i":{"seq":99,"ts`);
    const again = await Outbox.open(file, clock, { ...BIG, maxItems: 10 });
    boxes.push(again);
    expect(again.pendingDrops.count).toBe(5);
    expect(again.since(0).map((i) => i.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('starts a new epoch when its file is gone (the hub restarts its numbering)', async () => {
    const a = await open();
    const b = await open();
    expect(a.box.epoch).not.toBe(b.box.epoch);
    expect(a.box.epoch).toMatch(/^[0-9a-f-]{36}$/);
  });
});
