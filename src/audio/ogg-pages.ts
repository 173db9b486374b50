/**
 * Splits an Ogg stream (RFC 3533) into whole pages, so a listener can join at any page and a
 * slow link can drop whole pages. A page: "OggS", version, header type, granule position (8),
 * serial (4), sequence (4), CRC (4), segment count, segment table, then the segments.
 */

const HEADER = 27;
const CAPTURE = Buffer.from('OggS');

export interface OggPage {
  data: Buffer;
  /** The page's sequence number in its logical stream (0 and 1 are Opus's two header pages). */
  seq: number;
}

export class OggPages {
  private buf: Buffer = Buffer.alloc(0);

  /** The pages completed by this chunk (a page cut across chunks waits for the rest). */
  push(chunk: Buffer): OggPage[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: OggPage[] = [];
    for (let n = 0; n < 10_000; n++) {
      const page = this.next();
      if (!page) break;
      out.push(page);
    }
    return out;
  }

  private next(): OggPage | undefined {
    const at = this.buf.indexOf(CAPTURE);
    if (at < 0) {
      // keep a possible partial capture pattern at the end
      this.buf = this.buf.subarray(Math.max(0, this.buf.length - 3));
      return undefined;
    }
    if (at > 0) this.buf = this.buf.subarray(at);
    if (this.buf.length < HEADER) return undefined;
    const segments = this.buf[26] as number;
    if (this.buf.length < HEADER + segments) return undefined;
    let size = HEADER + segments;
    for (let i = 0; i < segments; i++) size += this.buf[HEADER + i] as number;
    if (this.buf.length < size) return undefined;
    const data = Buffer.from(this.buf.subarray(0, size));
    this.buf = this.buf.subarray(size);
    return { data, seq: data.readUInt32LE(18) };
  }
}
