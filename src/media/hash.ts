/** sha256 of files and streams, and copying a stream into a temp file while hashing it. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

/** Writes `input` to `tmp` (fsynced), returning its sha256 and size. */
export async function copyHashing(input: Readable, tmp: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  input.on('data', (b: Buffer) => {
    h.update(b);
    size += b.length;
  });
  await pipeline(input, createWriteStream(tmp, { mode: 0o640 }));
  const fh = await open(tmp, 'r');
  await fh.sync();
  await fh.close();
  return { sha256: h.digest('hex'), size };
}
