import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/daemon.js';
import { makePki } from '../helpers/pki.js';
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
    // no certificates: installed all the same, the uplink's variables left commented out
    expect(r.out).toMatch(/no certificates: the station broadcasts .* without the district uplink/);
    expect(env).toMatch(/^#LOA_TLS_KEY=\/etc\/loa\/tls\/station\.key$/m);
    expect(existsSync(join(root, 'etc/loa/tls'))).toBe(false);
    // the technicians' stationctl: /run/loa unless told otherwise
    expect(readFileSync(join(root, 'usr/local/bin/stationctl'), 'utf8')).toMatch(
      /LOA_SOCKET:=\/run\/loa\/station\.sock/,
    );
    expect(statSync(join(root, 'usr/local/bin/stationctl')).mode & 0o777).toBe(0o755);
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

/** A directory holding the files a technician copies to the box. */
function tlsDir(pki: { ca: string; dir: string }, name: string, files: Record<string, string>): string {
  const d = join(pki.dir, name);
  mkdirSync(d);
  for (const [to, from] of Object.entries(files)) copyFileSync(join(pki.ca, from), join(d, to));
  return d;
}

/** A target root with its own accounts (as an image has), so install.sh makes loa there. */
function rootWithAccounts(): string {
  const r = tempDir('loa-root-');
  mkdirSync(join(r, 'etc'));
  writeFileSync(join(r, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(r, 'etc/group'), 'root:x:0:\n');
  return r;
}

function idOf(root: string, file: 'passwd' | 'group', name: string): number {
  const line = readFileSync(join(root, 'etc', file), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  return Number(line?.split(':')[2]);
}

/** Every path under a directory with its mode, size and content: "changed nothing" is comparable. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      const st = statSync(p);
      out.push(`${p} ${st.mode} ${st.uid}:${st.gid} ${e.isFile() ? readFileSync(p, 'utf8') : ''}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

describe('install.sh and the TLS certificates', { timeout: 300_000 }, () => {
  const pki = makePki();
  const base = ['--no-apt', '--no-systemd', '--profile', 'sim'];

  it('installs the station certificates into /etc/loa/tls with the modes and owners the daemon needs', async () => {
    const root = rootWithAccounts();
    const dir = tlsDir(pki, 'box', {
      'ca.crt': 'ca.crt',
      'station-xa-tls.crt': 'issued/station-xa-tls.crt', // deploy/pki's own names
      'station-xa-tls.key': 'issued/station-xa-tls.key',
    });
    const r = await sh(INSTALL, [
      '--root',
      root,
      ...base,
      '--station-id',
      'xa-tls',
      '--district',
      'hub.example.vn:7443',
      '--tls-dir',
      dir,
    ]);
    expect(r.code, r.out).toBe(0);
    const loa = idOf(root, 'passwd', 'loa');
    const loaGroup = idOf(root, 'group', 'loa');
    expect(idOf(root, 'group', 'loa-operators')).toBeGreaterThan(0);
    const tls = join(root, 'etc/loa/tls');
    const mode = (p: string) => statSync(p).mode & 0o7777;
    expect([mode(tls), statSync(tls).uid, statSync(tls).gid]).toEqual([0o750, 0, loaGroup]);
    expect([mode(join(tls, 'ca.crt')), statSync(join(tls, 'ca.crt')).gid]).toEqual([0o640, loaGroup]);
    expect([mode(join(tls, 'station.crt')), statSync(join(tls, 'station.crt')).gid]).toEqual([
      0o640,
      loaGroup,
    ]);
    expect([mode(join(tls, 'station.key')), statSync(join(tls, 'station.key')).uid]).toEqual([0o600, loa]);
    expect(readFileSync(join(tls, 'station.key'))).toEqual(readFileSync(join(dir, 'station-xa-tls.key')));
    expect(readdirSync(tls).sort()).toEqual(['ca.crt', 'station.crt', 'station.key']); // no staging left
    const env = readFileSync(join(root, 'etc/loa/station.env'), 'utf8');
    expect(env).toMatch(/^LOA_TLS_CA=\/etc\/loa\/tls\/ca\.crt$/m);
    expect(env).toMatch(/^LOA_TLS_CERT=\/etc\/loa\/tls\/station\.crt$/m);
    expect(env).toMatch(/^LOA_TLS_KEY=\/etc\/loa\/tls\/station\.key$/m);
    expect(env).toMatch(/^LOA_DISTRICT=hub\.example\.vn:7443$/m);
    expect(statSync(join(root, 'etc/loa/station.env')).gid).toBe(loaGroup);
  });

  it('adds the certificates to a station installed without them, keeping its env file; an upgrade keeps them', async () => {
    const root = rootWithAccounts();
    const args = ['--root', root, ...base, '--station-id', 'xa-tls'];
    expect((await sh(INSTALL, args)).code).toBe(0);
    const envFile = join(root, 'etc/loa/station.env');
    writeFileSync(envFile, `${readFileSync(envFile, 'utf8')}# the technician's note\n`);
    const dir = tlsDir(pki, 'later', {
      'ca.crt': 'ca.crt',
      'station.crt': 'issued/station-xa-tls.crt',
      'station.key': 'issued/station-xa-tls.key',
    });
    const r = await sh(INSTALL, [...args, '--tls-dir', dir]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/added LOA_TLS_KEY to/);
    const env = readFileSync(envFile, 'utf8');
    expect(env).toMatch(
      /# the technician's note\nLOA_TLS_CA=\/etc\/loa\/tls\/ca\.crt\nLOA_TLS_CERT=.*\nLOA_TLS_KEY=\/etc\/loa\/tls\/station\.key\n$/,
    );
    const again = await sh(INSTALL, args); // an upgrade without --tls-dir
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/certificates: .*etc\/loa\/tls/);
    expect(readdirSync(join(root, 'etc/loa/tls')).sort()).toEqual(['ca.crt', 'station.crt', 'station.key']);
    expect(readFileSync(envFile, 'utf8')).toBe(env);
  });

  it('refuses a missing key, naming it and what it expected, and leaves the root unchanged', async () => {
    const root = rootWithAccounts();
    const dir = tlsDir(pki, 'nokey', { 'ca.crt': 'ca.crt', 'station.crt': 'issued/station-xa-tls.crt' });
    const before = snapshot(root);
    const r = await sh(INSTALL, ['--root', root, ...base, '--station-id', 'xa-tls', '--tls-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      `TLS: ${join(dir, 'station.key')} (--tls-key) not found or not readable: expected the private key`,
    );
    expect(r.out).toMatch(/nothing was installed/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses what the daemon would refuse: another station, a key of another certificate, a district without certificates', async () => {
    const root = rootWithAccounts();
    const before = snapshot(root);
    const other = tlsDir(pki, 'other', {
      'ca.crt': 'ca.crt',
      'station.crt': 'issued/station-xa-other.crt',
      'station.key': 'issued/station-xa-other.key',
    });
    const r1 = await sh(INSTALL, ['--root', root, ...base, '--station-id', 'xa-tls', '--tls-dir', other]);
    expect(r1.out).toMatch(/station\.crt is not the certificate of station xa-tls/);
    const mixed = tlsDir(pki, 'mixed', {
      'ca.crt': 'ca.crt',
      'station.crt': 'issued/station-xa-tls.crt',
      'station.key': 'issued/station-xa-other.key',
    });
    const r2 = await sh(INSTALL, ['--root', root, ...base, '--station-id', 'xa-tls', '--tls-dir', mixed]);
    expect(r2.out).toMatch(/station\.key is not the key of .*station\.crt/);
    const r3 = await sh(INSTALL, [
      '--root',
      root,
      ...base,
      '--station-id',
      'xa-tls',
      '--district',
      'hub:7443',
    ]);
    expect(r3.out).toMatch(/--district hub:7443 needs this station's certificates/);
    const r4 = await sh(INSTALL, ['--root', root, ...base, '--role', 'district']);
    expect(r4.out).toMatch(
      /the district hub needs its certificates: --tls-dir DIR with ca\.crt, server\.crt and server\.key/,
    );
    for (const r of [r1, r2, r3, r4]) expect(r.code).toBe(1);
    expect(snapshot(root)).toEqual(before);
  });

  it('installs the hub with its server certificate and district.env', async () => {
    const root = rootWithAccounts();
    const dir = tlsDir(pki, 'hub', {
      'ca.crt': 'ca.crt',
      'server.crt': 'issued/server-hub.crt',
      'server.key': 'issued/server-hub.key',
    });
    const r = await sh(INSTALL, [
      '--root',
      root,
      ...base,
      '--role',
      'district',
      '--listen',
      '0.0.0.0:7443',
      '--tls-dir',
      dir,
    ]);
    expect(r.code, r.out).toBe(0);
    const tls = join(root, 'etc/loa/tls');
    expect(readdirSync(tls).sort()).toEqual(['ca.crt', 'district.crt', 'district.key']);
    expect(statSync(join(tls, 'district.key')).uid).toBe(idOf(root, 'passwd', 'loa'));
    expect(statSync(join(tls, 'district.key')).mode & 0o777).toBe(0o600);
    const env = readFileSync(join(root, 'etc/loa/district.env'), 'utf8');
    expect(env).toMatch(/^LOA_DISTRICT_LISTEN=0\.0\.0\.0:7443$/m);
    expect(env).toMatch(/^LOA_TLS_CERT=\/etc\/loa\/tls\/district\.crt$/m);
    expect(env).toMatch(/^LOA_TLS_KEY=\/etc\/loa\/tls\/district\.key$/m);
    const unit = readFileSync(join(root, 'etc/systemd/system/loa-district.service'), 'utf8');
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/loa\/district\.env$/m);
    expect(unit).toMatch(/^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
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
      join(ROOT, 'deploy/templates/stationctl.sh'),
      join(ROOT, '.ci/run'),
      FAKE_SYSTEMCTL,
    ];
    expect(scripts.length).toBeGreaterThan(5);
    const r = await sh('shellcheck', ['-x', ...scripts]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});
