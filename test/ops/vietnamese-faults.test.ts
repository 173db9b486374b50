/**
 * Every stationctl verb a technician uses, through the faults and refusals met on site, on the
 * real daemon with LANG=vi_VN.UTF-8: no English sentence or word outside names, units and
 * command lines (test/helpers/english.ts). The same commands in English are run as a control:
 * the detector must find English in (nearly) all of them, so a message left untranslated
 * would fail this test — and it does, on a message whose key the catalogue lacks.
 *
 * `logs` is not among them: it prints the daemon's own log lines, English by design (logs are
 * data for engineers and the district; docs/operations.md).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spoken } from '../../src/cli/station/refusals.js';
import { type Daemon, pollUntil, STATIONCTL, startDaemon } from '../helpers/daemon.js';
import { english } from '../helpers/english.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let dir: string;
const seen: Array<{ args: string[]; vi: string; en: string }> = [];

function ctl(lang: string, args: string[]): Promise<string> {
  return new Promise((res) =>
    execFile(
      process.execPath,
      [STATIONCTL, '--socket', d.socket, ...args],
      { env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }, timeout: 60_000 },
      (_err, stdout, stderr) => res(`${stdout}\n${stderr}`),
    ),
  );
}

/** Runs `args` in Vietnamese and in English; keeps both for the assertions. */
async function both(...args: string[]): Promise<void> {
  const vi = await ctl('vi_VN.UTF-8', args);
  const en = await ctl('C', args);
  seen.push({ args, vi, en });
}

const status = async () =>
  JSON.parse(await ctl('C', ['--json', 'status'])) as {
    alarms: Array<{ key: string }>;
    power: { state: string };
  };
const alarmed = (prefix: string) => async () => (await status()).alarms.some((a) => a.key.startsWith(prefix));

function write(name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return p;
}

const relay = { kind: 'relay', url: 'http://127.0.0.1:9/x' };
const BAD_FIELDS = {
  schema: 1,
  version: 2,
  valid_until: '2099-01-01',
  programmes: [
    {
      id: 'A b',
      title: 'x',
      source: { kind: 'file', file: { sha256: 'zz' } },
      start: '25:00',
      duration: '2d',
      volume: 3,
      extra: 1,
    },
    { id: 'tin', title: 'y', source: relay, start: '17:00', duration: '30m', zones: '1,2' },
  ],
};
const BAD_ACROSS = {
  schema: 1,
  version: 2,
  valid_until: '2099-01-01',
  priority_order: ['zz'],
  programmes: [
    { id: 'a', title: 'x', source: relay, start: '17:00', duration: '1h', zones: [9] },
    { id: 'b', title: 'y', source: relay, start: '17:30', duration: '30m' },
    { id: 'b', title: 'y', source: relay, start: '19:30', end: '20:00', duration: '30m' },
  ],
};
const MISSING_MEDIA = {
  schema: 1,
  version: 3,
  valid_until: '2099-01-01',
  programmes: [
    {
      id: 'tin',
      title: 'Bản tin',
      source: { kind: 'file', file: { sha256: 'ab'.repeat(32) } },
      start: '23:59',
      duration: '1m',
    },
  ],
};

/** What a technician reads about the station's state. */
const VIEWS = [
  ['status'],
  ['watch', '--once'],
  ['doctor'],
  ['events', '--limit', '400'],
  ['events', '--audit', '--limit', '100'],
  ['lines', 'status'],
  ['lines', 'check'],
  ['lines', 'history', '3'],
  ['audio', 'status'],
  ['play-log'],
  ['emergency', 'status'],
  ['schedule', 'show'],
  ['link'],
  ['security', 'status'],
  ['voice'],
  ['media', 'ls'],
  ['fallback', 'list'],
  ['live', 'status'],
];

/** Refusals and validation errors with the chain off. */
function refusals(): string[][] {
  return [
    ['zone', '9', 'on'],
    ['zone', 'x', 'on'],
    ['zone', '1', 'maybe'],
    ['power', 'maybe'],
    ['frobnicate'],
    ['lines', 'frobnicate'],
    ['test'],
    ['play', '/nonexistent.mp3'],
    ['media', 'add', '/nonexistent.mp3'],
    ['media', 'add', '/etc/hostname'],
    ['media', 'verify', 'nope'],
    ['fallback', 'add', '/nonexistent.mp3'],
    ['emergency', 'stop'],
    ['emergency', 'start', '/nonexistent.wav', '--zones', '7'],
    ['schedule', 'check', write('fields.json', BAD_FIELDS)],
    ['schedule', 'apply', write('across.json', BAD_ACROSS)],
    ['schedule', 'check', write('broken.json', '{')],
    ['schedule', 'check', join(dir, 'absent.json')],
    ['say', ''],
    ['sim', 'clear', 'nope'],
    ['sim', 'fault', 'nope'],
    ['sim', 'fault', 'line-open'],
    ['safe-state'],
    ['reset-lockout'],
    ['live', 'start'],
    ['live', 'stop'],
  ];
}

beforeAll(async () => {
  dir = tempDir('loa-vi-faults-');
  mkdirSync(join(dir, 'data'));
  // the media check every second, so the missing file is found within the test
  writeFileSync(
    join(dir, 'data', 'schedule-settings.json'),
    JSON.stringify({ schema: 1, mediaCheckEveryMs: 1000 }),
  );
  // ≈ 150 commands in a few minutes, each language twice: more than a technician's allowance
  // (30 at once, 30 a minute); this test is about the words, not the rate limit
  d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')], {
    LOA_RATE_ALLOW: 'unix:admin=1000/10000,unix:operator=1000/10000,unix:viewer=1000/10000',
  });
}, 60_000);
afterAll(async () => {
  await d?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('stationctl in Vietnamese through faults and refusals', () => {
  it('the detector finds an untranslated message: a key the catalogue lacks stays English', () => {
    const shown = spoken('vi', 'power on refused: mains lost', { key: 'r.not-in-any-catalogue' });
    expect(english(`Bị từ chối: ${shown}`)).not.toEqual([]);
    expect(english('Bị từ chối: không bật được nguồn: đang mất điện lưới')).toEqual([]);
  });

  it('refusals and validation errors, chain off', async () => {
    for (const args of refusals()) await both(...args);
  }, 300_000);

  it('the views with the chain up through line, relay and antenna faults, an emergency and missing media', async () => {
    await both('zone', '1', 'on');
    await both('zone', '2', 'on');
    await both('power', 'on');
    await both('schedule', 'apply', write('missing.json', MISSING_MEDIA));
    await both('emergency', 'start', '--zones', '1');
    for (const f of [
      ['line-open', '--zone', '3'],
      ['earth-fault', '--zone', '4'],
      ['speaker-missing', '--zone', '1', '--count', '3'],
      ['relay-stuck', '--channel', 'zone.2'],
      ['antenna-open'],
    ])
      await both('sim', 'fault', ...f);
    await both('zone', '2', 'off'); // the stuck contact stays on: relay.stuck
    await pollUntil(alarmed('relay.stuck'), 30_000);
    await pollUntil(alarmed('tx.'), 30_000);
    await pollUntil(async () => {
      await ctl('C', ['lines', 'check']);
      return (await alarmed('lines.open')()) && (await alarmed('lines.earth-fault')());
    }, 60_000);
    await pollUntil(alarmed('schedule.media-missing'), 30_000);
    for (const args of VIEWS) await both(...args);
    // refused while the chain is up
    for (const args of [
      ['test', 'relays', '--yes'],
      ['test', 'tone', '1', '--yes'],
      ['lines', 'calibrate'],
    ])
      await both(...args);
  }, 400_000);

  it('mains lost: the chain is blocked, and says why', async () => {
    await both('sim', 'clear');
    await both('sim', 'fault', 'mains-lost');
    await pollUntil(alarmed('mains.lost'), 30_000);
    await both('power', 'on');
    for (const args of [['status'], ['doctor'], ['watch', '--once'], ['events', '--limit', '60']])
      await both(...args);
  }, 200_000);

  it('no English in any of it; the same outputs in English are caught', () => {
    const leaks = seen.map(({ args, vi }) => ({ args: args.join(' '), english: english(vi) }));
    expect(leaks.filter((l) => l.english.length)).toEqual([]);
    expect(seen.length).toBeGreaterThan(50);
    // the control: in English nearly every output is found to be English
    const caught = seen.filter(({ en }) => english(en).length > 0).length;
    expect(caught / seen.length).toBeGreaterThan(0.8);
  });
});
