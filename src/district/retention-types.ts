/** What a store reports of itself for retention and `districtctl db status` (any engine). */

export interface PruneResult {
  className: string;
  /** Rows removed by this batch (0: it only moved past rows of other classes). */
  removed: number;
  reason: 'age' | 'size';
}

export interface TableStatus {
  name: string;
  rows: number;
  /** Bytes of the table and its indexes. */
  bytes: number;
}

export interface ClassStatus {
  name: string;
  table: string;
  /** null: no age limit. */
  keepDays: number | null;
  rows: number;
  /** Epoch ms of the oldest row (hub clock); 0 when none. */
  oldestMs: number;
  /** Rows past their age that the next runs will remove (counted up to DUE_COUNT_CAP). */
  dueRows: number;
}

export interface DatabaseStatus {
  engine: string;
  location: string;
  /** The database file with its write-ahead log. */
  fileBytes: number;
  /** Bytes in pages holding data (the budget counts these). */
  usedBytes: number;
  /** Free pages not yet returned to the filesystem. */
  reclaimableBytes: number;
  maxBytes: number;
  /** incremental (space is returned), none or full. */
  autoVacuum: string;
  tables: TableStatus[];
  classes: ClassStatus[];
}

export const DUE_COUNT_CAP = 1_000_000;
