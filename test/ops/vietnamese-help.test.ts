/**
 * `stationctl --help` (and `stationctl` alone) in Vietnamese: every command's description is
 * Vietnamese; the command syntax (names, flags, placeholders) stays as typed. The English help is
 * the control: the detector must find English in its descriptions.
 */
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STATIONCTL } from '../helpers/daemon.js';
import { english } from '../helpers/english.js';
import { DISTRICTCTL } from '../helpers/hub.js';

function ctl(env: Record<string, string>, args: string[], bin = STATIONCTL): Promise<string> {
  return new Promise((res) =>
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env }, timeout: 60_000 },
      (_err, stdout, stderr) => res(`${stdout}\n${stderr}`),
    ),
  );
}

/** The descriptions only: each line without its command syntax (the part before two spaces). */
function descriptions(help: string): string[] {
  return help
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^\s{2}\S.*?\s{2,}/, '').replace(/^\s{2}\S.*?\]\s(?=\p{Ll})/u, ''))
    .filter((l) => l.trim() !== '' && !/^\s{2}\S/.test(l));
}

describe('stationctl help in Vietnamese', () => {
  it('--lang vi --help, LANG=vi_VN and no command: descriptions without English', async () => {
    const outs = [
      await ctl({}, ['--lang', 'vi', '--help']),
      await ctl({ LANG: 'vi_VN.UTF-8' }, ['--help']),
      await ctl({ LANG: 'vi_VN.UTF-8' }, []),
    ];
    for (const out of outs) {
      expect(out).toContain('cách dùng: stationctl');
      expect(out).toContain('mã thoát: 0 thành công');
      const lines = descriptions(out);
      expect(lines.length).toBeGreaterThan(30);
      expect(lines.filter((l) => english(l).length)).toEqual([]);
    }
    const en = descriptions(await ctl({}, ['--lang', 'en', '--help']));
    expect(en.filter((l) => english(l).length).length / en.length).toBeGreaterThan(0.5);
  }, 120_000);
});

describe('districtctl help in Vietnamese', () => {
  it('--lang vi --help and LANG=vi_VN: descriptions without English; English with --lang en', async () => {
    const outs = [
      await ctl({}, ['--lang', 'vi', '--help'], DISTRICTCTL),
      await ctl({ LANG: 'vi_VN.UTF-8' }, ['--help'], DISTRICTCTL),
    ];
    for (const out of outs) {
      expect(out).toContain('cách dùng: districtctl');
      expect(out).toContain('mã thoát: 0 thành công');
      const lines = descriptions(out);
      expect(lines.length).toBeGreaterThan(15);
      expect(lines.filter((l) => english(l).length)).toEqual([]);
    }
    const en = descriptions(await ctl({}, ['--lang', 'en', '--help'], DISTRICTCTL));
    expect(en.filter((l) => english(l).length).length / en.length).toBeGreaterThan(0.5);
  }, 120_000);
});
