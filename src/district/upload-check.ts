/**
 * What the hub refuses to keep from UploadMedia (issue 13, item 6): a file without a name
 * (operators and stations would see an empty name in every list), an upload with no bytes,
 * and a file ffprobe finds no audio stream in — a station would only fail to play it, at
 * broadcast time. Checked on the complete temporary file, before it is kept or listed.
 */
import { LoaError } from '../core/errors.js';
import { probeAudio } from '../media/probe.js';

export function uploadCheck(name: () => string) {
  return async (file: string, size: number): Promise<void> => {
    if (!name())
      throw new LoaError(
        'INVALID_ARGUMENT',
        'name: the file name of the upload (the first message carries it)',
      );
    if (size === 0) throw new LoaError('INVALID_ARGUMENT', `${name()}: no bytes were uploaded`);
    const p = await probeAudio(file);
    if (!p.ok) throw new LoaError('INVALID_ARGUMENT', `${name()}: not playable audio (${p.error})`);
  };
}
