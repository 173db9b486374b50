/**
 * Hears the console's listen-in player from inside the page: as soon as the player's <audio>
 * element (#listen-audio) appears, its output goes through a Web Audio AnalyserNode, and the
 * spectrum's peak is read every 20 ms. The time of the click on a Listen button and the time
 * the tone was first heard are kept in the page (performance.now(), so the figure is the page's
 * own clock, not the test's round trips).
 */
import type { Page } from 'playwright-core';

export interface Heard {
  /** The spectrum's peak now (Hz) and its level (dBFS). */
  hz: number;
  db: number;
  /** Click on Listen → first window where the peak was at the tone (ms), once heard. */
  startMs: number | undefined;
}

/**
 * The page side, as source text: the test's TypeScript has no DOM types, and this runs only in
 * the page. `TONE` is replaced by the frequency that counts as heard.
 */
const PROBE = `(() => {
  const tone = TONE;
  const probe = { hz: 0, db: -200 };
  globalThis.__probe = probe;
  document.addEventListener('click', (e) => {
    if (e.target.closest && e.target.closest('[data-listen]')) probe.clickAt = performance.now();
  }, true);
  const attach = (audio) => {
    const ctx = new AudioContext();
    const an = ctx.createAnalyser();
    an.fftSize = 8192;
    ctx.createMediaElementSource(audio).connect(an);
    an.connect(ctx.destination);
    const bins = new Float32Array(an.frequencyBinCount);
    setInterval(() => {
      an.getFloatFrequencyData(bins);
      let best = 0;
      for (let i = 1; i < bins.length; i++) if (bins[i] > bins[best]) best = i;
      probe.hz = (best * ctx.sampleRate) / an.fftSize;
      probe.db = bins[best];
      if (probe.heardAt === undefined && Math.abs(probe.hz - tone) < 20 && probe.db > -60)
        probe.heardAt = performance.now();
    }, 20);
  };
  new MutationObserver(() => {
    const a = document.getElementById('listen-audio');
    if (a && !a.__tapped) {
      a.__tapped = true;
      attach(a);
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

/** Installs the detector (before the Listen click): `toneHz` is what counts as heard. */
export async function armListenProbe(page: Page, toneHz: number): Promise<void> {
  await page.evaluate(PROBE.replace('TONE', String(Number(toneHz))));
}

export function heard(page: Page): Promise<Heard> {
  return page.evaluate(() => {
    const p = (globalThis as { __probe?: { clickAt?: number; heardAt?: number; hz: number; db: number } })
      .__probe;
    if (!p) return { hz: 0, db: -200, startMs: undefined };
    const startMs = p.heardAt !== undefined && p.clickAt !== undefined ? p.heardAt - p.clickAt : undefined;
    return { hz: p.hz, db: p.db, startMs };
  });
}
