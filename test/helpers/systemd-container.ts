/**
 * A real systemd to supervise loa-station.service where PID 1 is not systemd (CI's Firecracker
 * VMs, the dev box): a Debian 12 root built by scripts/systemd-container.sh, booted with
 * `systemd-nspawn --boot` (its own PID, mount, network, UTS and IPC namespaces; systemd 252 is
 * PID 1 inside), with a release installed by deploy/install.sh --root bound read-only at
 * /opt/loa and the tests' own Node (process.execPath, the release's addons are built for it)
 * bound at /usr/bin/node, the path install.sh writes into the units here (LOA_UNIT_NODE: the
 * tests' own path may lie under /tmp or /root, which PrivateTmp/ProtectHome hide from the unit).
 * Debian 12 both: same libc/libstdc++.
 * The host has no systemd-machined, so the container is not registered (--register=no) and
 * commands enter it with nsenter instead of machinectl/systemd-run -M.
 * Booted with --volatile=overlay: writes land in a tmpfs, the cached image stays clean.
 * systemd's *TimestampMonotonic values and the journal's __MONOTONIC_TIMESTAMP are the kernel's
 * CLOCK_MONOTONIC (nspawn adds no time namespace), the clock of process.hrtime here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './daemon.js';
import { tempDir } from './sim-station.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command, bounded: on timeout its whole process group is killed (nsenter forks into the
 * container's PID namespace, and a grandchild holding the pipes would outlive a plain kill).
 */
export function run(
  cmd: string,
  args: string[],
  timeoutMs = 30_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Run> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    const timer = setTimeout(() => {
      stderr += `\n${cmd}: timed out after ${timeoutMs} ms`;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      res({ code: 127, stdout, stderr: `${stderr}${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      res({ code: signal ? 128 : (code ?? 1), stdout, stderr });
    });
  });
}

/** Why a systemd container cannot run here, or undefined when it can. */
export async function containerUnsupported(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'needs root (systemd-nspawn, debootstrap)';
  for (const tool of ['systemd-nspawn', 'debootstrap', 'nsenter']) {
    if ((await run('sh', ['-c', `command -v ${tool}`])).code !== 0)
      return `${tool} is missing (scripts/ensure-system.sh installs it)`;
  }
  return undefined;
}

/** The cached Debian 12 + systemd root (built on first use: about a minute). */
export async function containerImage(): Promise<string> {
  const r = await run('bash', [join(ROOT, 'scripts/systemd-container.sh'), 'image'], 900_000);
  if (r.code !== 0) throw new Error(`systemd-container.sh image failed:\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Installs this tree as a release into a fresh temporary root, as on a box (install.sh --root),
 * from a copy of the image's etc/passwd and etc/group: install.sh finds the loa user and groups
 * there and gives its files (the TLS key) the ids they have in the container. `args` are more
 * install.sh options (--district, --tls-dir…).
 */
export async function installRelease(image: string, args: string[] = []): Promise<string> {
  const root = tempDir('loa-box-');
  mkdirSync(join(root, 'etc'));
  for (const f of ['passwd', 'group']) copyFileSync(join(image, 'etc', f), join(root, 'etc', f));
  const r = await run(
    join(ROOT, 'deploy/install.sh'),
    ['--root', root, '--no-apt', '--no-systemd', '--profile', 'sim', '--station-id', 'bench-box', ...args],
    300_000,
    // the release is built for, and its units run, the Node these tests run on
    { ...process.env, LOA_NODE: process.execPath, LOA_UNIT_NODE: '/usr/bin/node' },
  );
  if (r.code !== 0) throw new Error(`install.sh --root failed:\n${r.stdout}${r.stderr}`);
  return root;
}

/** Host CLOCK_MONOTONIC in µs: comparable with systemd's *TimestampMonotonic. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

const CONTAINER_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  HOME: '/root',
  LANG: 'C.UTF-8',
};

export class Container {
  private constructor(
    readonly name: string,
    private readonly nspawn: ChildProcess,
    /** host PID of the container's PID 1 (systemd) */
    readonly leader: number,
    readonly console: string[],
  ) {}

  static async boot(image: string, release: string, timeoutMs = 60_000): Promise<Container> {
    const name = `loa-${process.pid}-${Date.now().toString(36)}`;
    const args = [
      '--quiet',
      `--directory=${image}`,
      '--volatile=overlay',
      '--boot',
      '--register=no', // no systemd-machined on the host
      '--keep-unit', // no host systemd to make a scope
      '--private-network', // own loopback: the station's fixed metrics port clashes with nothing
      '--console=passive',
      `--machine=${name}`,
      `--bind-ro=${process.execPath}:/usr/bin/node`,
      `--bind-ro=${release}/opt/loa:/opt/loa`,
      `--bind-ro=${release}/etc/loa:/etc/loa`,
      `--bind-ro=${release}/etc/systemd/system/loa-station.service:/etc/systemd/system/loa-station.service`,
    ];
    // the technicians' stationctl (finds the sockets in /run/loa)
    const cli = `${release}/usr/local/bin/stationctl`;
    if (existsSync(cli)) args.push(`--bind-ro=${cli}:/usr/local/bin/stationctl`);
    const nspawn = spawn('systemd-nspawn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: string[] = [];
    const keep = (b: Buffer) => {
      out.push(...b.toString().split('\n').filter(Boolean));
      out.splice(0, Math.max(0, out.length - 200));
    };
    nspawn.stdout?.on('data', keep);
    nspawn.stderr?.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    let leader = 0;
    let state = '';
    try {
      while (Date.now() < deadline) {
        if (nspawn.exitCode !== null) throw new Error(`systemd-nspawn exited ${nspawn.exitCode}`);
        leader ||= containerInit(nspawn.pid ?? 0);
        if (leader) {
          state = (
            await run('nsenter', [`--target=${leader}`, '--all', 'systemctl', 'is-system-running'])
          ).stdout.trim();
          if (state === 'running' || state === 'degraded') {
            const c = new Container(name, nspawn, leader, out);
            // systemd logs a control process's (ExecStopPost's) success only at debug level
            await c.systemctl('log-level', 'debug');
            return c;
          }
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`container not up within ${timeoutMs} ms (state "${state}")`);
    } catch (e) {
      await new Container(name, nspawn, leader, out).stop();
      throw new Error(`${(e as Error).message}; console:\n${out.join('\n')}`);
    }
  }

  /**
   * Runs a command inside the container (all its namespaces, its root), with a login-like
   * environment of its own: none of this host's variables (NODE_OPTIONS, certificate paths…).
   */
  exec(args: string[], timeoutMs = 30_000): Promise<Run> {
    return run('nsenter', [`--target=${this.leader}`, '--all', ...args], timeoutMs, CONTAINER_ENV);
  }

  async systemctl(...args: string[]): Promise<string> {
    const r = await this.exec(['systemctl', '--no-pager', ...args], 90_000);
    if (r.code !== 0) throw new Error(`systemctl ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
    return r.stdout;
  }

  async show(unit: string, props: string[]): Promise<Record<string, string>> {
    const text = await this.systemctl('show', unit, `--property=${props.join(',')}`);
    const o: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) o[line.slice(0, i)] = line.slice(i + 1);
    }
    return o;
  }

  /** A runtime drop-in (/run/systemd/system/UNIT.d/NAME.conf), then daemon-reload. */
  async dropIn(unit: string, name: string, body: string): Promise<void> {
    const dir = `/run/systemd/system/${unit}.d`;
    const script = `mkdir -p ${dir} && printf '%s\\n' "$1" > ${dir}/${name}.conf`;
    const r = await this.exec(['sh', '-c', script, 'sh', body]);
    if (r.code !== 0) throw new Error(`drop-in ${name}: ${r.stderr}`);
    await this.systemctl('daemon-reload');
  }

  /** Journal entries of a unit (systemd's and the service's), as parsed JSON objects. */
  async journal(unit: string): Promise<Array<Record<string, string>>> {
    const r = await this.exec(['journalctl', '--no-pager', '-o', 'json', `--unit=${unit}`], 30_000);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, string>);
  }

  /** The host PID of a process known inside the container by `pid`. */
  hostPid(pid: number): number {
    const ns = readlinkSync(`/proc/${this.leader}/ns/pid`);
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readlinkSync(`/proc/${d}/ns/pid`) !== ns) continue;
        const nspid = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1];
        if (nspid?.trim().split(/\s+/).at(-1) === String(pid)) return Number(d);
      } catch {
        // the process ended while we looked
      }
    }
    throw new Error(`no host process for container PID ${pid}`);
  }

  /** Powers the container off (bounded), then kills what is left. */
  async stop(timeoutMs = 20_000): Promise<void> {
    const gone = () => this.nspawn.exitCode !== null || this.nspawn.signalCode !== null;
    if (gone()) return;
    const exited = new Promise<void>((r) => this.nspawn.once('exit', () => r()));
    if (this.leader) void this.exec(['systemctl', 'poweroff'], 5_000);
    else this.nspawn.kill('SIGTERM'); // nspawn asks the container's init to power off
    const wait = (ms: number) => Promise.race([exited, new Promise((r) => setTimeout(r, ms).unref())]);
    await wait(timeoutMs);
    if (gone()) return;
    // the PID namespace dies with its init, and nspawn with it
    for (const pid of [this.leader, this.nspawn.pid]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await wait(5_000);
  }
}

/**
 * The container's PID 1 as a host PID: the child of systemd-nspawn that is PID 1 of its own PID
 * namespace. (Before that, nspawn's first child is its "outer child", still in the host's PID
 * namespace, setting up mounts: entering that one would run commands on the host.)
 */
function containerInit(nspawnPid: number): number {
  try {
    for (const kid of readFileSync(`/proc/${nspawnPid}/task/${nspawnPid}/children`, 'utf8')
      .trim()
      .split(/\s+/)) {
      const nspid = /^NSpid:\s+(.*)$/m
        .exec(readFileSync(`/proc/${kid}/status`, 'utf8'))?.[1]
        ?.trim()
        .split(/\s+/);
      if (nspid && nspid.length > 1 && nspid.at(-1) === '1') return Number(kid);
    }
  } catch {
    // nspawn or its child changed while we looked: try again on the next poll
  }
  return 0;
}
