/**
 * A real Icecast server (Debian's icecast2) on 127.0.0.1 and a free port, with its XML config
 * in a temp dir, plus ffmpeg "studio" feeders pushing known tones to it. As root, Icecast
 * refuses to run without <changeowner>, so it drops to the icecast2 user (as the Debian
 * package's own config does) and its log dir is handed to that user.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { tempDir } from './sim-station.js';

export interface Icecast {
  port: number;
  url(mount: string): string;
  /** Starts an ffmpeg source on `mount` playing `graph` (lavfi), resolves once listeners get it. */
  feed(mount: string, graph: string): Promise<Feeder>;
  stop(): Promise<void>;
}

export interface Feeder {
  proc: ChildProcess;
  stop(): Promise<void>;
}

function config(port: number, dir: string): string {
  const asRoot = process.getuid?.() === 0;
  return `<icecast>
  <limits><clients>20</clients><sources>8</sources><queue-size>524288</queue-size><client-timeout>30</client-timeout><header-timeout>15</header-timeout><source-timeout>3</source-timeout><burst-size>65535</burst-size></limits>
  <authentication><source-password>src</source-password><admin-user>admin</admin-user><admin-password>adm</admin-password></authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>${port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <fileserve>1</fileserve>
  <paths><basedir>/usr/share/icecast2</basedir><logdir>${dir}</logdir><webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
  <security><chroot>0</chroot>${asRoot ? '<changeowner><user>icecast2</user><group>icecast</group></changeowner>' : ''}</security>
</icecast>
`;
}

/** GET the URL and report the status code (any body is discarded). */
export function httpStatus(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.setTimeout(timeoutMs, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function until(what: string, fn: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline && i < 1000; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

export function stopProc(p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => p.kill('SIGKILL'), 3000);
    p.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    p.kill(signal);
  });
}

export async function startIcecast(): Promise<Icecast> {
  const dir = tempDir('loa-ice-');
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'icecast2']).toString().trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const port = await freePort();
  const cfg = join(dir, 'icecast.xml');
  writeFileSync(cfg, config(port, dir));
  const proc = spawn('icecast2', ['-c', cfg], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await until('icecast', async () => (await httpStatus(`${base}/status-json.xsl`)) === 200, 10_000);
  const feeders = new Set<ChildProcess>();
  return {
    port,
    url: (mount) => `${base}/${mount}`,
    async feed(mount, graph) {
      const p = spawn(
        'ffmpeg',
        ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', graph, '-ac', '2']
          .concat(['-c:a', 'libmp3lame', '-b:a', '64k', '-content_type', 'audio/mpeg', '-f', 'mp3'])
          .concat([`icecast://source:src@127.0.0.1:${port}/${mount}`]),
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      feeders.add(p);
      await until(`mount /${mount}`, async () => (await httpStatus(`${base}/${mount}`)) === 200, 10_000);
      return {
        proc: p,
        stop: async () => {
          await stopProc(p);
          feeders.delete(p);
        },
      };
    },
    async stop() {
      for (const f of feeders) await stopProc(f);
      await stopProc(proc);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
