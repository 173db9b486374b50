/**
 * Listen-in in a real browser: a real hub, two real sim stations (xa-1 plays a 1000 Hz tone),
 * Debian's chromium (headless, playwright-core). The page's Listen button → the tone is heard
 * IN THE PAGE (Web Audio AnalyserNode on the player's output) → closing the page ends the
 * station's encoder child; two pages listening share one station stream; an offline station
 * is said to be offline, with since when; a listen without a session is refused.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePage, launchChromium } from '../helpers/browser.js';
import { addUser, type ConsoleRig, startConsoleRig } from '../helpers/console-rig.js';
import { type Daemon, pollUntil, ROOT } from '../helpers/daemon.js';
import { districtJson } from '../helpers/hub.js';
import { armListenProbe, heard } from '../helpers/listen-page.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

const SHOTS = join(ROOT, 'var', 'console');
const PASSWORD = 'mật-khẩu-nghe-đài';
const TONE = 1000;

interface ListenStatus {
  active: boolean;
  pid?: number;
  served: number;
}

describe('listen-in from the console, in a real browser', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];
  const station = (id: string) => rig.stations.get(id) as Daemon;
  const listenStatus = async (id: string) =>
    (JSON.parse((await station(id).ctl('--json', 'link')).stdout) as { listen: ListenStatus }).listen;

  beforeAll(async () => {
    dir = tempDir('loa-listen-');
    mkdirSync(SHOTS, { recursive: true });
    rig = await startConsoleRig(dir, 2);
    await addUser(join(dir, 'hub'), 'chi', 'viewer', PASSWORD);
    await addUser(join(dir, 'hub'), 'binh', 'operator', PASSWORD);
    const tone = makeTone(join(dir, 'tone.wav'), { hz: TONE, seconds: 600, rate: 48_000, channels: 2 });
    const r = await station('xa-1').ctl('play', tone);
    expect(r.code, r.stderr).toBe(0);
    browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rig?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function open(name: string): Promise<Page> {
    const { ctx, page } = await consolePage(browser, rig.url, { name, password: PASSWORD, station: 'xa-1' });
    contexts.push(ctx);
    return page;
  }

  async function listen(page: Page, id: string): Promise<void> {
    await page.goto(`${rig.url}#/station/${id}`);
    await page.waitForSelector(`#station[data-station="${id}"] button[data-listen="${id}"]`);
    await armListenProbe(page, TONE);
    await page.click(`button[data-listen="${id}"]`);
  }

  /** Polls until the page hears the tone; on a timeout, says what the player was doing. */
  async function hears(page: Page): Promise<void> {
    try {
      await pollUntil(async () => (await heard(page)).startMs !== undefined, 30_000);
    } catch (e) {
      const state = await page.evaluate(
        `(() => { const a = document.getElementById('listen-audio'); const b = a && a.buffered;
          return JSON.stringify({ bar: document.getElementById('listen-bar')?.textContent,
            ready: a?.readyState, paused: a?.paused, t: a?.currentTime, error: a?.error?.message,
            buffered: b && b.length ? [b.start(0), b.end(b.length - 1)] : [], probe: globalThis.__probe }); })()`,
      );
      const hub = rig.hub.output.filter((l) => /listen|"level":"(warn|error)"/.test(l)).slice(-8);
      throw new Error(`${(e as Error).message}; the player: ${state}; the hub: ${hub.join('\n')}`);
    }
  }

  it('a viewer clicks Listen and the page hears the station tone; closing the page ends the encoder', async () => {
    const page = await open('chi');
    await listen(page, 'xa-1');
    const h = await pollUntil(async () => {
      const x = await heard(page);
      return x.startMs !== undefined && x;
    }, 30_000);
    expect(Math.abs(h.hz - TONE)).toBeLessThan(20);
    await page.waitForSelector('#listen-state[data-state="ok"]');
    await page.screenshot({ path: join(SHOTS, 'listen-vi.png') });
    const st = await listenStatus('xa-1');
    expect(st.active).toBe(true);
    const pid = st.pid as number;
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    await page.close();
    await pollUntil(async () => !(await listenStatus('xa-1')).active && !existsSync(`/proc/${pid}`), 20_000);
    // the hub's audit names the viewer, start and end
    await pollUntil(async () => {
      const a = await districtJson<Array<{ action: string; who: string }>>(
        rig.hub.port,
        'audit',
        '--station',
        'xa-1',
      );
      const mine = a.filter((e) => e.who === 'chi').map((e) => e.action);
      return mine.includes('ListenStart') && mine.includes('ListenEnd');
    }, 10_000);
  }, 120_000);

  it('two pages listening share one station stream; Stop on the last one ends it', async () => {
    const before = (await listenStatus('xa-1')).served;
    const a = await open('binh');
    await a.click('#lang'); // English (kept in the browser)
    const b = await open('chi');
    await listen(a, 'xa-1');
    await hears(a);
    // b joins the running stream (the hub hands it the cached header first)
    await listen(b, 'xa-1');
    await hears(b);
    expect((await listenStatus('xa-1')).served).toBe(before + 1);
    await expect(a.textContent('#listen-state')).resolves.toContain('Listening');
    await a.click('#listen-stop');
    await expect(a.locator('#listen-audio').count()).resolves.toBe(0);
    // the other page still hears it
    expect((await listenStatus('xa-1')).active).toBe(true);
    await b.click('#listen-stop');
    await pollUntil(async () => !(await listenStatus('xa-1')).active, 20_000);
  }, 120_000);

  it('says the station is offline, and since when', async () => {
    await station('xa-2').stop();
    await pollUntil(async () => {
      const list = await districtJson<{ stationId: string; online: boolean }[]>(rig.hub.port, 'stations');
      return list.some((s) => s.stationId === 'xa-2' && !s.online);
    }, 30_000);
    const page = await open('chi');
    await page.goto(`${rig.url}#/station/xa-2`);
    await page.click('button[data-listen="xa-2"]');
    await page.waitForSelector('#listen-state[data-state="bad"]');
    await expect(page.textContent('#listen-state')).resolves.toMatch(/xa-2: đài mất kết nối từ \d/);
    await page.screenshot({ path: join(SHOTS, 'listen-offline-vi.png') });
  }, 90_000);

  it('refuses a listen without a session', async () => {
    const ctx = await browser.newContext();
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto(rig.url);
    const status = await page.evaluate(async () => (await fetch('/api/stations/xa-1/listen')).status);
    expect(status).toBe(401);
    expect((await listenStatus('xa-1')).active).toBe(false);
  }, 60_000);
});
