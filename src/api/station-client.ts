/**
 * The client side of StationService for stationctl and local tools: `call(method, params)`
 * maps a registry method onto its RPC (or `Call`), with a deadline on every call, and turns
 * a refusal back into the station's LoaError.
 */
import { userInfo } from 'node:os';
import * as grpc from '@grpc/grpc-js';
import type { StationServiceClient } from '../gen/loa/station/v1/StationService.js';
import { stationProto } from '../grpc/proto.js';
import { MAX_MESSAGE_BYTES } from '../grpc/server.js';
import { USER_KEY } from '../security/callers.js';
import { channelCredentials, INSECURE, type LinkSecurity } from '../security/credentials.js';
import { deadlineIn, fromServiceError } from '../wire/status.js';
import { CALL, ROUTE_BY_METHOD } from './station-routes.js';

type RawUnary = (
  req: Record<string, unknown>,
  md: grpc.Metadata,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, res?: Record<string, unknown>) => void,
) => void;

/**
 * Who runs this client, as the station's audit trail records it for a unix socket ("uid 1000
 * (an)"). The station cannot check it (docs/security.md): the socket decides the role.
 */
export function localUser(): string {
  const uid = process.getuid?.() ?? -1;
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // a uid without a passwd entry (containers): the number alone
  }
  return name ? `uid ${uid} (${name})` : `uid ${uid}`;
}

export class StationClient {
  readonly client: StationServiceClient;
  private readonly md = new grpc.Metadata();

  /** `target`: a unix socket path, or "host:port" (then with TLS when `security` says so). */
  constructor(
    readonly target: string,
    private readonly timeoutMs = 15_000,
    security: LinkSecurity = INSECURE,
  ) {
    const address = target.includes('/') ? `unix:${target}` : target;
    const Ctor = stationProto().grpc.loa.station.v1.StationService;
    this.md.set(USER_KEY, localUser());
    this.client = new Ctor(address, channelCredentials(security), {
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
      fn.call(this.client, req, this.md, { deadline: deadlineIn(this.timeoutMs) }, (e, res) =>
        e ? reject(fromServiceError(e, `station daemon at ${this.target}`)) : resolve(res ?? {}),
      ),
    );
  }
}

/** One call on a fresh connection (stationctl runs one command per process). */
export async function callStation(
  target: string,
  method: string,
  params?: unknown,
  security: LinkSecurity = INSECURE,
): Promise<unknown> {
  const c = new StationClient(target, 15_000, security);
  try {
    return await c.call(method, params);
  } finally {
    c.close();
  }
}
