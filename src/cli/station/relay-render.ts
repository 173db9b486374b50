/**
 * `stationctl test relays` for a person: each relay's contact when commanded on and off, and
 * for one that failed what the readings mean and what to do — a technician acts on "replace
 * the relay", not on "when on: true, when off: true".
 */
import type { RelayResult } from '../../diagnostics/relay-test.js';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Which way a relay failed, from its two contact readings. */
export function relayVerdict(r: RelayResult): string | undefined {
  if (r.ok) return undefined;
  if (r.onContact === true && r.offContact === true) return 'stuckOn';
  if (r.onContact === false && r.offContact === false) return 'neverCloses';
  return 'inverted';
}

export function renderRelayTest(results: RelayResult[], t: T): string {
  const word = (b: boolean | undefined) =>
    b === undefined ? '-' : t(b ? 'ops.relays.closed' : 'ops.relays.open');
  const lines: string[] = [];
  for (const r of results) {
    const mark = r.ok ? t('ops.relays.ok') : t('ops.relays.fail');
    lines.push(
      `${mark}  ${r.output.padEnd(10)} ${t('ops.relays.row', { on: word(r.onContact), off: word(r.offContact) })}`,
    );
    const v = relayVerdict(r);
    if (v) lines.push(`      → ${t(`ops.relays.${v}`, { output: r.output })}`);
  }
  const bad = results.filter((r) => !r.ok).length;
  lines.push('', bad ? t('ops.relays.summary.bad', { n: bad }) : t('ops.relays.summary.ok'));
  return lines.join('\n');
}
