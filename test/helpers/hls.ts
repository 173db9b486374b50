/**
 * A live HLS stream as a provincial station publishes one: ffmpeg writing a live playlist and
 * its segments (AAC or MP3 in MPEG-TS, `hls_time` s each, a `listSize`-segment window) into a
 * temp directory, served by Node's own HTTP server on loopback. The test can break it the way
 * a CDN or an encoder breaks: freeze the playlist (a hung encoder still serving its last
 * playlist), fail playlist reloads (HTTP 503), lose the next segment (404), or restart the
 * encoder (kill -9 and start again appending to the playlist: #EXT-X-DISCONTINUITY).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { stopProc } from './icecast.js';
import { tempDir } from './sim-station.js';

export interface HlsOptions {
  hz?: number;
  codec?: 'aac' | 'mp3';
  segmentS?: number;
  listSize?: number;
}

export class HlsStream {
  readonly dir = tempDir('loa-hls-');
  port = 0;
  private writer: ChildProcess | undefined;
  private readonly server: Server;
  private frozen: string | undefined;
  private playlistErrors = 0;
  private loseNext = false;
  private readonly seen = new Set<string>();
  private readonly gone = new Set<string>();
  /** Playlist and segment requests answered, for the test's assertions. */
  readonly served = { playlists: 0, segments: 0, errors: 0 };

  constructor(private readonly o: HlsOptions = {}) {
    this.server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0]?.slice(1) ?? '';
      const file = join(this.dir, name);
      if (name.endsWith('.m3u8')) {
        if (this.playlistErrors > 0) {
          this.playlistErrors--;
          this.served.errors++;
          res.writeHead(503).end('busy');
          return;
        }
        this.served.playlists++;
        const text = this.frozen ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
        if (text === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'application/vnd.apple.mpegurl' }).end(text);
        return;
      }
      if (this.loseNext && !this.seen.has(name)) {
        this.loseNext = false;
        this.gone.add(name);
      }
      this.seen.add(name);
      if (this.gone.has(name) || !existsSync(file)) {
        this.served.errors++;
        res.writeHead(404).end();
        return;
      }
      this.served.segments++;
      res.writeHead(200, { 'content-type': 'video/mp2t' }).end(readFileSync(file));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/live.m3u8`;
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
    this.encode(this.o.hz ?? 1000);
    await this.until(() => this.segmentsListed() >= (this.o.listSize ?? 5), 30_000);
  }

  /** Segments in the playlist on disk now. */
  segmentsListed(): number {
    const f = join(this.dir, 'live.m3u8');
    return existsSync(f) ? (readFileSync(f, 'utf8').match(/^#EXTINF/gm) ?? []).length : 0;
  }

  freeze(): void {
    this.frozen = readFileSync(join(this.dir, 'live.m3u8'), 'utf8');
  }

  unfreeze(): void {
    this.frozen = undefined;
  }

  failPlaylist(times: number): void {
    this.playlistErrors = times;
  }

  loseNextSegment(): void {
    this.loseNext = true;
  }

  /** The encoder crashes and is restarted (by its supervisor), now playing `hz`. */
  async restartEncoder(hz: number): Promise<void> {
    if (this.writer) await stopProc(this.writer, 'SIGKILL');
    this.encode(hz);
  }

  async stop(): Promise<void> {
    if (this.writer) await stopProc(this.writer);
    await new Promise<void>((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }

  private encode(hz: number): void {
    const codec = this.o.codec === 'mp3' ? ['-c:a', 'libmp3lame'] : ['-c:a', 'aac'];
    this.writer = spawn(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-re',
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${hz}:sample_rate=44100`,
      ]
        .concat(['-ac', '2', ...codec, '-b:a', '64k', '-f', 'hls', '-hls_time', String(this.o.segmentS ?? 2)])
        .concat(['-hls_list_size', String(this.o.listSize ?? 5)])
        .concat(['-hls_flags', 'delete_segments+append_list+temp_file', '-hls_delete_threshold', '3'])
        .concat(['-hls_segment_filename', join(this.dir, 'seg%05d.ts'), join(this.dir, 'live.m3u8')]),
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }

  private async until(fn: () => boolean, ms: number): Promise<void> {
    const end = Date.now() + ms;
    for (let i = 0; Date.now() < end && i < 1000; i++) {
      if (fn()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`HLS writer: no ${this.o.listSize ?? 5}-segment playlist within ${ms} ms`);
  }
}
