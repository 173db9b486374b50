/**
 * The gRPC contracts at run time: proto/*.proto parsed once per process (the definitions are
 * immutable, so a per-process cache is safe) with the options the types in src/gen/ were
 * generated with: camelCase fields, 64-bit integers as numbers (sequence numbers and epoch
 * milliseconds stay far below 2^53), enums as strings, defaults. Server reflection serves the
 * FileDescriptorSets buf built beside the types (src/gen/*.binpb; see reflection.ts). Loading
 * the services from those sets instead would turn map fields (google.protobuf.Struct) into
 * repeated entries: protobufjs's fromDescriptor does not restore maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';
import type { ProtoGrpcType as DistrictGrpc } from '../gen/district.js';
import type { ProtoGrpcType as GatewayGrpc } from '../gen/gateway.js';
import type { ProtoGrpcType as StationGrpc } from '../gen/station.js';

export const LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: false,
};

/** The package root, from src/grpc/ or dist/grpc/ (both two levels under it). */
function root(): string {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  if (!existsSync(join(dir, 'proto', 'loa')) || !existsSync(join(dir, 'src', 'gen', 'station.binpb')))
    throw new Error(`proto/ or src/gen/ missing under ${dir} (npm run gen)`);
  return dir;
}

/** station | district | health */
export function readDescriptorSet(name: string): Buffer {
  return readFileSync(join(root(), 'src', 'gen', `${name}.binpb`));
}

export interface Loaded<T> {
  definition: PackageDefinition;
  grpc: T;
}

function load<T>(files: string[]): Loaded<T> {
  const definition = loadSync(files, { ...LOADER_OPTIONS, includeDirs: [join(root(), 'proto')] });
  return { definition, grpc: grpc.loadPackageDefinition(definition) as unknown as T };
}

let station: Loaded<StationGrpc> | undefined;
let district: Loaded<GatewayGrpc & DistrictGrpc> | undefined;

export function stationProto(): Loaded<StationGrpc> {
  station ??= load<StationGrpc>(['loa/station/v1/station.proto']);
  return station;
}

/** The district's two services (GatewayService for stations, DistrictService for operators). */
export function districtProto(): Loaded<GatewayGrpc & DistrictGrpc> {
  district ??= load<GatewayGrpc & DistrictGrpc>([
    'loa/district/v1/gateway.proto',
    'loa/district/v1/district.proto',
  ]);
  return district;
}
