/**
 * The station's one command registry: method name -> handler. The core commands and every
 * module's methods() are registered here once; StationService (technicians), the district
 * session (commands) and the desired-state applier all call commands through it by name, so
 * a module's command is reachable everywhere as soon as the module registers it.
 */
import { LoaError } from './errors.js';

export type Handler = (params: unknown) => unknown | Promise<unknown>;

export class CommandRegistry {
  private readonly handlers = new Map<string, Handler>();
  private readonly waiters = new Map<string, (() => void)[]>();

  register(method: string, handler: Handler): void {
    if (this.handlers.has(method)) throw new Error(`method ${method} registered twice`);
    this.handlers.set(method, handler);
    for (const w of this.waiters.get(method) ?? []) w();
    this.waiters.delete(method);
  }

  has(method: string): boolean {
    return this.handlers.has(method);
  }

  methods(): string[] {
    return [...this.handlers.keys()].sort();
  }

  /** Runs a command; UNIMPLEMENTED (naming what exists) when no module provides it. */
  async call(method: string, params?: unknown): Promise<unknown> {
    const h = this.handlers.get(method);
    if (!h)
      throw new LoaError(
        'UNIMPLEMENTED',
        `method "${method}" is not available on this station (its module is not installed); available: ${this.methods().join(', ')}`,
      );
    return (await h(params)) ?? null;
  }

  /** Resolves once `method` is registered (the daemon registers after the modules started). */
  whenRegistered(method: string): Promise<void> {
    if (this.handlers.has(method)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(method) ?? [];
      list.push(resolve);
      this.waiters.set(method, list);
    });
  }
}
