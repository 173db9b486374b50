/**
 * Splits a live WebM stream (Matroska, as ffmpeg's webm muxer writes it to a pipe) into its
 * header — the EBML header, the Segment's start and every element before the first Cluster
 * (Info, Tracks: what a decoder needs first) — and then whole Clusters, so a listener can join
 * at any cluster and a slow link can drop whole clusters. An element is an ID (1–4 bytes, its
 * length in the first byte's leading zeros), a size (1–8 bytes, same rule, marker bit masked;
 * all ones: unknown) and its data (Matroska, RFC 9559 §4).
 */

const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
/** A cluster larger than this is not a 200 ms cluster of low-rate audio: the stream is refused. */
const MAX_ELEMENT = 1024 * 1024;

export interface WebmChunk {
  data: Buffer;
  /** The stream's header (once, first): a listener needs it before any cluster. */
  header: boolean;
}

interface Head {
  id: number;
  /** Bytes of ID and size. */
  len: number;
  /** Data bytes; undefined: unknown (a live Segment). */
  size: number | undefined;
}

function vint(b: Buffer, at: number, keepMarker: boolean): { value: number; len: number } | undefined {
  const first = b[at];
  if (first === undefined) return undefined;
  const len = Math.clz32(first) - 23;
  if (len < 1 || len > 8) throw new Error(`webm: bad element length byte ${first} at ${at}`);
  if (at + len > b.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> len);
  let allOnes = value === 0xff >> len;
  for (let i = 1; i < len; i++) {
    const x = b[at + i] as number;
    value = value * 256 + x;
    allOnes &&= x === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, len };
}

function head(b: Buffer, at: number): Head | undefined {
  const id = vint(b, at, true);
  if (!id) return undefined;
  const size = vint(b, at + id.len, false);
  if (!size) return undefined;
  return { id: id.value, len: id.len + size.len, size: size.value < 0 ? undefined : size.value };
}

export class WebmChunks {
  private buf: Buffer = Buffer.alloc(0);
  /** Where parsing stands in buf (the header is kept whole until the first cluster). */
  private at = 0;
  private headerDone = false;

  push(chunk: Buffer): WebmChunk[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: WebmChunk[] = [];
    for (let n = 0; n < 10_000; n++) {
      const c = this.next();
      if (c === undefined) break;
      if (c !== 'more') out.push(c);
    }
    return out;
  }

  /** The next chunk; 'more': an element was passed over; undefined: wait for more bytes. */
  private next(): WebmChunk | 'more' | undefined {
    const h = head(this.buf, this.at);
    if (!h) return undefined;
    if (h.size !== undefined && h.size > MAX_ELEMENT)
      throw new Error(`webm: element 0x${h.id.toString(16)} of ${h.size} bytes`);
    if (h.id === SEGMENT) {
      this.at += h.len; // into the (live, unknown-size) Segment: its children follow
      return 'more';
    }
    // everything before the first cluster is the header
    if (h.id === CLUSTER && !this.headerDone) return this.cut(this.at, true);
    if (h.size === undefined) throw new Error(`webm: element 0x${h.id.toString(16)} of unknown size`);
    const end = this.at + h.len + h.size;
    if (end > this.buf.length) return undefined;
    this.at = end;
    if (h.id === CLUSTER) return this.cut(end, false);
    // after the header, anything but a cluster (Cues, Tags at the end) is dropped
    if (this.headerDone) this.cut(end, false);
    return 'more';
  }

  /** The bytes up to `end` as one chunk, removed from the buffer. */
  private cut(end: number, header: boolean): WebmChunk {
    const data = Buffer.from(this.buf.subarray(0, end));
    this.buf = this.buf.subarray(end);
    this.at = 0;
    if (header) this.headerDone = true;
    return { data, header };
  }
}
