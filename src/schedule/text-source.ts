/**
 * A scheduled text item as the engine plays it: the attention chime and the speech, as many
 * times as asked, then the closing chime — one playlist, gapless. The speech comes from the
 * station's speaker (rendered once, kept in the media cache, verified before air).
 */
import { LoaError } from '../core/errors.js';
import type { Speaker } from '../speech/speaker.js';
import type { TextSource } from './document.js';
import type { TextRender } from './sources.js';

export function textRenderer(
  speaker: () => Speaker | undefined,
  attentionPath: string,
  closingPath: string,
): TextRender {
  return async (src: TextSource) => {
    const s = speaker();
    if (!s) throw new LoaError('UNAVAILABLE', 'this station cannot speak text (no speech module)');
    const r = await s.speak({ text: src.text, voice: src.voice });
    const paths: string[] = [];
    for (let i = 0; i < src.repeat; i++) paths.push(attentionPath, r.path);
    return {
      source: { kind: 'playlist', paths: [...paths, closingPath] },
      speech: {
        textSha256: r.textSha256,
        voice: r.voice,
        engine: r.engine,
        engineVersion: r.engineVersion,
        chars: [...src.text].length,
      },
    };
  };
}
