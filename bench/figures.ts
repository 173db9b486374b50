/** A benchmark figure as `npm run bench -- --json` prints it (names are stable once published). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** One line on how it was measured (shown in the table, not in JSON). */
  note?: string;
}

export type BenchGroup = () => Promise<Figure[]>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1);
  return s[Math.max(0, i)] as number;
}
