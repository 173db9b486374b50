/**
 * `stationctl doctor` against the real daemon, as a technician meets it: it changes nothing
 * (a damaged file the schedule needs stays reported as missing, run after run), every active
 * alarm appears once with its explanation in the chosen language and the counts and exit code
 * follow, and every next step works as written (a stuck relay with the chain up: power off,
 * then the relay test, whose FAIL line says what to do).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

let d: Daemon | undefined;
let dir: string;
afterEach(async () => {
  await d?.stop();
  d = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function start(settings: object = {}): Promise<Daemon> {
  dir = tempDir('loa-doctor-');
  writeFileSync(join(dir, 'schedule-settings.json'), JSON.stringify({ schema: 1, ...settings }));
  d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
  return d;
}

const doctor = async (lang: 'vi' | 'en') => {
  const r = await (d as Daemon).ctl('--lang', lang, 'doctor', '--data-dir', dir);
  return { code: r.code, out: r.stdout };
};

/** The rendered findings: one per line that starts with a mark, and the summary. */
function findings(out: string) {
  const rows = out.split('\n').filter((l) => /^\[/.test(l));
  return {
    rows,
    faults: rows.filter((l) => l.startsWith('[   LỖI  ]')),
    warns: rows.filter((l) => l.startsWith('[CẢNH BÁO]')),
  };
}

function schedule(file: object, validUntil = '2099-12-31'): string {
  const p = join(dir, 'schedule.in.json');
  writeFileSync(
    p,
    JSON.stringify({
      schema: 1,
      version: 5,
      valid_until: validUntil,
      programmes: [
        {
          id: 'tin-toi',
          title: 'Bản tin tối',
          source: { kind: 'file', file },
          start: '19:00',
          duration: '30m',
          zones: 'all',
        },
      ],
    }),
  );
  return p;
}

describe('stationctl doctor on the real daemon', () => {
  it('is read-only: a damaged file the schedule needs is reported missing with the fix, every run', async () => {
    const dd = await start({ mediaCheckEveryMs: 1000 });
    const tone = makeTone(join(dir, 'tin.wav'), { hz: 440, seconds: 3 });
    const sha = createHash('sha256').update(readFileSync(tone)).digest('hex');
    expect((await dd.ctl('media', 'add', tone)).code).toBe(0);
    expect((await dd.ctl('schedule', 'apply', schedule({ sha256: sha }))).code).toBe(0);
    appendFileSync(join(dir, 'media', 'objects', sha), Buffer.alloc(4096, 1)); // the SD card rots
    const first = await pollUntil(async () => {
      const r = await doctor('en');
      return /needs a file that is missing or damaged/.test(r.out) ? r : undefined;
    }, 20_000);
    const second = await doctor('en');
    for (const r of [first, second]) {
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/Programme "Bản tin tối" at \d{4}-\d\d-\d\d 19:00:00 \(Asia\/Ho_Chi_Minh\)/);
      expect(r.out).toMatch(/next: Copy the file to the station and run: stationctl media add FILE/);
      expect(r.out).not.toMatch(/all intact/);
    }
    // the same story both times (the uptime and free disk space move on by themselves)
    const story = (o: string) => o.split('\n').filter((l) => !/\(up \d+ s\)|MB free/.test(l));
    expect(story(second.out)).toEqual(story(first.out));
    // the fix works as written
    expect((await dd.ctl('media', 'add', tone)).code).toBe(0);
    await pollUntil(async () => /every file the schedule needs/.test((await doctor('en')).out), 20_000);
  }, 90_000);

  it('tells each active alarm once, in Vietnamese, and counts follow the explained severities', async () => {
    const dd = await start();
    // a schedule past its date (a warning) and an open line on zone 3 (a fault)
    const tone = makeTone(join(dir, 'tin.wav'), { hz: 440, seconds: 3 });
    expect((await dd.ctl('schedule', 'apply', schedule({ path: tone }, '2020-01-01'))).code).toBe(0);
    await dd.ctl('sim', 'fault', 'line-open', '--zone', '3');
    await pollUntil(async () => {
      await dd.ctl('lines', 'check', '3');
      const st = JSON.parse((await dd.ctl('--json', 'status')).stdout) as { alarms: Array<{ key: string }> };
      return st.alarms.some((a) => a.key === 'lines.open:zone.3');
    }, 30_000);
    const r = await doctor('vi');
    const f = findings(r.out);
    expect(f.rows.filter((l) => /Vùng 3/.test(l))).toHaveLength(1);
    expect(f.rows.filter((l) => /quá hạn/.test(l))).toHaveLength(1);
    expect(r.out).not.toMatch(/lines\.open|schedule\.stale|Cảnh báo/);
    expect(f.faults).toHaveLength(1);
    expect(r.out).toContain(`${f.faults.length} lỗi.`);
    expect(r.code).toBe(2);
    await dd.ctl('sim', 'clear');
    await pollUntil(async () => {
      await dd.ctl('lines', 'check', '3');
      return !/Vùng 3 \(Thôn 3\): đường/.test((await doctor('vi')).out);
    }, 30_000);
    const w = await doctor('vi');
    expect(findings(w.out).faults).toEqual([]);
    expect(w.code).toBe(1); // warnings only: the stale schedule is not a fault
  }, 90_000);

  it('a stuck relay with the chain up: the next step is power off, then the relay test, which says what to do', async () => {
    const dd = await start();
    await dd.ctl('sim', 'fault', 'relay-stuck', '--channel', 'zone.2');
    await dd.ctl('zone', '2', 'on');
    await dd.ctl('power', 'on');
    const r = await doctor('en');
    const row = r.out.split('\n').findIndex((l) => /Zone 2 \(Thôn 2\) relay commanded on/.test(l));
    expect(row).toBeGreaterThan(0);
    const next = r.out.split('\n')[row + 1] ?? '';
    expect(next).toMatch(/First: stationctl power off .* then: stationctl test relays --yes/);
    // exactly as written
    expect((await dd.ctl('power', 'off')).code).toBe(0);
    const t = await dd.ctl('--lang', 'vi', 'test', 'relays', '--yes');
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(
      /LỖI {3}zone\.2 +tiếp điểm khi bật: mở, khi tắt: mở\n +→ tiếp điểm không bao giờ đóng/,
    );
    expect(t.stdout).toMatch(/1 rơ-le bị lỗi/);
  }, 60_000);
});
