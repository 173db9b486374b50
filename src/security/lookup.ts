/**
 * Lookups by a name from outside (a method, an RPC) in a table written as an object literal.
 * `table[name]` would also find what every JavaScript object inherits ("constructor",
 * "toString", "__proto__", "hasOwnProperty", "valueOf"): a caller naming one of those passed
 * the role check and reached a handler that was not one (issue 13, item 3). Only the table's
 * own entries count.
 */
export function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return typeof name === 'string' && Object.hasOwn(table, name) ? table[name] : undefined;
}
