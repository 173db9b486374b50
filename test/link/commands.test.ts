import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../src/api/registry.js';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { MemoryEvents } from '../../src/core/events.js';
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
});
