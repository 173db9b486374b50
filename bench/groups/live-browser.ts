/**
 * live.mouth_to_output_ms as issue 21 defines it: the console's own speak page in headless
 * Debian chromium, its microphone Chromium's fake capture device playing a WAV made here
 * (every 5 s: two 300 ms bursts of 1000 Hz, then 4 s of silence — bursts, because the browser's
 * noise suppression removes a steady tone). "Mouth" is the tone's onset in the page: an
 * AnalyserNode on the very stream getUserMedia gave the page (hooked by an init script: the
 * page's code is unchanged), polled every 5 ms, stamped with Date.now(). "Output" is the first
 * 1000 Hz period the station's sound-card stand-in plays after it (tone-sink.mjs, Date.now() of
 * the same machine). Loopback network; three onsets after "speak now", median.
 * Also live.browser_bytes_per_minute (below).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fakeMicrophone, launchChromium } from '../../test/helpers/browser.js';
import { addUser } from '../../test/helpers/console-rig.js';
import { renderLavfi } from '../../test/helpers/tone-files.js';
import { type Figure, median } from '../figures.js';
import { waitFor } from './link.js';

interface Heard {
  at: number;
  hz: number;
}

export interface BrowserRig {
  consoleUrl: string;
  hubDir: string;
  station: string;
  heard(): Heard[];
  /** Bytes hub → station so far (the link relay's count). */
  bytesDown(): number;
}

const PASSWORD = 'bench-live-password';

/** Onsets (Date.now()) of sound after ≥ 1 s of quiet on the captured stream, kept in window.__onsets. */
const ONSET_HOOK = `(() => {
  const md = navigator.mediaDevices;
  const gum = md.getUserMedia.bind(md);
  window.__onsets = [];
  md.getUserMedia = async (c) => {
    const stream = await gum(c);
    const ctx = new AudioContext();
    const an = ctx.createAnalyser();
    an.fftSize = 256;
    ctx.createMediaStreamSource(stream).connect(an);
    const buf = new Float32Array(an.fftSize);
    let quietSince = Date.now();
    let loud = false;
    setInterval(() => {
      an.getFloatTimeDomainData(buf);
      let peak = 0;
      for (const x of buf) peak = Math.max(peak, Math.abs(x));
      const db = peak > 0 ? 20 * Math.log10(peak) : -120;
      const now = Date.now();
      if (db > -30 && !loud) {
        if (now - quietSince >= 1000) window.__onsets.push(now);
        loud = true;
      } else if (db < -50 && loud) {
        loud = false;
        quietSince = now;
      }
    }, 5);
    return stream;
  };
})();`;

/** `gaps`: 4 s of silence every 5 s (onsets to time); else bursts throughout (a talker's bytes). */
function micWav(file: string, gaps = true): string {
  const on = gaps ? 'lt(mod(t,5),1)*lt(mod(t,0.5),0.3)' : 'lt(mod(t,0.5),0.3)';
  const graph = `sine=f=1000:d=60:sample_rate=48000,volume='0.5*${on}':eval=frame`;
  return renderLavfi(file, graph, ['-ac', '1']);
}

async function goOnAir(page: Page, r: BrowserRig): Promise<number> {
  await page.goto(r.consoleUrl);
  await page.fill('#login-name', 'bench-op');
  await page.fill('#login-password', PASSWORD);
  await page.click('#login button[type=submit]');
  await page.waitForSelector(`#station-list [data-station="${r.station}"]`);
  await page.goto(`${r.consoleUrl}#/speak`);
  await page.check(`#speak input[data-station="${r.station}"]`);
  await page.click('#speak-start');
  // the check may land in the file's silence: the warning is acknowledged, as an operator would
  const first = await Promise.race([
    page.waitForSelector('#speak-warning:not([hidden])', { timeout: 60_000 }).then(() => 'warning'),
    page.waitForSelector('#speak-status.now', { timeout: 60_000 }).then(() => 'now'),
  ]);
  if (first === 'warning') await page.click('#speak-anyway');
  await page.waitForSelector('#speak-status.now', { timeout: 60_000 });
  return Date.now();
}

/**
 * live.browser_bytes_per_minute: hub → station bytes (the relay's count: gRPC framing, TCP
 * payload, the session's own traffic) for 30 s after "speak now" of the page's own
 * MediaRecorder output (20 kbit/s asked), the microphone busy throughout, per minute.
 */
export async function browserBytesPerMinute(r: BrowserRig, dir: string): Promise<Figure> {
  const browser = await launchChromium(fakeMicrophone(micWav(join(dir, 'talk.wav'), false)));
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await goOnAir(page, r);
    const b0 = r.bytesDown();
    const t0 = Date.now();
    await new Promise((res) => setTimeout(res, 30_000));
    const perMin = ((r.bytesDown() - b0) / (Date.now() - t0)) * 60_000;
    await page.click('#speak-stop');
    await page.waitForSelector('#speak-status.done', { timeout: 30_000 });
    return {
      name: 'live.browser_bytes_per_minute',
      value: Math.round(perMin / 100) / 10,
      unit: 'kB',
      note: 'hub → station bytes through the relay, 30 s of the browser\'s MediaRecorder Opus (20 kbit/s asked) after "speak now", per minute; target ≤ 250',
    };
  } finally {
    await browser.close();
  }
}

export async function browserMouthToOutput(r: BrowserRig, dir: string): Promise<Figure> {
  await addUser(r.hubDir, 'bench-op', 'operator', PASSWORD);
  const browser = await launchChromium(fakeMicrophone(micWav(join(dir, 'mic.wav'))));
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(30_000);
    await page.addInitScript(ONSET_HOOK);
    const onAir = await goOnAir(page, r);
    const onsets = async () =>
      ((await page.evaluate('window.__onsets')) as number[]).filter((t) => t > onAir + 200);
    await waitFor(async () => (await onsets()).length >= 3, 60_000);
    const lat: number[] = [];
    for (const t of (await onsets()).slice(0, 3)) {
      let out: Heard | undefined;
      await waitFor(async () => {
        out = r.heard().find((h) => h.at >= t && h.hz === 1000);
        return out !== undefined;
      }, 30_000);
      lat.push((out as Heard).at - t);
    }
    await page.click('#speak-stop');
    await page.waitForSelector('#speak-status.done', { timeout: 30_000 });
    return {
      name: 'live.mouth_to_output_ms',
      value: median(lat),
      unit: 'ms',
      note: `tone onset in the browser's fake capture (AnalyserNode on the page's stream) → tone at a warm station's output, console → hub → station on loopback, median of 3 (${lat.join(', ')}); target ≤ 1500`,
    };
  } finally {
    await browser.close();
  }
}
