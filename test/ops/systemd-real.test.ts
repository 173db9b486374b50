/**
 * The shipped loa-station.service under a real systemd (252, Debian 12, booted in systemd-nspawn
 * because PID 1 here is not systemd), installed by install.sh with a district and the station's
 * certificates (deploy/pki): it starts as the loa user with its hardening and reads its TLS key,
 * READY=1 arrives, technicians reach the sockets in /run/loa by group (loa-operators: operator;
 * others: viewer), `systemctl reload` re-reads the certificates, a hung event loop is restarted by
 * the watchdog, kill -9 is restarted after ExecStopPost (stationctl safe-state) succeeded. systemd runs at debug log level there, so a control process's
 * exit status is in the journal even when it succeeded. First run builds the cached Debian image (about a minute, Debian mirror).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../src/cli/station/registry.js';
import { pollUntil, ROOT } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import {
  Container,
  containerImage,
  containerUnsupported,
  installRelease,
  monotonicUs,
} from '../helpers/systemd-container.js';

const UNIT = 'loa-station.service';
const unsupported = await containerUnsupported();
const hasSafeState = 'safe-state' in allCommands();

async function mainPid(c: Container): Promise<number> {
  return Number((await c.show(UNIT, ['MainPID'])).MainPID);
}

/** Waits until systemd has restarted the unit: a new main PID, active/running again. */
async function restarted(c: Container, oldPid: number): Promise<number> {
  return pollUntil(async () => {
    const p = await c.show(UNIT, ['MainPID', 'ActiveState', 'SubState']);
    const pid = Number(p.MainPID);
    return p.ActiveState === 'active' && p.SubState === 'running' && pid !== oldPid && pid;
  }, 60_000);
}

async function messagesSince(c: Container, sinceUs: number): Promise<string[]> {
  return (await c.journal(UNIT))
    .filter((e) => Number(e.__MONOTONIC_TIMESTAMP) > sinceUs)
    .map((e) => String(e.MESSAGE));
}

describe.skipIf(unsupported !== undefined)(
  `loa-station.service under real systemd ${unsupported ? `(skipped: ${unsupported})` : ''}`,
  () => {
    let c: Container | undefined;
    let release = '';
    let pki = '';

    beforeAll(async () => {
      const image = await containerImage();
      // the district CA and this station's certificate, as a district technician makes them
      pki = tempDir('loa-pki-');
      const ca = join(pki, 'ca');
      execFileSync('bash', [join(ROOT, 'deploy/pki/ca.sh'), ca], { stdio: 'ignore' });
      execFileSync('bash', [join(ROOT, 'deploy/pki/station.sh'), ca, 'bench-box'], { stdio: 'ignore' });
      const tls = join(pki, 'for-the-box');
      mkdirSync(tls);
      for (const f of ['ca.crt', 'issued/station-bench-box.crt', 'issued/station-bench-box.key'])
        execFileSync('cp', [join(ca, f), tls]);
      // a hub nobody listens on (the container's own loopback): the uplink retries, the station plays
      release = await installRelease(image, ['--district', '127.0.0.1:9', '--tls-dir', tls]);
      c = await Container.boot(image, release);
      // a short watchdog so the hang test takes seconds (the unit ships WatchdogSec=20)
      await c.dropIn(UNIT, 'test-watchdog', '[Service]\nWatchdogSec=2');
    }, 900_000);

    afterAll(async () => {
      await c?.stop();
      if (release) rmSync(release, { recursive: true, force: true });
      if (pki) rmSync(pki, { recursive: true, force: true });
    }, 60_000);

    it('starts, sends READY=1 with its status, runs as loa with the unit hardening, answers stationctl', async () => {
      const box = c as Container;
      await box.systemctl('start', UNIT); // Type=notify: returns once READY=1 arrived
      const p = await box.show(UNIT, ['ActiveState', 'SubState', 'StatusText', 'MainPID']);
      expect(p.ActiveState).toBe('active');
      expect(p.StatusText).toMatch(/^station bench-box ready on profile sim/);
      const status = readFileSync(`/proc/${box.hostPid(Number(p.MainPID))}/status`, 'utf8');
      const loa = (await box.exec(['id', '-u', 'loa'])).stdout.trim();
      expect(status).toMatch(new RegExp(`^Uid:\\s+${loa}\\s`, 'm'));
      expect(status).toMatch(/^NoNewPrivs:\s+1$/m);
      expect(status).toMatch(/^CapBnd:\s+0+$/m); // CapabilityBoundingSet= (empty)
      const groups = (await box.exec(['id', '-Gn', 'loa'])).stdout;
      expect(groups.split(/\s+/)).toEqual(expect.arrayContaining(['gpio', 'audio', 'dialout']));
      // the technicians' stationctl (/usr/local/bin, install.sh) finds the sockets in /run/loa
      const st = await box.exec(['stationctl', '--json', 'status']);
      expect(st.code, st.stderr).toBe(0);
      expect(st.stdout).toMatch(/bench-box/);
    });

    it('reads the installed certificates as loa (key 0600 loa, /etc/loa/tls 0750 root:loa) for its uplink', async () => {
      const box = c as Container;
      const ls = await box.exec(['stat', '-c', '%n %a %U:%G', '/etc/loa/tls', '/etc/loa/tls/station.key']);
      expect(ls.stdout).toContain('/etc/loa/tls 750 root:loa');
      expect(ls.stdout).toContain('/etc/loa/tls/station.key 600 loa:loa');
      const sec = await box.exec(['stationctl', '--json', 'security', 'status']);
      expect(sec.code, sec.stderr).toBe(0);
      const { uplink, sockets } = JSON.parse(sec.stdout) as {
        uplink: unknown;
        sockets: Array<{ path: string }>;
      };
      expect(JSON.stringify(uplink)).toMatch(/bench-box/); // mutual TLS, the identity in the certificate
      expect(sockets.map((s) => s.path)).toEqual([
        '/run/loa/station.sock',
        '/run/loa/station.operator.sock',
        '/run/loa/station.viewer.sock',
      ]);
      const t0 = monotonicUs();
      await box.systemctl('reload', UNIT); // ExecReload: SIGHUP
      await pollUntil(
        async () => (await messagesSince(box, t0)).some((m) => /SIGHUP: certificates checked/.test(m)),
        10_000,
      );
    });

    it('gives a technician in loa-operators the operator socket, and anyone else the viewer one', async () => {
      const box = c as Container;
      for (const cmd of [
        ['useradd', '--create-home', '--groups', 'loa-operators', 'tech'],
        ['useradd', '--create-home', 'guest'],
      ])
        expect((await box.exec(cmd)).code).toBe(0);
      const as = (user: string, ...args: string[]) =>
        box.exec(['runuser', '-u', user, '--', 'stationctl', '--lang', 'en', ...args]);
      const tech = await as('tech', '--json', 'status');
      expect(tech.code, tech.stderr).toBe(0);
      expect(tech.stdout).toMatch(/bench-box/);
      // an admin command: refused, and the refusal names the role the socket gave
      expect((await as('tech', 'power', 'on')).stderr).toMatch(/needs role admin; .* has role operator/);
      expect((await as('guest', 'power', 'on')).stderr).toMatch(/needs role admin; .* has role viewer/);
    });

    it('restarts a hung event loop: SIGSTOP stops the WATCHDOG=1 pings, systemd aborts and restarts it', async () => {
      const box = c as Container;
      await box.systemctl('restart', UNIT);
      const pid = await mainPid(box);
      const t0 = monotonicUs();
      process.kill(box.hostPid(pid), 'SIGSTOP');
      await restarted(box, pid);
      const log = await messagesSince(box, t0);
      expect(log.some((m) => /Watchdog timeout \(limit 2s\)/.test(m))).toBe(true);
      expect(log.some((m) => /Main process exited, code=killed, status=6\/ABRT/.test(m))).toBe(true);
    });

    it('restarts after kill -9 and runs ExecStopPost (stationctl safe-state) in between', async () => {
      const box = c as Container;
      const pid = await mainPid(box);
      const t0 = monotonicUs();
      process.kill(box.hostPid(pid), 'SIGKILL');
      await restarted(box, pid);
      const log = await messagesSince(box, t0);
      const killed = log.findIndex((m) => /Main process exited, code=killed, status=9\/KILL/.test(m));
      const stopPost = log.findIndex((m) => /Control process exited/.test(m));
      const started = log.findIndex((m) => /Started loa-station/.test(m));
      expect(killed).toBeGreaterThanOrEqual(0);
      expect(stopPost).toBeGreaterThan(killed);
      expect(started).toBeGreaterThan(stopPost);
    });

    it.skipIf(!hasSafeState)(
      `ExecStopPost stationctl safe-state succeeds after kill -9${hasSafeState ? '' : ' (skipped: stationctl has no safe-state command yet; it comes with the hw work)'}`,
      async () => {
        const box = c as Container;
        const pid = await mainPid(box);
        const t0 = monotonicUs();
        process.kill(box.hostPid(pid), 'SIGKILL');
        await restarted(box, pid);
        const log = await messagesSince(box, t0);
        expect(log.find((m) => /Control process exited/.test(m))).toMatch(/status=0\/SUCCESS/);
        // its own report (the unit's env file sets LANG=vi_VN): the sim outputs driven safe
        expect(log.some((m) => /Đã đưa về trạng thái an toàn trên sim/.test(m))).toBe(true);
      },
    );
  },
);
