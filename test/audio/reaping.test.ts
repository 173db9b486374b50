import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

/** pid → [ppid, state] for every process. */
function table(): Map<number, [number, string]> {
  const t = new Map<number, [number, string]>();
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      t.set(Number(p), [Number(rest[1]), rest[0] as string]);
    } catch {
      // gone meanwhile
    }
  }
  return t;
}

function descendants(root: number): number[] {
  const t = table();
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [p, [pp]] of t)
      if (pp === pid) {
        out.push(p);
        walk(p);
      }
  };
  walk(root);
  return out;
}

const comm = (pid: number) =>
  existsSync(`/proc/${pid}/comm`) ? readFileSync(`/proc/${pid}/comm`, 'utf8').trim() : '';
const running = (pid: number) => {
  const s = table().get(pid);
  return s !== undefined && s[1] !== 'Z';
};

/** A server that accepts and never answers (a dead link), optionally after HTTP headers. */
function deadServer(headers: string | undefined): Promise<{ server: Server; port: number; socks: Socket[] }> {
  const socks: Socket[] = [];
  const server = createServer((s) => {
    socks.push(s);
    s.on('error', () => undefined);
    if (headers) s.write(headers);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, port: typeof a === 'object' && a ? a.port : 0, socks });
    }),
  );
}

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function busyStation(): Promise<{ d: Daemon; kids: number[] }> {
  const dir = tempDir('loa-reap-');
  makeTone(join(dir, 'b.mp3'), { hz: 440, seconds: 30 });
  writeFileSync(join(dir, 'audio.json'), JSON.stringify({ schema: 1, monitor: { enabled: false } }));
  const http = await deadServer('HTTP/1.0 200 OK\r\nContent-Type: audio/mpeg\r\n\r\n');
  const rtsp = await deadServer(undefined);
  const d = await startDaemon(['--profile', 'sim', '--data-dir', dir]);
  cleanup.push(() => {
    for (const s of [...http.socks, ...rtsp.socks]) s.destroy();
    http.server.close();
    rtsp.server.close();
  });
  cleanup.push(async () => {
    await d.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  // a file decoder (armed, blocked on a full pipe), an HTTP decoder fed by us (stalled link),
  // an ffmpeg hanging in an RTSP handshake (watchdog), and the on-air log encoder
  expect((await d.ctl('fallback', 'add', join(dir, 'b.mp3'))).code).toBe(0);
  expect((await d.ctl('play', `http://127.0.0.1:${http.port}/live`)).code).toBe(0);
  expect((await d.ctl('play', `rtsp://127.0.0.1:${rtsp.port}/live`, '--slot', 'emergency')).code).toBe(0);
  const pid = d.proc.pid as number;
  const kids = await pollUntil(async () => {
    const k = descendants(pid);
    return k.filter((p) => comm(p) === 'ffmpeg').length >= 4 ? k : undefined;
  }, 15_000);
  expect(kids.map(comm)).toContain('sh'); // the watchdog
  return { d, kids };
}

describe('children are reaped', () => {
  it('kill -9 of the daemon leaves no ffmpeg running', async () => {
    const { d, kids } = await busyStation();
    process.kill(d.proc.pid as number, 'SIGKILL');
    const left = await pollUntil(async () => {
      const alive = kids.filter(running);
      return alive.length === 0 ? [] : undefined;
    }, 5000).catch(() => kids.filter(running).map((p) => `${p} ${comm(p)}`));
    expect(left).toEqual([]);
  });

  it('SIGTERM stops every child before the daemon exits', async () => {
    const { d, kids } = await busyStation();
    expect(await d.stop('SIGTERM')).toBe(0);
    expect(kids.filter(running).map((p) => `${p} ${comm(p)}`)).toEqual([]);
  });
});
