/**
 * The operator's client of DistrictService (districtctl, tests, dashboards): a deadline on
 * every unary call, refusals back as LoaErrors, uploads streamed in 64 KiB chunks.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import type { DistrictServiceClient } from '../gen/loa/district/v1/DistrictService.js';
import type { MediaRef__Output } from '../gen/loa/district/v1/MediaRef.js';
import type { SpeakResponse__Output } from '../gen/loa/district/v1/SpeakResponse.js';
import type { SpeakStart } from '../gen/loa/district/v1/SpeakStart.js';
import type { WatchStationsResponse__Output } from '../gen/loa/district/v1/WatchStationsResponse.js';
import { districtProto } from '../grpc/proto.js';
import { MAX_MESSAGE_BYTES } from '../grpc/server.js';
import { channelCredentials, INSECURE, type LinkSecurity } from '../security/credentials.js';
import { deadlineIn, fromServiceError } from '../wire/status.js';

type Raw = (
  req: Record<string, unknown>,
  opts: grpc.CallOptions,
  cb: (e: grpc.ServiceError | null, res?: unknown) => void,
) => void;

export class DistrictClient {
  readonly client: DistrictServiceClient;

  constructor(
    readonly address: string,
    private readonly timeoutMs = 15_000,
    security: LinkSecurity = INSECURE,
  ) {
    const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
    this.client = new Ctor(address, channelCredentials(security), {
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    });
  }

  /** One unary RPC by name, e.g. call('ListStations', {}). */
  call<T = Record<string, unknown>>(rpc: string, req: Record<string, unknown> = {}): Promise<T> {
    const fn = (this.client as unknown as Record<string, Raw>)[rpc];
    if (!fn) throw new Error(`DistrictService has no RPC ${rpc}`);
    return new Promise((resolve, reject) =>
      fn.call(this.client, req, { deadline: deadlineIn(this.timeoutMs) }, (e, res) =>
        e ? reject(fromServiceError(e, `district hub at ${this.address}`)) : resolve(res as T),
      ),
    );
  }

  /** Uploads a file to the hub's media store; resolves with its reference. */
  upload(path: string): Promise<MediaRef__Output> {
    return new Promise((resolve, reject) => {
      const call = this.client.uploadMedia({ deadline: deadlineIn(10 * 60_000) }, (e, res) =>
        e || !res?.media
          ? reject(fromServiceError(e, `district hub at ${this.address}`))
          : resolve(res.media),
      );
      let first = true;
      const rs = createReadStream(path, { highWaterMark: 65_536 });
      rs.on('data', (chunk) => {
        const ok = call.write({ ...(first ? { name: basename(path) } : {}), data: chunk as Buffer });
        first = false;
        if (!ok) {
          rs.pause();
          call.once('drain', () => rs.resume());
        }
      });
      rs.on('end', () => call.end());
      rs.on('error', (e) => {
        call.cancel();
        reject(e);
      });
    });
  }

  /**
   * Live voice (docs/live.md): opens a Speak stream to the stations; `send` each chunk of
   * encoded audio (flow-controlled), `end` to finish and get the hub's summary.
   */
  speak(start: SpeakStart): {
    send(chunk: Buffer): Promise<void>;
    end(): Promise<SpeakResponse__Output>;
    cancel(): void;
  } {
    let settle!: { resolve: (r: SpeakResponse__Output) => void; reject: (e: Error) => void };
    const result = new Promise<SpeakResponse__Output>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const call = this.client.speak((e, res) =>
      e || !res ? settle.reject(fromServiceError(e, `district hub at ${this.address}`)) : settle.resolve(res),
    );
    result.catch(() => undefined);
    call.write({ start });
    return {
      send: (chunk) =>
        call.write({ audio: chunk })
          ? Promise.resolve()
          : Promise.race([
              new Promise<void>((r) => call.once('drain', () => r())),
              result.then(() => undefined),
            ]),
      end: () => {
        call.end();
        return result;
      },
      cancel: () => call.cancel(),
    };
  }

  /** Station summaries and events as they come; returns a function that stops watching. */
  watch(
    stationIds: string[],
    onUpdate: (u: WatchStationsResponse__Output) => void,
    onEnd: (e?: Error) => void,
  ) {
    const call = this.client.watchStations({ stationIds });
    call.on('data', onUpdate);
    call.on('error', (e: grpc.ServiceError) =>
      onEnd(
        e.code === grpc.status.CANCELLED ? undefined : fromServiceError(e, `district hub at ${this.address}`),
      ),
    );
    call.on('end', () => onEnd());
    return () => call.cancel();
  }

  close(): void {
    this.client.close();
  }
}
