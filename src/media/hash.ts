/**
 * sha256 of files and streams, and copying into a temp file while hashing.
 *
 * Files are read through one reused 64 KiB buffer: streaming a 53 MB WAV through
 * createReadStream (a fresh 64 KiB buffer per chunk) grew a Node 20 process by 40 MB RSS
 * that it never gave back; the reused buffer grew it by 7 MB (measured, docs/audio.md).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const CHUNK = 64 * 1024;
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

/** Copies a local file to `tmp` (fsynced), returning its sha256 and size. */
export async function copyFileHashing(src: string, tmp: string): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  const input = await open(src, 'r');
  const out = await open(tmp, 'w', 0o640);
  let size = 0;
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      h.update(chunk);
      await out.write(chunk, 0, bytesRead);
      size += bytesRead;
    }
    await out.sync();
  } finally {
    await input.close();
    await out.close();
  }
  return { sha256: h.digest('hex'), size };
}

/** Writes `input` (a download) to `tmp` (fsynced), returning its sha256 and size. */
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
