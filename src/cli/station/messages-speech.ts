/** stationctl's words for text bulletins (say) and the voice, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const speechMessages: Catalog = {
  'say.started': {
    en: '{tier} text bulletin {id} on zones {zones} ({repeat}×), read by {voice} ({engine} {version}{cached}):\n  "{spoken}"',
    vi: 'Bản tin văn bản {tier} {id} trên vùng {zones} ({repeat} lần), giọng đọc {voice} ({engine} {version}{cached}):\n  "{spoken}"',
  },
  'preview.written': {
    en: 'Preview written to {file} (voice {voice}, {engine}):\n  "{spoken}"',
    vi: 'Đã ghi bản nghe thử vào {file} (giọng {voice}, {engine}):\n  "{spoken}"',
  },
  'bulletin.none': {
    en: 'No text bulletin sent from this hub.',
    vi: 'Chưa gửi bản tin văn bản nào từ máy chủ này.',
  },
  'cap.none': { en: 'No CAP alert received.', vi: 'Chưa nhận được cảnh báo CAP nào.' },
  'heard.yes': { en: 'HEARD', vi: 'ĐÃ PHÁT RA LOA' },
  'heard.no': { en: 'NOT confirmed', vi: 'CHƯA xác nhận' },
  'heard.none': { en: 'not played (yet)', vi: 'chưa phát' },
  'heard.onAir': { en: 'on air', vi: 'đang phát' },
  'heard.amp': { en: 'amplifier', vi: 'tăng âm' },
  'heard.zones': { en: 'zones', vi: 'vùng' },
  'say.cached': { en: ', already rendered', vi: ', đã có sẵn' },
  'say.stopped': { en: 'Bulletin stopped.', vi: 'Đã dừng bản tin.' },
  'say.noText': {
    en: 'say: give the text to read (in quotes) or --file FILE',
    vi: 'say: nhập nội dung cần đọc (trong dấu ngoặc kép) hoặc --file TỆP',
  },
  'voice.status': {
    en: 'Voice: {voice} ({engine} {version}), speed {speed} words/min, pitch {pitch}; voices: {voices}',
    vi: 'Giọng đọc: {voice} ({engine} {version}), tốc độ {speed} từ/phút, cao độ {pitch}; các giọng: {voices}',
  },
  'voice.natural.failed': {
    en: 'Natural voice {model} NOT in use (espeak-ng reads instead): {error}',
    vi: 'KHÔNG dùng được giọng đọc tự nhiên {model} (espeak-ng đọc thay): {error}',
  },
  'voice.natural.loading': {
    en: 'Natural voice {model}: loading',
    vi: 'Giọng đọc tự nhiên {model}: đang nạp',
  },
  'voice.missing': {
    en: 'Text-to-speech is NOT available: {problem}',
    vi: 'KHÔNG đọc được văn bản: {problem}',
  },
  'tier.normal': { en: 'normal', vi: 'thông thường' },
  'tier.priority': { en: 'PRIORITY', vi: 'ƯU TIÊN' },
  'tier.emergency': { en: 'EMERGENCY', vi: 'KHẨN CẤP' },
};
