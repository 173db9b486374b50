/**
 * Every Loa gRPC server is built here: server reflection and grpc.health.v1 (so buf curl and
 * grpcurl work against it, DESIGN.md decision 9), message size limits, keepalive, and the
 * credentials from credentials.ts. Binds TCP ("127.0.0.1:0") or a unix socket ("unix:/path").
 */
import * as grpc from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { INSECURE, type LinkSecurity, serverCredentials } from '../security/credentials.js';
import { guardDefinition, guardImplementation } from './decode-guard.js';
import { reflectionSchema } from './reflection.js';

/** 4 MiB: a full status or a 256 KiB media chunk fits many times over; anything bigger is a bug or abuse. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface ServerOptions {
  /** The descriptor sets reflection serves (src/gen/NAME.binpb): "station", "district". */
  schema: string[];
  /** Server-side keepalive: pings idle clients to find dead links (default 60 s / 20 s). */
  keepaliveMs?: number;
  keepaliveTimeoutMs?: number;
  maxMessageBytes?: number;
  security?: LinkSecurity;
}

export class GrpcServer {
  readonly server: grpc.Server;
  private readonly health = new HealthImplementation({ '': 'SERVING' });
  private readonly names: string[] = [];

  constructor(private readonly o: ServerOptions) {
    const max = o.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.server = new grpc.Server({
      'grpc.max_receive_message_length': max,
      'grpc.max_send_message_length': max,
      'grpc.keepalive_time_ms': o.keepaliveMs ?? 60_000,
      'grpc.keepalive_timeout_ms': o.keepaliveTimeoutMs ?? 20_000,
      'grpc.keepalive_permit_without_calls': 1,
      // channelz (grpc-js's introspection, which nothing here serves) keeps a tracker and trace
      // per connection and call: memory and CPU for each of a hub's 10,000 stations
      'grpc.enable_channelz': 0,
    });
    new ReflectionService(reflectionSchema(o.schema)).addToServer(this.server);
    this.health.addToServer(this.server);
  }

  add(name: string, def: grpc.ServiceDefinition, impl: grpc.UntypedServiceImplementation): void {
    this.server.addService(guardDefinition(def), guardImplementation(def, impl));
    this.names.push(name);
  }

  /** Binds and starts; returns the TCP port (0 for a unix socket). */
  async listen(address: string): Promise<number> {
    const port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, serverCredentials(this.o.security ?? INSECURE), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    for (const n of this.names) this.health.setStatus(n, 'SERVING');
    return port;
  }

  /** Graceful for up to graceMs (open streams are told to go), then forced. */
  async close(graceMs = 2000): Promise<void> {
    for (const n of this.names) this.health.setStatus(n, 'NOT_SERVING');
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}
