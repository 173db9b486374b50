// Listen in: hear what a station puts on air. One player for the whole page, in a bar outside
// the views (so the live redraws and moving between pages do not cut it): an <audio> element on
// the hub's streaming Ogg/Opus answer (GET /api/stations/ID/listen). Stop, or closing the page,
// closes that request, and the hub stops the station's stream when its last listener leaves.
import { api } from './api.js';
import { h } from './dom.js';
import { t, when } from './i18n.js';

let current; // { id, audio }

function bar() {
  let el = document.getElementById('listen-bar');
  if (!el) {
    el = h('div', { id: 'listen-bar', class: 'listen-bar', role: 'status', 'aria-live': 'polite' });
    document.body.append(el);
  }
  return el;
}

function show(id, text, kind, playing) {
  const el = bar();
  el.className = `listen-bar ${kind}`;
  el.hidden = false;
  for (const n of el.querySelectorAll('.what, button')) n.remove();
  el.prepend(
    h('span', { class: 'what', id: 'listen-state', 'data-station': id, 'data-state': kind }, text),
    playing
      ? h('button', { type: 'button', id: 'listen-stop', onclick: () => stopListening() }, t('listenStop'))
      : h('button', { type: 'button', class: 'cancel', onclick: () => hide() }, '×'),
  );
  // appended once: moving a playing media element would pause it
  if (playing && current && current.audio.parentNode !== el) el.append(current.audio);
}

function hide() {
  const el = document.getElementById('listen-bar');
  if (el) el.hidden = true;
}

/** Ends the request: the src removed and load() aborts the download (pause alone keeps it). */
export function stopListening() {
  const c = current;
  current = undefined;
  if (!c) return;
  c.audio.pause();
  c.audio.removeAttribute('src');
  c.audio.load();
  c.audio.remove();
  hide();
}

/** Why a listen could not start or has ended: offline since …, or the stream stopped. */
async function explain(id) {
  try {
    const s = await api(`/api/stations/${encodeURIComponent(id)}`);
    if (!s.online) return show(id, `${id}: ${t('listenOffline')} ${when(s.lastContactMs)}`, 'bad', false);
  } catch (err) {
    return show(id, `${id}: ${err.message}`, 'bad', false);
  }
  show(id, `${id}: ${t('listenEnded')}`, 'warn', false);
}

export async function startListening(id) {
  stopListening();
  const s = await api(`/api/stations/${encodeURIComponent(id)}`).catch(() => undefined);
  if (s && !s.online) return explain(id);
  const audio = h('audio', { id: 'listen-audio', preload: 'none' });
  const c = { id, audio };
  current = c;
  const mine = (fn) => () => current === c && fn();
  audio.addEventListener(
    'playing',
    mine(() => show(id, `${t('listening')}: ${id}`, 'ok', true)),
  );
  audio.addEventListener(
    'waiting',
    mine(() => show(id, `${t('listenBuffering')}: ${id}`, 'warn', true)),
  );
  const ended = mine(() => {
    stopListening();
    explain(id);
  });
  audio.addEventListener('error', ended);
  audio.addEventListener('ended', ended);
  show(id, `${t('listenConnecting')}: ${id}`, 'warn', true);
  audio.src = `/api/stations/${encodeURIComponent(id)}/listen`;
  // the click on Listen is the user's gesture that lets it play with sound
  audio.play().catch(() => undefined);
}

/** The Listen button for a station (its page); Stop is in the player bar. */
export function listenButton(id) {
  return h(
    'button',
    { type: 'button', class: 'listen', 'data-listen': id, onclick: () => startListening(id) },
    t('listen'),
  );
}

// the page is going away: end the request now (the browser would close it anyway)
window.addEventListener('pagehide', () => stopListening());
