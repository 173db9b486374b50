/** Runs the built station daemon as a child process and drives it with the real stationctl. */
import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STATIONCTL = join(ROOT, 'bin', 'stationctl');

export interface Daemon {
  proc: ChildProcess;
  output: string[];
  socket: string;
  ctl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startDaemon(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  /** How the daemon is started: here, or inside a namespace (small-fs.ts: ns.spawn). */
  spawner: (cmd: string, args: string[], opts: SpawnOptions) => ChildProcess = spawn,
): Promise<Daemon> {
  const dataDir = args[args.indexOf('--data-dir') + 1] as string;
  const socket = args.includes('--socket')
    ? (args[args.indexOf('--socket') + 1] as string)
    : join(dataDir, 'station.sock');
  const proc = spawner(process.execPath, [join(ROOT, 'bin', 'loa-station'), ...args], {
    // tests run daemons side by side: a free metrics port each
    env: { ...process.env, LOA_LOG_FORMAT: 'json', LOA_METRICS_LISTEN: '127.0.0.1:0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let partial = '';
  const onData = (b: Buffer) => {
    partial += b.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    output.push(...lines);
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const d: Daemon = {
    proc,
    output,
    socket,
    ctl: (...a) =>
      new Promise((res) => {
        execFile(
          process.execPath,
          [STATIONCTL, '--socket', socket, ...a],
          { env: { ...process.env, LANG: 'C' } },
          (err, stdout, stderr) =>
            res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      }),
    async waitFor(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = output.find((l) => pattern.test(l));
        if (hit) return hit;
        if (proc.exitCode !== null)
          throw new Error(`daemon exited (${proc.exitCode}):\n${output.join('\n')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`);
    },
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null) return proc.exitCode;
      proc.kill(signal);
      const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
  await d.waitFor(/"msg":"ready"/);
  return d;
}

/** Polls fn until it returns a truthy value (bounded by time and count). */
export async function pollUntil<T>(
  fn: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let i = 0; Date.now() < deadline && i < 10_000; i++) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
