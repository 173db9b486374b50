/** stationctl's words for live voice (live start|stop|status), in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const liveMessages: Catalog = {
  'live.started': {
    en: 'Microphone ON AIR soon ({tier}) on zones {zones}: power-up and chime first, then speak. Stop with: stationctl live stop',
    vi: 'Micro sắp LÊN SÓNG ({tier}) trên vùng {zones}: bật nguồn và chuông báo trước, sau đó hãy nói. Dừng bằng: stationctl live stop',
  },
  'live.stopped': { en: 'Live voice stopped ({seconds} s).', vi: 'Đã dừng phát trực tiếp ({seconds} giây).' },
  'live.none': { en: 'No live voice on air.', vi: 'Không có phát trực tiếp nào đang lên sóng.' },
  'live.on': {
    en: 'LIVE {via} ({tier}) on zones {zones}, {phase}{by}',
    vi: 'TRỰC TIẾP {via} ({tier}) trên vùng {zones}, {phase}{by}',
  },
  'live.level': { en: 'Level: {bar} {rms} dBFS (peak {peak})', vi: 'Mức: {bar} {rms} dBFS (đỉnh {peak})' },
  'live.last': {
    en: 'Last live voice: {via}, {seconds} s, ended: {cause}{detail}',
    vi: 'Lần phát trực tiếp trước: {via}, {seconds} giây, kết thúc: {cause}{detail}',
  },
  'live.mic': { en: 'Microphone: {device}{ptt}', vi: 'Micro: {device}{ptt}' },
  'live.mic.none': {
    en: 'Microphone: none (name its ALSA capture device in live.json mic.device)',
    vi: 'Micro: chưa có (ghi thiết bị thu ALSA vào live.json mic.device)',
  },
  'live.mic.refused': { en: 'Microphone REFUSED: {problem}', vi: 'Micro BỊ TỪ CHỐI: {problem}' },
  'live.ptt.down': { en: ', push-to-talk pressed', vi: ', đang nhấn nút nói' },
  'live.ptt.up': { en: ', push-to-talk released', vi: ', nút nói đang nhả' },
  'via.mic': { en: 'microphone', vi: 'micro' },
  'via.district': { en: 'from the district', vi: 'từ huyện' },
  'phase.powering': { en: 'powering up', vi: 'đang bật nguồn' },
  'phase.attention': { en: 'chime', vi: 'chuông báo' },
  'phase.message': { en: 'ON AIR', vi: 'ĐANG LÊN SÓNG' },
  'phase.ending': { en: 'ending', vi: 'đang kết thúc' },
  'cause.gate': { en: 'nobody spoke (noise gate)', vi: 'không ai nói (cổng tạp âm)' },
  'cause.stopped': { en: 'stopped', vi: 'đã dừng' },
  'cause.ended': { en: 'finished', vi: 'đã xong' },
  'cause.stalled': { en: 'the feed stopped arriving', vi: 'tín hiệu ngừng đến' },
  'cause.failed': { en: 'FAILED', vi: 'LỖI' },
  'tier.priority': { en: 'PRIORITY', vi: 'ƯU TIÊN' },
  'tier.emergency': { en: 'EMERGENCY', vi: 'KHẨN CẤP' },
};
