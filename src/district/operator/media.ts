/** DistrictService UploadMedia: a client stream of chunks into the hub's media store, audited. */
import type * as grpc from '@grpc/grpc-js';
import { LoaError, toLoaError } from '../../core/errors.js';
import type { UploadMediaRequest__Output } from '../../gen/loa/district/v1/UploadMediaRequest.js';
import type { Caller } from '../../security/identity.js';
import { toServiceError } from '../../wire/status.js';
import { mediaName } from '../requests.js';
import { uploadCheck } from '../upload-check.js';
import { guard, type OperatorDeps } from './guard.js';

export function upload(d: OperatorDeps) {
  return (
    call: grpc.ServerReadableStream<UploadMediaRequest__Output, unknown>,
    cb: grpc.sendUnaryData<unknown>,
  ) => {
    let name = '';
    let caller: Caller;
    try {
      caller = guard(d, 'UploadMedia', call, {});
    } catch (e) {
      cb(toServiceError(e));
      return;
    }
    async function* chunks() {
      for await (const m of call as AsyncIterable<UploadMediaRequest__Output>) {
        if (m.name && !name) {
          const r = mediaName.safeParse(m.name);
          if (!r.success) throw new LoaError('INVALID_ARGUMENT', `name: ${r.error.issues[0]?.message}`);
          name = m.name;
        }
        yield m.data;
      }
    }
    d.stores.media
      .put(
        name,
        chunks(),
        uploadCheck(() => name),
      )
      .then(
        (ref) => {
          d.stores.audit.add(
            caller,
            'UploadMedia',
            { name, sha256: ref.sha256, sizeBytes: ref.sizeBytes },
            [],
          );
          cb(null, { media: { ...ref, name: ref.name || name } });
        },
        (e) => {
          d.stores.audit.add(caller, 'UploadMedia', { name: name || '(refused)' }, [], toLoaError(e));
          cb(toServiceError(e));
        },
      );
  };
}
