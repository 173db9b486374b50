import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

function sh(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout: 300_000 }, (err, stdout, stderr) =>
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

const INSTALL = join(ROOT, 'deploy', 'install.sh');
const FAKE_SYSTEMCTL = join(ROOT, 'test', 'helpers', 'fake-systemctl.sh');

describe('deploy/install.sh into a temporary root', { timeout: 300_000 }, () => {
  let root = '';
  afterEach(async () => {
    if (root) await sh(FAKE_SYSTEMCTL, ['stop', 'loa-station'], { LOA_TEST_ROOT: root });
  });

  it('installs a release, writes the config from the template, and the installed release runs', async () => {
    root = tempDir('loa-root-');
    const r = await sh(INSTALL, [
      '--root',
      root,
      '--no-apt',
      '--no-systemd',
      '--station-id',
      'xa-test',
      '--profile',
      'sim',
    ]);
    expect(r.code, r.out).toBe(0);
    const current = readlinkSync(join(root, 'opt/loa/current'));
    expect(current).toMatch(/^releases\/0\.1\.0-\d{17}$/); // relative: the root can be imaged
    const env = readFileSync(join(root, 'etc/loa/station.env'), 'utf8');
    expect(env).toMatch(/^LOA_PROFILE=sim$/m);
    expect(env).toMatch(/^LOA_STATION_ID=xa-test$/m);
    expect(existsSync(join(root, 'etc/systemd/system/loa-station.service'))).toBe(true);
    expect(existsSync(join(root, 'opt/loa/current/node_modules/typescript'))).toBe(false); // no dev tools
    const help = await sh(process.execPath, [join(root, 'opt/loa/current/bin/stationctl'), '--help']);
    expect(help.out).toMatch(/usage: stationctl/);
  });

  it('upgrades with a health check through the real stationctl, and keeps the technician config', async () => {
    root = tempDir('loa-root-');
    const env = { LOA_SYSTEMCTL: FAKE_SYSTEMCTL, LOA_TEST_ROOT: root, LOA_HEALTH_TIMEOUT: '30' };
    const first = await sh(INSTALL, ['--root', root, '--no-apt', '--station-id', 'xa-up'], env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/loa-station is healthy/);
    const envFile = join(root, 'etc/loa/station.env');
    writeFileSync(envFile, readFileSync(envFile, 'utf8').replace('LANG=vi_VN.UTF-8', 'LANG=en_US.UTF-8'));
    const firstRelease = readlinkSync(join(root, 'opt/loa/current'));
    const second = await sh(INSTALL, ['--root', root, '--no-apt', '--station-id', 'xa-up'], env);
    expect(second.code, second.out).toBe(0);
    expect(readlinkSync(join(root, 'opt/loa/current'))).not.toBe(firstRelease);
    expect(readFileSync(envFile, 'utf8')).toMatch(/LANG=en_US\.UTF-8/);
    expect(readdirSync(join(root, 'opt/loa/releases'))).toHaveLength(2);
  });

  it('rolls back to the previous release when the new one does not become healthy', async () => {
    root = tempDir('loa-root-');
    const env = { LOA_SYSTEMCTL: FAKE_SYSTEMCTL, LOA_TEST_ROOT: root, LOA_HEALTH_TIMEOUT: '20' };
    expect((await sh(INSTALL, ['--root', root, '--no-apt', '--station-id', 'xa-rb'], env)).code).toBe(0);
    const good = readlinkSync(join(root, 'opt/loa/current'));
    // a systemctl whose restart never brings up any release but the good one
    writeFileSync(
      join(root, 'failing-systemctl.sh'),
      `#!/usr/bin/env bash\nFAIL_RELEASE=$(basename "$(readlink "${root}/opt/loa/current")")\n[ "$(readlink "${root}/opt/loa/current")" = "${good}" ] && FAIL_RELEASE=none\nexport FAIL_RELEASE\nexec "${FAKE_SYSTEMCTL}" "$@"\n`,
      { mode: 0o755 },
    );
    const bad = await sh(INSTALL, ['--root', root, '--no-apt', '--station-id', 'xa-rb'], {
      ...env,
      LOA_HEALTH_TIMEOUT: '5',
      LOA_SYSTEMCTL: join(root, 'failing-systemctl.sh'),
    });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/did not become healthy within 5s/);
    expect(bad.out).toMatch(/rolled back to/);
    expect(readlinkSync(join(root, 'opt/loa/current'))).toBe(good);
    expect((await sh(FAKE_SYSTEMCTL, ['is-active', 'loa-station'], { LOA_TEST_ROOT: root })).code).toBe(0); // the old one runs
  });
});

describe('shell scripts', () => {
  it('pass shellcheck', async () => {
    const scripts = [
      ...readdirSync(join(ROOT, 'deploy'))
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(ROOT, 'deploy', f)),
      ...readdirSync(join(ROOT, 'scripts'))
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(ROOT, 'scripts', f)),
      ...readdirSync(join(ROOT, 'deploy', 'pki'))
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join(ROOT, 'deploy', 'pki', f)),
      join(ROOT, '.ci/run'),
      FAKE_SYSTEMCTL,
    ];
    expect(scripts.length).toBeGreaterThan(5);
    const r = await sh('shellcheck', ['-x', ...scripts]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('fleet.sh runs stations in inventory order and stops at the first failure', async () => {
    const dir = tempDir('loa-fleet-');
    const inv = join(dir, 'inventory');
    writeFileSync(inv, '# test\nxa-a  loa@a  sim\n\nxa-b  loa@b  sim  d:1\nxa-c  loa@c  sim\n');
    // an ssh that reaches nothing: station b's install fails, so c must never be touched
    const fakeSsh = join(dir, 'ssh.sh');
    writeFileSync(
      fakeSsh,
      `#!/usr/bin/env bash\necho "$*" >> ${dir}/calls\n[[ "$*" == *"loa@b sudo"* ]] && exit 1\nexit 0\n`,
      { mode: 0o755 },
    );
    const fakeRsync = join(dir, 'rsync');
    writeFileSync(fakeRsync, `#!/usr/bin/env bash\necho "rsync \${*: -1}" >> ${dir}/calls\n`, {
      mode: 0o755,
    });
    const r = await sh(join(ROOT, 'deploy/fleet.sh'), [inv], {
      LOA_SSH: fakeSsh,
      PATH: `${dir}:${process.env.PATH}`,
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/xa-b failed; stopping here \(1 station\(s\) done before it\)/);
    const calls = readFileSync(join(dir, 'calls'), 'utf8').trim().split('\n');
    expect(calls).toEqual([
      'rsync loa@a:loa-src/',
      'loa@a sudo ./loa-src/deploy/install.sh --role station --station-id xa-a --profile sim',
      'rsync loa@b:loa-src/',
      'loa@b sudo ./loa-src/deploy/install.sh --role station --station-id xa-b --profile sim --district d:1',
    ]);
    const bad = join(dir, 'bad');
    writeFileSync(bad, 'xa-a loa@a\n');
    const r2 = await sh(join(ROOT, 'deploy/fleet.sh'), [bad], {
      LOA_SSH: fakeSsh,
      PATH: `${dir}:${process.env.PATH}`,
    });
    expect(r2.out).toMatch(/line 1: expected 'id ssh-target profile \[district\]'/);
  });
});
