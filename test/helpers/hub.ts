/** Runs the built district hub (bin/loa-district) as a child process, and the real districtctl. */
import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './daemon.js';

export const DISTRICTCTL = join(ROOT, 'bin', 'districtctl');

export interface HubProc {
  proc: ChildProcess;
  port: number;
  output: string[];
  stop(): Promise<number | null>;
}

/** How the hub process is started: here, or inside a namespace (small-fs.ts: ns.spawn). */
export type Spawner = (cmd: string, args: string[], opts: SpawnOptions) => ChildProcess;

export async function startHub(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  spawner: Spawner = spawn,
): Promise<HubProc> {
  const proc = spawner(
    process.execPath,
    [join(ROOT, 'bin', 'loa-district'), '--data-dir', dataDir, '--listen', '127.0.0.1:0'],
    {
      // plain text unless a test gives certificates (LOA_TLS_*) and LOA_INSECURE_LAB: ''
      env: {
        ...process.env,
        LOA_LOG_FORMAT: 'json',
        LOA_INSECURE_LAB: '1',
        LOA_DISTRICT_METRICS_LISTEN: '127.0.0.1:0',
        LOA_DISTRICT_CONSOLE_LISTEN: '127.0.0.1:0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const exited = new Promise<number | null>((r) => proc.on('exit', (c) => r(c)));
  const port = await new Promise<number>((resolve, reject) => {
    let partial = '';
    const timer = setTimeout(() => reject(new Error(`hub not ready in 15 s:\n${output.join('\n')}`)), 15_000);
    const onData = (b: Buffer) => {
      partial += b.toString();
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) {
        output.push(l);
        const m = /"msg":"ready".*"port":(\d+)/.exec(l);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (c) => reject(new Error(`hub exited ${c}:\n${output.join('\n')}`)));
  });
  return {
    proc,
    port,
    output,
    async stop() {
      if (proc.exitCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
  };
}

export function districtctl(
  port: number,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) =>
    execFile(
      process.execPath,
      [DISTRICTCTL, '--hub', `127.0.0.1:${port}`, ...args],
      { env: { ...process.env, LANG: 'C' }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

/** districtctl … --json, parsed (throws with stderr when it failed). */
export async function districtJson<T = unknown>(port: number, ...args: string[]): Promise<T> {
  const r = await districtctl(port, ...args, '--json');
  if (r.code !== 0) throw new Error(`districtctl ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
