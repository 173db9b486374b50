/**
 * districtctl user add|passwd|disable|enable|list: the browser console's people, kept in the
 * hub's database (--data-dir, else LOA_DISTRICT_DATA_DIR, else /var/lib/loa-district). Run on
 * the hub's machine by whoever may read that database (its file mode is the gate, like
 * `grafana-cli admin`): no network path creates an administrator. The password comes from a
 * prompt (not echoed) or the first line of stdin, never from an argument (argv is visible to
 * every local user in /proc). Each change is in the hub's audit trail.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { SystemClock } from '../../core/clock.js';
import { LoaError } from '../../core/errors.js';
import { AuditStore } from '../../district/audit.js';
import { openDatabase } from '../../district/db.js';
import { openPgDatabase } from '../../district/pg/stores.js';
import { isDiskFull } from '../../district/storage-guard.js';
import { UserStore } from '../../district/users.js';
import { hashPassword } from '../../security/password.js';
import { isRole, ROLES } from '../../security/roles.js';
import { flagString } from '../args.js';
import { type DCommand, type DCtx, show } from './context.js';

export const USER_NAME = /^[a-z][a-z0-9._-]{1,31}$/;
export const userUsage = [
  '  user add NAME --role viewer|operator|admin [--data-dir DIR | --db postgres://…]   a console user (password: prompt or stdin)',
  '  user passwd NAME | user disable NAME | user enable NAME | user list   (on the hub machine)',
];

function checkName(name: string | undefined): string {
  if (!name || !USER_NAME.test(name))
    throw new LoaError(
      'INVALID_ARGUMENT',
      `NAME: 2 to 32 of a-z, 0-9, ".", "_", "-", starting with a letter (got "${name ?? ''}")`,
    );
  return name;
}

/** One line from stdin; on a terminal, asked twice without echo. */
async function readPassword(ctx: DCtx): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new LoaError('INVALID_ARGUMENT', 'password: expected one line on stdin');
  }
  const a = await hidden(ctx.lang === 'vi' ? 'Mật khẩu: ' : 'Password: ');
  const b = await hidden(ctx.lang === 'vi' ? 'Nhập lại: ' : 'Again: ');
  if (a !== b) throw new LoaError('INVALID_ARGUMENT', 'password: the two entries differ; nothing changed');
  return a;
}

function hidden(prompt: string): Promise<string> {
  return new Promise((res) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    out._writeToOutput = () => undefined; // keystrokes are not echoed
    rl.question('', (v) => {
      rl.close();
      process.stderr.write('\n');
      res(v);
    });
  });
}

function open(ctx: DCtx) {
  const dir = resolve(
    flagString(ctx.p, 'data-dir') ?? process.env.LOA_DISTRICT_DATA_DIR ?? '/var/lib/loa-district',
  );
  const clock = new SystemClock();
  // a hub on PostgreSQL (--db, else LOA_DB) keeps its console users there
  const url = flagString(ctx.p, 'db') ?? (process.env.LOA_DB || undefined);
  const db = url ? openPgDatabase(url, clock) : openDatabase(dir);
  const who = { who: `local ${userInfo().username}`, role: 'admin', via: 'districtctl' };
  return { db, users: new UserStore(db, clock), audit: new AuditStore(db, clock), who };
}

async function change(ctx: DCtx, verb: string, name: string): Promise<string> {
  const s = open(ctx);
  try {
    return await changeIn(ctx, s, verb, name);
  } catch (e) {
    // the hub's disk full (SQLITE_FULL / ENOSPC): nothing of the change is stored (one transaction)
    if (!isDiskFull(e)) throw e;
    throw new LoaError('STORAGE_FULL', ctx.t('user.disk_full', { name, reason: (e as Error).message }));
  } finally {
    s.db.close();
  }
}

async function changeIn(ctx: DCtx, s: ReturnType<typeof open>, verb: string, name: string): Promise<string> {
  const have = s.users.get(name);
  const role = flagString(ctx.p, 'role');
  if (verb === 'add') {
    if (!isRole(role)) throw new LoaError('INVALID_ARGUMENT', `--role: one of ${ROLES.join(', ')}`);
    if (have) throw new LoaError('REFUSED', `user "${name}" exists; use user passwd or user enable`);
  } else if (!have) throw new LoaError('NOT_FOUND', `no console user "${name}" (user list)`);
  const password = verb === 'add' || verb === 'passwd' ? await hashPassword(await readPassword(ctx)) : '';
  // the change and its audit entry in one transaction: a full disk leaves neither
  // SQLite or PostgreSQL (pg/stores.ts): both take a function and return it run in a transaction
  const db = s.db as { transaction<T>(fn: () => T): () => T };
  db.transaction(() => {
    if (verb === 'add' && isRole(role)) s.users.add(name, role, password);
    else if (verb === 'passwd') s.users.setPassword(name, password);
    else s.users.setDisabled(name, verb === 'disable');
    s.audit.add(s.who, `ConsoleUser.${verb}`, { name, role: role ?? '' }, []);
  })();
  return name;
}

export const userCommand: DCommand = async (ctx, [verb, name]) => {
  if (ctx.p.flags.has('password'))
    throw new LoaError(
      'INVALID_ARGUMENT',
      '--password: never on the command line (every local user can read it in /proc); type it at the prompt or give it on stdin',
    );
  if (verb === 'list') {
    const s = open(ctx);
    const rows = s.users.list().map(({ hash: _h, ...u }) => ({ ...u, disabled: u.disabled === 1 }));
    s.db.close();
    show(ctx, rows, () =>
      rows.map((u) => `${u.name.padEnd(20)} ${u.role.padEnd(9)} ${u.disabled ? 'disabled' : ''}`).join('\n'),
    );
    return;
  }
  if (!['add', 'passwd', 'disable', 'enable'].includes(verb ?? ''))
    throw new LoaError('INVALID_ARGUMENT', 'user: add, passwd, disable, enable or list');
  const done = await change(ctx, verb as string, checkName(name));
  show(ctx, { name: done, done: verb }, () =>
    ctx.lang === 'vi' ? `đã xong: ${verb} ${done}` : `done: ${verb} ${done}`,
  );
};
