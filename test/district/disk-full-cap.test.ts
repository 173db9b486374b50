/**
 * CAP alerts at a hub whose disk is full, on a real 12 MB tmpfs in a private mount namespace:
 * the real hub daemon with its CAP intake (HTTP, a drop folder, a polled feed) inside it, a real station
 * dialling in. An alert the hub cannot store is refused to its sender in so many words (HTTP
 * 507, "not stored and not broadcast"), nothing of it is kept or sent to a station, and the
 * alerts already stored can still be read; a dropped file stays in the folder and a feed's
 * document is asked for again. Once space returns the same alert airs (it is not taken for a
 * duplicate), the dropped file and the feed's document are taken in, and the database passes
 * SQLite's integrity check.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capXml, PLACES } from '../cap/samples.js';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { openSmallFs, type SmallFs } from '../helpers/small-fs.js';
import { HUB_ENV, LINK_ENV, startStation, uplink } from '../link/helpers.js';

const require = createRequire(import.meta.url);
const fs = await openSmallFs(12);
const skip = 'skip' in fs ? fs.skip : undefined;
const TOKEN = 'tinh-thua-thien-hue-0123456789abcdef';

interface Posted {
  status: number;
  json: Record<string, unknown>;
}

/** A province's ATOM feed on loopback: the documents listed in `docs` (path → CAP XML). */
async function provinceFeed() {
  const docs = new Map<string, string>();
  const atom = () =>
    `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:t</id><title>t</title><updated>2026-12-05T03:00:00Z</updated>${[
      ...docs.keys(),
    ]
      .map(
        (p) =>
          `<entry><id>${p}</id><title>${p}</title><updated>2026-12-05T03:00:00Z</updated><link href="${p}"/></entry>`,
      )
      .join('')}</feed>`;
  const server = createServer((req, res) => {
    const body = req.url === '/feed.atom' ? atom() : docs.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.atom`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { docs, url, close };
}

describe.skipIf(skip)('CAP at a hub with its disk full (tmpfs in a private mount namespace)', () => {
  let hub: HubProc | undefined;
  let station: Daemon | undefined;
  let relay: Relay | undefined;
  let feed: Awaited<ReturnType<typeof provinceFeed>> | undefined;
  afterEach(async () => {
    await feed?.close();
    await station?.stop();
    await hub?.stop();
    await relay?.close();
    if (!skip) await (fs as SmallFs).close();
  });

  it('refuses an alert it cannot store with a clear error, keeps nothing of it, airs it once space returns', async () => {
    const small = fs as SmallFs;
    const hubDir = join(small.path, 'hub');
    const drop = join(tempDir(), 'drop'); // another disk than the hub's (a share, say): it has room
    mkdirSync(join(small.outside, 'hub'), { mode: 0o750 });
    // minFreeMB 0: only a write that fails for want of space trips the guard (SQLITE_FULL)
    writeFileSync(join(small.outside, 'hub', 'retention.json'), JSON.stringify({ minFreeMB: 0 }));
    feed = await provinceFeed();
    const f = feed;
    const cap = {
      schema: 1,
      listen: '127.0.0.1:0',
      tokens: [TOKEN],
      stations: PLACES,
      dropDir: drop,
      feeds: [{ url: f.url, intervalS: 1 }],
    };
    writeFileSync(join(small.outside, 'hub', 'cap.json'), JSON.stringify(cap));
    hub = await startHub(hubDir, HUB_ENV, (cmd, args, opts) => small.ns.spawn(cmd, args, opts));
    const h = hub;
    const capUrl = /"cap":"([^"]+)"/.exec(h.output.find((l) => l.includes('"msg":"ready"')) ?? '')?.[1];
    const post = async (xml: string): Promise<Posted> => {
      const r = await fetch(capUrl as string, {
        method: 'POST',
        body: xml,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    const alertIds = async () => {
      const r = await fetch(`${capUrl}/alerts`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return ((await r.json()) as { alerts: { identifier: string }[] }).alerts.map((a) => a.identifier);
    };
    relay = new Relay(h.port);
    await relay.listen();
    const dir = tempDir();
    mkdirSync(join(dir, 'xa-a'), { recursive: true });
    const audio = {
      schema: 1,
      sink: { kind: 'wav', path: join(dir, 'xa-a.wav') },
      monitor: { enabled: false },
    };
    writeFileSync(
      join(dir, 'xa-a', 'audio.json'),
      JSON.stringify({ ...audio, onAirLog: { enabled: false } }),
    );
    station = await startStation(dir, 'xa-a', relay, LINK_ENV);
    const s = station;
    await pollUntil(async () => (await uplink({ station: s })).link === 'up', 30_000);

    expect((await post(capXml({ identifier: 'before-1', status: 'Test' }))).status).toBe(200);
    small.fill();
    // test alerts (recorded, never broadcast) until the disk refuses one: bounded
    let refused: Posted | undefined;
    for (let i = 0; i < 400 && !refused; i++) {
      const r = await post(
        capXml({ identifier: `fill-${i}`, status: 'Test', description: 'x'.repeat(4000) }),
      );
      if (r.status === 507) refused = r;
      else expect(r.status).toBe(200);
    }
    expect(refused?.json).toMatchObject({ code: 'STORAGE_FULL' });
    expect(String(refused?.json.error)).toMatch(
      /CAP alert "fill-\d+" from .* not stored and not broadcast: the hub's disk is full/,
    );

    // a real alert for xa-a: refused at once, nothing kept, nothing sent
    const flood = capXml({ identifier: 'flood-1' });
    const r1 = await post(flood);
    expect(r1.status).toBe(507);
    expect(String(r1.json.error)).toMatch(
      /CAP alert "flood-1" .*not stored and not broadcast.*send it again once the hub has space/,
    );
    const ids = await alertIds();
    expect(ids).toContain('before-1'); // reads work
    expect(ids).not.toContain('flood-1');
    const cmds = await districtJson<{ method: string }[]>(h.port, 'commands', '--station', 'xa-a');
    expect(cmds.filter((c) => c.method === 'bulletin.text')).toEqual([]);
    // the drop folder keeps a file it cannot store (not moved to refused/)
    writeFileSync(join(drop, 'flood-2.xml'), capXml({ identifier: 'flood-2', status: 'Test' }));
    await pollUntil(
      async () => h.output.some((l) => /CAP file flood-2\.xml not stored: left in the drop folder/.test(l)),
      30_000,
    );
    expect(existsSync(join(drop, 'flood-2.xml'))).toBe(true);
    expect(existsSync(join(drop, 'refused', 'flood-2.xml'))).toBe(false);

    // the feed lists a new document: not stored, asked for again at the next polls
    f.docs.set('/feed-1.xml', capXml({ identifier: 'feed-1', status: 'Test' }));
    await pollUntil(
      async () => h.output.some((l) => /CAP from feed not stored: asked again next poll/.test(l)),
      30_000,
    );
    expect(await alertIds()).not.toContain('feed-1');

    small.free();
    await pollUntil(async () => {
      const st = await districtJson<{ writesRefused: boolean }>(h.port, 'db', 'status');
      return !st.writesRefused;
    }, 30_000);
    const r2 = await post(flood);
    expect(r2.status).toBe(200);
    expect(r2.json).toMatchObject({ outcome: 'aired', stations: ['xa-a'] });
    const sent = await pollUntil(async () => {
      const c = await districtJson<{ method: string; status: string }[]>(
        h.port,
        'commands',
        '--station',
        'xa-a',
      );
      return c.find((x) => x.method === 'bulletin.text' && x.status !== 'pending') ?? false;
    }, 30_000);
    expect(sent.status).not.toBe('pending');
    await pollUntil(async () => existsSync(join(drop, 'done', 'flood-2.xml')), 30_000);
    await pollUntil(async () => (await alertIds()).includes('feed-1'), 30_000);
    expect(await h.stop()).toBe(0);
    hub = undefined;
    const check = await small.ns.exec(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); process.stdout.write(String(new D(${JSON.stringify(join(hubDir, 'district.sqlite'))}).pragma('integrity_check', { simple: true })))`,
    ]);
    expect(check).toMatchObject({ code: 0, stdout: 'ok' });
  }, 240_000);
});
