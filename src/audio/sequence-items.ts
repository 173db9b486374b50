/** The items an on-demand source plays: decoder inputs (tone, silence) or files to resolve. */
import type { DecoderInput } from './decoder.js';
import type { SourceSpec } from './port.js';

export type Item = { input: DecoderInput } | { path: string; offsetMs?: number | undefined };

export function itemsOf(
  s: Exclude<SourceSpec, { kind: 'stream' } | { kind: 'live' }>,
  random: () => number,
): Item[] {
  if (s.kind === 'tone')
    return [
      {
        input: { kind: 'lavfi', graph: `sine=frequency=${s.hz}:sample_rate=48000`, durationMs: s.durationMs },
      },
    ];
  if (s.kind === 'silence')
    return [{ input: { kind: 'lavfi', graph: 'anullsrc=r=48000:cl=stereo', durationMs: s.durationMs } }];
  if (s.kind === 'file') return [{ path: s.path, offsetMs: s.offsetMs }];
  const paths = s.shuffle ? shuffled(s.paths, random) : [...s.paths];
  return paths.map((path) => ({ path }));
}

function shuffled<T>(xs: readonly T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
