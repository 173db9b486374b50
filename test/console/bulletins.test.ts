/**
 * Issue 17's line charts, map selection and recorded bulletins, end to end: a real hub, three
 * simulated stations (daemons, the real uplink, a sound-card stand-in that says which tone it
 * plays when: test/helpers/tone-sink.mjs, Goertzel per 20 ms) and Debian's chromium, headless.
 * A line fault injected at a station shows as a marked fault on its chart; two of three
 * stations chosen on the map receive a recorded bulletin at priority and play it (chime, then
 * the 1000 Hz recording) while the third plays nothing; a normal bulletin sent during a
 * priority one waits for it; a viewer has no send button and a forged request is refused.
 * Screenshots go to var/console/ (chart-*.png, map-selection.png).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolePage, launchChromium } from '../helpers/browser.js';
import { addUser, type ConsoleRig, startConsoleRig } from '../helpers/console-rig.js';
import { type Daemon, pollUntil, ROOT } from '../helpers/daemon.js';
import { districtctl, districtJson } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { type Heard, heardAt, toneSinkStation } from '../helpers/tone-sink.js';

const SHOTS = join(ROOT, 'var', 'console');
const PASSWORD = 'mật-khẩu-thử-nghiệm';
const IDS = ['xa-1', 'xa-2', 'xa-3'];

describe('line charts, map selection and recorded bulletins in a real browser', () => {
  let rig: ConsoleRig;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];
  const heard = (id: string): Heard[] => heardAt(dir, id);
  const station = (id: string) => rig.stations.get(id) as Daemon;

  beforeAll(async () => {
    dir = tempDir('loa-console-bulletins-');
    mkdirSync(SHOTS, { recursive: true });
    for (const id of IDS) {
      toneSinkStation(dir, id);
      // a full line check every 2 s (default 30 s): the fault reaches the chart sooner
      writeFileSync(
        join(dir, id, 'lines.json'),
        JSON.stringify({ schema: 1, settings: { checkEveryMs: 2000, sampleGapMs: 100 }, baselines: {} }),
      );
    }
    rig = await startConsoleRig(dir, 3);
    for (const [name, role] of [
      ['an', 'admin'],
      ['binh', 'operator'],
      ['chi', 'viewer'],
    ] as const)
      await addUser(join(dir, 'hub'), name, role, PASSWORD);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await rig?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  async function open(name: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const login = { name, password: PASSWORD, station: 'xa-3', viewport };
    const { ctx, page } = await consolePage(browser, rig.url, login);
    contexts.push(ctx);
    return page;
  }

  interface Answer {
    status: number;
    body: { error?: { message: string } } & Record<string, unknown>;
  }
  function call(page: Page, path: string, body?: unknown): Promise<Answer> {
    return page.evaluate(
      async ({ path, body }) => {
        const me = (await (await fetch('/api/me')).json()) as { csrf: string };
        const init =
          body === undefined
            ? {}
            : {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf },
                body: JSON.stringify(body),
              };
        const res = await fetch(path, init);
        return { status: res.status, body: (await res.json()) as Answer['body'] };
      },
      { path, body },
    );
  }

  it("draws a line's measurement history, with an injected fault marked", async () => {
    const r = await station('xa-1').ctl('sim', 'fault', 'line-open', '--zone', '1');
    expect(r.code, r.stderr).toBe(0);
    const page = await open('chi');
    type Lines = { zones: { id: number; points: { state: string }[] }[] };
    const faulted = async () => {
      const h = (await call(page, '/api/stations/xa-1/lines?range=24h')).body as unknown as Lines;
      return h.zones.find((z) => z.id === 1)?.points.some((p) => p.state === 'open');
    };
    await pollUntil(faulted, 90_000, 500);
    const c = await station('xa-1').ctl('sim', 'clear');
    expect(c.code, c.stderr).toBe(0);
    await pollUntil(
      async () => {
        const h = (await call(page, '/api/stations/xa-1/lines?range=24h')).body as unknown as Lines;
        return h.zones.find((z) => z.id === 1)?.points.at(-1)?.state === 'ok';
      },
      90_000,
      500,
    );
    await page.goto(`${rig.url}#/station/xa-1`);
    await page.waitForSelector('#line-history .chart[data-zone="1"][data-kind="ohm"] .series', {
      state: 'attached',
    });
    expect(
      await page.locator('.chart[data-zone="1"][data-kind="ohm"] .fault[data-state="open"]').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('.chart[data-zone="2"][data-kind="ohm"] .fault').count()).toBe(0);
    // axes, units and the limits: Ω and kΩ, the open limit of the reference
    const text = await page.textContent('#line-history');
    expect(text).toContain('Ω');
    expect(text).toContain('kΩ');
    expect(await page.locator('.chart[data-zone="1"] .limit.bad').count()).toBeGreaterThan(0);
    await page.locator('#line-history').screenshot({ path: join(SHOTS, 'chart-vi.png') });
    await page.click('#line-history button[data-range="7d"]');
    await page.waitForSelector('#line-history button[data-range="7d"][aria-pressed="true"]');
    await page.waitForSelector('.chart[data-zone="1"] .fault', { state: 'attached' });
    // a phone: the chart fits 360 px without sideways scrolling
    await page.setViewportSize({ width: 360, height: 800 });
    await page.waitForSelector('.chart[data-zone="1"]', { state: 'attached' });
    const wide = await page.evaluate('document.documentElement.scrollWidth');
    expect(wide).toBeLessThanOrEqual(360);
    await page.locator('#line-history').screenshot({ path: join(SHOTS, 'chart-phone.png') });
    // hostile: a range not offered, a station not known
    const bad = await call(page, '/api/stations/xa-1/lines?range=1y');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('range: allowed: "24h", "7d", "30d"');
    const unknown = await call(page, '/api/stations/xa-9/lines');
    expect(unknown.status).toBe(404);
  }, 240_000);

  it('stations chosen on the map receive a recorded bulletin at priority; the third hears nothing', async () => {
    const page = await open('binh');
    await page.click('.map [data-pick="xa-1"]');
    // the keyboard chooses too: Space on a focused station, twice un-chooses
    await page.focus('.map [data-pick="xa-3"]');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('.map [data-pick="xa-3"]', 'aria-checked')).toBe('true');
    await page.keyboard.press('Space');
    await page.focus('.map [data-pick="xa-2"]');
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.map [data-pick="xa-1"]', 'aria-checked')).toBe('true');
    expect(await page.getAttribute('.map [data-pick="xa-2"]', 'aria-checked')).toBe('true');
    expect(await page.getAttribute('.map [data-pick="xa-3"]', 'aria-checked')).toBe('false');
    await expect(page.textContent('#chosen')).resolves.toContain('Xã 1, Xã 2');
    await page.screenshot({ path: join(SHOTS, 'map-selection.png'), fullPage: true });
    await page.click('#chosen-send');
    await page.waitForSelector('#send input[data-station="xa-1"]');
    expect(await page.isChecked('#send input[data-station="xa-1"]')).toBe(true);
    expect(await page.isChecked('#send input[data-station="xa-2"]')).toBe(true);
    expect(await page.isChecked('#send input[data-station="xa-3"]')).toBe(false);
    // the send page's map follows its list: ticking xa-3 in the list rings its marker, and back
    await page.click('#send input[data-station="xa-3"]');
    expect(await page.getAttribute('.send-map [data-pick="xa-3"]', 'aria-checked')).toBe('true');
    await page.click('#send input[data-station="xa-3"]');
    expect(await page.getAttribute('.send-map [data-pick="xa-3"]', 'aria-checked')).toBe('false');
    const tone = makeTone(join(dir, 'ban-tin.wav'), { hz: 1000, seconds: 4, rate: 48_000, channels: 2 });
    await page.setInputFiles('#bulletin-file', tone);
    await page.selectOption('#bulletin-tier', 'priority');
    await page.click('#bulletin-play');
    await expect(page.textContent('#confirm')).resolves.toContain('Xã 1, Xã 2');
    await page.screenshot({ path: join(SHOTS, 'bulletin-confirm.png'), fullPage: true });
    await page.click('#confirm-yes');
    await page.waitForSelector('.flash.ok:has-text("xa-1, xa-2")', { timeout: 30_000 });
    for (const id of ['xa-1', 'xa-2']) {
      const h = await pollUntil(async () => {
        const x = heard(id);
        return x.some((e) => e.hz === 1000) ? x : undefined;
      }, 60_000);
      const voice = h.findIndex((e) => e.hz === 1000);
      expect(
        h.slice(0, voice).some((e) => e.hz === 880),
        JSON.stringify(h),
      ).toBe(true);
    }
    expect(heard('xa-3').some((e) => e.hz === 1000 || e.hz === 880)).toBe(false);
    // the play log says what played, at which tier, from which command
    const log = await pollUntil(async () => {
      const l = await districtJson<{ stationId: string; event: { details: Record<string, unknown> } }[]>(
        rig.hub.port,
        'play-log',
        '--station',
        'xa-1',
      );
      return l.find((e) => e.event.details.kind === 'bulletin' && e.event.details.end) ? l : undefined;
    }, 60_000);
    const entry = log.find((e) => e.event.details.kind === 'bulletin')?.event.details;
    expect(entry).toMatchObject({ tier: 'priority', recording: { name: 'ban-tin.wav' } });
  }, 180_000);

  it('a normal bulletin sent during a priority one waits for it (districtctl bulletin send)', async () => {
    const long = makeTone(join(dir, 'uu-tien.wav'), { hz: 1000, seconds: 8, rate: 48_000, channels: 2 });
    const normal = makeTone(join(dir, 'thuong.wav'), { hz: 440, seconds: 2, rate: 48_000, channels: 2 });
    const p = await districtctl(
      rig.hub.port,
      'bulletin',
      'send',
      '--file',
      long,
      '--tier',
      'priority',
      '--stations',
      'xa-3',
    );
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout).toContain('Uploaded uu-tien.wav');
    await pollUntil(async () => heard('xa-3').some((e) => e.hz === 1000), 60_000);
    // allowed no wait: refused by the station, saying why
    const now = await districtctl(
      rig.hub.port,
      'bulletin',
      'send',
      '--file',
      normal,
      '--tier',
      'normal',
      '--stations',
      'xa-3',
      '--wait-slot',
      '0',
      '--wait',
      '60',
    );
    expect(now.code).toBe(1);
    expect(now.stderr).toContain('a normal recorded bulletin does not interrupt it');
    // the same file, now at the hub, by its sha256: it waits for the priority one to end
    const sha = createHash('sha256').update(readFileSync(normal)).digest('hex');
    const n = await districtJson<{ id: string; status: string; result: { waitedMs: number } }[]>(
      rig.hub.port,
      'bulletin',
      'send',
      '--media',
      sha,
      '--tier',
      'normal',
      '--stations',
      'xa-3',
      '--wait',
      '60',
    );
    expect(n[0]?.status).toBe('done');
    expect(n[0]?.result.waitedMs).toBeGreaterThan(0);
    const h = await pollUntil(async () => {
      const x = heard('xa-3');
      return x.some((e) => e.hz === 440) ? x : undefined;
    }, 60_000);
    const lastPriority = h.map((e) => e.hz).lastIndexOf(1000);
    const firstNormal = h.findIndex((e) => e.hz === 440);
    expect(firstNormal, JSON.stringify(h)).toBeGreaterThan(lastPriority);
    // the heard view lists recorded bulletins too, by file name, and finds their play-log entries
    const list = await districtctl(rig.hub.port, 'bulletin', 'list', '--station', 'xa-3');
    expect(list.stdout).toMatch(/priority {2}"\[uu-tien\.wav\]"/);
    expect(list.stdout).toMatch(/normal {2}"\[thuong\.wav\]"/);
    const shown = await pollUntil(async () => {
      const r = await districtctl(rig.hub.port, 'bulletin', 'show', String(n[0]?.id));
      return r.code === 0 && !r.stdout.includes('not played') ? r : undefined;
    }, 60_000);
    expect(shown.stdout).toContain('xa-3');
  }, 180_000);

  it('refuses bad input on the new path, naming the field, and sends nothing', async () => {
    const before = await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-2');
    const cases: [string[], RegExp][] = [
      [
        ['--media', 'a'.repeat(64), '--tier', 'normal', '--stations', 'xa-2'],
        /params\.audio\.sha256: no media a{64} at the hub/,
      ],
      [['--media', 'xyz', '--stations', 'xa-2'], /--media: the sha256 of a file at the hub/],
      [
        ['--media', 'a'.repeat(64), '--tier', 'emergency', '--stations', 'xa-2'],
        /--tier: normal or priority/,
      ],
      [['--media', 'a'.repeat(64), '--tier', 'normal'], /--stations a,b or --all/],
      [['--tier', 'normal', '--stations', 'xa-2'], /--file F .* or --media SHA256/],
    ];
    for (const [args, msg] of cases) {
      const r = await districtctl(rig.hub.port, 'bulletin', 'send', ...args);
      expect(r.code, r.stdout).toBe(1);
      expect(r.stderr).toMatch(msg);
    }
    const vi = await districtctl(
      rig.hub.port,
      '--lang',
      'vi',
      'bulletin',
      'send',
      '--media',
      'xyz',
      '--stations',
      'xa-2',
    );
    expect(vi.stderr).toContain('64 chữ số hex');
    // past the CLI, straight at SendCommand: the hub's own check names the field
    const forged = await districtctl(
      rig.hub.port,
      'command',
      'bulletin.play',
      '--stations',
      'xa-2',
      '--params',
      JSON.stringify({ audio: { sha256: 'b'.repeat(64) }, tier: 'emergency' }),
    );
    expect(forged.code).toBe(1);
    expect(forged.stderr).toMatch(/params\.tier: allowed: "normal", "priority" \(got "emergency"\)/);
    expect(await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-2')).toEqual(before);
  }, 120_000);

  it('a viewer has no send button and a forged request is refused; hostile browser input changes nothing', async () => {
    const viewer = await open('chi');
    await viewer.click('#nav-send');
    await viewer.waitForSelector('#send');
    expect(await viewer.locator('#bulletin-play').count()).toBe(0);
    const before = await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-1');
    const refused = await call(viewer, '/api/commands', {
      stationIds: ['xa-1'],
      method: 'bulletin.play',
      params: { audio: { sha256: 'c'.repeat(64) }, tier: 'priority' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toContain('needs role operator');
    const op = await open('binh');
    const badTier = await call(op, '/api/commands', {
      stationIds: ['xa-1'],
      method: 'bulletin.play',
      params: { audio: { sha256: 'c'.repeat(64) }, tier: 'loud' },
    });
    expect(badTier.status).toBe(400);
    expect(badTier.body.error?.message).toContain('params.tier');
    const badSha = await call(op, '/api/commands', {
      stationIds: ['xa-1'],
      method: 'bulletin.play',
      params: { audio: { sha256: '../../etc/passwd' }, tier: 'normal' },
    });
    expect(badSha.status).toBe(400);
    expect(badSha.body.error?.message).toContain('params.audio.sha256');
    const none = await call(op, '/api/commands', {
      stationIds: [],
      method: 'bulletin.play',
      params: { audio: { sha256: 'c'.repeat(64) }, tier: 'normal' },
    });
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toContain('station_ids');
    expect(await districtJson<unknown[]>(rig.hub.port, 'commands', '--station', 'xa-1')).toEqual(before);
    const audit = await districtJson<{ action: string; who: string; result: string }[]>(
      rig.hub.port,
      'audit',
    );
    expect(audit.some((a) => a.action === 'SendCommand' && a.who === 'chi' && a.result !== 'ok')).toBe(true);
  }, 120_000);
});
