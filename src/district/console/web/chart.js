// Each line's measurement history on a station's page (issue 17 item 5): inline SVG drawn here
// (no chart library, nothing fetched from outside). Per zone: the impedance (Ω) against the
// reference band (baseline ± tolerance, docs/lines.md), the short and open limits, the earth
// leakage (kΩ) against its fault limit, and the stretches where the line was faulted shaded
// and marked ✕. The hub sends at most 240 points per zone (line-history.ts); 360 px wide fits.
import { api } from './api.js';
import { h, replace, svg } from './dom.js';
import { lang, t } from './i18n.js';

const W = 360;
const H = 170;
const M = { l: 44, r: 8, t: 10, b: 24 };
const RANGES = ['24h', '7d', '30d'];
const FAULT = new Set(['short', 'open', 'earth-fault', 'sensor-fault']);

function tick(ms, range) {
  const o = range === '24h' ? { hour: '2-digit', minute: '2-digit' } : { day: '2-digit', month: '2-digit' };
  return new Date(ms).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    ...o,
  });
}

/** Round numbers for the y axis: 1, 2 or 5 times a power of ten. */
function niceMax(v) {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p;
}

/**
 * One chart: `value(p)` of each point as a step line (a reading holds until the next change),
 * `end` the current reading drawn up to now. `lines` are horizontal limits, `band` a shaded
 * range; values above the axis are drawn on its top edge (marked ▲).
 */
function plot(data, zone, o) {
  const x0 = data.sinceMs;
  const x1 = data.untilMs;
  const pts = zone.points.filter((p) => o.value(p) !== null);
  const top = niceMax(o.yMax);
  const X = (ms) => M.l + ((ms - x0) / (x1 - x0)) * (W - M.l - M.r);
  const Y = (v) => H - M.b - (Math.min(v, top) / top) * (H - M.t - M.b);
  const el = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart',
    role: 'img',
    'aria-label': `${o.title} — ${t('zone')} ${zone.id}`,
    'data-zone': zone.id,
    'data-kind': o.kind,
  });
  el.append(svg('rect', { x: M.l, y: M.t, width: W - M.l - M.r, height: H - M.t - M.b, class: 'plot' }));
  for (let i = 0; i <= 4; i++) {
    const v = (top * i) / 4;
    el.append(
      svg('line', { x1: M.l, x2: W - M.r, y1: Y(v), y2: Y(v), class: 'grid' }),
      svg(
        'text',
        { x: M.l - 4, y: Y(v) + 4, 'text-anchor': 'end', class: 'axis' },
        String(+v.toPrecision(3)),
      ),
    );
  }
  for (let i = 0; i <= 3; i++) {
    const ms = x0 + ((x1 - x0) * i) / 3;
    const anchor = i === 0 ? 'start' : i === 3 ? 'end' : 'middle';
    el.append(
      svg('text', { x: X(ms), y: H - 6, 'text-anchor': anchor, class: 'axis' }, tick(ms, data.range)),
    );
  }
  el.append(svg('text', { x: 4, y: M.t + 8, class: 'axis unit' }, o.unit));
  if (o.band) {
    const [lo, hi] = o.band;
    el.append(
      svg('rect', {
        x: M.l,
        width: W - M.l - M.r,
        y: Y(hi),
        height: Math.max(1, Y(lo) - Y(hi)),
        class: 'band',
      }),
    );
  }
  for (const l of o.lines ?? [])
    if (l.v !== null && l.v <= top)
      el.append(
        svg('line', { x1: M.l, x2: W - M.r, y1: Y(l.v), y2: Y(l.v), class: `limit ${l.cls}` }),
        svg('text', { x: W - M.r - 2, y: Y(l.v) - 3, 'text-anchor': 'end', class: `axis ${l.cls}` }, l.label),
      );
  faults(el, zone.points, x1, X);
  if (pts.length) el.append(stepPath(zone.points, o.value, x1, X, Y, top));
  else
    el.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', class: 'axis' }, t('noReadings')));
  return el;
}

/** Where the line was faulted: shaded from the reading that said so to the next change, marked ✕. */
function faults(el, points, x1, X) {
  points.forEach((p, i) => {
    if (!FAULT.has(p.state)) return;
    const end = points[i + 1]?.t ?? x1;
    el.append(
      svg('rect', {
        x: X(p.t),
        y: M.t,
        width: Math.max(2, X(end) - X(p.t)),
        height: H - M.t - M.b,
        class: 'fault',
        'data-state': p.state,
      }),
      svg(
        'text',
        { x: X(p.t), y: M.t + 12, 'text-anchor': 'middle', class: 'fault-mark' },
        '✕',
        svg('title', {}, p.state),
      ),
    );
  });
}

/** A reading holds until the next one; a point with no reading (an open line reads none) breaks the line. */
function stepPath(points, value, x1, X, Y, top) {
  let d = '';
  let pen = false;
  const g = svg('g', {});
  points.forEach((p, i) => {
    const v = value(p);
    if (v === null) {
      pen = false;
      return;
    }
    const next = points[i + 1]?.t ?? x1;
    d += `${pen ? 'L' : 'M'}${X(p.t).toFixed(1)},${Y(v).toFixed(1)}H${X(next).toFixed(1)}`;
    pen = true;
    if (v > top)
      g.append(svg('text', { x: X(p.t), y: M.t + 22, 'text-anchor': 'middle', class: 'axis off' }, '▲'));
    g.append(svg('circle', { cx: X(p.t), cy: Y(v), r: 2, class: 'pt' }));
  });
  g.prepend(svg('path', { d, class: 'series' }));
  return g;
}

function zoneCharts(data, z) {
  const L = z.limits;
  const ohms = z.points.map((p) => p.ohmMax ?? p.ohm).filter((v) => v !== null);
  const ref = L.referenceOhm;
  const tol = L.tolerancePct / 100;
  const impedance = plot(data, z, {
    kind: 'ohm',
    title: t('impedance'),
    unit: 'Ω',
    value: (p) => p.ohm,
    yMax: L.openAboveOhm ? L.openAboveOhm * 1.15 : Math.max(1, ...ohms) * 1.2,
    band: L.baselineOhm ? [L.baselineOhm * (1 - tol), L.baselineOhm * (1 + tol)] : undefined,
    lines: [
      { v: ref, cls: 'ref', label: L.baselineOhm ? t('baseline') : t('expected') },
      { v: L.shortBelowOhm, cls: 'bad', label: t('shortBelow') },
      { v: L.openAboveOhm, cls: 'bad', label: t('openAbove') },
    ],
  });
  const earth = plot(data, z, {
    kind: 'earth',
    title: t('earthLeak'),
    unit: 'kΩ',
    value: (p) => p.earthKohm,
    yMax: L.earthFaultKohm * 10,
    lines: [{ v: L.earthFaultKohm, cls: 'bad', label: t('earthBelow') }],
  });
  const now = z.now;
  return h(
    'figure',
    { class: 'line-chart', 'data-zone': z.id },
    h(
      'figcaption',
      {},
      `${t('zone')} ${z.id}${z.name ? ` (${z.name})` : ''}: ${now.state} · ${now.ohm ?? '—'} Ω · ${t('earthLeak')} ${now.earthKohm ?? '—'} kΩ`,
      L.baselineOhm
        ? ` · ${t('baseline')} ${L.baselineOhm} Ω ±${L.tolerancePct} %`
        : ` · ${t('notCalibrated')}`,
    ),
    impedance,
    earth,
  );
}

/** The section on a station's page; loads its data itself and redraws on a range change. */
export function lineCharts(stationId, flash) {
  const body = h('div', { class: 'charts' });
  const buttons = RANGES.map((r) =>
    h('button', { type: 'button', 'data-range': r, onclick: () => load(r) }, t(`range.${r}`)),
  );
  async function load(range) {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.range === range));
    try {
      const data = await api(`/api/stations/${encodeURIComponent(stationId)}/lines?range=${range}`);
      const any = data.zones.some((z) => z.measured > 0 || z.now.ohm !== null);
      replace(
        body,
        any
          ? data.zones.map((z) => zoneCharts(data, z))
          : h('p', { class: 'note', id: 'no-measurements' }, t('noMeasurements')),
        data.truncated ? h('p', { class: 'note' }, t('chartTruncated')) : null,
      );
    } catch (err) {
      flash(err);
    }
  }
  load('24h');
  return h(
    'section',
    { id: 'line-history' },
    h('h2', {}, t('lineHistory')),
    h('div', { class: 'ranges', role: 'group', 'aria-label': t('lineHistory') }, buttons),
    body,
  );
}
