/**
 * The station's data directory: config.json and state.json (small lowdb documents) and
 * events.jsonl (the event log). LOA_DATA_DIR or --data-dir chooses where.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from './doc.js';
import { EventLog } from './eventlog.js';
import { WriteStats } from './files.js';

export const stationConfigSchema = z.object({
  schema: z.literal(1),
  stationId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().max(120).default(''),
  timezone: z.string().default('Asia/Ho_Chi_Minh'),
});
export type StationConfig = z.infer<typeof stationConfigSchema>;

export const runtimeStateSchema = z.object({
  schema: z.literal(1),
  power: z.object({ on: z.boolean(), zones: z.array(z.number().int()) }),
  tx: z.object({ lockout: z.boolean(), trips: z.array(z.number()) }),
  boots: z.number().int().min(0),
});
export type RuntimeState = z.infer<typeof runtimeStateSchema>;

export interface StoreOptions {
  dataDir: string;
  clock: Clock;
  stationId: string;
  maxEvents?: number;
}

export class Store {
  readonly stats = new WriteStats();
  readonly config: JsonDoc<StationConfig>;
  readonly state: JsonDoc<RuntimeState>;
  readonly events: EventLog;

  constructor(readonly o: StoreOptions) {
    const common = { clock: o.clock, stats: this.stats };
    this.config = new JsonDoc({
      ...common,
      file: join(o.dataDir, 'config.json'),
      writeDefaults: true,
      schema: stationConfigSchema,
      version: 1,
      defaults: () => ({ schema: 1, stationId: o.stationId, name: '', timezone: 'Asia/Ho_Chi_Minh' }),
    });
    this.state = new JsonDoc({
      ...common,
      file: join(o.dataDir, 'state.json'),
      schema: runtimeStateSchema,
      version: 1,
      // commanded state is written promptly: a power cut must not lose a lockout
      flushMs: 50,
      defaults: () => ({
        schema: 1,
        power: { on: false, zones: [] },
        tx: { lockout: false, trips: [] },
        boots: 0,
      }),
    });
    this.events = new EventLog({
      ...common,
      file: join(o.dataDir, 'events.jsonl'),
      ...(o.maxEvents ? { maxEvents: o.maxEvents } : {}),
    });
  }

  async open(): Promise<void> {
    await mkdir(this.o.dataDir, { recursive: true, mode: 0o750 });
    await this.config.load();
    await this.state.load();
    const report = await this.events.load();
    for (const doc of [this.config, this.state]) {
      const r = doc.recovery;
      if (r)
        this.events.emit({
          kind: 'store.recovered',
          severity: 'alarm',
          sub: 'store',
          message: `${r.file} was damaged (${r.reason}); kept as ${r.keptAs}, started from ${r.usedBackup ? 'the last good copy' : 'defaults'}`,
          text: {
            key: r.usedBackup ? 'ev.store.recovered.backup' : 'ev.store.recovered.defaults',
            vars: { file: r.file, keptAs: r.keptAs },
          },
          details: { ...r },
        });
    }
    if (report.keptAs)
      this.events.emit({
        kind: 'store.recovered',
        severity: 'alarm',
        sub: 'store',
        message: `event log had ${report.badLines} damaged line(s); kept as ${report.keptAs}, ${report.events} events recovered`,
        text: {
          key: 'ev.store.recovered.events',
          vars: { bad: report.badLines, keptAs: report.keptAs ?? '-', n: report.events },
        },
        details: { ...report },
      });
  }

  async flush(): Promise<void> {
    await Promise.all([this.config.flush(), this.state.flush(), this.events.flush()]);
  }
}
