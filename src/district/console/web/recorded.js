// A recorded bulletin to the chosen stations at normal or priority (issue 17 item 7): the file
// is uploaded to the hub (ffprobe-checked there), then `bulletin.play` goes to each station,
// which fetches the file by sha256, verifies it and plays it through its announcement runner
// at that tier (a normal one waits while a priority one is on air; an emergency replaces both).
import { api, may, upload } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { confirmThen } from './station.js';

export function recordedBulletin(picker, flash) {
  if (!may('bulletin.play')) return null;
  const file = h('input', { type: 'file', id: 'bulletin-file', accept: 'audio/*' });
  const tier = h(
    'select',
    { id: 'bulletin-tier' },
    h('option', { value: 'normal' }, t('tier.normal')),
    h('option', { value: 'priority' }, t('tier.priority')),
  );
  const send = async (ids) => {
    const ref = await upload(file.files[0]);
    flash(`${t('uploaded')}: ${ref.name} (${ref.sizeBytes} B)`, 'ok');
    const audio = { sha256: ref.sha256, sizeBytes: ref.sizeBytes, name: ref.name };
    const params = { audio, tier: tier.value };
    const r = await api('/api/commands', { stationIds: ids, method: 'bulletin.play', params });
    flash(`${t('sent')}: ${r.commands.map((c) => c.stationId).join(', ')}`, 'ok');
  };
  const button = h(
    'button',
    {
      type: 'button',
      id: 'bulletin-play',
      onclick: () => {
        const ids = picker.chosen();
        if (!ids.length) return flash(t('noStation'));
        if (!file.files?.[0]) return flash(t('noBulletinFile'));
        const what = `${t('bulletinSend')} (${t(`tier.${tier.value}`)}) ${t('toStations')}`;
        confirmThen(`${what}: ${picker.names(ids).join(', ')}`, () => send(ids).catch(flash));
      },
    },
    t('bulletinSend'),
  );
  return h(
    'fieldset',
    { class: 'recorded', id: 'recorded' },
    h('legend', {}, t('recordedBulletin')),
    h('label', { class: 'stack' }, t('bulletinFile'), file),
    h('label', { class: 'stack' }, t('tier'), tier),
    h('p', { class: 'note' }, t('tierNote')),
    h('div', { class: 'actions' }, button),
  );
}
