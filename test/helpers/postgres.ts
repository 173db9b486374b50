/**
 * A real PostgreSQL server for tests (Debian's `postgresql` package, issue 20): `initdb` into a
 * temporary directory, started by `pg_ctl` on 127.0.0.1 and a free port (its unix socket in
 * that directory too), stopped and removed by `stop()`. PostgreSQL refuses to run as root, so
 * as root (CI) the server runs as Debian's `postgres` user, which owns the directory.
 * Authentication is `trust` for the one superuser `loa`: the server listens on loopback only,
 * for the length of one test file.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

export interface Postgres {
  port: number;
  /** The data directory (and the unix socket's directory). */
  dir: string;
  /** `postgres://loa@127.0.0.1:PORT/NAME` (NAME defaults to `loa`). */
  url(database?: string): string;
  /** Runs SQL with psql as the superuser; returns its output (unaligned, tuples only). */
  psql(sql: string, database?: string): string;
  /** Makes an empty database; returns its URL. */
  createDatabase(name: string): string;
  /** Stops the server immediately (`pg_ctl stop -m immediate`: like a crash) without removing it. */
  kill(): void;
  /** Starts it again on the same port and directory. */
  restart(): void;
  stop(): void;
}

const BIN = '/usr/lib/postgresql/15/bin';

function bin(name: string): string {
  const p = join(BIN, name);
  if (!existsSync(p))
    throw new Error(`${p} is missing: install Debian's postgresql (bash scripts/ensure-system.sh --test)`);
  return p;
}

/** Runs a PostgreSQL tool, as `postgres` when we are root (the server refuses root). */
function run(args: string[], opts: { input?: string } = {}): string {
  const asRoot = process.getuid?.() === 0;
  const [cmd, ...rest] = asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  return execFileSync(cmd as string, rest, {
    encoding: 'utf8',
    input: opts.input,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

/**
 * The temp-dir prefix of this test run's servers: test/helpers/global-setup.ts sets
 * LOA_TEST_RUN before the workers start, so its teardown can stop what a crashed worker (its
 * afterAll never ran) left running, and nothing of another run on the same machine.
 */
function prefix(): string {
  return `loa-pg-${process.env.LOA_TEST_RUN ?? 'x'}-`;
}

/** Stops and removes every server of this test run still there (the global teardown). */
export function stopLeftoverPostgres(): string[] {
  const left = readdirSync(tmpdir()).filter((d) => d.startsWith(prefix()));
  for (const d of left) {
    const data = join(tmpdir(), d, 'data');
    try {
      if (existsSync(join(data, 'postmaster.pid')))
        run([bin('pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // not running after all: the directory goes anyway
    }
    rmSync(join(tmpdir(), d), { recursive: true, force: true });
  }
  return left;
}

export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(join(tmpdir(), prefix()));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run([bin('initdb'), '-D', data, '-U', 'loa', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const start = (): void => {
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
    run([bin('pg_ctl'), '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts, 'start']);
  };
  start();
  const psql = (sql: string, database = 'postgres'): string =>
    run(
      [
        bin('psql'),
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'loa',
        '-d',
        database,
        '-XAtq',
        '-v',
        'ON_ERROR_STOP=1',
      ],
      {
        input: sql,
      },
    );
  psql('CREATE DATABASE loa');
  const url = (database = 'loa'): string => `postgres://loa@127.0.0.1:${port}/${database}`;
  let running = true;
  return {
    port,
    dir,
    url,
    psql,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name))
        throw new Error(`database name ${name}: lower-case letters, digits, _`);
      psql(`CREATE DATABASE ${name}`);
      return url(name);
    },
    kill() {
      run([bin('pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
      running = false;
    },
    restart() {
      start();
      running = true;
    },
    stop() {
      try {
        if (running) run([bin('pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
