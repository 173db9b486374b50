/**
 * A small JSON document (config, runtime state) kept with lowdb through an adapter that
 * writes atomically, versions the schema, and recovers from a damaged file: the bad file is
 * kept aside, the last good version (`.bak`) or the defaults are used, and an alarm says so.
 * Never a crash loop.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Adapter, Low } from 'lowdb';
import type { z } from 'zod';
import type { Clock, Timer } from '../core/clock.js';
import { isENOENT } from '../core/errors.js';
import { formatIssues } from '../core/validate.js';
import { keepAside, type WriteStats, writeFileAtomic } from './files.js';

export interface Versioned {
  schema: number;
}

export interface DocOptions<T extends Versioned> {
  file: string;
  schema: z.ZodType<T>;
  version: number;
  defaults: () => T;
  /** Migrations from version N to N+1, keyed by N. */
  migrations?: Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;
  clock: Clock;
  stats?: WriteStats;
  /** Coalesce writes arriving within this many ms into one (SD wear). */
  flushMs?: number;
  /**
   * Write the defaults when the file does not exist yet: a settings file a technician is told
   * to edit (docs) is there to edit, with every key and its default.
   */
  writeDefaults?: boolean;
}

export interface Recovery {
  file: string;
  keptAs: string;
  reason: string;
  usedBackup: boolean;
}

class DamagedError extends Error {}

/** A write that failed (a full card) is tried again this much later. */
export const RETRY_MS = 10_000;

/** lowdb adapter: atomic writes, schema check and migration on read. */
class SafeJsonFile<T extends Versioned> implements Adapter<T> {
  constructor(private readonly o: DocOptions<T>) {}

  async read(): Promise<T | null> {
    return this.readFrom(this.o.file);
  }

  async readFrom(file: string): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if (isENOENT(e)) return null;
      throw e;
    }
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new DamagedError(`not valid JSON (${(e as Error).message})`);
    }
    if (typeof raw !== 'object' || raw === null || typeof raw.schema !== 'number')
      throw new DamagedError('no schema version');
    let v = raw.schema as number;
    while (v < this.o.version) {
      const m = this.o.migrations?.[v];
      if (!m) throw new DamagedError(`no migration from schema ${v}`);
      raw = { ...m(raw), schema: v + 1 };
      v++;
    }
    const r = this.o.schema.safeParse({ ...raw, schema: this.o.version });
    if (!r.success) throw new DamagedError(formatIssues(r.error.issues));
    return r.data;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(this.o.file, `${JSON.stringify(data, null, 1)}\n`, this.o.stats, true);
  }
}

export class JsonDoc<T extends Versioned> {
  private readonly db: Low<T>;
  private readonly adapter: SafeJsonFile<T>;
  private timer: Timer | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;
  recovery: Recovery | undefined;

  constructor(private readonly o: DocOptions<T>) {
    this.adapter = new SafeJsonFile(o);
    this.db = new Low(this.adapter, o.defaults());
  }

  get data(): Readonly<T> {
    return this.db.data;
  }

  async load(): Promise<void> {
    try {
      const fresh = this.o.writeDefaults === true && !existsSync(this.o.file);
      await this.db.read();
      if (fresh) await this.db.write();
      return;
    } catch (e) {
      if (!(e instanceof DamagedError)) throw e;
      const keptAs = await keepAside(this.o.file, this.o.clock.now());
      const backup = await this.adapter.readFrom(`${this.o.file}.bak`).catch(() => null);
      this.db.data = backup ?? this.o.defaults();
      this.recovery = { file: this.o.file, keptAs, reason: e.message, usedBackup: backup !== null };
      await this.db.write();
    }
  }

  /** Changes the document; the write is coalesced with others within flushMs. */
  update(fn: (d: T) => void): void {
    fn(this.db.data);
    this.dirty = true;
    this.later(this.o.flushMs ?? 0);
  }

  private later(ms: number): void {
    if (this.timer) return;
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined); // kept dirty and retried (store-alarm.ts raises the alarm)
    }, ms);
  }

  /**
   * Writes now if anything changed; resolves when it is on disk. A write that fails (a full
   * card) leaves the document dirty in memory and is tried again in RETRY_MS: the station runs
   * on what it holds, and a failed write never blocks the next one.
   */
  async flush(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    const run = this.writing
      .catch(() => undefined)
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        try {
          await this.db.write();
        } catch (e) {
          this.dirty = true;
          this.later(RETRY_MS);
          throw e;
        }
      });
    this.writing = run;
    return run;
  }
}
