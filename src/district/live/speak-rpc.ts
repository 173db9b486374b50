/**
 * DistrictService Speak (districtctl live speak): a client stream whose first message names the
 * stations and the tier and whose next ones carry the encoded audio, relayed as it comes by the
 * hub's LiveSessions. Closing the stream ends the session; a sender that goes away cancels it.
 */
import type * as grpc from '@grpc/grpc-js';
import { LoaError } from '../../core/errors.js';
import type { SpeakRequest__Output } from '../../gen/loa/district/v1/SpeakRequest.js';
import { toServiceError } from '../../wire/status.js';
import { guard, type OperatorDeps } from '../operator/guard.js';
import type { LiveFormat, LiveHandle, LiveSessions, LiveTier } from './live-sessions.js';

type Call = grpc.ServerReadableStream<SpeakRequest__Output, unknown>;

export function speak(d: OperatorDeps, live: LiveSessions) {
  return (call: Call, cb: grpc.sendUnaryData<unknown>) => {
    let handle: LiveHandle | undefined;
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      void handle?.end('refused');
      // the status goes back at once; what the sender still writes is ignored
      cb(toServiceError(e));
    };
    call.on('data', (m: SpeakRequest__Output) => {
      if (failed) return;
      try {
        if (m.start) {
          if (handle) throw new LoaError('INVALID_ARGUMENT', 'Speak: start sent twice');
          const caller = guard(d, 'Speak', call, { stationIds: m.start.stationIds });
          handle = live.start(
            caller,
            {
              stations: m.start.stationIds,
              tier: m.start.tier as LiveTier,
              format: (m.start.format || 'webm') as LiveFormat,
              zones: m.start.zones,
            },
            true,
          );
        } else if (m.audio) {
          if (!handle) throw new LoaError('INVALID_ARGUMENT', 'Speak: the first message must be start');
          handle.push(m.audio);
        }
      } catch (e) {
        fail(e);
      }
    });
    call.on('end', () => {
      if (failed) return;
      if (!handle) return fail(new LoaError('INVALID_ARGUMENT', 'Speak: no start message'));
      handle.end('ended').then((s) => cb(null, s), fail);
    });
    call.on('cancelled', () => void handle?.end('cancelled'));
    call.on('error', () => void handle?.end('cancelled'));
  };
}
