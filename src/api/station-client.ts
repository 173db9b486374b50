/**
 * The client side of StationService for stationctl and local tools: `call(method, params)`
 * maps a registry method onto its RPC (or `Call`), with a deadline on every call, and turns
 * a refusal back into the station's LoaError.
 */
import type * as grpc from '@grpc/grpc-js';
import type { StationServiceClient } from '../gen/loa/station/v1/StationService.js';
import { channelCredentials } from '../grpc/credentials.js';
import { stationProto } from '../grpc/proto.js';
import { MAX_MESSAGE_BYTES } from '../grpc/server.js';
import { deadlineIn, fromServiceError } from '../grpc/status.js';
import { CALL, ROUTE_BY_METHOD } from './station-routes.js';

type RawUnary = (
  req: Record<string, unknown>,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, res?: Record<string, unknown>) => void,
) => void;

export class StationClient {
  readonly client: StationServiceClient;

  /** `target`: a unix socket path, or "host:port". */
  constructor(
    readonly target: string,
    private readonly timeoutMs = 15_000,
  ) {
    const address = target.includes('/') ? `unix:${target}` : target;
    const Ctor = stationProto().grpc.loa.station.v1.StationService;
    this.client = new Ctor(address, channelCredentials(), {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    });
  }

  async call(method: string, params?: unknown): Promise<unknown> {
    const route = ROUTE_BY_METHOD.get(method);
    if (route) return route.result(await this.unary(route.rpc, route.request(params)));
    return CALL.result(await this.unary('Call', CALL.request(method, params)));
  }

  close(): void {
    this.client.close();
  }

  private unary(rpc: string, req: Record<string, unknown>): Promise<Record<string, unknown>> {
    const fn = (this.client as unknown as Record<string, RawUnary>)[rpc];
    if (!fn) throw new Error(`StationService has no RPC ${rpc}`);
    return new Promise((resolve, reject) =>
      fn.call(this.client, req, { deadline: deadlineIn(this.timeoutMs) }, (e, res) =>
        e ? reject(fromServiceError(e, `station daemon at ${this.target}`)) : resolve(res ?? {}),
      ),
    );
  }
}

/** One call on a fresh connection (stationctl runs one command per process). */
export async function callStation(target: string, method: string, params?: unknown): Promise<unknown> {
  const c = new StationClient(target);
  try {
    return await c.call(method, params);
  } finally {
    c.close();
  }
}
