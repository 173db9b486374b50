/** What every stationctl command receives, and the one way results are printed. */
import type { Lang } from '../../core/i18n.js';
import type { Parsed } from '../args.js';

export interface Ctx {
  p: Parsed;
  lang: Lang;
  json: boolean;
  socket: string;
  call(method: string, params?: unknown): Promise<unknown>;
  out(text: string): void;
  t(key: string, vars?: Record<string, string | number>): string;
}

/** A command; it may return its own exit code (e.g. doctor: 0 good, 1 warnings, 2 faults). */
export type Command = (ctx: Ctx, args: string[]) => Promise<number | undefined> | Promise<void>;

/** Prints the result as JSON (--json) or as the human text. */
export function show(ctx: Ctx, result: unknown, human: () => string): void {
  ctx.out(ctx.json ? JSON.stringify(result, null, 2) : human());
}
