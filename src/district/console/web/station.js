// A station's page: status in detail, commands behind a confirmation step, events, play log.

import { eventTable } from './alarms.js';
import { api, may } from './api.js';
import { lineCharts } from './chart.js';
import { h } from './dom.js';
import { alarmWords, t, when } from './i18n.js';
import { listenButton } from './listen.js';

/** Asks before a command runs: names the station and what will happen. */
export function confirmThen(text, action) {
  const dlg = document.getElementById('confirm');
  dlg.replaceChildren(
    h('p', {}, t('confirmQ')),
    h('p', { class: 'what' }, text),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'cancel', onclick: () => dlg.close() }, t('cancel')),
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          id: 'confirm-yes',
          onclick: () => {
            dlg.close();
            action();
          },
        },
        t('confirm'),
      ),
    ),
  );
  dlg.showModal();
}

function commandButton(id, label, method, params, flash) {
  if (!may(method)) return null;
  return h(
    'button',
    {
      type: 'button',
      'data-method': method,
      onclick: () =>
        confirmThen(`${label} — ${t('station')} ${id}`, async () => {
          try {
            await api('/api/commands', { stationIds: [id], method, params });
            flash(t('sent'), 'ok');
          } catch (err) {
            flash(err);
          }
        }),
    },
    label,
  );
}

function zoneRows(s, flash) {
  return h(
    'table',
    { class: 'zones-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t('zones'), t('relay'), t('line'), ''].map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      (s.zones ?? []).map((z) =>
        h(
          'tr',
          { 'data-zone': z.id },
          h('td', {}, `${z.id}. ${z.name}`),
          h('td', { class: z.relay ? 'on' : '' }, z.relay ? t('on') : t('off')),
          h('td', { class: `line-${z.line}` }, z.line),
          h(
            'td',
            { class: 'actions' },
            commandButton(
              s.stationId,
              `${z.relay ? t('zoneOff') : t('zoneOn')} ${z.id}`,
              'zone',
              { zone: z.id, on: !z.relay },
              flash,
            ),
            commandButton(s.stationId, `${t('tone')} ${z.id}`, 'test.tone', { zone: z.id }, flash),
          ),
        ),
      ),
    ),
  );
}

/** What is typed in the source field survives the live redraws of the station's detail. */
const sources = new Map();

function playForm(s, flash) {
  if (!may('audio.play')) return null;
  const src = h('input', {
    name: 'source',
    placeholder: t('source'),
    maxlength: 4096,
    'aria-label': t('source'),
    oninput: (e) => sources.set(s.stationId, e.target.value),
  });
  src.value = sources.get(s.stationId) ?? '';
  return h(
    'form',
    {
      class: 'inline',
      onsubmit: (e) => {
        e.preventDefault();
        confirmThen(`${t('play')} ${src.value} — ${t('station')} ${s.stationId}`, async () => {
          try {
            await api('/api/commands', {
              stationIds: [s.stationId],
              method: 'audio.play',
              params: { source: src.value },
            });
            flash(t('sent'), 'ok');
          } catch (err) {
            flash(err);
          }
        });
      },
    },
    src,
    h('button', { type: 'submit' }, t('play')),
    commandButton(s.stationId, t('stop'), 'audio.stop', {}, flash),
  );
}

export function stationDetail(s, flash) {
  const alarms = s.alarmList ?? [];
  return h(
    'div',
    { id: 'station-detail' },
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('online')),
      h('dd', { class: s.online ? 'ok' : 'bad' }, s.online ? t('online') : t('offline')),
      h('dt', {}, t('lastContact')),
      h('dd', {}, when(s.lastContactMs)),
      h('dt', {}, t('onAir')),
      h('dd', {}, s.onAir || '—'),
      h('dt', {}, t('power')),
      h('dd', { id: 'power-state' }, s.power || '—'),
      h('dt', {}, t('transmitter')),
      h('dd', {}, s.transmitter || '—'),
      h('dt', {}, t('activeAlarms')),
      h('dd', {}, alarms.length ? alarms.map((a) => `${a.key}: ${alarmWords(a)}`).join('; ') : t('none')),
    ),
    h(
      'div',
      { class: 'actions' },
      commandButton(s.stationId, t('powerOn'), 'power', { on: true }, flash),
      commandButton(s.stationId, t('powerOff'), 'power', { on: false }, flash),
      commandButton(s.stationId, t('resetLockout'), 'resetLockout', {}, flash),
    ),
    zoneRows(s, flash),
    playForm(s, flash),
  );
}

export async function stationView(id, flash) {
  const s = await api(`/api/stations/${encodeURIComponent(id)}`);
  const q = `station=${encodeURIComponent(id)}&limit=50`;
  const [events, play] = await Promise.all([api(`/api/events?${q}`), api(`/api/playlog?${q}`)]);
  return h(
    'section',
    { id: 'station', 'data-station': id },
    h('a', { href: '#/' }, t('back')),
    h('h1', {}, s.place?.name ? `${s.place.name} (${id})` : id),
    listenButton(id),
    stationDetail(s, flash),
    lineCharts(id, flash),
    h('h2', {}, t('events')),
    h('a', { href: `#/history?station=${encodeURIComponent(id)}`, class: 'more' }, `${t('filter')} →`),
    eventTable(events.events),
    h('h2', {}, t('playLog')),
    eventTable(play.entries),
  );
}
