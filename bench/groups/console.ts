/**
 * The district console in headless Debian chromium (playwright-core), against a real hub with
 * 15 stations: 2 real simulated stations (bin/loa-station) and 13 light gateway sessions
 * (hello, a status snapshot; what the hub and the browser see of a station).
 * console.page_weight_kb — every response of the overview after login (HTML, JS, CSS, API
 *   JSON), as transferred (gzip where the hub compresses), fresh browser cache.
 * console.first_view_ms — navigation → all 15 stations listed (performance.now() in the page),
 *   median of 10 loads.
 * console.alarm_to_browser_p99_ms — a fault injected at a real station (simFault over its local
 *   socket) → the alarm in the alarms page, 20 times.
 * console.command_to_relay_p99_ms — the confirm click → the station's zone relay driven (the
 *   station's own audit event of the command, written after the relay), 20 times.
 * console.listen_start_ms, console.listen_bytes_per_minute — listen-in (bench/console-listen.ts).
 */
import { join } from 'node:path';
import type { ClientDuplexStream } from '@grpc/grpc-js';
import type { Page } from 'playwright-core';
import { StationClient } from '../../src/api/station-client.js';
import type { GatewayServiceClient } from '../../src/gen/loa/district/v1/GatewayService.js';
import type { SessionRequest } from '../../src/gen/loa/district/v1/SessionRequest.js';
import type { SessionResponse__Output } from '../../src/gen/loa/district/v1/SessionResponse.js';
import { districtProto } from '../../src/grpc/proto.js';
import { channelCredentials } from '../../src/security/credentials.js';
import { toStruct } from '../../src/wire/struct.js';
import { launchChromium } from '../../test/helpers/browser.js';
import { addUser, type ConsoleRig, startConsoleRig, stationIds } from '../../test/helpers/console-rig.js';
import { tempDir } from '../../test/helpers/sim-station.js';
import { listenFigures } from '../console-listen.js';
import { type Figure, median, percentile } from '../figures.js';

const N = 15;
const REAL = 2;
const PASSWORD = 'bench-console-password';
const LAB = {
  LOA_RATE_BURST: '1000000',
  LOA_RATE_PER_MIN: '6000000',
  // the hub's production keepalive (hub.ts): the tests' 1 s ping timeout would end a session
  // whose acks wait behind a few seconds of data on the listen figures' throttled uplink
  LOA_HUB_KEEPALIVE_MS: '300000',
  LOA_HUB_KEEPALIVE_TIMEOUT_MS: '20000',
};
type Call = ClientDuplexStream<SessionRequest, SessionResponse__Output>;

function lightStatus(id: string) {
  const zone = (n: number) => ({ name: `Thôn ${n}`, commanded: false, relay: false, feedback: false });
  return {
    stationId: id,
    power: { state: 'off', commandedOn: false },
    transmitter: { state: 'off', trips: 0 },
    zones: { 1: zone(1), 2: zone(2), 3: zone(3), 4: zone(4) },
    alarms: [],
    modules: { audio: { onAir: { slot: 'silence' } } },
  };
}

/** A station session as the hub sees one: hello, then a snapshot. */
function lightSession(client: GatewayServiceClient, id: string): Promise<Call> {
  const call = client.session();
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${id}: no welcome`)), 30_000);
    call.on('error', () => undefined);
    call.on('data', (m: SessionResponse__Output) => {
      if (!m.welcome) return;
      call.write({ snapshot: { asOfSeq: 0, tsMs: Date.now(), status: toStruct(lightStatus(id)) } });
      clearTimeout(t);
      resolve(call);
    });
    call.write({
      hello: {
        stationId: id,
        bootId: 'b',
        softwareVersion: 'bench',
        firstUnackedSeq: 1,
        lastSeq: 0,
        outboxEpoch: `e-${id}`,
      },
    });
  });
}

interface PageGlobals {
  document: {
    querySelectorAll(s: string): { length: number };
    querySelector(s: string): { textContent: string | null } | null;
  };
  performance: { now(): number };
}

/** Function predicates (not strings: the console's CSP forbids eval, as it should). */
function allListed(n: number): number | false {
  const g = globalThis as unknown as PageGlobals;
  return g.document.querySelectorAll('#station-list .row').length === n && g.performance.now();
}

function _buttonSays(a: { sel: string; word: string }): boolean {
  const g = globalThis as unknown as PageGlobals;
  return !!g.document.querySelector(a.sel)?.textContent?.includes(a.word);
}

async function loggedIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill('#login-name', 'an');
  await page.fill('#login-password', PASSWORD);
  await page.click('#login button[type=submit]');
  await page.waitForFunction(allListed, N, { timeout: 30_000 });
}

async function pageWeight(page: Page, url: string): Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (r) => {
    if (!r.url().endsWith('/api/live'))
      sizes.push(r.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await loggedIn(page, url);
  return (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
}

async function firstView(page: Page, url: string): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.goto('about:blank');
    await page.goto(url);
    const t = await page.waitForFunction(allListed, N, { timeout: 30_000, polling: 'raf' });
    ms.push(Number(await t.jsonValue()));
  }
  return ms;
}

async function alarmLatency(page: Page, url: string, st: StationClient): Promise<number[]> {
  await page.goto(`${url}#/alarms`);
  await page.waitForSelector('#alarms');
  const ms: number[] = [];
  const sel = 'li[data-station="xa-1"][data-key="mains.lost"]';
  for (let i = 0; i < 20; i++) {
    const t0 = Date.now();
    await st.call('simFault', { name: 'mains-lost' });
    await page.waitForSelector(sel, { timeout: 30_000 });
    ms.push(Date.now() - t0);
    await st.call('simClear', {});
    await page.waitForSelector(sel, { state: 'detached', timeout: 30_000 });
  }
  return ms;
}

interface CommandEvent {
  ts: number;
  details: { action?: string; params?: { zone?: number; on?: boolean } };
}

async function commandLatency(page: Page, url: string, st: StationClient): Promise<number[]> {
  await st.call('power', { on: true });
  await page.goto(`${url}#/station/xa-2`);
  const ms: number[] = [];
  for (let i = 0; i < 20; i++) {
    const zone = 1 + (i % 4);
    const on = i % 8 < 4;
    const button = `#station [data-zone="${zone}"] button[data-method="zone"]`;
    await page.waitForSelector(button);
    await page.waitForFunction(
      `!!document.querySelector('${button}')?.textContent.includes('${on ? 'Bật' : 'Tắt'}')`,
    );
    await page.click(button);
    const t0 = Date.now();
    await page.click('#confirm-yes');
    let ev: CommandEvent | undefined;
    for (let j = 0; j < 400 && !ev; j++) {
      const list = (await st.call('events', { kind: 'command', limit: 5 })) as CommandEvent[];
      ev = list.find((e) => e.ts >= t0 && e.details.action === 'zone' && e.details.params?.zone === zone);
      if (!ev) await new Promise((r) => setTimeout(r, 25));
    }
    if (!ev) throw new Error(`zone ${zone} command did not reach the station`);
    ms.push(ev.ts - t0);
  }
  return ms;
}

export async function run(): Promise<Figure[]> {
  const dir = tempDir('loa-bench-console-');
  let rig: ConsoleRig | undefined;
  const calls: Call[] = [];
  // the listen figures hear the player through Web Audio, started outside a click
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    rig = await startConsoleRig(dir, REAL, LAB, N);
    await addUser(join(dir, 'hub'), 'an', 'admin', PASSWORD);
    const client = new (districtProto().grpc.loa.district.v1.GatewayService)(
      `127.0.0.1:${rig.hub.port}`,
      channelCredentials(),
    );
    for (const id of stationIds(N).slice(REAL)) calls.push(await lightSession(client, id));
    const weight = await pageWeight(await (await browser.newContext()).newPage(), rig.url);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await loggedIn(page, rig.url);
    const views = await firstView(page, rig.url);
    const st1 = new StationClient(join(dir, 'xa-1', 'station.sock'));
    const st2 = new StationClient(join(dir, 'xa-2', 'station.sock'));
    const alarms = await alarmLatency(page, rig.url, st1);
    const commands = await commandLatency(page, rig.url, st2);
    st1.close();
    st2.close();
    for (const c of calls) c.end();
    client.close();
    const listen = await listenFigures(browser, {
      url: rig.url,
      hubPort: rig.hub.port,
      dir,
      user: 'an',
      password: PASSWORD,
    });
    return [
      {
        name: 'console.page_weight_kb',
        value: Math.round(weight * 10) / 10,
        unit: 'kB',
        note: 'overview after login, all responses as transferred (target ≤ 250)',
      },
      {
        name: 'console.first_view_ms',
        value: Math.round(median(views)),
        unit: 'ms',
        note: `navigation → 15 stations listed, median of 10; max ${Math.round(Math.max(...views))} ms (target ≤ 1000)`,
      },
      {
        name: 'console.alarm_to_browser_p99_ms',
        value: percentile(alarms, 99),
        unit: 'ms',
        note: `simFault at a real station → alarm on the page, 20 runs; median ${median(alarms)} ms (target ≤ 2000)`,
      },
      {
        name: 'console.command_to_relay_p99_ms',
        value: percentile(commands, 99),
        unit: 'ms',
        note: `confirm click → the station drove the zone relay, 20 runs; median ${median(commands)} ms (target ≤ 1000)`,
      },
      ...listen,
    ];
  } finally {
    await browser.close();
    await rig?.stop();
  }
}
