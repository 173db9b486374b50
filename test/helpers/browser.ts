/**
 * Debian's chromium, headless, driven by playwright-core (no browser download: the system
 * browser at /usr/bin/chromium, apt package "chromium", scripts/ensure-system.sh --test).
 * playwright gives each launch a fresh --user-data-dir of its own (a temporary profile); the
 * other flags keep the browser off the network beyond the loopback console it is pointed at.
 */
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type BrowserServer, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LOA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extra`: more flags, e.g. fakeMicrophone(WAV) for the live voice tests, or
 * --autoplay-policy=no-user-gesture-required for listen-in. */
export async function launchChromium(extra: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install chromium (scripts/ensure-system.sh --test)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extra],
    timeout: 60_000,
  });
}

/** A browser whose process the test can kill (SIGKILL: no pagehide, no goodbye on any socket). */
export async function killableChromium(
  extra: string[] = [],
): Promise<{ browser: Browser; server: BrowserServer }> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} missing: apt-get install chromium (scripts/ensure-system.sh --test)`);
  const server = await chromium.launchServer({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extra],
    timeout: 60_000,
  });
  return { browser: await chromium.connect(server.wsEndpoint()), server };
}

/**
 * Chromium's fake capture device playing `wav` in a loop as the microphone, granted without a
 * prompt (checked headless with Debian's chromium: getUserMedia gets "Fake Default Audio Input").
 */
export function fakeMicrophone(wav: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
  ];
}

/** Signs in on the console's login form and waits for the overview to list `station`. */
export async function loginAs(page: Page, name: string, password: string, station: string): Promise<void> {
  await page.fill('#login-name', name);
  await page.fill('#login-password', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector(`#station-list [data-station="${station}"]`);
}

export interface ConsoleLogin {
  name: string;
  password: string;
  /** A station the overview must list before the page is handed back. */
  station: string;
  viewport?: { width: number; height: number };
  locale?: string;
}

/** A fresh browser context on the console at `url`, signed in (loginAs). */
export async function consolePage(
  browser: Browser,
  url: string,
  o: ConsoleLogin,
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: o.viewport ?? { width: 1280, height: 900 },
    locale: o.locale ?? 'vi-VN',
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(url);
  await loginAs(page, o.name, o.password, o.station);
  return { ctx, page };
}
