import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { MemoryEvents } from '../../src/core/events.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { CommandRunner, type IncomingCommand } from '../../src/uplink/commands.js';
import { uplinkStateDoc } from '../../src/uplink/state.js';
import { tempDir } from '../helpers/sim-station.js';

function cmd(id: string, method = 'count', ttl = 60_000): IncomingCommand {
  // test methods are not in the role table, so they need admin (roles.ts)
  return {
    id,
    method,
    params: { n: 1 },
    sentAtMs: 1_000,
    expiresAtMs: 1_000 + ttl,
    issuedBy: 'an',
    issuerRole: 'admin',
  };
}

describe('district commands on the station', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function setup(dir = tempDir()) {
    dirs.push(dir);
    const clock = new ManualClock();
    const registry = new CommandRegistry();
    const runs: unknown[] = [];
    registry.register('count', (p) => {
      runs.push(p);
      return { runs: runs.length };
    });
    registry.register('refuse', () => {
      throw new LoaError('REFUSED', 'interlock');
    });
    const doc = uplinkStateDoc(dir, clock);
    await doc.load();
    const events = new MemoryEvents();
    return {
      runner: new CommandRunner(registry, doc, clock, events),
      runs,
      doc,
      events,
      dir,
      registry,
      clock,
    };
  }

  it('runs a command once; a repeat of its id gets the recorded outcome, also after a restart', async () => {
    const s = await setup();
    const first = await s.runner.handle(cmd('c1'));
    expect(first).toMatchObject({ status: 'done', duplicate: false, result: { runs: 1 } });
    expect(await s.runner.handle(cmd('c1'))).toMatchObject({
      status: 'done',
      duplicate: true,
      result: { runs: 1 },
    });
    const again = await setup(s.dir);
    expect(await again.runner.handle(cmd('c1'))).toMatchObject({ status: 'done', duplicate: true });
    expect(s.runs).toHaveLength(1);
    expect(again.runs).toHaveLength(0);
    expect(s.events.kinds()).toEqual(['command']); // one audit event: the run, not the repeats
    expect(s.events.events[0]?.details).toMatchObject({
      who: 'an',
      role: 'admin',
      via: 'district',
      commandId: 'c1',
    });
  });

  it('refuses an expired command without running it', async () => {
    const s = await setup();
    const r = await s.runner.handle(cmd('c2', 'count', 0));
    expect(r).toMatchObject({ status: 'expired', errorCode: 'EXPIRED' });
    expect(s.runs).toHaveLength(0);
  });

  it('never runs a command a second time when the station died while it ran', async () => {
    const s = await setup();
    s.doc.update((d) => {
      d.executed.c3 = { at: 0, method: 'count', status: 'running' };
    });
    await s.doc.flush();
    const again = await setup(s.dir);
    const r = await again.runner.handle(cmd('c3'));
    expect(r).toMatchObject({ status: 'failed', duplicate: true });
    expect(r.message).toMatch(/restarted while this command ran/);
    expect(again.runs).toHaveLength(0);
  });

  it('reports refusals and unknown methods with their codes', async () => {
    const s = await setup();
    expect(await s.runner.handle(cmd('c4', 'refuse'))).toMatchObject({
      status: 'refused',
      errorCode: 'REFUSED',
      message: 'interlock',
    });
    const u = await s.runner.handle(cmd('c5', 'audio.play'));
    expect(u).toMatchObject({ status: 'refused', errorCode: 'UNIMPLEMENTED' });
    expect(u.message).toMatch(/audio.play" is not available on this station/);
  });

  it('refuses a reused id carrying another command, and never runs either twice', async () => {
    const s = await setup();
    expect(await s.runner.handle(cmd('c6'))).toMatchObject({ status: 'done' });
    const reused = await s.runner.handle({ ...cmd('c6'), params: { n: 2 } });
    expect(reused).toMatchObject({ status: 'refused', errorCode: 'INVALID_ARGUMENT', duplicate: false });
    expect(reused.message).toMatch(/command id c6 was already used for another command \(count\)/);
    expect(await s.runner.handle(cmd('c6'))).toMatchObject({ status: 'done', duplicate: true }); // the first outcome stays
    expect(s.runs).toEqual([{ n: 1 }]);
    expect(s.events.events.map((e) => e.details?.result)).toEqual(['ok', 'invalid']);
  });

  it('refuses a replay after its expiry on the hub clock, even with a fresh sent_at', async () => {
    const s = await setup();
    s.runner.hubTime(1_000_000);
    await s.clock.advance(5_000); // the hub clock is now 1 005 000
    const replay = { ...cmd('c7'), sentAtMs: 1_004_000, expiresAtMs: 1_004_500 };
    expect(await s.runner.handle(replay)).toMatchObject({ status: 'expired', errorCode: 'EXPIRED' });
    expect(
      await s.runner.handle({ ...cmd('c8'), sentAtMs: 1_004_000, expiresAtMs: 1_064_000 }),
    ).toMatchObject({
      status: 'done',
    });
    expect(s.runs).toHaveLength(1);
    expect(s.events.events[0]?.details).toMatchObject({
      commandId: 'c7',
      result: 'expired',
      code: 'EXPIRED',
    });
  });

  it('refuses district commands that name a station path, and roles below what the method needs', async () => {
    const s = await setup();
    const path = await s.runner.handle({
      ...cmd('c9'),
      params: { source: { kind: 'file', path: '/etc/shadow' } },
    });
    expect(path).toMatchObject({ status: 'refused', errorCode: 'INVALID_ARGUMENT' });
    expect(path.message).toMatch(/params.source.path: not allowed from the district/);
    const low = await s.runner.handle({ ...cmd('c10'), issuerRole: 'operator' });
    expect(low).toMatchObject({
      status: 'refused',
      errorCode: 'PERMISSION_DENIED',
      message: 'count needs role admin; an has role operator',
    });
    expect(s.runs).toHaveLength(0);
  });
});
