import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil, ROOT, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

describe('systemd integration', () => {
  let listener: ChildProcess | undefined;
  afterEach(() => {
    listener?.kill();
    listener = undefined;
  });

  it('the units pass systemd-analyze verify', async () => {
    const r = await new Promise<{ code: number; out: string }>((res) =>
      execFile(
        'systemd-analyze',
        ['verify', join(ROOT, 'systemd/loa-station.service'), join(ROOT, 'systemd/loa-district.service')],
        (err, so, se) => res({ code: err ? 1 : 0, out: so + se }),
      ),
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('speaks the notify protocol: READY after start, WATCHDOG at half the interval, STOPPING on stop', async () => {
    const dir = tempDir();
    const sock = join(dir, 'notify.sock');
    // an independent datagram listener bound where systemd would listen
    listener = spawn('socat', ['-u', `UNIX-RECV:${sock}`, '-'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let got = '';
    listener.stdout?.on('data', (b: Buffer) => {
      got += b.toString();
    });
    await pollUntil(async () => (await import('node:fs')).existsSync(sock), 5000);
    const d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data')], {
      NOTIFY_SOCKET: sock,
      WATCHDOG_USEC: '400000',
    });
    await pollUntil(async () => /READY=1/.test(got), 5000);
    expect(got).toMatch(/STATUS=station .* ready/);
    expect(got).toMatch(new RegExp(`MAINPID=${d.proc.pid}`));
    await pollUntil(async () => (got.match(/WATCHDOG=1/g) ?? []).length >= 3, 5000);
    expect(await d.stop()).toBe(0);
    await pollUntil(async () => /STOPPING=1/.test(got), 5000);
    expect(got.indexOf('READY=1')).toBeLessThan(got.indexOf('WATCHDOG=1'));
  });
});
