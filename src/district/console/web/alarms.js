// Alarms: the active ones of the whole district (unacknowledged first, then the most severe,
// newest first), acknowledge with a note; and the history of events with filters.
import { api, may } from './api.js';
import { h } from './dom.js';
import { alarmWords, t, when } from './i18n.js';

/** Notes being typed survive the page's live re-renders (each station change redraws the list). */
const drafts = new Map();

function ackForm(a, refresh, flash) {
  const id = `${a.stationId}\n${a.key}\n${a.sinceMs}`;
  const note = h('input', {
    name: 'note',
    maxlength: 500,
    placeholder: t('note'),
    'aria-label': t('note'),
    oninput: (e) => drafts.set(id, e.target.value),
  });
  note.value = drafts.get(id) ?? '';
  return h(
    'form',
    {
      class: 'inline',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          await api('/api/alarms/ack', {
            stationId: a.stationId,
            key: a.key,
            sinceMs: a.sinceMs,
            note: note.value,
          });
          refresh();
        } catch (err) {
          flash(err);
        }
      },
    },
    note,
    h('button', { type: 'submit' }, t('ack')),
  );
}

export async function alarmsView(refresh, flash) {
  const { alarms } = await api('/api/alarms');
  return h(
    'section',
    { id: 'alarms' },
    h('h1', {}, `${t('activeAlarms')} (${alarms.length})`),
    alarms.length === 0 ? h('p', {}, t('none')) : null,
    h(
      'ul',
      { class: 'alarm-list' },
      alarms.map((a) =>
        h(
          'li',
          {
            class: `alarm rank${a.rank} ${a.ack ? 'acked' : ''}`,
            'data-key': a.key,
            'data-station': a.stationId,
          },
          h('a', { href: `#/station/${encodeURIComponent(a.stationId)}` }, a.stationId),
          h('b', {}, ` ${a.key} `),
          h('span', {}, alarmWords(a)),
          h('small', {}, ` ${t('since')} ${when(a.sinceMs)}`),
          a.ack
            ? h(
                'div',
                { class: 'ack' },
                `${t('acked')}: ${a.ack.who}, ${when(a.ack.at)}${a.ack.note ? ` — ${a.ack.note}` : ''}`,
              )
            : may('AcknowledgeAlarm')
              ? ackForm(a, refresh, flash)
              : null,
        ),
      ),
    ),
  );
}

export function eventTable(events) {
  return h(
    'table',
    { class: 'events' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, t('when')),
        h('th', {}, t('station')),
        h('th', {}, t('severity')),
        h('th', {}, t('what')),
      ),
    ),
    h(
      'tbody',
      {},
      events.map((e) =>
        h(
          'tr',
          { class: `sev-${e.event.severity}` },
          h('td', {}, when(e.tsMs)),
          h('td', {}, e.stationId),
          h('td', {}, e.event.severity),
          h('td', {}, `${e.event.kind}: ${alarmWords(e.event)}`),
        ),
      ),
    ),
  );
}

export async function historyView(params, flash) {
  const q = new URLSearchParams(params);
  let events = [];
  try {
    events = (await api(`/api/events?${q}`)).events;
  } catch (err) {
    flash(err);
  }
  const station = h('input', { name: 'station', value: q.get('station') ?? '', placeholder: t('station') });
  const sev = h(
    'select',
    { name: 'severity' },
    ['', 'alarm', 'warning', 'info'].map((s) =>
      h('option', { value: s, selected: q.get('severity') === s }, s || t('all')),
    ),
  );
  const kind = h('input', { name: 'kind', value: q.get('kind') ?? '', placeholder: 'kind' });
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        const p = new URLSearchParams();
        for (const el of [station, sev, kind]) if (el.value) p.set(el.name, el.value);
        location.hash = `#/history?${p}`;
      },
    },
    station,
    sev,
    kind,
    h('button', { type: 'submit' }, t('filter')),
  );
  return h('section', { id: 'history' }, h('h1', {}, t('history')), form, eventTable(events));
}

export async function auditView(flash) {
  let entries = [];
  try {
    entries = (await api('/api/audit?limit=300')).entries;
  } catch (err) {
    flash(err);
  }
  return h(
    'section',
    { id: 'audit' },
    h('h1', {}, t('audit')),
    h(
      'table',
      { class: 'events' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('when'), t('who'), t('from'), t('what'), t('result')].map((c) => h('th', {}, c)),
        ),
      ),
      h(
        'tbody',
        {},
        entries.map((e) =>
          h(
            'tr',
            { class: e.result === 'ok' ? '' : 'sev-warning' },
            h('td', {}, when(e.tsMs)),
            h('td', {}, `${e.who} (${e.role})`),
            h('td', {}, e.via),
            h('td', {}, `${e.action} ${e.stationId || ''} ${JSON.stringify(e.params)}`),
            h('td', {}, e.result === 'ok' ? 'ok' : `${e.errorCode}: ${e.message}`),
          ),
        ),
      ),
    ),
  );
}
