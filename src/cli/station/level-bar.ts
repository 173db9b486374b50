/**
 * A level meter for a terminal: −60..0 dBFS as a bar of block characters, the usual range of a
 * programme meter (below −60 dBFS is a quiet room; near 0 is clipping).
 */
const FLOOR_DB = -60;

export function levelBar(dbfs: number, width = 20): string {
  const k = Math.max(0, Math.min(width, Math.round(((dbfs - FLOOR_DB) / -FLOOR_DB) * width)));
  return `${'█'.repeat(k)}${'░'.repeat(width - k)}`;
}
