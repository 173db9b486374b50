/**
 * loa.station.v1.StationService, served by the station daemon on its unix socket (mode 0660:
 * the service user and its group). Every RPC runs a registry command (station-routes.ts).
 */
import { chmod, unlink } from 'node:fs/promises';
import type * as grpc from '@grpc/grpc-js';
import { isENOENT, toLoaError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { WatchStatusRequest__Output } from '../gen/loa/station/v1/WatchStatusRequest.js';
import { stationProto } from '../grpc/proto.js';
import { GrpcServer } from '../grpc/server.js';
import { toServiceError } from '../grpc/status.js';
import { fromValue, toValue } from '../grpc/struct.js';
import type { StationStatus } from '../station/control.js';
import type { CommandRegistry } from './registry.js';
import { encodeStatus, ROUTES } from './station-routes.js';

type Unary = grpc.handleUnaryCall<Record<string, unknown>, Record<string, unknown>>;

export const STATION_SERVICE = 'loa.station.v1.StationService';

export class StationApiServer {
  private readonly grpc: GrpcServer;
  private readonly watches = new Set<grpc.ServerWritableStream<unknown, unknown>>();
  private socket: string | undefined;

  constructor(
    private readonly registry: CommandRegistry,
    private readonly log: Logger,
  ) {
    const proto = stationProto();
    this.grpc = new GrpcServer({ schema: ['station'] });
    this.grpc.add(STATION_SERVICE, proto.grpc.loa.station.v1.StationService.service, this.impl());
  }

  /** Serves on a unix socket path (a stale socket file is replaced). */
  async listenUnix(path: string): Promise<void> {
    await unlink(path).catch((e) => {
      if (!isENOENT(e)) throw e;
    });
    await this.grpc.listen(`unix:${path}`);
    await chmod(path, 0o660);
    this.socket = path;
  }

  /** Also serves on TCP (e.g. "127.0.0.1:0" for tests or a LAN address); returns the port. */
  listenTcp(address: string): Promise<number> {
    return this.grpc.listen(address);
  }

  async close(): Promise<void> {
    for (const w of this.watches) w.end();
    await this.grpc.close(1000);
    if (this.socket) await unlink(this.socket).catch(() => undefined);
  }

  private impl(): grpc.UntypedServiceImplementation {
    const impl: grpc.UntypedServiceImplementation = {};
    for (const r of ROUTES)
      impl[r.rpc] = this.unary(r.method, async (req) =>
        r.reply(await this.registry.call(r.method, r.params(req))),
      );
    impl.Call = this.unary('Call', async (req) => {
      const method = String(req.method ?? '');
      return { result: toValue(await this.registry.call(method, fromValue(req.params as never))) };
    });
    impl.ListMethods = this.unary('ListMethods', async () => ({ methods: this.registry.methods() }));
    impl.WatchStatus = (call: grpc.ServerWritableStream<WatchStatusRequest__Output, unknown>) =>
      void this.watch(call);
    return impl;
  }

  private unary(name: string, fn: (req: Record<string, unknown>) => Promise<Record<string, unknown>>): Unary {
    return (call, cb) => {
      fn(call.request).then(
        (res) => cb(null, res),
        (e) => {
          const err = toLoaError(e);
          if (err.code === 'INTERNAL') this.log.error('command failed', { method: name, error: err.message });
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
      call.destroy(Object.assign(new Error(toLoaError(e).message), toServiceError(e)));
    } finally {
      this.watches.delete(call);
    }
  }
}
