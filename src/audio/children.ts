/**
 * Child processes (ffmpeg decoders, encoders, sinks) that are always reaped.
 *
 * - Each child leads its own process group (spawned detached), so stopping it kills the
 *   whole group (a wrapper shell and its ffmpeg alike), and the engine's exit hook kills
 *   every group that is left.
 * - A `kill -9` of the daemon runs no hook, so each child also ends by itself when we die:
 *   a child that reads its stdin from us gets EOF; a child that writes PCM to us gets EPIPE;
 *   a child that does neither steadily (ffmpeg opening a network URL itself, which can hang
 *   on a dead link) runs under a watchdog shell that reads a pipe from us and kills it on EOF.
 * No prctl(PR_SET_PDEATHSIG) is needed, which Node cannot call anyway.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Clock } from '../core/clock.js';

export interface SpawnOptions {
  /** Give the child a stdin pipe from us (it ends when we die). */
  stdin: boolean;
  /** Run under the watchdog shell (for children that may block without touching our pipes). */
  watchdog?: boolean;
  env?: NodeJS.ProcessEnv;
}

// fd 3 keeps our pipe: a background job's stdin is /dev/null in a non-interactive sh (POSIX)
const WATCHDOG = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- &',
  'c=$!',
  '{ while read -r _; do :; done; kill -TERM "$c" 2>/dev/null; } <&3 &',
  'w=$!',
  'wait "$c"; rc=$?',
  'kill "$w" 2>/dev/null',
  'exit "$rc"',
].join('\n');

export class Children {
  private readonly live = new Set<ChildProcess>();
  private readonly onExit = () => this.killAllSync();
  private hooked = false;

  get count(): number {
    return this.live.size;
  }

  pids(): number[] {
    return [...this.live].map((c) => c.pid).filter((p): p is number => p !== undefined);
  }

  spawn(cmd: string, args: string[], o: SpawnOptions): ChildProcess {
    if (!this.hooked) {
      process.on('exit', this.onExit);
      this.hooked = true;
    }
    const [file, argv] = o.watchdog ? ['sh', ['-c', WATCHDOG, 'loa-watchdog', cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, {
      detached: true,
      stdio: [o.stdin || o.watchdog ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: o.env ?? process.env,
    });
    this.live.add(child);
    child.once('exit', () => this.live.delete(child));
    child.once('error', () => this.live.delete(child));
    // a write to a child that has died must not crash us (EPIPE): its exit is handled elsewhere
    child.stdin?.on('error', () => undefined);
    return child;
  }

  /** SIGTERM to the child's group, SIGKILL after graceMs; resolves when it has exited. */
  async kill(child: ChildProcess, graceMs = 2000): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    // the group may outlive its leader (the watchdog's ffmpeg): make sure nothing stays
    signalGroup(child, 'SIGKILL');
  }

  killAllSync(): void {
    for (const c of this.live) signalGroup(c, 'SIGKILL');
  }

  dispose(): void {
    process.off('exit', this.onExit);
    this.hooked = false;
  }
}

function signalGroup(child: ChildProcess, sig: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, sig);
  } catch {
    // the group is gone already
  }
}

/**
 * Ends a child that reads from us: EOF on its stdin lets it finish properly (an encoder closes
 * its file, a sink drains); it is killed only if it has not exited after `hangMs`.
 */
export async function endByEof(
  c: ChildProcess,
  children: Children,
  clock: Clock,
  hangMs: number,
): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) resolve();
    else c.once('exit', () => resolve());
  });
  c.stdin?.end();
  const t = clock.setTimeout(() => void children.kill(c, 1000), hangMs);
  await exited;
  t.cancel();
}
