/**
 * One "hub" for the two-writer ingest test (test/district/pg-concurrent.test.ts): opens the
 * PostgreSQL stores and stores one station's overlapping batches as fast as it can, then
 * prints which items its ingest calls reported as new (what it would send to watchers).
 * Usage: node --import tsx pg-ingest-worker.ts URL STATION ITEMS
 */
import { rmSync } from 'node:fs';
import { SystemClock } from '../../src/core/clock.js';
import { openPgStores } from '../../src/district/pg/stores.js';
import { tempDir } from './sim-station.js';

const [url, station, count] = process.argv.slice(2) as [string, string, string];
const media = tempDir('loa-pgw-');
const s = openPgStores(url, media, new SystemClock());
s.stations.hello({
  stationId: station,
  bootId: 'b',
  softwareVersion: 't',
  appliedDesiredVersion: 0,
  firstUnackedSeq: 1,
  lastSeq: Number(count),
  outboxEpoch: 'e1',
});
const fresh: number[] = [];
const n = Number(count);
for (let from = 1; from <= n; from += 5) {
  const items = [];
  for (let seq = from; seq < from + 10 && seq <= n; seq++)
    items.push({
      seq,
      ts: seq,
      kind: 'event' as const,
      event: { seq, kind: 'k', severity: 'info' as const, sub: 's', message: `m${seq}`, details: {} },
    });
  for (const e of s.stations.ingest(station, items).events) fresh.push(e.seq);
}
s.db.close();
rmSync(media, { recursive: true, force: true });
process.stdout.write(JSON.stringify(fresh));
