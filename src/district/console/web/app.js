// The console's shell: login, the header (language, pages, logout), routing by location.hash,
// and the live feed (server-sent events) that keeps every page current without a reload.
import { alarmsView, auditView, historyView } from './alarms.js';
import { ApiError, api, may, session } from './api.js';
import { h, replace } from './dom.js';
import { lang, setLang, t } from './i18n.js';
import { overview } from './overview.js';
import { schedulesView } from './schedules.js';
import { sendView } from './send.js';
import { speakView } from './speak.js';
import { stationDetail, stationView } from './station.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
const stations = new Map();
let feed;
let liveState = '';

function flash(what, kind = 'error') {
  const text =
    what instanceof ApiError ? `${t(`err.${what.code}`)}: ${what.message}` : String(what.message ?? what);
  if (what instanceof ApiError && what.status === 401 && session.name) showLogin();
  const el = h('div', { class: `flash ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  replace(document.getElementById('flash'), el);
}

function header() {
  const nav = session.name
    ? [
        h('a', { href: '#/' }, t('overview')),
        h('a', { href: '#/alarms', id: 'nav-alarms' }, t('alarms')),
        h('a', { href: '#/history' }, t('history')),
        h('a', { href: '#/schedules' }, t('schedules')),
        h('a', { href: '#/send', id: 'nav-send' }, t('send')),
        may('Speak') ? h('a', { href: '#/speak', id: 'nav-speak' }, t('speak.title')) : null,
        session.role === 'admin' ? h('a', { href: '#/audit' }, t('audit')) : null,
        h('span', { class: 'who' }, `${session.name} (${session.role}) · ${liveState}`),
        h('button', { type: 'button', id: 'logout', onclick: () => logout('/api/logout') }, t('logout')),
        h(
          'button',
          { type: 'button', id: 'logout-all', onclick: () => logout('/api/logout-all') },
          t('logoutAll'),
        ),
      ]
    : [];
  const other = lang === 'vi' ? 'en' : 'vi';
  replace(
    top,
    h('strong', {}, 'Loa'),
    h('nav', {}, nav),
    h(
      'button',
      { type: 'button', id: 'lang', onclick: () => switchLang(other) },
      other === 'en' ? 'English' : 'Tiếng Việt',
    ),
  );
}

function switchLang(l) {
  setLang(l);
  header();
  route();
}

function showLogin() {
  feed?.close();
  feed = undefined;
  session.name = '';
  header();
  const name = h('input', {
    name: 'name',
    id: 'login-name',
    autocomplete: 'username',
    required: true,
    maxlength: 64,
  });
  const pass = h('input', {
    name: 'password',
    id: 'login-password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 256,
  });
  const form = h(
    'form',
    {
      id: 'login',
      onsubmit: async (e) => {
        e.preventDefault();
        try {
          Object.assign(session, await api('/api/login', { name: name.value, password: pass.value }));
          start();
        } catch (err) {
          flash(err);
        }
      },
    },
    h('h1', {}, t('title')),
    h('label', {}, t('user'), name),
    h('label', {}, t('password'), pass),
    h('button', { type: 'submit' }, t('login')),
  );
  replace(main, form);
}

async function logout(path) {
  try {
    await api(path, {});
  } catch {
    // the session may be gone already; the login page is right either way
  }
  showLogin();
}

function connect() {
  feed?.close();
  feed = new EventSource('/api/live');
  feed.addEventListener('hello', () => setLive(t('live')));
  feed.addEventListener('station', (m) => onStation(JSON.parse(m.data)));
  feed.onerror = () => {
    setLive(t('reconnecting'));
    api('/api/me').catch((err) => err.status === 401 && showLogin());
  };
}

function setLive(s) {
  liveState = s;
  const w = top.querySelector('.who');
  if (w) w.textContent = `${session.name} (${session.role}) · ${s}`;
}

/** A station changed at the hub: update what is on screen in place. */
function onStation(s) {
  stations.set(s.stationId, s);
  const hash = location.hash || '#/';
  if (hash === '#/' && document.getElementById('overview')) showOverview();
  if (hash === '#/alarms' && alarmsChanged()) route();
  const detail = document.querySelector(
    `#station[data-station="${CSS.escape(s.stationId)}"] #station-detail`,
  );
  // not while someone types in it: the next change after they leave the field redraws it
  const typing = document.activeElement?.matches('input, textarea, select');
  if (detail && !(typing && detail.contains(document.activeElement)))
    detail.replaceWith(stationDetail(s, flash));
}

let alarmSig = '';
/** Redraw the alarms page only when the set of alarms changed (not on every reading). */
function alarmsChanged() {
  const sig = [...stations.values()]
    .flatMap((s) => (s.alarmList ?? []).map((a) => `${s.stationId} ${a.key} ${a.sinceMs}`))
    .sort()
    .join('|');
  if (sig === alarmSig) return false;
  alarmSig = sig;
  return true;
}

function showOverview() {
  const view = overview([...stations.values()]);
  if (session.role === 'viewer') view.prepend(h('p', { class: 'note' }, t('viewerNote')));
  // a live redraw keeps the keyboard on the station being chosen on the map
  const pick = document.activeElement?.getAttribute?.('data-pick');
  replace(main, view);
  if (pick) main.querySelector(`[data-pick="${CSS.escape(pick)}"]`)?.focus();
}

async function route() {
  if (!session.name) return showLogin();
  replace(document.getElementById('flash'));
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  try {
    let view;
    if (path.startsWith('/station/')) view = await stationView(decodeURIComponent(path.slice(9)), flash);
    else if (path === '/alarms') view = await alarmsView(route, flash);
    else if (path === '/history') view = await historyView(query ?? 'severity=alarm', flash);
    else if (path === '/audit') view = await auditView(flash);
    else if (path === '/send') view = await sendView(flash);
    else if (path === '/speak') view = await speakView(flash);
    else if (path === '/schedules') view = await schedulesView(flash, route);
    else {
      const r = await api('/api/stations');
      for (const s of r.stations) stations.set(s.stationId, s);
      return showOverview();
    }
    if (session.role === 'viewer') view.prepend(h('p', { class: 'note' }, t('viewerNote')));
    replace(main, view);
  } catch (err) {
    flash(err);
  }
}

function start() {
  header();
  connect();
  route();
}

window.addEventListener('hashchange', route);
setLang(lang);
api('/api/me')
  .then((me) => {
    Object.assign(session, me);
    start();
  })
  .catch(() => showLogin());
