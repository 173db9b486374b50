/**
 * The station's one clock for people: every time a technician reads is the station's local
 * time (its config.json `timezone`, Asia/Ho_Chi_Minh by default) with its UTC offset, and JSON
 * carries ISO 8601 with that offset — so a fault at 19:17 reads 19:17 next to a schedule that
 * says 19:17, whatever TZ the SSH session has.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function parts(ms: number, tz: string): Record<string, string> {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

/** "+07:00": the zone's offset from UTC at that instant. */
export function utcOffset(ms: number, tz: string): string {
  const p = parts(ms, tz);
  const wall = Date.UTC(
    +(p.year ?? 0),
    +(p.month ?? 1) - 1,
    +(p.day ?? 1),
    +(p.hour ?? 0),
    +(p.minute ?? 0),
    +(p.second ?? 0),
  );
  const min = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the offset: "2026-12-05T19:17:03.120+07:00" (for JSON). */
export function isoLocal(ms: number, tz: string): string {
  const p = parts(ms, tz);
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}.${frac}${utcOffset(ms, tz)}`;
}

/** "2026-12-05 19:17:03 +07:00" (for people). */
export function humanLocal(ms: number, tz: string): string {
  return humanFromIso(isoLocal(ms, tz));
}

/** An ISO time with offset as people read it; anything else is returned unchanged. */
export function humanFromIso(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?([+-]\d\d:\d\d|Z)$/.exec(iso);
  if (!m) return iso;
  return `${m[1]} ${m[2]} ${m[3] === 'Z' ? '+00:00' : m[3]}`;
}
