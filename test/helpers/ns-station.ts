/**
 * The built daemon and stationctl run inside a GPIO mount namespace (see gpio-namespace.ts);
 * the local socket lives in the data dir under /tmp, which the namespace shares.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { callLocal } from '../../src/api/local-client.js';
import { ROOT, STATIONCTL } from './daemon.js';
import type { GpioNamespace } from './gpio-namespace.js';

export interface NsDaemon {
  proc: ChildProcess;
  output: string[];
  call(method: string, params?: unknown): Promise<unknown>;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startNsDaemon(
  ns: GpioNamespace,
  profile: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): NsDaemon {
  const socket = join(dataDir, 'station.sock');
  const proc = ns.spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'loa-station'),
      '--profile',
      profile,
      '--data-dir',
      dataDir,
      '--station-id',
      'hw-test',
      '--allow-silent-output', // GPIO tests: no sound card in the namespace (audio/output-choice.ts)
    ],
    { env: { ...process.env, LOA_LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const onData = (b: Buffer) => output.push(...b.toString().split('\n').filter(Boolean));
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return {
    proc,
    output,
    exited,
    call: (method, params) => callLocal(socket, method, params),
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      return exited;
    },
  };
}

export function nsStationctl(ns: GpioNamespace, ...args: string[]) {
  return ns.exec(process.execPath, [STATIONCTL, ...args], { LANG: 'C' });
}
