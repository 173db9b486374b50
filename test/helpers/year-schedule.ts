/**
 * A year of a busy commune's schedule (docs/schedule.md, "Size limits"): news relayed every
 * morning and evening, weekly programmes, and three one-off announcements a day for 365 days —
 * about 1,100 programmes. Sources are relays (no media files needed).
 */
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export function yearSchedule(year = 2027, oneOffsPerDay = 3): Record<string, unknown> {
  const relay = (path: string) => ({ kind: 'relay', url: `http://radio.example.vn/${path}` });
  const programmes: Record<string, unknown>[] = [
    { id: 'news-am', title: 'Bản tin sáng', start: '06:00', duration: '30m', source: relay('vov1') },
    { id: 'news-pm', title: 'Bản tin chiều', start: '17:00', duration: '30m', source: relay('vov1') },
  ];
  WEEK.forEach((d, i) => {
    programmes.push({
      id: `weekly-${d}`,
      title: `Chuyên mục ${i + 1}`,
      days: [d],
      start: '19:00',
      duration: '45m',
      source: relay(`weekly/${d}`),
    });
  });
  const day0 = Date.UTC(year, 0, 1);
  for (let d = 0; d < 365; d++) {
    const date = new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < oneOffsPerDay; k++)
      programmes.push({
        id: `tb-${date}-${k}`,
        title: `Thông báo ${date} số ${k + 1}`,
        date,
        start: `${String(9 + 2 * k).padStart(2, '0')}:00`,
        duration: '15m',
        tier: k === 0 ? 'priority' : 'normal',
        zones: 'all',
        source: relay(`thong-bao/${date}/${k}`),
      });
  }
  return { schema: 1, version: 1, timezone: 'Asia/Ho_Chi_Minh', valid_until: `${year}-12-31`, programmes };
}
