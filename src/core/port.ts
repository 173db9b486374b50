/**
 * A typed port: something one part of the station provides and another needs, named so a
 * wiring mistake can say what is missing (docs/architecture.md). The token carries the type;
 * the composition root carries the value (module/ports.ts).
 */
export interface Port<T> {
  readonly name: string;
  /** Never set: only carries T for the type checker. */
  readonly type?: T;
}

export function port<T>(name: string): Port<T> {
  return { name };
}
