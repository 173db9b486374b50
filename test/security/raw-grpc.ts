/**
 * An outside client's view of the hub: grpc-js with a certificate from the test CA and none of
 * our client code — raw GatewayService sessions (a station, or someone holding a station's
 * key), DistrictService calls with any request, and requests as raw protobuf bytes (what our
 * own client could never encode).
 */
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { districtProto } from '../../src/grpc/proto.js';
import type { Pair, TestCa } from './pki.js';

export interface Outcome<T = unknown> {
  code: string; // "OK" or the gRPC status name
  details: string;
  res?: T;
}

export function tlsCreds(ca: TestCa, pair: Pair): grpc.ChannelCredentials {
  return grpc.credentials.createSsl(readFileSync(ca.ca), readFileSync(pair.key), readFileSync(pair.crt));
}

const OPTS = { 'grpc.ssl_target_name_override': 'localhost' };

/** One DistrictService client; call(rpc, req) never throws. */
export function district(port: number, creds: grpc.ChannelCredentials) {
  const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
  const client = new Ctor(`127.0.0.1:${port}`, creds, OPTS) as unknown as grpc.Client &
    Record<string, (...a: unknown[]) => unknown>;
  return {
    call<T = unknown>(rpc: string, req: unknown): Promise<Outcome<T>> {
      const fn = client[rpc.charAt(0).toLowerCase() + rpc.slice(1)] as (
        r: unknown,
        o: unknown,
        cb: (e: grpc.ServiceError | null, r: T) => void,
      ) => void;
      return new Promise((resolve) =>
        fn.call(client, req, { deadline: new Date(Date.now() + 20_000) }, (e, res) =>
          resolve(e ? { code: grpc.status[e.code], details: e.details } : { code: 'OK', details: '', res }),
        ),
      );
    },
    close: () => client.close(),
  };
}

/** A unary call whose request is the given protobuf bytes. */
export function rawUnary(address: string, creds: grpc.ChannelCredentials, path: string, body: Buffer) {
  const client = new grpc.Client(address, creds, OPTS);
  return new Promise<Outcome>((resolve) =>
    client.makeUnaryRequest(
      path,
      (b: Buffer) => b,
      (b: Buffer) => b,
      body,
      { deadline: new Date(Date.now() + 20_000) },
      (e) => {
        client.close();
        resolve(e ? { code: grpc.status[e.code], details: e.details } : { code: 'OK', details: '' });
      },
    ),
  );
}

/** Protobuf wire format, just enough to build a deeply nested google.protobuf.Value. */
function varint(n: number): Buffer {
  const b: number[] = [];
  let v = n;
  while (v > 127) {
    b.push((v & 127) | 128);
    v >>>= 7;
  }
  b.push(v);
  return Buffer.from(b);
}
export function lenField(no: number, body: Buffer): Buffer {
  return Buffer.concat([varint((no << 3) | 2), varint(body.length), body]);
}
/** A Value: {"a": {"a": … 1 …}} nested `depth` Structs deep. */
export function deepValue(depth: number): Buffer {
  let v: Buffer = Buffer.from([0x11, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]); // number_value = 1.0
  for (let i = 0; i < depth; i++)
    v = lenField(5, lenField(1, Buffer.concat([lenField(1, Buffer.from('a')), lenField(2, v)])));
  return v;
}

/** A raw GatewayService session: hello, then whatever the test writes; commands it receives are kept. */
export class RawSession {
  readonly commands: { id: string; method: string }[] = [];
  readonly ended: Promise<string>;
  private readonly client: grpc.Client;
  private readonly call: grpc.ClientDuplexStream<unknown, unknown>;
  welcomed = false;

  constructor(port: number, creds: grpc.ChannelCredentials, stationId: string) {
    const Ctor = districtProto().grpc.loa.district.v1.GatewayService;
    this.client = new Ctor(`127.0.0.1:${port}`, creds, OPTS);
    this.call = (
      this.client as unknown as { session(): grpc.ClientDuplexStream<unknown, unknown> }
    ).session();
    this.ended = new Promise((resolve) => {
      this.call.on('error', (e: grpc.ServiceError) => resolve(`${grpc.status[e.code]}: ${e.details}`));
      this.call.on('end', () => resolve('ended'));
    });
    this.call.on('data', (m: { welcome?: unknown; command?: { id: string; method: string } }) => {
      if (m.welcome) this.welcomed = true;
      if (m.command) this.commands.push(m.command);
    });
    this.write({
      hello: { stationId, bootId: 'b1', outboxEpoch: `e-${stationId}`, softwareVersion: 'raw', lastSeq: 0 },
    });
  }

  write(m: unknown): void {
    this.call.write(m);
  }

  result(id: string, status: string, message = ''): void {
    this.write({ commandResult: { id, status, errorCode: '', message } });
  }

  close(): void {
    this.call.end();
    this.client.close();
  }
}
