/**
 * loa.station.v1.StationService, served by the station daemon on its unix sockets (one per
 * role: the kernel's file permissions decide who reaches which, docs/security.md) and, when
 * configured, on TCP with mutual TLS. Every RPC runs a registry command through the station's
 * CommandGate (role, rate limit, validation, audit; security/gate.ts).
 */
import { chmod, chown, unlink } from 'node:fs/promises';
import type * as grpc from '@grpc/grpc-js';
import { isENOENT, toLoaError } from '../core/errors.js';
import { MemoryEvents } from '../core/events.js';
import type { Logger } from '../core/log.js';
import type { CommandRegistry } from '../core/registry.js';
import type { WatchStatusRequest__Output } from '../gen/loa/station/v1/WatchStatusRequest.js';
import { stationProto } from '../grpc/proto.js';
import { GrpcServer } from '../grpc/server.js';
import { type CallerOf, networkCaller, unixCaller } from '../security/callers.js';
import type { LinkSecurity } from '../security/credentials.js';
import { CommandGate } from '../security/gate.js';
import { type Role, requireRole, STATION_RPC_ROLES } from '../security/roles.js';
import { failStream, toServiceError } from '../wire/status.js';
import { fromValue, toValue } from '../wire/struct.js';
import { encodeStatus, ROUTES } from './station-routes.js';
import type { StationStatus } from './status.js';
import { logRefusedHandshakes } from './tcp-handshakes.js';

type Unary = grpc.handleUnaryCall<Record<string, unknown>, Record<string, unknown>>;
type Call = grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>;

export const STATION_SERVICE = 'loa.station.v1.StationService';

export class StationApiServer {
  private readonly servers: GrpcServer[] = [];
  private readonly watches = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  private readonly sockets: string[] = [];
  readonly gate: CommandGate;

  /** Without a gate (tests of the transport alone), commands are checked but not audited. */
  constructor(
    private readonly registry: CommandRegistry,
    private readonly log: Logger,
    gate?: CommandGate,
  ) {
    this.gate = gate ?? new CommandGate(registry, { events: new MemoryEvents() });
  }

  /**
   * Serves on a unix socket path (a stale socket file is replaced) for callers of `role`:
   * mode 0660 (0666 for the viewer socket), group `gid` when given.
   */
  async listenUnix(path: string, role: Role = 'admin', gid?: number): Promise<void> {
    await unlink(path).catch((e) => {
      if (!isENOENT(e)) throw e;
    });
    await this.server(unixCaller(role)).listen(`unix:${path}`);
    this.sockets.push(path);
    if (gid !== undefined) await chown(path, process.getuid?.() ?? -1, gid);
    await chmod(path, role === 'viewer' ? 0o666 : 0o660);
  }

  /**
   * Also serves on TCP ("HOST:PORT"; port 0 picks one): with TLS the client certificate's role
   * applies; plain text is a lab's admin port (the daemon refuses it unless LOA_INSECURE_LAB=1).
   */
  async listenTcp(address: string, security: LinkSecurity = { kind: 'insecure' }): Promise<number> {
    const s = this.server(networkCaller(security), security);
    const port = await s.listen(address);
    if (security.kind === 'tls') logRefusedHandshakes(s, this.log);
    return port;
  }

  async close(): Promise<void> {
    for (const w of this.watches) w.end();
    await Promise.all(this.servers.map((s) => s.close(1000)));
    for (const s of this.sockets) await unlink(s).catch(() => undefined);
  }

  private server(callerOf: CallerOf, security?: LinkSecurity): GrpcServer {
    const s = new GrpcServer({ schema: ['station'], ...(security ? { security } : {}) });
    s.add(STATION_SERVICE, stationProto().grpc.loa.station.v1.StationService.service, this.impl(callerOf));
    this.servers.push(s);
    return s;
  }

  private impl(callerOf: CallerOf): grpc.UntypedServiceImplementation {
    const impl: grpc.UntypedServiceImplementation = {};
    for (const r of ROUTES)
      impl[r.rpc] = this.unary(r.method, async (req, call) =>
        r.reply(await this.gate.call(callerOf(call), r.method, r.params(req))),
      );
    impl.Call = this.unary('Call', async (req, call) => {
      const method = String(req.method ?? '').slice(0, 128);
      const params = fromValue(req.params as never);
      return { result: toValue(await this.gate.call(callerOf(call), method, params)) };
    });
    impl.ListMethods = this.unary('ListMethods', async (_req, call) => {
      const c = callerOf(call);
      requireRole(c.role, STATION_RPC_ROLES.ListMethods ?? 'admin', 'ListMethods', c.who);
      return { methods: this.registry.methods() };
    });
    impl.WatchStatus = (call: grpc.ServerWritableStream<WatchStatusRequest__Output, unknown>) => {
      try {
        const c = callerOf(call);
        requireRole(c.role, STATION_RPC_ROLES.WatchStatus ?? 'admin', 'WatchStatus', c.who);
      } catch (e) {
        failStream(call, e);
        return;
      }
      void this.watch(call);
    };
    return impl;
  }

  private unary(
    name: string,
    fn: (req: Record<string, unknown>, call: Call) => Promise<Record<string, unknown>>,
  ): Unary {
    return (call, cb) => {
      Promise.resolve()
        .then(() => fn(call.request, call))
        .then(
          (res) => cb(null, res),
          (e) => {
            const err = toLoaError(e);
            if (err.code === 'INTERNAL')
              this.log.error('command failed', { method: name, error: err.message });
            cb(toServiceError(err));
          },
        );
    };
  }

  /** Sends the status, then again whenever it differs (polled; bounded to 200 ms..60 s). */
  private async watch(call: grpc.ServerWritableStream<WatchStatusRequest__Output, unknown>): Promise<void> {
    const every = Math.min(60_000, Math.max(200, call.request.intervalMs || 1000));
    this.watches.add(call);
    let last = '';
    let open = true;
    call.on('cancelled', () => {
      open = false;
    });
    try {
      while (open && !call.cancelled && this.watches.has(call)) {
        const s = (await this.registry.call('status')) as StationStatus;
        const key = JSON.stringify({ ...s, uptimeS: 0 });
        if (key !== last) call.write({ status: encodeStatus(s) });
        last = key;
        await new Promise((r) => setTimeout(r, every));
      }
    } catch (e) {
      failStream(call, e);
    } finally {
      this.watches.delete(call);
    }
  }
}
