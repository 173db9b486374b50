/**
 * A real RTSP server on loopback for the transport tests: GStreamer's gst-rtsp-server run by
 * rtsp-server.py under Debian's own python3 (python3-gi lives there, not in a pyenv), serving
 * a live tone at rtsp://127.0.0.1:PORT/live. ffmpeg cannot be that server: its RTSP listen
 * mode only accepts a publisher (ANNOUNCE/RECORD), never a player (DESCRIBE/PLAY).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopProc } from './icecast.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'rtsp-server.py');
const PYTHON = '/usr/bin/python3';

export interface RtspOptions {
  /** aac: RFC 3640 mpeg4-generic (what broadcasters' encoders send); mp3: RFC 2250 MPA. */
  codec?: 'aac' | 'mp3';
  /** The lower transports the server accepts in SETUP. */
  transports?: 'tcp' | 'udp' | 'tcp+udp';
  hz?: number;
  /** A fixed port (to come back on the same URL); default a free one chosen by the server. */
  port?: number;
}

export interface RtspServer {
  port: number;
  url: string;
  proc: ChildProcess;
  /** SIGSTOP: the connection stays open and nothing more arrives (a hung encoder or link). */
  freeze(): void;
  stop(): Promise<void>;
}

export async function startRtsp(o: RtspOptions = {}): Promise<RtspServer> {
  const args = [SCRIPT, String(o.port ?? 0), o.codec ?? 'aac', o.transports ?? 'tcp', String(o.hz ?? 1000)];
  const proc = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr?.on('data', (b: Buffer) => {
    err = (err + b.toString()).slice(-2000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => fail('no "listening" line in 20 s'), 20_000);
    function fail(why: string): void {
      clearTimeout(t);
      proc.kill('SIGKILL');
      reject(
        new Error(
          `rtsp-server.py: ${why} (packages: bash scripts/ensure-system.sh --test); stderr: ${err.trim()}`,
        ),
      );
    }
    proc.once('error', (e) => fail(e.message));
    proc.once('exit', (code) => fail(`exited ${code}`));
    proc.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^listening (\d+) /m.exec(out);
      if (!m) return;
      clearTimeout(t);
      proc.removeAllListeners('exit');
      resolve(Number(m[1]));
    });
  });
  return {
    port,
    url: `rtsp://127.0.0.1:${port}/live`,
    proc,
    freeze: () => proc.kill('SIGSTOP'),
    async stop() {
      // a stopped process does not act on SIGTERM until continued
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGCONT');
      await stopProc(proc);
    },
  };
}
