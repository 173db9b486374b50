/**
 * The sound output on a real board: a null or file output, a missing card or a card another
 * program holds is a FAULT (exit 2) — the village would hear nothing while the rest is green.
 * Replaces the generic audio-output finding of modules.ts for real boards; the simulator keeps
 * it. Reads the audio module's status (`sink`: kind, target, ok, error, real, from).
 */
import type { Catalog } from '../../core/i18n.js';
import { type Finding, fault, ok } from './types.js';

interface SinkSection {
  kind: string;
  target?: string;
  ok: boolean;
  error?: string;
  real?: boolean;
  from?: string;
}

/** ALSA's words for a device someone else has open (EBUSY). */
const BUSY = /busy|EBUSY/i;

export function checkSoundOutput(audio: unknown, general: Finding[]): Finding[] {
  const sink = (audio as { sink?: SinkSection } | undefined)?.sink;
  if (!sink?.real) return general;
  const rest = general.filter((f) => f.id !== 'audio.sink');
  const device = sink.target ?? '?';
  const error = (sink.error ?? '').slice(0, 200);
  let finding: Finding;
  if (sink.kind === 'null' || sink.kind === 'wav')
    finding = fault('audio.sink', 'doc.sound.silent', { kind: sink.kind });
  else if (sink.ok) finding = ok('audio.sink', 'doc.sound.ok', { kind: sink.kind, device });
  else if (BUSY.test(error)) finding = fault('audio.sink', 'doc.sound.busy', { device, error });
  else finding = fault('audio.sink', 'doc.sound.missing', { device, error });
  return [finding, ...rest];
}

export const soundMessages: Catalog = {
  'doc.sound.ok': {
    en: 'Sound output ({kind} {device}) is playing.',
    vi: 'Đầu ra âm thanh ({kind} {device}) đang phát.',
  },
  'doc.sound.ok.next': { en: '-', vi: '-' },
  'doc.sound.silent': {
    en: 'Sound output is "{kind}": this station plays to nothing, the villages hear silence.',
    vi: 'Đầu ra âm thanh là "{kind}": đài đang phát vào khoảng không, các thôn không nghe thấy gì.',
  },
  'doc.sound.silent.next': {
    en: 'Choose the sound card: sudo deploy/install.sh --sound (or remove "sink" from /var/lib/loa/audio.json to use the profile\'s card), then: sudo systemctl restart loa-station',
    vi: 'Chọn sound card: sudo deploy/install.sh --sound (hoặc xoá "sink" trong /var/lib/loa/audio.json để dùng card của cấu hình bo mạch), rồi chạy: sudo systemctl restart loa-station',
  },
  'doc.sound.missing': {
    en: 'Sound card {device} is missing: {error}',
    vi: 'Không thấy sound card {device}: {error}',
  },
  'doc.sound.missing.next': {
    en: 'Check the USB sound card is plugged in (aplay -l lists the cards); Loa retries by itself. If the card has another name: sudo deploy/install.sh --sound',
    vi: 'Kiểm tra sound card USB đã cắm chắc (aplay -l liệt kê các card); Loa tự thử lại. Nếu card có tên khác: sudo deploy/install.sh --sound',
  },
  'doc.sound.busy': {
    en: 'Sound card {device} is busy: another program holds it ({error})',
    vi: 'Sound card {device} đang bận: một chương trình khác đang giữ nó ({error})',
  },
  'doc.sound.busy.next': {
    en: 'Find the program with: sudo fuser -v /dev/snd/* — stop it (e.g. pulseaudio, another player); Loa retries by itself.',
    vi: 'Tìm chương trình bằng lệnh: sudo fuser -v /dev/snd/* — tắt nó (ví dụ pulseaudio, trình phát khác); Loa tự thử lại.',
  },
};
