/** Words of stationctl's field-operations commands, in English and Vietnamese. */
import type { Catalog } from '../../core/i18n.js';

export const opsMessages: Catalog = {
  'ops.needYes': {
    en: 'this command switches equipment: add --yes to confirm',
    vi: 'lệnh này đóng/ngắt thiết bị: thêm --yes để xác nhận',
  },
  'ops.relays.confirm': {
    en: 'This switches every zone relay and the mute relay on and off (amplifier and transmitter stay off). Continue?',
    vi: 'Lệnh này sẽ bật rồi tắt từng rơ-le vùng và rơ-le tắt tiếng (tăng âm và máy phát vẫn tắt). Tiếp tục?',
  },
  'ops.relays.row': {
    en: 'contact when on: {on}, when off: {off}',
    vi: 'tiếp điểm khi bật: {on}, khi tắt: {off}',
  },
  'ops.relays.ok': { en: ' ok ', vi: ' tốt' },
  'ops.relays.fail': { en: 'FAIL', vi: 'LỖI ' },
  'ops.relays.closed': { en: 'closed', vi: 'đóng' },
  'ops.relays.open': { en: 'open', vi: 'mở' },
  'ops.relays.stuckOn': {
    en: 'its contact stays closed when switched off: the relay is stuck (welded) on. Replace it; until then switch that output off at its breaker.',
    vi: 'tiếp điểm vẫn đóng khi đã ngắt: rơ-le bị dính. Hãy thay rơ-le; trong lúc chờ, ngắt aptomat của đầu ra đó.',
  },
  'ops.relays.neverCloses': {
    en: 'its contact never closes: the relay does not pull in. Check its plug on the relay board and the board supply; if they are fine, replace the relay.',
    vi: 'tiếp điểm không bao giờ đóng: rơ-le không hút. Kiểm tra đầu cắm trên bo rơ-le và nguồn của bo; nếu vẫn tốt thì thay rơ-le.',
  },
  'ops.relays.inverted': {
    en: 'its contact reads the opposite of the command: the feedback wire is on the wrong terminal (NO/NC). Check the wiring of {output}.',
    vi: 'tiếp điểm đọc ngược với lệnh: dây phản hồi đấu nhầm cực (NO/NC). Kiểm tra dây của {output}.',
  },
  'ops.relays.summary.ok': {
    en: 'Every relay follows its command.',
    vi: 'Tất cả rơ-le đều đóng/ngắt đúng lệnh.',
  },
  'ops.relays.summary.bad': {
    en: '{n} relay(s) failed: see what to do under each; after a repair run stationctl test relays --yes again.',
    vi: '{n} rơ-le bị lỗi: xem cách xử lý dưới từng dòng; sửa xong chạy lại stationctl test relays --yes.',
  },
  'ops.tone.confirm': {
    en: 'This powers up the amplifier (the transmitter stays off) with only zone {zone} switched on and plays {hz} Hz for {seconds} s. Continue?',
    vi: 'Lệnh này bật tăng âm (máy phát vẫn tắt), chỉ bật vùng {zone} và phát âm {hz} Hz trong {seconds} giây. Tiếp tục?',
  },
  'ops.tone.started': {
    en: "Tone {hz} Hz on zone {zone} for {seconds} s: listen at that zone's loudspeakers.\nAmplifier current {amp} A, output peak {peak} dBFS. Ctrl-C ends the test early.",
    vi: 'Đang phát âm {hz} Hz trên vùng {zone} trong {seconds} giây: hãy nghe ở các loa của vùng đó.\nDòng tăng âm {amp} A, mức ra đỉnh {peak} dBFS. Ctrl-C để dừng sớm.',
  },
  'ops.tone.end.finished': {
    en: 'Tone test finished; power and zones are back as they were.',
    vi: 'Đã thử âm xong; nguồn và các vùng đã trở lại như trước.',
  },
  'ops.tone.end.stopped': {
    en: 'Tone test stopped; power and zones are back as they were.',
    vi: 'Đã dừng thử âm; nguồn và các vùng đã trở lại như trước.',
  },
  'ops.tone.end.pre-empted': {
    en: 'A programme or an emergency took over during the test; the tone stopped and power is left to it.',
    vi: 'Một chương trình hoặc bản tin khẩn cấp đã phát chen vào; âm thử đã dừng và nguồn để cho chương trình đó.',
  },
  'ops.tone.end.failed': {
    en: 'Tone test failed: {detail}. Power and zones are back as they were; run stationctl doctor.',
    vi: 'Thử âm thất bại: {detail}. Nguồn và các vùng đã trở lại như trước; hãy chạy stationctl doctor.',
  },
  'ops.tone.end.none': {
    en: 'No tone test is running.',
    vi: 'Không có lần thử âm nào đang chạy.',
  },
  'ops.logs.none': { en: 'No log lines match.', vi: 'Không có dòng nhật ký nào phù hợp.' },
  'ops.watch.down': {
    en: 'Station daemon unreachable ({msg}); retrying…  (q: quit)',
    vi: 'Không kết nối được dịch vụ đài ({msg}); đang thử lại…  (q: thoát)',
  },
};
