/**
 * POST /api/media?name=FILE: a bulletin's audio, the request body as is, into the hub's media
 * store through the UploadMedia guard (operator; audited). Refused before it is kept: more than
 * `LOA_CONSOLE_UPLOAD_MB` (default 100 MB: an hour of 192 kb/s MP3 is 86 MB), a bad name, no
 * bytes, or a file ffprobe finds no audio in (upload-check.ts, the check gRPC uploads pass).
 */
import type { IncomingMessage } from 'node:http';
import { LoaError } from '../../core/errors.js';
import { perform } from '../operator/guard.js';
import { mediaName } from '../requests.js';
import { uploadCheck } from '../upload-check.js';
import { type ConsoleCtx, consoleCaller } from './ctx.js';
import { type Route, sendJson } from './http.js';

export function uploadLimit(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.LOA_CONSOLE_UPLOAD_MB ?? 100);
  if (!Number.isInteger(mb) || mb < 1 || mb > 512)
    throw new LoaError('CONFIG', `LOA_CONSOLE_UPLOAD_MB: 1 to 512 (got "${env.LOA_CONSOLE_UPLOAD_MB}")`);
  return mb * 1024 * 1024;
}

async function* capped(req: IncomingMessage, limit: number): AsyncIterable<Buffer> {
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > limit)
      throw new LoaError(
        'INVALID_ARGUMENT',
        `file: at most ${Math.round(limit / 1048576)} MB (LOA_CONSOLE_UPLOAD_MB)`,
      );
    yield c;
  }
}

/** ffprobe names the hub's temporary file; the browser hears the file's own name instead. */
function hideTemp(name: string) {
  return (e: unknown): never => {
    if (e instanceof LoaError) throw new LoaError(e.code, e.message.replace(/\/\S*\.upload-[\w-]+/g, name));
    throw e;
  };
}

export function mediaRoutes(c: ConsoleCtx): Route[] {
  const limit = uploadLimit();
  return [
    {
      method: 'POST',
      path: '/api/media',
      access: 'session',
      handle: async (x) => {
        const name = x.url.searchParams.get('name') ?? '';
        const declared = Number(x.req.headers['content-length'] ?? 0);
        const ref = await perform(
          c.deps,
          'UploadMedia',
          () => consoleCaller(x),
          { name },
          async () => {
            const ok = mediaName.safeParse(name);
            if (!ok.success || !name)
              throw new LoaError(
                'INVALID_ARGUMENT',
                `name: ${ok.success ? 'the file name' : ok.error.issues[0]?.message}`,
              );
            if (declared > limit)
              throw new LoaError(
                'INVALID_ARGUMENT',
                `file: at most ${Math.round(limit / 1048576)} MB (LOA_CONSOLE_UPLOAD_MB)`,
              );
            return c.deps.stores.media
              .put(
                name,
                capped(x.req, limit),
                uploadCheck(() => name),
              )
              .catch(hideTemp(name));
          },
        );
        sendJson(x.res, 200, { media: { ...ref, name: ref.name || name } });
      },
    },
  ];
}
