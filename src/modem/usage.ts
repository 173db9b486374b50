/**
 * Data used on the SIM, per day and per calendar month, from the kernel's interface counters
 * (/sys/class/net/IFACE/statistics/{rx,tx}_bytes: every byte the modem carried, whatever
 * process sent it). Counters restart at zero when the interface comes back after a reset or a
 * power cycle; a counter that went down is counted from zero. Totals are persisted
 * (modem.json) so a restart does not forget the month. Days and months are local time
 * (Asia/Ho_Chi_Minh, where operators bill).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import { JsonDoc } from '../store/doc.js';

export interface Counters {
  rx: number;
  tx: number;
}

/** The interface's byte counters, or undefined while the interface is gone. */
export async function readCounters(netDir: string, iface: string): Promise<Counters | undefined> {
  const read = (what: string) => readFile(join(netDir, iface, 'statistics', what), 'utf8').then(Number);
  try {
    const [rx, tx] = await Promise.all([read('rx_bytes'), read('tx_bytes')]);
    return Number.isFinite(rx) && Number.isFinite(tx) ? { rx, tx } : undefined;
  } catch {
    return undefined;
  }
}

const period = z.object({ key: z.string(), rx: z.number().min(0), tx: z.number().min(0) });
const usageSchema = z.object({
  schema: z.literal(1),
  day: period,
  month: period,
  last: z.object({ rx: z.number(), tx: z.number() }).optional(),
});
type UsageDoc = z.infer<typeof usageSchema>;

const TZ = 'Asia/Ho_Chi_Minh';
const localDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: TZ });

export class DataUsage {
  private readonly doc: JsonDoc<UsageDoc>;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
  ) {
    const day = localDay(clock.now());
    this.doc = new JsonDoc({
      file: join(dataDir, 'modem.json'),
      schema: usageSchema,
      version: 1,
      clock,
      flushMs: 60_000, // SD wear: a minute of counting is all a power cut can lose
      defaults: () => ({
        schema: 1,
        day: { key: day, rx: 0, tx: 0 },
        month: { key: day.slice(0, 7), rx: 0, tx: 0 },
      }),
    });
  }

  load(): Promise<void> {
    return this.doc.load();
  }

  flush(): Promise<void> {
    return this.doc.flush();
  }

  /** Adds what the counters moved since the last call. */
  count(c: Counters): void {
    const day = localDay(this.clock.now());
    this.doc.update((d) => {
      if (d.day.key !== day) d.day = { key: day, rx: 0, tx: 0 };
      if (d.month.key !== day.slice(0, 7)) d.month = { key: day.slice(0, 7), rx: 0, tx: 0 };
      const drx = d.last && c.rx >= d.last.rx ? c.rx - d.last.rx : c.rx;
      const dtx = d.last && c.tx >= d.last.tx ? c.tx - d.last.tx : c.tx;
      d.day.rx += drx;
      d.day.tx += dtx;
      d.month.rx += drx;
      d.month.tx += dtx;
      d.last = { ...c };
    });
  }

  get today(): { rxBytes: number; txBytes: number } {
    return { rxBytes: this.doc.data.day.rx, txBytes: this.doc.data.day.tx };
  }

  /** This month's total, MB (10^6 bytes, as operators count plans). */
  get monthMb(): number {
    const m = this.doc.data.month;
    return (m.rx + m.tx) / 1e6;
  }
}
