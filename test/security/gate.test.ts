/**
 * The command gate on a simulated station: roles from the one table, rate limits on the
 * injected clock, the validation layer's messages, the audit event, secrets kept out of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { LoaError } from '../../src/core/errors.js';
import { auditEvent, redact } from '../../src/security/audit.js';
import { rateLimits } from '../../src/security/config.js';
import { checkParams } from '../../src/security/hostile.js';
import { RateLimiter } from '../../src/security/ratelimit.js';
import { DISTRICT_RPC_ROLES, methodRole, STATION_METHOD_ROLES } from '../../src/security/roles.js';
import { type SimHarness, startSimStation } from '../helpers/sim-station.js';

const who = (role: 'viewer' | 'operator' | 'admin') => ({ who: `t-${role}`, role, via: 'test' });

describe('command gate', () => {
  let sim: SimHarness | undefined;
  afterEach(async () => {
    await sim?.cleanup();
    sim = undefined;
  });

  it('follows the role table: reads for all, the programme for operators, equipment for admins', async () => {
    expect([methodRole('status'), methodRole('zone'), methodRole('power'), methodRole('no.such')]).toEqual([
      'viewer',
      'operator',
      'admin',
      'admin', // closed until someone adds it to the table
    ]);
    expect(STATION_METHOD_ROLES['emergency.start']).toBe('operator');
    expect(DISTRICT_RPC_ROLES.SendCommand).toBe('operator');
    sim = await startSimStation();
    const gate = sim.station.gate;
    await expect(gate.call(who('viewer'), 'status')).resolves.toMatchObject({
      stationId: expect.any(String),
    });
    const denied = await gate.call(who('operator'), 'power', { on: true }).catch((e: LoaError) => e);
    expect(denied).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: 'power needs role admin; t-operator has role operator',
    });
    expect(sim.station.chain.commanded.on).toBe(false);
    const bad = await gate.call(who('admin'), 'power', { on: 'yes', extra: 1 }).catch((e: LoaError) => e);
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((bad as LoaError).message).toMatch(
      /^power: params.on: Invalid input: expected boolean, received string \(got "yes"\); params: unknown key\(s\) "extra"$/,
    );
    const audit = sim.station.store.events.query({ kinds: ['command'] });
    expect(audit.map((e) => [e.details.action, e.details.result])).toEqual([
      ['power', 'denied'],
      ['power', 'invalid'],
    ]);
  });

  it('refills the bucket of each identity on the clock and names the limit when empty', async () => {
    const clock = new ManualClock();
    const l = new RateLimiter({ burst: 2, perMinute: 6 }, clock);
    l.take('a');
    l.take('a');
    expect(() => l.take('a')).toThrow(
      /rate limit: 2 commands at once, then 6 per minute for a; retry in 10 s/,
    );
    l.take('b'); // another identity has its own bucket
    await clock.advance(10_000);
    l.take('a');
    expect(() => l.take('a')).toThrow(LoaError);
  });

  it('gives a socket its configured allowance (LOA_RATE_ALLOW), and refuses a bad one naming it', () => {
    const clock = new ManualClock();
    const l = new RateLimiter(rateLimits({ LOA_RATE_ALLOW: 'unix:admin=5/600' }), clock);
    for (let i = 0; i < 5; i++) l.take('uid 0 (bench) (unix:admin)', 'unix:admin');
    expect(() => l.take('uid 0 (bench) (unix:admin)', 'unix:admin')).toThrow(
      /5 commands at once, then 600 per minute/,
    );
    // the same claimed user on another socket gets the default limits, not the allowance
    for (let i = 0; i < 30; i++) l.take('uid 0 (bench) (unix:operator)', 'unix:operator');
    expect(() => l.take('uid 0 (bench) (unix:operator)', 'unix:operator')).toThrow(/30 commands at once/);
    expect(() => rateLimits({ LOA_RATE_ALLOW: 'uid 0=5/600' })).toThrow(
      /LOA_RATE_ALLOW: "uid 0=5\/600" is not WAY=BURST\/PER_MINUTE \(WAY one of unix:viewer/,
    );
    expect(() => rateLimits({ LOA_RATE_ALLOW: 'unix:admin=0/5' })).toThrow(/LOA_RATE_ALLOW/);
  });

  it('refuses oversized, deep, control-character and traversal input naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [{ file: '../../etc/passwd' }, /params.file: a file name without "\.\." \(path traversal refused/],
      [{ source: { path: 'a/../../b' } }, /params.source.path: .*path traversal/],
      [{ name: 'x\u0001' }, /params.name: a file name without control characters/],
      [{ s: 'x'.repeat(5000) }, /params.s: at most 4096 characters \(got 5000\)/],
      [{ n: Number.NaN }, /params.n: a finite number/],
      [JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`), /nested at most 12 levels/],
      [{ big: Array.from({ length: 300 }, () => 'y'.repeat(1000)) }, /params: at most 262144 bytes as JSON/],
      [[1, 2], /params: an object of named parameters \(got a list\)/],
      ['power', /got string/],
    ];
    for (const [input, msg] of cases) expect(() => checkParams(input)).toThrow(msg);
    expect(checkParams({ file: '/srv/media/bản tin.mp3', on: true })).toEqual({
      file: '/srv/media/bản tin.mp3',
      on: true,
    });
  });

  it('keeps secrets and long values out of the audit trail', () => {
    const p = redact({
      password: 'hunter2',
      nested: { apiKey: 'k', token: 't' },
      text: 'z'.repeat(300),
    }) as Record<string, unknown>;
    expect(JSON.stringify(p)).not.toMatch(/hunter2|"k"|"t"/);
    const ev = auditEvent({ caller: who('admin'), method: 'x', params: { passphrase: 'p' } });
    expect(ev.details).toMatchObject({ params: { passphrase: '[redacted]' }, result: 'ok' });
  });
});
