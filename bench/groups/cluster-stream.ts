/** Bytes per second of a stream as a station pulls it: ffmpeg (the station's decoder) through a counting relay. */
import { spawn } from 'node:child_process';
import { Relay } from '../../test/helpers/link-relay.js';

export async function streamBytesPerSecond(icePort: number, mount: string, seconds: number): Promise<number> {
  const relay = new Relay(icePort);
  await relay.listen();
  const ff = spawn(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', `http://${relay.address}/${mount}`, '-f', 'null', '-'],
    { stdio: 'ignore' },
  );
  try {
    // past Icecast's connect burst (burst-size 64 KiB), then count the steady flow
    await new Promise((r) => setTimeout(r, 5000));
    const from = relay.bytesDown;
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return ((relay.bytesDown - from) * 1000) / (performance.now() - t0);
  } finally {
    ff.kill('SIGTERM');
    await relay.close();
  }
}
