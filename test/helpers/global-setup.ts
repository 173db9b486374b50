/**
 * Integration tests run the built daemon (dist/), as a station would: build it once first; and
 * the Firmata tests run the built firmware on simavr: build it and the harness too. At the end,
 * no PostgreSQL server of this run is left running (postgres.ts), and nothing the run wrote to
 * the temporary directory is left behind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAvr } from './avr-build.js';
import { stopLeftoverPostgres } from './postgres.js';

export default function setup(): () => void {
  // names this run's PostgreSQL servers (postgres.ts) so that the teardown finds what a crashed
  // worker left running; the workers inherit it
  process.env.LOA_TEST_RUN = `${process.pid}`;
  // every temporary directory of the run (tests, daemons, PostgreSQL data) goes under one that
  // the teardown removes: os.tmpdir() follows TMPDIR, and the workers and what they spawn
  // inherit it. Sticky and world-writable like /tmp: PostgreSQL runs as its own user.
  const runTmp = mkdtempSync(join(tmpdir(), 'loa-run-'));
  chmodSync(runTmp, 0o1777);
  process.env.TMPDIR = runTmp;
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
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
  };
}
