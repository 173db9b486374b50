/**
 * The schema that server reflection serves, from the FileDescriptorSets `buf build` wrote into
 * src/gen/ (`npm run gen`). proto-loader's own descriptors regroup files by package, leave
 * their imports empty and misname map entries, which strict clients (buf curl, grpcurl)
 * refuse ("failed to find service … in schema"; grpc-node issue 2595); buf's are exact.
 */
import type { PackageDefinition } from '@grpc/proto-loader';
import descriptor from 'protobufjs/ext/descriptor/index.js';
import { readDescriptorSet } from './proto.js';

const { FileDescriptorSet, FileDescriptorProto } = descriptor;

/** A package definition carrying only file descriptors: what ReflectionService reads. */
export function reflectionSchema(sets: string[]): PackageDefinition {
  const files: Buffer[] = [];
  for (const name of [...sets, 'health']) {
    const set = FileDescriptorSet.decode(readDescriptorSet(name)) as unknown as { file: object[] };
    for (const f of set.file) files.push(Buffer.from(FileDescriptorProto.encode(f as never).finish()));
  }
  return { 'loa.schema': { fileDescriptorProtos: files } } as unknown as PackageDefinition;
}
