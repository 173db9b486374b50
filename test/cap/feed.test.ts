/**
 * CAP by feed polling, real parts: a real HTTP server on loopback publishes an ATOM index of
 * CAP documents (with ETag and Last-Modified) and a single CAP document; the real hub polls
 * them (cap.json `feeds`, 1 s) and a real sim station speaks what its area covers. An alert
 * appears in the feed → on air; the unchanged feed costs 304s and no document is fetched
 * twice; a Cancel in the feed stops it on air; an invalid document is an alarm; the feed
 * going down is an alarm, retried with backoff, and its return is recorded.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { goertzel, readWav } from '../helpers/tones.js';
import { HUB_ENV, LINK_ENV, startStation, toneFile, uplink } from '../link/helpers.js';
import { capXml, PLACES, XXE } from './samples.js';

const TOKEN = 'tinh-thua-thien-hue-0123456789abcdef';
const SENDER = 'kttv-hue@example.vn';

/** The province's feed: documents by path, an ATOM index over `entries`, request log. */
class Province {
  docs = new Map<string, string | Buffer>();
  entries: string[] = [];
  requests: Array<{ path: string; ifNoneMatch?: string; status: number }> = [];
  private server: Server | undefined;
  port = 0;

  atom(): string {
    const e = this.entries
      .map(
        (p) => `<entry><id>${p}</id><title>${p}</title><updated>2026-12-05T03:00:00Z</updated>
        <link rel="alternate" type="application/cap+xml" href="${p}"/></entry>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:kttv-hue</id><title>KTTV Huế</title><updated>2026-12-05T03:00:00Z</updated>${e}</feed>`;
  }

  async listen(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      const body = path === '/feed.atom' ? this.atom() : this.docs.get(path);
      const etag = body === undefined ? '' : `"${Buffer.byteLength(body)}-${this.entries.length}"`;
      const inm = req.headers['if-none-match'];
      const status = body === undefined ? 404 : inm === etag ? 304 : 200;
      this.requests.push({ path, status, ...(inm ? { ifNoneMatch: inm } : {}) });
      res.writeHead(status, status === 200 ? { etag, 'last-modified': 'Sat, 05 Dec 2026 03:00:00 GMT' } : {});
      res.end(status === 200 ? body : undefined);
    });
    await new Promise<void>((r) => this.server?.listen(port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
    this.server = undefined;
  }
}

let dir: string;
let hub: HubProc;
let relay: Relay;
let capUrl: string;
let station: Daemon;
const province = new Province();

interface Emg {
  active: boolean;
  tier?: string;
  commandId?: string;
  last?: { reason: string };
}
const emergency = async () => JSON.parse((await station.ctl('--json', 'emergency', 'status')).stdout) as Emg;
const feeds = async () => {
  const r = await fetch(capUrl.replace(/\/cap$/, '/cap/feeds'), {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return (
    (await r.json()) as {
      feeds: Array<{ url: string; ok: boolean | null; failures: number; nextPollInMs: number }>;
    }
  ).feeds;
};
const capList = async () => (await districtctl(hub.port, 'cap', 'list')).stdout;

beforeAll(async () => {
  dir = tempDir('loa-cap-feed-');
  await province.listen();
  province.docs.set('/single.xml', capXml({ identifier: 'single-1', status: 'Test' }));
  mkdirSync(join(dir, 'hub'), { recursive: true });
  const base = `http://127.0.0.1:${province.port}`;
  const cfg = {
    schema: 1,
    listen: '127.0.0.1:0',
    tokens: [TOKEN],
    stations: PLACES,
    feeds: [
      { url: `${base}/feed.atom`, intervalS: 1 },
      { url: `${base}/single.xml`, intervalS: 1 },
    ],
  };
  writeFileSync(join(dir, 'hub', 'cap.json'), JSON.stringify(cfg));
  hub = await startHub(join(dir, 'hub'), HUB_ENV);
  const ready = hub.output.find((l) => l.includes('"msg":"ready"')) ?? '';
  capUrl = /"cap":"([^"]+)"/.exec(ready)?.[1] ?? '';
  relay = new Relay(hub.port);
  await relay.listen();
  mkdirSync(join(dir, 'xa-a'), { recursive: true });
  const audio = {
    schema: 1,
    sink: { kind: 'wav', path: join(dir, 'xa-a.wav') },
    monitor: { enabled: false },
  };
  writeFileSync(join(dir, 'xa-a', 'audio.json'), JSON.stringify({ ...audio, onAirLog: { enabled: false } }));
  station = await startStation(dir, 'xa-a', relay, LINK_ENV);
  await pollUntil(async () => (await uplink({ station })).link === 'up', 20_000);
}, 120_000);
afterAll(async () => {
  await station?.stop();
  await hub?.stop();
  await relay?.close();
  await province.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CAP feed polling at the hub', () => {
  it('a single CAP document URL is taken in (a Test alert: recorded, not broadcast)', async () => {
    const out = await pollUntil(
      async () => ((await capList()).includes('single-1') ? capList() : undefined),
      30_000,
    );
    expect(out).toMatch(/single-1 .*not-aired: status Test: recorded, not broadcast/);
  });

  it('an alert published in the ATOM feed goes on air; an unchanged feed costs 304s', async () => {
    province.docs.set(
      '/alerts/lu-1.xml',
      capXml({
        identifier: 'feed-lu-1',
        description: 'Mưa lớn 150-200mm, nước sông dâng nhanh. '.repeat(12),
      }),
    );
    province.entries.push('/alerts/lu-1.xml');
    const on = await pollUntil(async () => {
      const e = await emergency();
      return e.active && e.tier === 'emergency' ? e : undefined;
    }, 60_000);
    expect(on.commandId).toBeTruthy();
    expect(await capList()).toMatch(/feed-lu-1 +emergency → xa-a +aired/);
    // later polls send the new ETag back and get 304; the document was fetched once
    const etagOf1 = (r: { status: number; ifNoneMatch?: string }) =>
      r.status === 304 && /^"\d+-1"$/.test(r.ifNoneMatch ?? '');
    await pollUntil(async () => province.requests.some(etagOf1), 20_000);
    expect(province.requests.filter((r) => r.path === '/alerts/lu-1.xml')).toHaveLength(1);
  });

  it('a Cancel in the feed stops the alert on air', async () => {
    province.docs.set(
      '/alerts/lu-1-cancel.xml',
      capXml({
        identifier: 'feed-lu-1-cancel',
        msgType: 'Cancel',
        references: `${SENDER},feed-lu-1,2026-12-05T10:00:00+07:00`,
      }),
    );
    province.entries.push('/alerts/lu-1-cancel.xml');
    const off = await pollUntil(async () => {
      const e = await emergency();
      return !e.active && e.last ? e : undefined;
    }, 60_000);
    expect(off.last?.reason).toBe('stopped');
    expect(await capList()).toMatch(/feed-lu-1-cancel +→ xa-a +cancelled: stopped on xa-a/);
  });

  it('an invalid document in the feed is an alarm; nothing is played', async () => {
    province.docs.set('/alerts/bad.xml', XXE);
    province.entries.push('/alerts/bad.xml');
    const out = await pollUntil(
      async () => ((await capList()).includes('feed-invalid') ? capList() : undefined),
      30_000,
    );
    expect(out).toMatch(/feed-invalid: CAP message refused: a DOCTYPE declaration is not allowed/);
    expect((await emergency()).active).toBe(false);
  });

  it('a feed that goes down is an alarm, retried with backoff; its return is recorded', async () => {
    const port = province.port;
    await province.close();
    const down = await pollUntil(async () => {
      const f = (await feeds()).find((x) => x.url.endsWith('/feed.atom'));
      return f && f.ok === false && f.failures >= 2 ? f : undefined;
    }, 30_000);
    expect(down.nextPollInMs).toBeGreaterThanOrEqual(4000); // 1 s doubled per failure
    expect(await capList()).toMatch(/feed-unreachable: http:\/\/127\.0\.0\.1:\d+\/feed\.atom: ECONNREFUSED/);
    await province.listen(port);
    await pollUntil(async () => ((await capList()).includes('feed-recovered') ? true : undefined), 60_000);
    expect((await feeds()).every((f) => f.ok)).toBe(true);
  }, 90_000);
});

interface Entry {
  tier: string;
  end?: number;
  endReason?: string;
  speech?: { engine: string; recording?: string; recordingError?: string; textSha256: string };
}
const playLog = async () => JSON.parse((await station.ctl('--json', 'play-log')).stdout) as Entry[];
const hash = (alg: string, b: Buffer) => createHash(alg).update(b).digest('hex');
async function post(xml: string): Promise<Record<string, unknown>> {
  const r = await fetch(capUrl, { method: 'POST', body: xml, headers: { authorization: `Bearer ${TOKEN}` } });
  return (await r.json()) as Record<string, unknown>;
}
const resource = (o: { size: number; digest: string; uri?: string; deref?: string }) =>
  `<resource><resourceDesc>Bản tin ghi âm</resourceDesc><mimeType>audio/x-wav</mimeType><size>${o.size}</size>${
    o.uri ? `<uri>${o.uri}</uri>` : ''
  }${o.deref ? `<derefUri>${o.deref}</derefUri>` : ''}<digest>${o.digest}</digest></resource>`;
/** 20 ms windows where 700 Hz (the recording's tone) clearly dominates. */
function windowsAt700(file: string): number {
  const p = readWav(file);
  const win = Math.round(p.rate * 0.02);
  let n = 0;
  for (let i = 0; i + win <= p.data.length / p.channels; i += win) if (goertzel(p, i, win, 700) > 0.02) n++; // ffmpeg sine: amplitude 1/8 → ≈ 0.06
  return n;
}

describe('CAP audio resource', () => {
  it('a checked recording is played in place of the speech; a bad one is spoken instead', async () => {
    const wav = readFileSync(toneFile(join(dir, 'rec.wav'), 3, 700));
    province.docs.set('/audio/rec.wav', wav);
    const before = windowsAt700(join(dir, 'xa-a.wav'));
    const priority = { urgency: 'Expected', severity: 'Moderate', certainty: 'Likely' };
    const uri = `http://127.0.0.1:${province.port}/audio/rec.wav`;
    const ok = await post(
      capXml({
        identifier: 'rec-1',
        ...priority,
        resource: resource({ size: wav.length, digest: hash('sha1', wav), uri }),
      }),
    );
    expect(ok).toMatchObject({ outcome: 'aired', tier: 'priority', audio: { sha256: hash('sha256', wav) } });
    expect(String(ok.reason)).toMatch(/priority, its recording$/);
    const played = await pollUntil(async () => {
      const e = (await playLog()).find(
        (x) => x.speech?.recording === hash('sha256', wav) && x.end !== undefined,
      );
      return e;
    }, 60_000);
    expect(played).toMatchObject({
      tier: 'priority',
      endReason: 'finished',
      speech: { engine: 'recording' },
    });
    // the recording's 700 Hz at the output: 2 repeats × 3 s, counted in 20 ms windows
    expect(windowsAt700(join(dir, 'xa-a.wav')) - before).toBeGreaterThan(150); // of 300

    // embedded (derefUri) with a wrong digest: refused, the text is spoken, and both say why
    const bad = await post(
      capXml({
        identifier: 'rec-2',
        ...priority,
        resource: resource({ size: wav.length, digest: '0'.repeat(40), deref: wav.toString('base64') }),
      }),
    );
    expect(bad).toMatchObject({
      outcome: 'aired',
      audio: { error: expect.stringMatching(/SHA-1 digest [0-9a-f]{40}, the alert says 0{40}/) },
    });
    const spoken = await pollUntil(
      async () => (await playLog()).find((x) => x.speech?.recordingError && x.end !== undefined),
      60_000,
    );
    expect(spoken.speech).toMatchObject({
      engine: 'espeak-ng',
      recordingError: expect.stringMatching(/SHA-1 digest/),
    });
    expect(spoken.speech?.recording).toBeUndefined();
  }, 150_000);
});
