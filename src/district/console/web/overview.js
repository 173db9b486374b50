// The overview: every station as a row (a card on a phone) and as a point on an offline map
// drawn from the stations' coordinates (no tiles, nothing fetched from outside).
import { h, svg } from './dom.js';
import { t, when } from './i18n.js';

export function stateClass(s) {
  if (!s.online) return 'bad';
  if ((s.alarmList ?? []).length) return 'warn';
  return 'ok';
}

function zoneChips(s) {
  return h(
    'span',
    { class: 'zones' },
    (s.zones ?? []).map((z) =>
      h(
        'span',
        {
          class: `chip ${z.relay ? 'on' : ''} line-${z.line}`,
          title: `${z.name}: ${t('relay')} ${z.relay ? t('on') : t('off')}, ${t('line')} ${z.line}`,
        },
        `${z.id}${z.relay ? '●' : '○'}`,
      ),
    ),
  );
}

export function stationRow(s) {
  const alarms = s.alarmList ?? [];
  return h(
    'a',
    {
      class: `row ${stateClass(s)}`,
      href: `#/station/${encodeURIComponent(s.stationId)}`,
      'data-station': s.stationId,
    },
    h('span', { class: 'name' }, s.place?.name ? `${s.place.name} (${s.stationId})` : s.stationId),
    h(
      'span',
      { class: 'link' },
      s.online ? t('online') : t('offline'),
      h('small', {}, ` ${when(s.lastContactMs)}`),
    ),
    h('span', { class: 'air' }, `${t('onAir')}: ${s.onAir || '—'}`),
    h(
      'span',
      { class: 'pwr' },
      `${t('power')}: ${s.power || '—'} · ${t('transmitter')}: ${s.transmitter || '—'}`,
    ),
    zoneChips(s),
    h('span', { class: 'alarms' }, alarms.length ? alarms.map((a) => a.key).join(', ') : ''),
  );
}

/** Equirectangular projection of the stations' own bounding box (a district is ~50 km across). */
export function districtMap(stations) {
  const placed = stations.filter((s) => s.place);
  const W = 400;
  const H = 300;
  const pad = 30;
  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': t('map') });
  map.append(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'land' }));
  if (!placed.length) {
    map.append(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, t('noPlace')));
    return map;
  }
  const lats = placed.map((s) => s.place.lat);
  const lons = placed.map((s) => s.place.lon);
  const [la0, la1, lo0, lo1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const span = Math.max(la1 - la0, lo1 - lo0, 0.01);
  const x = (lon) => pad + ((lon - lo0) / span) * (W - 2 * pad);
  const y = (lat) => H - pad - ((lat - la0) / span) * (H - 2 * pad);
  for (const s of placed) {
    const a = svg('a', { href: `#/station/${encodeURIComponent(s.stationId)}` });
    a.append(
      svg('circle', { cx: x(s.place.lon), cy: y(s.place.lat), r: 9, class: `dot ${stateClass(s)}` }),
      svg('text', { x: x(s.place.lon) + 12, y: y(s.place.lat) + 4 }, s.place.name ?? s.stationId),
    );
    map.append(a);
  }
  return map;
}

export function overview(stations) {
  const list = [...stations].sort((a, b) => a.stationId.localeCompare(b.stationId));
  const online = list.filter((s) => s.online).length;
  return h(
    'section',
    { id: 'overview' },
    h('h1', {}, `${t('stations')} (${online}/${list.length} ${t('online').toLowerCase()})`),
    h(
      'div',
      { class: 'split' },
      h('div', { class: 'list', id: 'station-list' }, list.map(stationRow)),
      districtMap(list),
    ),
  );
}
