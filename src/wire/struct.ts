/**
 * google.protobuf.Struct / Value <-> plain JSON values. proto-loader hands these well-known
 * types over as their raw message shape ({fields: {k: {stringValue: …}}}); our code and the
 * registry handlers speak plain JSON.
 */
import type { ListValue__Output } from '../gen/google/protobuf/ListValue.js';
import type { Struct, Struct__Output } from '../gen/google/protobuf/Struct.js';
import type { Value, Value__Output } from '../gen/google/protobuf/Value.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toValue(v: unknown): Value {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'bigint') return { numberValue: Number(v) };
  if (Array.isArray(v)) return { listValue: { values: v.map(toValue) } };
  if (v instanceof Date) return { stringValue: v.toISOString() };
  if (typeof v === 'object') return { structValue: toStruct(v as Record<string, unknown>) };
  return { stringValue: String(v) };
}

/** A JSON object as a Struct; undefined members are left out, as JSON.stringify would. */
export function toStruct(o: Record<string, unknown> | undefined | null): Struct {
  const fields: Record<string, Value> = {};
  for (const [k, v] of Object.entries(o ?? {})) if (v !== undefined) fields[k] = toValue(v);
  return { fields };
}

export function fromValue(v: Value__Output | null | undefined): Json {
  if (!v) return null;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.numberValue !== undefined) return v.numberValue;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.structValue) return fromStruct(v.structValue);
  if (v.listValue) return fromList(v.listValue);
  return null;
}

export function fromStruct(s: Struct__Output | null | undefined): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(s?.fields ?? {})) out[k] = fromValue(v);
  return out;
}

function fromList(l: ListValue__Output): Json[] {
  return (l.values ?? []).map(fromValue);
}

/** A params value as a JSON object (registry handlers take objects). */
export function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
