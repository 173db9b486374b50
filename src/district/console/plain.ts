/** The operator handlers answer in proto's Struct/Value shapes (for gRPC); the browser gets plain JSON. */
import type { Struct__Output } from '../../gen/google/protobuf/Struct.js';
import type { Value__Output } from '../../gen/google/protobuf/Value.js';
import { fromStruct, fromValue, type Json } from '../../wire/struct.js';

export const plainStruct = (s: unknown): Record<string, Json> => fromStruct(s as Struct__Output);
export const plainValue = (v: unknown): Json => fromValue(v as Value__Output);
