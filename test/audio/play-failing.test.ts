/**
 * Issue 14, item 4 through the real daemon and stationctl: `stationctl play URL` says the
 * stream never started (and why) instead of "Playing"; the alarm is in `doctor`, in the
 * status and in the metrics; a stream that works still says "Playing".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { freePort } from '../helpers/ports.js';
import { tempDir } from '../helpers/sim-station.js';

let d: Daemon;
let metrics: string;

beforeAll(async () => {
  d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir('loa-play-failing-'), 'data')]);
  metrics = JSON.parse((await d.waitFor(/"msg":"ready"/)) as string).metrics;
});
afterAll(async () => {
  await d?.stop();
});

describe('stationctl play URL on a source that never starts', () => {
  it('says it is not playing and why, in English and Vietnamese; doctor, status and metrics show it', async () => {
    const url = `http://127.0.0.1:${await freePort()}/live`;
    const r = await d.ctl('play', url);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NOT PLAYING manual-\d+: the source fails — connection refused/);
    expect(r.stdout).not.toMatch(/^Playing/);
    const vi = await d.ctl('--lang', 'vi', 'play', url);
    expect(vi.stdout).toMatch(/CHƯA PHÁT ĐƯỢC .*máy chủ từ chối kết nối/);
    const status = await d.ctl('audio', 'status');
    expect(status.stdout).toMatch(/NEVER PLAYED: connection refused/);
    const doc = await d.ctl('doctor');
    expect(doc.stdout).toMatch(/has never played: refused/);
    let text = '';
    await pollUntil(async () => {
      text = await (await fetch(metrics)).text();
      return /loa_alarm_active\{kind="audio\.source-failed"/.test(text);
    }, 10_000);
    expect(text).toMatch(
      /^loa_audio_source_failed\{slot="programme",kind="stream",cause="refused",station="[^"]+"\} 1$/m,
    );
    await d.ctl('stop');
    const after = await d.ctl('--json', 'status');
    expect(after.stdout).not.toMatch(/audio\.source-failed/);
  });
});
