/** An event read by the hub's console in Vietnamese from its kind, message and details. */
import { describe, expect, it } from 'vitest';
import { derivedText } from '../../src/core/event-text.js';
import type { Lang } from '../../src/core/i18n.js';
import { eventText } from '../../src/ops/alarm-text.js';

/** An event stored without its text (an older station), as the hub's readers say it. */
const alarmEventText = (e: { kind: string; message: string; details: Record<string, unknown> }, lang: Lang) =>
  eventText({ ...e, text: derivedText(e.kind, e.details) }, lang);

describe('an alarm event without its text', () => {
  it('renders an alarm raised with its details, and its end when the words need none', () => {
    const raised = {
      kind: 'relay.stuck:zone.2',
      message: 'relay zone.2 stuck',
      details: { output: 'zone.2', alarm: 'raised' },
    };
    expect(alarmEventText(raised, 'vi')).toBe(
      'rơ-le zone.2 không đóng/ngắt theo lệnh (tiếp điểm đọc ngược lại)',
    );
    expect(alarmEventText(raised, 'en')).toBe('relay zone.2 stuck');
    const ended = { kind: 'mains.lost', message: 'mains back', details: { alarm: 'cleared' } };
    expect(alarmEventText(ended, 'vi')).toBe('đã hết: MẤT ĐIỆN LƯỚI: các đầu ra ở trạng thái an toàn');
  });

  it('keeps the English where it cannot say the whole sentence', () => {
    // the end of an alarm whose words need a detail the ended event does not carry
    const ended = { kind: 'relay.stuck:zone.2', message: 'relay zone.2 free', details: { alarm: 'cleared' } };
    expect(alarmEventText(ended, 'vi')).toBe('relay zone.2 free');
    const other = { kind: 'power.on', message: 'power chain on', details: {} };
    expect(alarmEventText(other, 'vi')).toBe('power chain on');
  });
});
