/**
 * The order recorded bulletins take the announcement slot in (src/schedule/recorded-bulletin.ts),
 * on a ManualClock: a lower tier waits for a higher one on air, waiting bulletins go highest
 * tier first and then in arrival order without cutting each other, an equal or higher tier
 * goes at once, and a wait longer than `waitS` is refused with the reason. The slot here is a
 * small stand-in for the schedule's Emergency runner that records what it was asked to start
 * (the real runner, the audio and the chimes are exercised in test/console/bulletins.test.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import type { BulletinTier, EmergencyRequest, EmergencyStatus } from '../../src/schedule/emergency.js';
import { RecordedBulletins } from '../../src/schedule/recorded-bulletin.js';
import { tempDir } from '../helpers/sim-station.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = tempDir('loa-recorded-');
  file = join(dir, 'ban-tin.wav');
  writeFileSync(file, 'RIFF');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rig() {
  const clock = new ManualClock();
  const started: string[] = [];
  let onAir: { tier: BulletinTier; name: string } | undefined;
  const slot = {
    start(req: EmergencyRequest): EmergencyStatus {
      onAir = { tier: req.tier ?? 'emergency', name: req.recording?.name ?? '?' };
      started.push(onAir.name);
      return { active: true, tier: onAir.tier };
    },
    status: (): EmergencyStatus => (onAir ? { active: true, tier: onAir.tier } : { active: false }),
  };
  const b = new RecordedBulletins({
    clock,
    emergency: slot,
    zoneIds: () => [1, 2],
    closingPath: file,
    scheduledTier: () => undefined,
  });
  const send = (name: string, tier: string, waitS = 600) =>
    b.play({ audio: file, tier, name, waitS }, 'command');
  return {
    clock,
    started,
    send,
    end: () => {
      onAir = undefined;
    },
    emergencyOnAir: () => {
      onAir = { tier: 'emergency', name: 'emergency' };
    },
  };
}

describe('recorded bulletins by tier', () => {
  it('a normal one waits for a priority one; waiting ones go in order without cutting each other', async () => {
    const r = rig();
    await r.send('p1', 'priority');
    const n1 = r.send('n1', 'normal');
    const n2 = r.send('n2', 'normal');
    await r.clock.advance(1000);
    expect(r.started).toEqual(['p1']);
    await r.send('p2', 'priority'); // an equal tier replaces at once
    expect(r.started).toEqual(['p1', 'p2']);
    r.end();
    await r.clock.advance(300);
    expect(r.started).toEqual(['p1', 'p2', 'n1']);
    expect((await n1).waitedMs).toBeGreaterThan(1000);
    await r.clock.advance(2000);
    expect(r.started).toEqual(['p1', 'p2', 'n1']); // n2 does not cut n1
    r.end();
    await r.clock.advance(300);
    expect(r.started).toEqual(['p1', 'p2', 'n1', 'n2']);
    await n2;
  });

  it('a waiting priority one goes before normal ones that waited longer', async () => {
    const r = rig();
    r.emergencyOnAir();
    const n1 = r.send('n1', 'normal');
    await r.clock.advance(500);
    const p1 = r.send('p1', 'priority');
    await r.clock.advance(500);
    r.end();
    await r.clock.advance(300);
    expect(r.started).toEqual(['p1']);
    await p1;
    r.end();
    await r.clock.advance(300);
    expect(r.started).toEqual(['p1', 'n1']);
    await n1;
  });

  it('refuses after waitS with the reason, and refuses an emergency tier naming the field', async () => {
    const r = rig();
    await r.send('p1', 'priority');
    const late = r.send('n1', 'normal', 2);
    const refused = expect(late).rejects.toThrow(
      /a priority announcement .* a normal recorded bulletin does not interrupt it/,
    );
    await r.clock.advance(2500);
    await refused;
    await expect(r.send('e1', 'emergency')).rejects.toThrow(/bulletin\.play: .*tier/);
    expect(r.started).toEqual(['p1']);
  });
});
