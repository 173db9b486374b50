/**
 * A real OpenSSH server on 127.0.0.1 (a free port) for the fleet roll-out tests: a throwaway
 * host key and user key, key-only login as root, the host key pinned in a known_hosts file (so
 * the client really verifies it). It runs in a private mount namespace with a temporary
 * directory bound over /root: what the sessions write in their home (the rsync'd tree, the
 * certificates) lands there, never in this machine's /root, and parallel runs do not meet.
 * In that namespace /etc/pam.d/sshd is also replaced by a permissive account/session stack:
 * OpenSSH without PAM refuses a locked root account ("!" in /etc/shadow, common on CI images),
 * and Debian's stack needs pam_loginuid, which fails in containers; key authentication is
 * sshd's own either way (PAM's auth stack is pam_deny).
 * Needs root, openssh-server, rsync and sudo (scripts/ensure-system.sh installs them).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './sim-station.js';

const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  port: number;
  /** The remote user's home (/root inside the server's mount namespace). */
  home: string;
  /** The ssh command line for LOA_SSH: this key, this port, this host key only. */
  ssh: string;
  log: string[];
  stop(): Promise<void>;
}

/** Why a real sshd cannot run here, or undefined when it can. */
export function sshdUnsupported(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (sshd, a mount namespace)';
  for (const tool of [
    SSHD,
    '/etc/pam.d/sshd',
    '/usr/bin/rsync',
    '/usr/bin/sudo',
    '/usr/bin/unshare',
    '/usr/bin/ssh-keygen',
  ])
    if (!existsSync(tool)) return `${tool} is missing (scripts/ensure-system.sh installs it)`;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = new Socket();
    s.setTimeout(500);
    s.once('connect', () => {
      s.destroy();
      res(true);
    });
    s.once('error', () => res(false));
    s.once('timeout', () => {
      s.destroy();
      res(false);
    });
    s.connect(port, '127.0.0.1');
  });
}

function keygen(file: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'loa-test', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

export async function startSshd(timeoutMs = 10_000): Promise<Sshd> {
  const dir = tempDir('loa-sshd-');
  const home = join(dir, 'home');
  mkdirSync(home, { mode: 0o700 });
  const hostPub = keygen(join(dir, 'host_key'));
  writeFileSync(join(dir, 'authorized_keys'), `${keygen(join(dir, 'id'))}\n`);
  const port = await freePort();
  // only the host key pinned here is accepted: a real host-key check, not StrictHostKeyChecking=no
  writeFileSync(
    join(dir, 'known_hosts'),
    `[127.0.0.1]:${port} ${hostPub.split(' ').slice(0, 2).join(' ')}\n`,
  );
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM yes',
      'StrictModes no', // the key files sit in a temporary directory
      'PidFile none',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  const pam = join(dir, 'pam-sshd');
  writeFileSync(
    pam,
    'auth required pam_deny.so\naccount required pam_permit.so\nsession required pam_permit.so\npassword required pam_deny.so\n',
  );
  mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege-separation directory
  const proc: ChildProcess = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount --bind "$1" /root && mount --bind "$4" /etc/pam.d/sshd && exec "$2" -D -e -f "$3"',
      'sh',
      home,
      SSHD,
      config,
      pam,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  const keep = (b: Buffer) => log.push(...b.toString().split('\n').filter(Boolean));
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(port))) {
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`sshd did not start on 127.0.0.1:${port}: ${log.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ssh = [
    'ssh -F none',
    `-i ${join(dir, 'id')}`,
    `-p ${port}`,
    '-o BatchMode=yes -o IdentitiesOnly=yes -o ConnectTimeout=10',
    `-o StrictHostKeyChecking=yes -o UserKnownHostsFile=${join(dir, 'known_hosts')}`,
  ].join(' ');
  return { port, home, ssh, log, stop };
}
