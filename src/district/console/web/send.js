// Emergencies from the browser: choose stations, optionally a bulletin file (uploaded to the hub,
// checked with ffprobe there) or a stream URL, then a two-step confirmation naming the stations.
import { api, may, upload } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { districtMap } from './overview.js';
import { recordedBulletin } from './recorded.js';
import { selection } from './select.js';
import { confirmThen } from './station.js';

/**
 * Checkboxes of every station, bound to the shared selection (select.js): what is chosen on a
 * map is checked here and the other way round. Returns the element, the chosen ids and names.
 */
export function stationPicker(stations) {
  const boxes = stations.map((s) =>
    h('input', {
      type: 'checkbox',
      name: 'station',
      value: s.stationId,
      'data-station': s.stationId,
      checked: selection.has(s.stationId),
      onchange: () => selection.toggle(s.stationId),
    }),
  );
  const all = h('input', {
    type: 'checkbox',
    id: 'pick-all',
    onchange: (e) => selection.set(e.target.checked ? stations.map((s) => s.stationId) : []),
  });
  const el = h(
    'fieldset',
    { class: 'picker' },
    h('legend', {}, t('chooseStations')),
    h('label', {}, all, ` ${t('allStations')}`),
    stations.map((s, i) => h('label', {}, boxes[i], ` ${s.place?.name ?? s.stationId} (${s.stationId})`)),
  );
  selection.onChange(() => {
    for (const b of boxes) b.checked = selection.has(b.value);
  }, el);
  const known = new Set(stations.map((s) => s.stationId));
  return {
    el,
    chosen: () => selection.ids().filter((id) => known.has(id)),
    names: (ids) => ids.map((id) => stations.find((s) => s.stationId === id)?.place?.name ?? id),
  };
}

/** Two confirmations, the first naming the stations, before `action`. */
function twoStep(what, names, action) {
  confirmThen(`${what} ${t('toStations')}: ${names.join(', ')}`, () =>
    setTimeout(() => confirmThen(`${t('sureQ')} (${names.join(', ')})`, action), 0),
  );
}

export async function sendView(flash) {
  const { stations } = await api('/api/stations');
  const picker = stationPicker(stations);
  const file = h('input', { type: 'file', id: 'emergency-file', accept: 'audio/*' });
  const url = h('input', { id: 'emergency-url', placeholder: 'https://…', maxlength: 2048 });
  const run = async (method) => {
    const ids = picker.chosen();
    let params = {};
    if (method === 'emergency.start') {
      if (file.files?.[0]) {
        const ref = await upload(file.files[0]);
        flash(`${t('uploaded')}: ${ref.name} (${ref.sizeBytes} B)`, 'ok');
        params = { source: { sha256: ref.sha256, sizeBytes: ref.sizeBytes, name: ref.name } };
      } else if (url.value) params = { source: url.value };
    }
    const r = await api('/api/commands', { stationIds: ids, method, params });
    flash(`${t('sent')}: ${r.commands.map((c) => c.stationId).join(', ')}`, 'ok');
  };
  const button = (method, label) =>
    may(method)
      ? h(
          'button',
          {
            type: 'button',
            class: 'danger',
            id: method.replace('.', '-'),
            onclick: () => {
              const ids = picker.chosen();
              if (!ids.length) return flash(t('noStation'));
              twoStep(label, picker.names(ids), () => run(method).catch(flash));
            },
          },
          label,
        )
      : null;
  return h(
    'section',
    { id: 'send' },
    h('h1', {}, t('send')),
    h('div', { class: 'send-map' }, districtMap(stations)),
    picker.el,
    recordedBulletin(picker, flash),
    h('h2', {}, t('emergency')),
    h('label', { class: 'stack' }, t('emergencyFile'), file),
    h('label', { class: 'stack' }, t('emergencyUrl'), url),
    h('p', { class: 'note' }, t('attentionOnly')),
    h(
      'div',
      { class: 'actions' },
      button('emergency.start', t('emergencyStart')),
      button('emergency.stop', t('emergencyStop')),
    ),
  );
}
