// Listen in: hear what a station puts on air. One player for the whole page, in a bar outside
// the views (so the live redraws and moving between pages do not cut it): the hub's streaming
// WebM/Opus answer (GET /api/stations/ID/listen) read with fetch and fed to an <audio> element
// through Media Source Extensions, which plays as soon as the first cluster is in (an <audio>
// pointed at the answer itself waited for 32 kB — 15 s of this low-rate stream). Stop, or
// closing the page, aborts that request, and the hub stops the station's stream when its last
// listener leaves.
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

/** Ends the request (the abort closes it at the hub) and the player. */
export function stopListening() {
  const c = current;
  current = undefined;
  if (!c) return;
  c.abort.abort();
  c.audio.pause();
  c.audio.removeAttribute('src');
  c.audio.load();
  c.audio.remove();
  URL.revokeObjectURL(c.url);
  hide();
}

/** Appends what came while the buffer was busy; keeps ~10 s behind and the play head live. */
function pump(c, sb) {
  if (sb.updating || current !== c) return;
  const b = sb.buffered;
  const end = b.length ? b.end(b.length - 1) : 0;
  const now = c.audio.currentTime;
  // what has been heard, beyond 10 s back, goes (never what is still ahead of the play head)
  const cut = Math.min(end - 10, now - 1);
  if (b.length && end - b.start(0) > 30 && cut > b.start(0)) return sb.remove(0, cut);
  // playing, but more than 3 s behind the live edge (a stall, a tab in the background): catch
  // up; not while it is still starting (a seek then would only start it again, later)
  if (c.audio.readyState >= 3 && end - now > 3) c.audio.currentTime = end - 0.5;
  if (!c.queue.length) return;
  const n = c.queue.reduce((t, x) => t + x.length, 0);
  const all = new Uint8Array(n);
  let at = 0;
  for (const x of c.queue.splice(0)) {
    all.set(x, at);
    at += x.length;
  }
  sb.appendBuffer(all);
}

/**
 * The listen request; a network failure before any answer (a kept-alive connection the hub
 * closed just then, a blip on the office line) is tried again twice, half a second apart.
 */
async function request(c) {
  for (let i = 0; ; i++) {
    try {
      return await fetch(`/api/stations/${encodeURIComponent(c.id)}/listen`, {
        credentials: 'same-origin',
        signal: c.abort.signal,
      });
    } catch (err) {
      if (c.abort.signal.aborted || i >= 2) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Reads the answer into the source buffer until it ends; throws the hub's refusal. */
async function feed(c, ms) {
  await new Promise((r) => ms.addEventListener('sourceopen', r, { once: true }));
  const sb = ms.addSourceBuffer(TYPE);
  sb.mode = 'sequence'; // a listener joins mid-stream, and clusters dropped on a slow link leave gaps
  sb.addEventListener('updateend', () => pump(c, sb));
  const res = await request(c);
  if (!res.ok) {
    const e = (await res.json().catch(() => ({}))).error ?? {};
    throw Object.assign(new Error(e.message ?? res.statusText), { status: res.status });
  }
  const reader = res.body.getReader();
  for (let n = 0; current === c; n++) {
    const { done, value } = await reader.read();
    if (done) break;
    c.queue.push(value);
    pump(c, sb);
    if (n === 0) c.audio.play().catch(() => undefined);
  }
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

const TYPE = 'audio/webm; codecs="opus"';

export async function startListening(id) {
  stopListening();
  // Safari on an iPhone before iOS 17.1 has no MediaSource: say so rather than stay silent
  if (!window.MediaSource?.isTypeSupported(TYPE)) return show(id, t('listenUnsupported'), 'bad', false);
  const s = await api(`/api/stations/${encodeURIComponent(id)}`).catch(() => undefined);
  if (s && !s.online) return explain(id);
  const ms = new MediaSource();
  const c = {
    id,
    audio: h('audio', { id: 'listen-audio' }),
    abort: new AbortController(),
    queue: [],
    url: URL.createObjectURL(ms),
  };
  current = c;
  const mine = (fn) => () => current === c && fn();
  c.audio.addEventListener(
    'playing',
    mine(() => show(id, `${t('listening')}: ${id}`, 'ok', true)),
  );
  c.audio.addEventListener(
    'waiting',
    mine(() => show(id, `${t('listenBuffering')}: ${id}`, 'warn', true)),
  );
  show(id, `${t('listenConnecting')}: ${id}`, 'warn', true);
  c.audio.src = c.url;
  // the click on Listen is the user's gesture that lets it play with sound
  c.audio.play().catch(() => undefined);
  try {
    await feed(c, ms);
  } catch (err) {
    if (current !== c) return;
    stopListening();
    // 503: offline (it went since the page looked): say since when, in the page's language
    if (err.status === 503) return explain(id);
    return show(id, `${id}: ${err.message}`, 'bad', false);
  }
  if (current !== c) return;
  stopListening();
  explain(id);
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
