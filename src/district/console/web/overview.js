// The overview: every station as a row (a card on a phone) and as a point on an offline map
// drawn from the stations' coordinates (no tiles, nothing fetched from outside).
import { h, svg } from './dom.js';
import { t, when } from './i18n.js';
import { selection } from './select.js';

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
  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'group', 'aria-label': t('map') });
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
  for (const s of placed) map.append(marker(s, x(s.place.lon), y(s.place.lat)));
  return map;
}

/**
 * A station on the map, chosen or not by a click, Enter or Space (issue 17: choose stations on
 * the map); the choice is the shared one (select.js) the send page uses. Its page is a click on
 * its row in the list.
 */
function marker(s, cx, cy) {
  const name = s.place.name ?? s.stationId;
  const g = svg('g', {
    class: `pick${selection.has(s.stationId) ? ' selected' : ''}`,
    role: 'checkbox',
    tabindex: 0,
    'aria-checked': String(selection.has(s.stationId)),
    'aria-label': `${name} (${s.stationId})`,
    'data-pick': s.stationId,
  });
  // the marker follows the shared choice whoever changes it (this marker, the list, "clear")
  const show = () => {
    const on = selection.has(s.stationId);
    g.setAttribute('class', `pick${on ? ' selected' : ''}`);
    g.setAttribute('aria-checked', String(on));
  };
  selection.onChange(show, g);
  const flip = () => selection.toggle(s.stationId);
  g.addEventListener('click', flip);
  g.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    flip();
  });
  g.append(
    svg('circle', { cx, cy, r: 9, class: `dot ${stateClass(s)}` }),
    svg('text', { x: cx + 17, y: cy + 4 }, name),
  );
  return g;
}

/** What is chosen on the map, kept current, with the way to the send page. */
export function chosenBar(stations) {
  const bar = h('p', { class: 'chosen', id: 'chosen', 'aria-live': 'polite' });
  const draw = (ids) => {
    const names = ids.map((id) => stations.find((s) => s.stationId === id)?.place?.name ?? id);
    bar.replaceChildren(
      ids.length ? `${t('chosen')} (${ids.length}): ${names.join(', ')} ` : t('chooseOnMap'),
      ids.length ? h('a', { href: '#/send', class: 'button', id: 'chosen-send' }, `${t('sendTo')} →`) : '',
      ids.length
        ? h('button', { type: 'button', id: 'chosen-clear', onclick: () => selection.set([]) }, t('clear'))
        : '',
    );
  };
  selection.onChange(draw, bar);
  draw(selection.ids());
  return bar;
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
      h('div', { class: 'map-box' }, districtMap(list), chosenBar(list)),
    ),
  );
}
