// Schedules: edit the district's programme as JSON, validated and pushed by the hub (the
// same validation as `districtctl schedule push`), and each station's version and refusal.
import { api, may } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { stationPicker } from './send.js';

function versions(details) {
  return h(
    'table',
    { id: 'schedule-versions' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t('station'), t('desired'), t('applied'), t('refusal')].map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      details.map((s) =>
        h(
          'tr',
          { 'data-station': s.stationId },
          h('td', {}, s.stationId),
          h('td', {}, String(s.desiredVersion || '—')),
          h(
            'td',
            { class: s.appliedVersion && s.appliedVersion === s.desiredVersion ? 'ok' : '' },
            String(s.appliedVersion || '—'),
          ),
          h('td', { class: 'bad' }, s.desired?.report?.error ?? ''),
        ),
      ),
    ),
  );
}

export async function schedulesView(flash, reload) {
  const { stations } = await api('/api/stations');
  const details = await Promise.all(
    stations.map((s) => api(`/api/stations/${encodeURIComponent(s.stationId)}`)),
  );
  const current = details.find((d) => d.desired)?.desired?.schedule;
  const text = h('textarea', {
    id: 'schedule-json',
    rows: 16,
    spellcheck: 'false',
    'aria-label': t('scheduleJson'),
  });
  text.value = current ? JSON.stringify(current, null, 2) : '';
  const picker = stationPicker(stations);
  const push = async () => {
    let schedule;
    try {
      schedule = JSON.parse(text.value);
    } catch (e) {
      return flash(`JSON: ${e.message}`);
    }
    try {
      const r = await api('/api/schedule', { stationIds: picker.chosen(), schedule });
      await reload();
      flash(`${t('pushed')} ${r.version}: ${r.stationIds.join(', ')}`, 'ok');
    } catch (err) {
      flash(err);
    }
  };
  return h(
    'section',
    { id: 'schedules' },
    h('h1', {}, t('schedules')),
    versions(details),
    h('label', { class: 'stack' }, t('scheduleJson'), text),
    picker.el,
    may('PushSchedule')
      ? h('button', { type: 'button', id: 'schedule-push', onclick: push }, t('validatePush'))
      : null,
  );
}
