/**
 * Echo and feedback safety: a station never relays its own output back. A capture device that
 * hears the output — the same ALSA device, a monitor of it (PulseAudio/PipeWire "….monitor"),
 * or the kernel loopback card (snd-aloop "Loopback": what is played on one side is captured on
 * the other) while the output is that card — is refused with a message naming both.
 */
import { keyed } from '../core/errors.js';
import type { TextVar } from '../core/i18n.js';

/** The card an ALSA device names: "plughw:CARD=Loopback,DEV=1" → "loopback", "hw:2,0" → "2". */
export function cardOf(device: string): string | undefined {
  const named = /CARD=([^,]+)/i.exec(device);
  if (named?.[1]) return named[1].toLowerCase();
  const numbered = /^(?:plug)?hw:([^,]+)/i.exec(device);
  return numbered?.[1]?.toLowerCase();
}

export function checkNoFeedback(capture: string, output: string | undefined): void {
  const refuse = (why: string, key: string) => {
    throw keyed(
      'CONFIG',
      `live.json mic.device "${capture}": ${why}; a station must never relay its own output back (feedback). Name the microphone's or line input's own card (arecord -L lists them)`,
      'r.live.feedback',
      { capture, why: { key, vars: { output: output ?? '' } } as TextVar },
    );
  };
  if (/monitor/i.test(capture)) refuse('a monitor of an output is not a microphone', 'r.live.fb.monitor');
  if (!output) return;
  if (capture === output) refuse(`it is the station's output device "${output}"`, 'r.live.fb.same');
  const card = cardOf(capture);
  if (card !== undefined && card === cardOf(output) && /loopback/i.test(card))
    refuse(
      `it is the loopback of the station's output "${output}" (snd-aloop captures what is played)`,
      'r.live.fb.loopback',
    );
}
