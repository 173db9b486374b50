/**
 * A private mount namespace with an empty tmpfs over /sys/class, so a fake sysfs GPIO tree can
 * sit at /sys/class/gpio (where onoff always looks) without touching the machine's own.
 * A holder process (`unshare -m … sleep`) keeps the namespace alive; code under test runs in it
 * through `nsenter -m`, and the fake kernel (in the test process) reaches the tree through
 * /proc/<holder>/root. Needs CAP_SYS_ADMIN (root, as in CI); elsewhere `skip` says why.
 */
import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';

export interface GpioNamespace {
  pid: number;
  /** The namespace's /sys/class/gpio, seen from outside. */
  root: string;
  spawn(cmd: string, args: string[], opts?: SpawnOptions): ChildProcess;
  exec(
    cmd: string,
    args: string[],
    env?: NodeJS.ProcessEnv,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  close(): Promise<void>;
}

const SCRIPT =
  'mount -t tmpfs -o mode=0755 loa-fake-sysfs /sys/class && mkdir /sys/class/gpio && echo READY && exec sleep 3600';

export function openGpioNamespace(): Promise<GpioNamespace | { skip: string }> {
  return openMountNamespace(SCRIPT, '/sys/class/gpio');
}

/**
 * A private mount namespace set up by `script` (which prints READY when done); `root` is the
 * path inside it that `GpioNamespace.root` shows from outside (test/helpers/small-fs.ts too).
 */
export async function openMountNamespace(
  script: string,
  root: string,
): Promise<GpioNamespace | { skip: string }> {
  const holder = spawn('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  holder.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  holder.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const ready = await new Promise<boolean>((res) => {
    const t = setTimeout(() => res(false), 10_000);
    const check = () => {
      if (out.includes('READY')) {
        clearTimeout(t);
        res(true);
      }
    };
    holder.stdout?.on('data', check);
    holder.on('exit', () => {
      clearTimeout(t);
      res(false);
    });
    holder.on('error', () => res(false));
  });
  if (!ready || holder.pid === undefined) {
    holder.kill('SIGKILL');
    return {
      skip: `no private mount namespace here (unshare -m + mount tmpfs): ${err.trim() || 'timed out'}`,
    };
  }
  return nsHandle(holder, root);
}

function nsHandle(holder: ChildProcess, inside: string): GpioNamespace {
  const pid = holder.pid as number;
  const enter = (cmd: string, args: string[]) => ['--target', String(pid), '--mount', '--', cmd, ...args];
  return {
    pid,
    root: `/proc/${pid}/root${inside}`,
    spawn: (cmd, args, opts = {}) => spawn('nsenter', enter(cmd, args), opts),
    exec: (cmd, args, env = {}) =>
      new Promise((res) => {
        execFile('nsenter', enter(cmd, args), { env: { ...process.env, ...env } }, (e, stdout, stderr) =>
          res({ code: e ? ((e as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      }),
    close: () =>
      new Promise((res) => {
        if (holder.exitCode !== null) return res();
        holder.once('exit', () => res());
        holder.kill('SIGKILL');
      }),
  };
}
