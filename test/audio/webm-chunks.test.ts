/**
 * The listen-in encoder's WebM cutter on real ffmpeg output (libopus, live WebM, 200 ms
 * clusters): the header then whole clusters, the same however the pipe splits the bytes, and
 * a joiner's stream (header + later clusters) that ffmpeg decodes.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WebmChunks } from '../../src/audio/webm-chunks.js';

const LIVE_WEBM = [
  '-loglevel',
  'error',
  '-f',
  'lavfi',
  '-i',
  'sine=f=1000:r=48000:d=3',
  '-ac',
  '1',
  '-c:a',
  'libopus',
  '-b:a',
  '16k',
  '-cluster_time_limit',
  '200',
  '-live',
  '1',
  '-f',
  'webm',
  'pipe:1',
];

describe('WebM cut into header and clusters', () => {
  const webm = execFileSync('ffmpeg', LIVE_WEBM);

  it('gives the header, then whole clusters, whatever the pipe reads', () => {
    const whole = new WebmChunks().push(webm);
    expect(whole[0]?.header).toBe(true);
    expect(whole[0]?.data.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(whole[0]?.data.includes('OpusHead')).toBe(true);
    const clusters = whole.slice(1);
    // 3 s in clusters of ≤ 200 ms
    expect(clusters.length).toBeGreaterThanOrEqual(14);
    for (const c of clusters) {
      expect(c.header).toBe(false);
      expect(c.data.subarray(0, 4).toString('hex')).toBe('1f43b675');
    }
    // byte by odd-sized reads: the same chunks
    const cutter = new WebmChunks();
    const pieces = [];
    for (let at = 0; at < webm.length; at += 7) pieces.push(...cutter.push(webm.subarray(at, at + 7)));
    expect(pieces.map((c) => c.data.toString('hex'))).toEqual(whole.map((c) => c.data.toString('hex')));
  });

  it('a listener joining later (the header, then a later cluster) decodes', () => {
    const [header, ...clusters] = new WebmChunks().push(webm);
    const joined = Buffer.concat([header?.data ?? Buffer.alloc(0), ...clusters.slice(8).map((c) => c.data)]);
    const pcm = execFileSync(
      'ffmpeg',
      ['-loglevel', 'error', '-i', 'pipe:0', '-f', 's16le', '-ac', '1', 'pipe:1'],
      {
        input: joined,
      },
    );
    // ≥ 1 s of audio from the clusters after the eighth
    expect(pcm.length / 2 / 48_000).toBeGreaterThan(1);
  });

  it('refuses a stream it cannot cut (an element too large for low-rate audio)', () => {
    const bad = Buffer.from('1a45dfa3' + '08' + 'ffffffffffffff', 'hex');
    expect(() => new WebmChunks().push(bad)).toThrow(/webm: element 0x1a45dfa3 of \d+ bytes/);
  });
});
