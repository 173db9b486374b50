/**
 * Integration tests run the built daemon (dist/), as a station would: build it once first; and
 * the Firmata tests run the built firmware on simavr: build it and the harness too. At the end,
 * no PostgreSQL server of this run is left running (postgres.ts).
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAvr } from './avr-build.js';
import { stopLeftoverPostgres } from './postgres.js';

export default function setup(): () => void {
  // names this run's PostgreSQL servers (postgres.ts) so that the teardown finds what a crashed
  // worker left running; the workers inherit it
  process.env.LOA_TEST_RUN = `${process.pid}`;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(
    process.execPath,
    [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  buildAvr();
  return () => {
    const left = stopLeftoverPostgres();
    if (left.length)
      console.error(`test teardown: stopped PostgreSQL left by a crashed test: ${left.join(', ')}`);
  };
}
