/**
 * The hub's retention runs: every `intervalS` seconds, up to `batchesPerRun` batches of at
 * most `batchRows` rows each (StoreMaintenance.pruneBatch: one short transaction), then the
 * freed pages returned to the filesystem in steps; between any two steps the event loop is
 * free, so sessions and operators are served in between (a run never holds the hub for more
 * than one batch). What the last run did is kept for `districtctl db status`.
 */
import type { Clock, Timer } from '../core/clock.js';
import type { Logger } from '../core/log.js';
import type { RetentionConfig } from './retention-config.js';
import type { StoreMaintenance } from './stores.js';

export interface RetentionRun {
  atMs: number;
  /** Rows removed per class. */
  removed: Record<string, number>;
  batches: number;
  reclaimedPages: number;
  /** Nothing more was due when the run ended (else the next run goes on). */
  caughtUp: boolean;
  error?: string;
}

export interface RetentionOptions {
  store: StoreMaintenance;
  clock: Clock;
  log: Logger;
  config: RetentionConfig;
  /** Lets the event loop run between batches (tests may count them). */
  yieldNow?: () => Promise<void>;
}

const immediate = () => new Promise<void>((r) => setImmediate(r));

export class Retention {
  private timer: Timer | undefined;
  private running: Promise<RetentionRun> | undefined;
  /** Set by stop(): a run in progress ends after its current batch. */
  private stopping = false;
  last: RetentionRun | undefined;

  constructor(private readonly o: RetentionOptions) {}

  start(): void {
    this.timer ??= this.o.clock.setInterval(() => {
      void this.run();
    }, this.o.config.intervalS * 1000);
  }

  /** Stops the timer and waits for a run in progress (it ends after its current batch). */
  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = undefined;
    this.stopping = true;
    await this.running;
  }

  /** One run (a run already going is joined, never doubled); never rejects. */
  run(): Promise<RetentionRun> {
    this.running ??= this.doRun().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async doRun(): Promise<RetentionRun> {
    const c = this.o.config;
    const wait = this.o.yieldNow ?? immediate;
    const run: RetentionRun = {
      atMs: this.o.clock.now(),
      removed: {},
      batches: 0,
      reclaimedPages: 0,
      caughtUp: false,
    };
    try {
      this.o.store.startRun();
      while (run.batches < c.batchesPerRun && !this.stopping) {
        const r = this.o.store.pruneBatch(run.atMs, c.batchRows);
        if (!r) break;
        run.batches++;
        run.removed[r.className] = (run.removed[r.className] ?? 0) + r.removed;
        await wait();
      }
      run.caughtUp = run.batches < c.batchesPerRun;
      for (let step = 0; step < c.batchesPerRun && !this.stopping; step++) {
        const pages = this.o.store.reclaim(c.vacuumPagesPerStep);
        if (pages === 0) break;
        run.reclaimedPages += pages;
        await wait();
      }
    } catch (e) {
      run.error = (e as Error).message;
      this.o.log.warn('retention run stopped', { error: run.error });
    }
    const total = Object.values(run.removed).reduce((a, b) => a + b, 0);
    if (total > 0 || run.reclaimedPages > 0)
      this.o.log.info('retention', {
        removed: run.removed,
        reclaimedPages: run.reclaimedPages,
        caughtUp: run.caughtUp,
      });
    this.last = run;
    return run;
  }
}
