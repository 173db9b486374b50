import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLogLine, parseSince } from '../../src/cli/station/logs.js';
import { type Daemon, STATIONCTL, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

function run(
  cmd: string,
  args: string[],
  input?: string,
  tz = process.env.TZ,
): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    const p = execFile(
      cmd,
      args,
      { timeout: 30_000, env: { ...process.env, LANG: 'C', ...(tz ? { TZ: tz } : {}) } },
      (err, so, se) => res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: so + se }),
    );
    if (input !== undefined) p.stdin?.end(input);
  });
}

describe('stationctl watch, logs and test relays', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('watch fits an 80×24 terminal and quits cleanly on q under a real pseudo-terminal', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const once = await d.ctl('watch', '--once');
    const lines = once.stdout.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(24);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
    expect(once.stdout).toMatch(/Thôn 1/);
    // `script` gives stationctl a real pty; the q arrives once the first frame is drawn
    const r = await run('bash', [
      '-c',
      `(for i in $(seq 1 100); do [ -s "$0" ] && break; sleep 0.05; done; printf q) | script -qfec "${process.execPath} ${STATIONCTL} --socket ${d.socket} watch" "$0"`,
      join(tempDir(), 'typescript'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Power chain: off/);
    expect(r.out.endsWith('\x1b[?25h\x1b[2J\x1b[H')).toBe(true); // cursor back, screen cleared
  });

  it('test relays clicks each relay and reads it back; a stuck one fails; refused while powered', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const good = await d.ctl('test', 'relays', '--yes', '--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).every((r: { ok: boolean }) => r.ok)).toBe(true);
    await d.ctl('sim', 'fault', 'relay-stuck', '--channel', 'zone.2');
    const bad = await d.ctl('test', 'relays', '--yes');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL {2}zone\.2/);
    const noYes = await d.ctl('test', 'relays');
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toMatch(/add --yes to confirm/);
    await d.ctl('sim', 'clear');
    await d.ctl('power', 'on');
    const refused = await d.ctl('test', 'relays', '--yes');
    expect(refused.stderr).toMatch(/power chain is on; run stationctl power off first/);
  });

  it('logs prints JSON log lines readably, filtered by subsystem, level and time', async () => {
    const file = join(tempDir(), 'log.jsonl');
    const rec = (ts: string, level: string, sub: string, msg: string, extra = {}) =>
      JSON.stringify({ ts, level, station: 's', sub, msg, ...extra });
    writeFileSync(
      file,
      [
        rec('2026-11-30T05:29:00.000Z', 'info', 'power', 'power chain on', { zones: [1, 2] }),
        'not json at all',
        rec('2026-11-30T05:31:00.000Z', 'warn', 'power', 'transmitter tripped', { reflectedW: 42.5 }),
        rec('2026-11-30T05:32:00.000Z', 'info', 'api', 'zone 1 on'),
      ].join('\n'),
    );
    const r = await run(
      process.execPath,
      [STATIONCTL, 'logs', '--file', file, '--sub', 'power', '--level', 'warn'],
      undefined,
      'Asia/Ho_Chi_Minh',
    );
    // the journal's UTC shown as the station's local time, with its offset (issue 22: one clock)
    expect(r.out.trim()).toBe(
      '2026-11-30 12:31:00 +07:00 WARN  power    transmitter tripped  reflectedW=42.5',
    );
    expect(
      formatLogLine('{"ts":"2026-11-30T05:29:00Z","msg":"x","level":"info","sub":"a"}', {
        since: Date.parse('2026-11-30T05:30:00Z'),
      }),
    ).toBeUndefined();
    expect(parseSince('15m', 1_000_000_000)).toBe(1_000_000_000 - 900_000);
    expect(() => parseSince('yesterday')).toThrow(/--since: a time such as/);
  });
});
