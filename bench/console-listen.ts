/**
 * Listen-in figures for the console group (bench/groups/console.ts), on the console rig's hub:
 * one more real sim station dials the hub through a byte-counting TCP relay (the station's link)
 * and plays a 1000 Hz tone.
 * console.listen_start_ms — click on Listen → the tone heard in the page (Web Audio analyser on
 *   the player's output; both instants on the page's clock), median of 5.
 * console.listen_bytes_per_minute — link bytes station → hub per minute while one page listens
 *   (everything on the link: the audio, its gRPC framing, and the station's usual traffic,
 *   whose idle rate is measured first and given in the note).
 * console.listen_event_delay_ms — over an uplink throttled to 3,000 B/s (24 kbit/s: a weak
 *   cell, just above the listen stream), a fault injected at the station → its event stored at
 *   the hub, while a page listens; median of 5. The note gives the same without listening: the
 *   difference is what listen-in costs the station's own traffic (its send window bounds it).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { StationClient } from '../src/api/station-client.js';
import { pollUntil } from '../test/helpers/daemon.js';
import { districtJson } from '../test/helpers/hub.js';
import { Relay } from '../test/helpers/link-relay.js';
import { armListenProbe, heard } from '../test/helpers/listen-page.js';
import { makeTone } from '../test/helpers/tone-files.js';
import { LINK_ENV, startStation } from '../test/link/helpers.js';
import { type Figure, median } from './figures.js';

const ID = 'xa-nghe';
const TONE = 1000;
const SAMPLE_S = 30;

async function loggedIn(browser: Browser, url: string, user: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(url);
  await page.fill('#login-name', user);
  await page.fill('#login-password', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector(`#station-list [data-station="${ID}"]`, { timeout: 30_000 });
  return page;
}

/** Listen clicked on the station's page; resolves with click → tone heard (ms). */
async function listenOnce(page: Page, url: string): Promise<number> {
  await page.goto(`${url}#/station/${ID}`);
  await page.reload();
  await page.waitForSelector(`button[data-listen="${ID}"]`, { timeout: 30_000 });
  await armListenProbe(page, TONE);
  await page.click(`button[data-listen="${ID}"]`);
  const h = await pollUntil(async () => {
    const x = await heard(page);
    return x.startMs !== undefined && x;
  }, 30_000);
  return h.startMs as number;
}

const SLOW_UP = 3000;

/** The console's session cookie for `user` (a plain HTTP login). */
async function cookieOf(o: Opts): Promise<string> {
  const res = await fetch(`${o.url}api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: o.user, password: o.password }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The first event of the station at the hub at or after `since` (polled every 25 ms). */
async function eventAfter(o: Opts, cookie: string, since: number): Promise<number> {
  const url = `${o.url}api/events?station=${ID}&since=${since}&limit=5`;
  return pollUntil(
    async () => {
      const r = (await (await fetch(url, { headers: { cookie } })).json()) as { events: unknown[] };
      return r.events.length > 0 && Date.now();
    },
    120_000,
    25,
  );
}

/** simFault at the station → its first event stored at the hub (ms), 5 times. */
async function eventDelays(o: Opts, cookie: string, st: StationClient): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await st.call('simFault', { name: 'mains-lost' });
    ms.push((await eventAfter(o, cookie, t0)) - t0);
    const t1 = Date.now();
    await st.call('simClear', {});
    await eventAfter(o, cookie, t1);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return ms;
}

async function slowLink(relay: Relay, listening: Page, o: Opts): Promise<Figure> {
  const cookie = await cookieOf(o);
  const st = new StationClient(join(o.dir, ID, 'station.sock'));
  try {
    relay.throttleUp(SLOW_UP);
    const quiet = await eventDelays(o, cookie, st);
    await listenOnce(listening, o.url);
    const loaded = await eventDelays(o, cookie, st);
    // the listen must have lasted through the measurement, or the figure means nothing
    if ((await listening.locator('#listen-stop').count()) === 0)
      throw new Error(`the listen ended on the slow link: ${await listening.textContent('#listen-bar')}`);
    await listening.click('#listen-stop');
    return {
      name: 'console.listen_event_delay_ms',
      value: Math.round(median(loaded)),
      unit: 'ms',
      note: `uplink ${SLOW_UP} B/s: a station event → stored at the hub while a page listens, median of 5 (max ${Math.max(...loaded)}); not listening: median ${Math.round(median(quiet))} (max ${Math.max(...quiet)})`,
    };
  } finally {
    relay.throttleUp(undefined);
    st.close();
  }
}

interface Opts {
  url: string;
  hubPort: number;
  dir: string;
  user: string;
  password: string;
}

export async function listenFigures(browser: Browser, o: Opts): Promise<Figure[]> {
  const relay = new Relay(o.hubPort);
  await relay.listen();
  // the link's production settings (status sampling, keepalive, heartbeat): a real idle rate
  const station = await startStation(o.dir, ID, relay, { LOA_INSECURE_LAB: LINK_ENV.LOA_INSECURE_LAB });
  try {
    await pollUntil(async () => {
      const list = await districtJson<{ stationId: string; online: boolean }[]>(o.hubPort, 'stations');
      return list.some((s) => s.stationId === ID && s.online);
    }, 60_000);
    const tone = makeTone(join(o.dir, 'nghe.wav'), { hz: TONE, seconds: 900, rate: 48_000, channels: 2 });
    const played = await station.ctl('play', tone);
    if (played.code !== 0) throw new Error(`play: ${played.stderr}`);
    const idle0 = relay.bytesUp;
    await new Promise((r) => setTimeout(r, SAMPLE_S * 1000));
    const idlePerMin = ((relay.bytesUp - idle0) * 60) / SAMPLE_S;
    const page = await loggedIn(browser, o.url, o.user, o.password);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      starts.push(await listenOnce(page, o.url));
      if (i < 4) await page.click('#listen-stop');
    }
    // still listening after the last start: the link while one page listens
    const b0 = relay.bytesUp;
    await new Promise((r) => setTimeout(r, SAMPLE_S * 1000));
    const perMin = ((relay.bytesUp - b0) * 60) / SAMPLE_S;
    await page.click('#listen-stop');
    const slow = await slowLink(relay, page, o);
    return [
      {
        name: 'console.listen_start_ms',
        value: Math.round(median(starts)),
        unit: 'ms',
        note: `click Listen → the station's tone heard in the page, median of 5; max ${Math.round(Math.max(...starts))} ms`,
      },
      {
        name: 'console.listen_bytes_per_minute',
        value: Math.round(perMin / 100) / 10,
        unit: 'kB',
        note: `station → hub link bytes per minute while listening (Opus 16 kbit/s in WebM); idle link ${Math.round(idlePerMin / 100) / 10} kB/min`,
      },
      slow,
    ];
  } finally {
    await station.stop();
    await relay.close();
  }
}
