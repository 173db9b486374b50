/**
 * The browser console end to end: a real hub, two simulated stations dialling it, and Debian's
 * chromium (headless, playwright-core). One browser for the file; a context per person.
 * Screenshots of the main pages go to var/console/ (look at them when the UI changes).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationClient } from '../../src/api/station-client.js';
import { launchChromium, loginAs } from '../helpers/browser.js';
import { addUser, type ConsoleRig, powerOf, relayOf, startConsoleRig } from '../helpers/console-rig.js';
import { pollUntil, ROOT } from '../helpers/daemon.js';
import { districtJson } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

const SHOTS = join(ROOT, 'var', 'console');
const PASSWORD = 'mật-khẩu-thử-nghiệm';

describe('the district console in a real browser', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = tempDir('loa-console-');
    mkdirSync(SHOTS, { recursive: true });
    rig = await startConsoleRig(dir, 2);
    const hubDir = join(dir, 'hub');
    for (const [name, role] of [
      ['an', 'admin'],
      ['binh', 'operator'],
      ['chi', 'viewer'],
    ] as const)
      await addUser(hubDir, name, role, PASSWORD);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function open(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const ctx = await browser.newContext({ viewport, locale: 'vi-VN' });
    contexts.push(ctx);
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(rig.url);
    return page;
  }

  const login = (page: Page, name: string) => loginAs(page, name, PASSWORD, 'xa-2');

  /** A write the page's own script could make, with the session's CSRF token (or a chosen one). */
  interface Answer {
    status: number;
    body: { error: { message: string } };
  }
  function forged(page: Page, path: string, body: unknown, csrf?: string): Promise<Answer> {
    return page.evaluate(
      async ({ path, body, csrf }) => {
        const me = (await (await fetch('/api/me')).json()) as { csrf: string };
        const res = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf ?? me.csrf },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as { error: { message: string } } };
      },
      { path, body, csrf },
    );
  }

  it('logs in (Vietnamese by default), refuses a wrong password clearly, and logs out', async () => {
    const page = await open();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expect(page.textContent('#login')).resolves.toContain('Đăng nhập');
    await page.fill('#login-name', 'an');
    await page.fill('#login-password', 'not-the-password');
    await page.click('#login button[type=submit]');
    await expect(page.textContent('.flash', { timeout: 20_000 })).resolves.toContain('sai tên hoặc mật khẩu');
    await login(page, 'an');
    await page.screenshot({ path: join(SHOTS, 'overview-vi.png'), fullPage: true });
    await expect(page.textContent('#overview h1')).resolves.toContain('2/2');
    expect(await page.locator('.map circle').count()).toBe(2);
    await page.click('#logout');
    await page.waitForSelector('#login');
    const after = await page.evaluate(async () => (await fetch('/api/stations')).status);
    expect(after).toBe(401);
  }, 90_000);

  it('switches to English and back', async () => {
    const page = await open();
    await login(page, 'binh');
    await page.click('#lang');
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
          .documentElement.lang === 'en',
    );
    await page.waitForSelector('#overview h1:has-text("Stations")');
    await expect(page.textContent('#top')).resolves.toContain('Log out');
    await page.screenshot({ path: join(SHOTS, 'overview-en.png'), fullPage: true });
    await page.click('#lang');
    await page.waitForSelector('#overview h1:has-text("Các đài")');
    // an operator has the zone and tone buttons, not the admin's power or lockout reset
    await page.click('#station-list [data-station="xa-2"]');
    await page.waitForSelector('#station [data-zone="1"] button[data-method="zone"]');
    expect(await page.locator('button[data-method="power"]').count()).toBe(0);
    expect(await page.locator('button[data-method="resetLockout"]').count()).toBe(0);
  }, 60_000);

  it('commands from the browser, confirmed, move the station relays (power, then a zone)', async () => {
    const page = await open();
    await login(page, 'an');
    await page.click('#station-list [data-station="xa-1"]');
    await page.waitForSelector('#station [data-zone="2"] button[data-method="zone"]');
    const station = rig.stations.get('xa-1');
    if (!station) throw new Error('no xa-1');
    expect(await relayOf(station, 2)).toBe(false);
    await page.click('#station button[data-method="power"] >> nth=0');
    await expect(page.textContent('#confirm')).resolves.toContain('xa-1');
    await page.click('#confirm-yes');
    await pollUntil(async () => (await powerOf(station)) === 'on', 60_000);
    await page.click('#station [data-zone="2"] button[data-method="zone"]');
    await page.click('#confirm-yes');
    await pollUntil(() => relayOf(station, 2), 30_000);
    // the hub's live feed updates the page without a reload
    await page.waitForSelector('#station [data-zone="2"] td.on', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'station.png'), fullPage: true });
    const audit = await districtJson<{ who: string; via: string; action: string }[]>(
      rig.hub.port,
      'audit',
      '--station',
      'xa-1',
    );
    expect(audit.some((e) => e.who === 'an' && /^console /.test(e.via) && e.action === 'SendCommand')).toBe(
      true,
    );
    // the admin's audit page shows the same trail: who, from where, what, the result
    await page.goto(`${rig.url}#/audit`);
    await page.waitForSelector('#audit tr:has-text("SendCommand"):has-text("console 127.0.0.1")');
    await page.screenshot({ path: join(SHOTS, 'audit.png'), fullPage: true });
  }, 120_000);

  it('a viewer sees but cannot command: no button, and the API refuses a forged request', async () => {
    const page = await open();
    await login(page, 'chi');
    await expect(page.textContent('.note')).resolves.toContain('Vai trò xem');
    await page.click('#station-list [data-station="xa-2"]');
    await page.waitForSelector('#station-detail');
    expect(await page.locator('#station button[data-method]').count()).toBe(0);
    const r = await forged(page, '/api/commands', {
      stationIds: ['xa-2'],
      method: 'zone',
      params: { zone: 1, on: true },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('needs role operator; chi has role viewer');
    const station = rig.stations.get('xa-2');
    if (!station) throw new Error('no xa-2');
    expect(await relayOf(station, 1)).toBe(false);
  }, 60_000);

  it('refuses a write without the CSRF token, or from another site', async () => {
    const page = await open();
    await login(page, 'an');
    const body = { stationIds: ['xa-2'], method: 'zone', params: { zone: 3, on: true } };
    const wrong = await forged(page, '/api/commands', body, 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toContain('CSRF');
    const station = rig.stations.get('xa-2');
    if (!station) throw new Error('no xa-2');
    expect(await relayOf(station, 3)).toBe(false);
  }, 60_000);

  it('a fault injected at a station shows as an alarm in the browser, and is acknowledged with a note', async () => {
    const page = await open();
    await login(page, 'an');
    await page.click('#nav-alarms');
    await page.waitForSelector('#alarms');
    const station = rig.stations.get('xa-2');
    if (!station) throw new Error('no xa-2');
    const r = await station.ctl('sim', 'fault', 'mains-lost');
    expect(r.code, r.stderr).toBe(0);
    await page.waitForSelector('#alarms li[data-station="xa-2"][data-key="mains.lost"]', { timeout: 30_000 });
    // the console is in Vietnamese: so are the station's alarms, not the daemon's English message
    await expect(page.textContent('li[data-key="mains.lost"] span')).resolves.toMatch(/^MẤT ĐIỆN LƯỚI/);
    await page.screenshot({ path: join(SHOTS, 'alarms.png'), fullPage: true });
    await page.fill('li[data-key="mains.lost"] input[name=note]', 'Đã gọi điện lực');
    await page.click('li[data-key="mains.lost"] button[type=submit]');
    await expect(page.textContent('li[data-key="mains.lost"] .ack', { timeout: 20_000 })).resolves.toContain(
      'Đã gọi điện lực',
    );
    await station.ctl('sim', 'clear');
    // History: the alarm's start and end in Vietnamese too
    const history = await pollUntil(async () => {
      await page.goto(`${rig.url}#/history?station=xa-2&kind=mains.lost`);
      await page.reload();
      await page.waitForSelector('#history table.events');
      const text = (await page.textContent('#history table.events tbody')) ?? '';
      return text.includes('đã hết: MẤT ĐIỆN LƯỚI') && text;
    }, 30_000);
    expect(history).toContain('mains.lost: MẤT ĐIỆN LƯỚI: các đầu ra ở trạng thái an toàn');
  }, 90_000);

  it('hostile input on a form gets a clear message and changes nothing', async () => {
    const page = await open();
    await login(page, 'an');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${rig.url}#/history?station=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    await expect(page.textContent('.flash')).resolves.toContain('station id');
    const before = await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-1');
    const bad = await forged(page, '/api/commands', {
      stationIds: ['xa-1'],
      method: 'zone',
      params: { zone: 99, on: '<script>' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/params\.zone.*<=64.*params\.on.*boolean/);
    const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deep = await forged(
      page,
      '/api/commands',
      `{"stationIds":["xa-1"],"method":"zone","params":${nested}}`,
    );
    expect(deep.body.error.message).toContain('nested deeper');
    const note = await forged(page, '/api/alarms/ack', {
      stationId: 'xa-1',
      key: 'x',
      sinceMs: 1,
      note: 'n'.repeat(600),
    });
    expect(note.body.error.message).toContain('note');
    expect(await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-1')).toEqual(before);
    expect(dialogs).toBe(0);
  }, 60_000);

  async function emergencyOf(id: string): Promise<{ active: boolean; last?: unknown }> {
    const st = new StationClient(join(dir, id, 'station.sock'));
    try {
      return (await st.call('emergency.status')) as { active: boolean; last?: unknown };
    } finally {
      st.close();
    }
  }

  it('an emergency started from the browser (an uploaded bulletin, two confirmations) reaches the chosen station only', async () => {
    const page = await open();
    await login(page, 'binh');
    await page.click('#nav-send');
    await page.waitForSelector('#send input[data-station="xa-1"]');
    // hostile upload first: text named like audio is refused by the hub's ffprobe check
    const fake = join(dir, 'not-audio.mp3');
    writeFileSync(fake, 'this is not audio\n'.repeat(100));
    await page.check('#send input[data-station="xa-1"]');
    await page.setInputFiles('#emergency-file', fake);
    await page.click('#emergency-start');
    await expect(page.textContent('#confirm')).resolves.toContain('Xã 1');
    await page.click('#confirm-yes');
    await page.waitForSelector('#confirm[open] >> text=2/2');
    await page.click('#confirm-yes');
    await expect(page.textContent('.flash', { timeout: 20_000 })).resolves.toContain('not playable audio');
    expect((await emergencyOf('xa-1')).last).toBeUndefined();
    const tone = makeTone(join(dir, 'canh-bao.wav'), { hz: 880, seconds: 2, rate: 48_000, channels: 2 });
    await page.setInputFiles('#emergency-file', tone);
    await page.click('#emergency-start');
    await page.click('#confirm-yes');
    await page.waitForSelector('#confirm[open] >> text=2/2');
    await page.screenshot({ path: join(SHOTS, 'emergency-confirm.png'), fullPage: true });
    await page.click('#confirm-yes');
    await page.waitForSelector('.flash.ok:has-text("Đã gửi lệnh: xa-1")', { timeout: 20_000 });
    await pollUntil(async () => {
      const e = await emergencyOf('xa-1');
      return e.active || e.last !== undefined;
    }, 60_000);
    const other = await emergencyOf('xa-2');
    expect(other.active || other.last !== undefined).toBe(false);
  }, 120_000);

  it('a schedule pushed from the browser is applied by both stations and refused by none; a bad one changes nothing', async () => {
    const page = await open();
    await login(page, 'binh');
    await page.goto(`${rig.url}#/schedules`);
    await page.waitForSelector('#schedule-json');
    const doc = {
      schema: 1,
      version: 1,
      timezone: 'Asia/Ho_Chi_Minh',
      valid_until: '2030-12-31',
      programmes: [
        {
          id: 'sang',
          title: 'Buổi sáng: tiếp sóng tỉnh',
          source: { kind: 'relay', url: 'http://127.0.0.1:8000/tinh.mp3' },
          start: '05:30',
          end: '06:30',
          zones: 'all',
        },
      ],
    };
    await page.fill(
      '#schedule-json',
      JSON.stringify({ ...doc, programmes: [{ ...doc.programmes[0], start: '25:99' }] }),
    );
    await page.check('#pick-all');
    await page.click('#schedule-push');
    await expect(page.textContent('.flash', { timeout: 20_000 })).resolves.toContain('start');
    const before = await districtJson<{ desiredVersion: number }[]>(rig.hub.port, 'stations');
    expect(before.every((s) => s.desiredVersion === 0)).toBe(true);
    await page.fill('#schedule-json', JSON.stringify(doc));
    await page.check('#pick-all');
    await page.click('#schedule-push');
    await page.waitForSelector('.flash.ok:has-text("xa-1, xa-2")', { timeout: 20_000 });
    const list = await pollUntil(async () => {
      const l = await districtJson<{ desiredVersion: number; appliedVersion: number }[]>(
        rig.hub.port,
        'stations',
      );
      return l.every((s) => s.desiredVersion > 0 && s.appliedVersion === s.desiredVersion) && l;
    }, 60_000);
    expect(list).toHaveLength(2);
    await page.goto(`${rig.url}#/`);
    await page.goto(`${rig.url}#/schedules`);
    await page.waitForSelector('#schedule-versions tr[data-station="xa-2"]');
    expect(await page.locator('#schedule-versions td.bad:not(:empty)').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'schedules.png'), fullPage: true });
  }, 120_000);

  it('fits a phone (360 px wide) without sideways scrolling', async () => {
    const page = await open({ width: 360, height: 740 });
    await login(page, 'an');
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'overview-phone.png'), fullPage: true });
    await page.click('#station-list [data-station="xa-1"]');
    await page.waitForSelector('#station-detail');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'station-phone.png'), fullPage: true });
  }, 60_000);

  it('logout everywhere ends the other sessions of the same user', async () => {
    const a = await open();
    await login(a, 'binh');
    const b = await open();
    await login(b, 'binh');
    await b.click('#logout-all');
    await b.waitForSelector('#login');
    expect(await a.evaluate(async () => (await fetch('/api/stations')).status)).toBe(401);
  }, 60_000);
});
