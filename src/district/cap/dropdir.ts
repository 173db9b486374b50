/**
 * CAP by drop folder: a provincial system (or an operator) puts `NAME.xml` into the folder;
 * the hub takes each in once, then moves it to `done/` or `refused/` beside a `NAME.xml.json`
 * with the outcome or the reason. Writers write under a name starting with "." and rename it
 * in (a rename is atomic), so a half-written file is never read; a file changed within the
 * last second is left for the next scan as well, and so is one the hub cannot store (its disk
 * full: STORAGE_FULL, logged once as an error) until space returns.
 */
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock, Timer } from '../../core/clock.js';
import { toLoaError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { MAX_CAP_BYTES } from './parse.js';
import type { CapService } from './service.js';

const SCAN_MS = 2000;
const SETTLE_MS = 1000;
/** Files taken per scan: a flood of files cannot hold the hub's event loop. */
const MAX_PER_SCAN = 50;

export class CapDropDir {
  private timer: Timer | undefined;
  private scanning = false;
  /** Files left in place for want of space (logged once each). */
  private readonly held = new Set<string>();

  constructor(
    private readonly service: CapService,
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    for (const d of ['', 'done', 'refused']) await mkdir(join(this.dir, d), { recursive: true });
    this.timer = this.clock.setInterval(() => void this.scan(), SCAN_MS);
    await this.scan();
  }

  stop(): void {
    this.timer?.cancel();
  }

  async scan(): Promise<void> {
    if (this.scanning) return;
    this.scanning = true;
    try {
      const names = (await readdir(this.dir)).filter((n) => n.endsWith('.xml') && !n.startsWith('.')).sort();
      for (const n of names.slice(0, MAX_PER_SCAN)) await this.take(n);
    } catch (e) {
      this.log.warn('CAP drop folder not readable', { dir: this.dir, error: toLoaError(e).message });
    } finally {
      this.scanning = false;
    }
  }

  private async take(name: string): Promise<void> {
    const file = join(this.dir, name);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile() || this.clock.now() - st.mtimeMs < SETTLE_MS) return;
    let outcome: unknown;
    let to = 'done';
    try {
      if (st.size > MAX_CAP_BYTES)
        throw new Error(
          `CAP message refused: ${st.size} bytes, at most ${MAX_CAP_BYTES} (1 MiB); nothing was played`,
        );
      outcome = await this.service.ingest(await readFile(file), 'drop');
    } catch (e) {
      const err = toLoaError(e);
      if (err.code === 'STORAGE_FULL') {
        // not refused: the hub's disk is full; the file stays where it is for a later scan
        if (!this.held.has(name))
          this.log.error(`CAP file ${name} not stored: left in the drop folder`, { error: err.message });
        this.held.add(name);
        return;
      }
      to = 'refused';
      outcome = { error: err.message };
    }
    this.held.delete(name);
    await writeFile(join(this.dir, to, `${name}.json`), `${JSON.stringify(outcome, null, 2)}\n`);
    await rename(file, join(this.dir, to, name));
    this.log.info(`CAP file ${name} → ${to}`, { outcome });
  }
}
