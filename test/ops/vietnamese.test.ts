/**
 * Vietnamese everywhere a technician reads: stationctl's human outputs rendered with --lang vi
 * on the real daemon — status and watch with alarms, doctor, the relay test (run and refused),
 * a validation refusal, the daemon-down message — carry no English words outside a short list
 * (names, units, command names): test/helpers/english.ts. Every other verb, through the faults
 * and refusals a technician meets: vietnamese-faults.test.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { english as englishWords } from '../helpers/english.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let dir: string;

const vi = async (...args: string[]) => {
  const r = await d.ctl('--lang', 'vi', ...args);
  return `${r.stdout}\n${r.stderr}`;
};

beforeAll(async () => {
  dir = tempDir('loa-vi-');
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
  await d.ctl('sim', 'fault', 'line-open', '--zone', '3');
  await d.ctl('sim', 'fault', 'relay-stuck', '--channel', 'zone.2');
  await pollUntil(async () => {
    await d.ctl('lines', 'check', '3');
    return /lines\.open/.test((await d.ctl('status')).stdout);
  }, 30_000);
}, 60_000);
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stationctl in Vietnamese', () => {
  it('the relay test, run and explained', async () => {
    const out = await vi('test', 'relays', '--yes');
    expect(out).toMatch(/LỖI/);
    expect(englishWords(out)).toEqual([]);
  });

  it('status, watch and doctor with the chain up, a stuck relay and an open line', async () => {
    await d.ctl('zone', '2', 'on');
    await d.ctl('power', 'on');
    await pollUntil(async () => /output-silent/.test((await d.ctl('status')).stdout), 30_000);
    for (const args of [['status'], ['watch', '--once'], ['doctor']]) {
      const out = await vi(...args);
      expect({ args, english: englishWords(out) }).toEqual({ args, english: [] });
    }
  }, 60_000);

  it('a refusal and a validation error after "Bị từ chối:"', async () => {
    const refused = await vi('test', 'relays', '--yes');
    expect(refused).toMatch(/Bị từ chối: chuỗi nguồn đang bật/);
    expect(englishWords(refused)).toEqual([]);
    const f = join(dir, 'z.json');
    const prog = {
      id: 'tin',
      title: 'x',
      source: { kind: 'relay', url: 'http://127.0.0.1:9/x' },
      start: '17:00',
      duration: '30m',
      zones: '1,2',
    };
    writeFileSync(
      f,
      JSON.stringify({ schema: 1, version: 2, valid_until: '2099-01-01', programmes: [prog] }),
    );
    const bad = await vi('schedule', 'check', f);
    expect(bad).toMatch(/Bị từ chối: lịch phát bị từ chối/);
    expect(englishWords(bad)).toEqual([]);
  });

  it('the daemon-down message: no raw gRPC error', async () => {
    const r = await d.ctl('--lang', 'vi', '--socket', join(dir, 'nobody.sock'), 'status');
    const out = `${r.stdout}${r.stderr}`;
    expect(r.code).toBe(2);
    expect(out).not.toMatch(/ENOENT|Resolution note|No connection/);
    expect(englishWords(out)).toEqual([]);
    const doc = await d.ctl('--lang', 'vi', '--socket', join(dir, 'nobody.sock'), 'doctor');
    expect(doc.stdout).not.toMatch(/đài \?/);
  });
});
