/**
 * The port board of a station: who provides which port, checked before anything starts. A
 * module may only use a port it declared, a needed port must come from the core or from a
 * module earlier in the list, and a module must provide what it declared — each mistake is a
 * CONFIG error that names the module and the port, at start, not a crash mid-programme.
 */
import { LoaError } from '../core/errors.js';
import type { Port } from '../core/port.js';
import type { ModuleContext, StationModule } from './module.js';

export const CORE = 'station core';

type Base = Omit<ModuleContext, 'need' | 'want' | 'provide'>;

export class PortBoard {
  private readonly values = new Map<string, { value: unknown; by: string }>();
  private readonly listeners = new Map<string, ((v: unknown) => void)[]>();

  /** Checks the module list against what the core provides; throws CONFIG naming both. */
  static check(modules: readonly StationModule[], core: readonly Port<unknown>[]): void {
    const by = new Map<string, string>(core.map((p) => [p.name, CORE]));
    const later = new Map<string, string>();
    for (const m of modules)
      for (const p of m.provides ?? []) if (!later.has(p.name)) later.set(p.name, m.name);
    for (const m of modules) {
      for (const p of [...(m.needs ?? []), ...(m.wants ?? [])]) {
        if (by.has(p.name)) continue;
        const provider = later.get(p.name);
        if (provider && provider !== m.name)
          throw new LoaError(
            'CONFIG',
            `module "${m.name}" needs port "${p.name}", which module "${provider}" provides but starts after it: list "${provider}" first`,
          );
        if ((m.needs ?? []).includes(p))
          throw new LoaError(
            'CONFIG',
            `module "${m.name}" needs port "${p.name}", which no module provides (modules: ${modules.map((x) => x.name).join(', ')})`,
          );
      }
      for (const p of m.provides ?? []) {
        const other = by.get(p.name);
        if (other)
          throw new LoaError('CONFIG', `port "${p.name}" provided twice: by ${other} and "${m.name}"`);
        by.set(p.name, m.name);
      }
    }
  }

  provide<T>(port: Port<T>, value: T, by: string): void {
    this.values.set(port.name, { value, by });
    for (const l of this.listeners.get(port.name) ?? []) l(value);
  }

  get<T>(port: Port<T>): T | undefined {
    return this.values.get(port.name)?.value as T | undefined;
  }

  /** Calls `fn` with the port's value when it is provided (undefined when withdrawn). */
  watch<T>(port: Port<T>, fn: (value: T | undefined) => void): void {
    const list = this.listeners.get(port.name) ?? [];
    list.push(fn as (v: unknown) => void);
    this.listeners.set(port.name, list);
  }

  /** Withdraws every port `by` provided (before it stops). */
  withdraw(by: string): void {
    for (const [name, v] of [...this.values])
      if (v.by === by) {
        this.values.delete(name);
        for (const l of this.listeners.get(name) ?? []) l(undefined);
      }
  }

  /** The provided ports a module declared but did not provide, after its start. */
  missing(m: StationModule): string[] {
    return (m.provides ?? []).filter((p) => this.values.get(p.name)?.by !== m.name).map((p) => p.name);
  }

  /** The context one module starts with: its declarations enforced. */
  contextFor(m: StationModule, base: Base): ModuleContext {
    const declared = (list: readonly Port<unknown>[] | undefined, p: Port<unknown>, what: string) => {
      if (!(list ?? []).includes(p))
        throw new Error(`module "${m.name}" uses port "${p.name}" without declaring it in ${what}`);
    };
    return {
      ...base,
      need: <T>(p: Port<T>): T => {
        declared(m.needs, p, 'needs');
        const v = this.get(p);
        if (v === undefined)
          throw new LoaError('CONFIG', `module "${m.name}" needs port "${p.name}", which was not provided`);
        return v;
      },
      want: <T>(p: Port<T>): T | undefined => {
        declared(m.wants, p, 'wants');
        return this.get(p);
      },
      provide: <T>(p: Port<T>, value: T): void => {
        declared(m.provides, p, 'provides');
        this.provide(p, value, m.name);
      },
    };
  }
}
