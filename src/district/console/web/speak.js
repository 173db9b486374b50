// Live voice from the browser to chosen stations (issue 21, docs/live.md): the microphone with
// the browser's echo cancellation, noise suppression and gain control; a level meter; a one-second
// check of the input before going on air (silent or clipping: a warning to fix or acknowledge);
// then Opus in WebM from MediaRecorder, 100 ms chunks, over a WebSocket to the hub, which relays
// them to the stations as they are. What each station reports comes back: powering up, the chime
// played ("speak now"), refused, ended; the chosen stations that were offline are named.
import { api, may, session } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { districtMap } from './overview.js';
import { stationPicker } from './send.js';

/** Below this peak for the whole check the input is silent (a muted or unplugged microphone). */
const SILENT_DBFS = -50;
/** At or above this peak the input clips (0 dBFS is full scale: the converter's limit). */
const CLIP_PEAK = 0.99;
const CHECK_MS = 1000;
/** 20 kbit/s Opus: speech stays clear (docs/live.md), ~175 kB a minute on the stations' 4G. */
const BITS = 20000;
/** Queued and not yet sent: beyond ~8 s of audio the link to the hub is too slow for live voice. */
const SLOW_BYTES = 20000;
/** A station that has not reported its chime by then: "speak now" anyway, that one marked unconfirmed. */
const READY_WAIT_MS = 20000;

const dbfs = (x) => (x > 0 ? 20 * Math.log10(x) : -120);

/** The captured stream through an AnalyserNode: peak and RMS of the last ~43 ms. */
export function meterOf(stream) {
  const ctx = new AudioContext();
  const an = ctx.createAnalyser();
  an.fftSize = 2048;
  ctx.createMediaStreamSource(stream).connect(an);
  const buf = new Float32Array(an.fftSize);
  return {
    resume: () => ctx.resume(),
    read() {
      an.getFloatTimeDomainData(buf);
      let peak = 0;
      let sum = 0;
      for (const x of buf) {
        peak = Math.max(peak, Math.abs(x));
        sum += x * x;
      }
      return { peak, peakDb: dbfs(peak), rmsDb: dbfs(Math.sqrt(sum / buf.length)) };
    },
    close: () => ctx.close().catch(() => undefined),
  };
}

/** About a second of the input: 'silent', 'clipping' or 'ok'. */
export async function checkInput(meter) {
  let max = 0;
  let clipped = 0;
  for (let i = 0; i < CHECK_MS / 50; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const l = meter.read();
    max = Math.max(max, l.peak);
    if (l.peak >= CLIP_PEAK) clipped++;
  }
  if (dbfs(max) < SILENT_DBFS) return 'silent';
  return clipped >= 2 ? 'clipping' : 'ok';
}

function ui(stations) {
  const picker = stationPicker(stations);
  const tier = h(
    'select',
    { id: 'speak-tier' },
    h('option', { value: 'priority', selected: true }, t('speak.priority')),
    h('option', { value: 'emergency' }, t('speak.emergency')),
  );
  const zones = h('input', { id: 'speak-zones', placeholder: '1,2', maxlength: 100, inputmode: 'numeric' });
  const bar = h('div', { class: 'bar' });
  const el = {
    picker,
    tier,
    zones,
    bar,
    level: h('span', { id: 'speak-level' }, '—'),
    warning: h('div', { id: 'speak-warning', class: 'speak-warning', role: 'alert', hidden: true }),
    status: h('p', { id: 'speak-status', class: 'speak-status', 'aria-live': 'assertive' }, t('speak.idle')),
    list: h('ul', { id: 'speak-stations', class: 'speak-stations' }),
    start: h('button', { type: 'button', id: 'speak-start', class: 'danger' }, t('speak.start')),
    stop: h('button', { type: 'button', id: 'speak-stop', disabled: true }, t('speak.stop')),
  };
  el.meter = h(
    'div',
    { class: 'speak-meter', id: 'speak-meter', role: 'meter', 'aria-label': t('speak.level') },
    bar,
  );
  return el;
}

function zonesOf(text) {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const zones = parts.map(Number);
  if (zones.some((z) => !Number.isInteger(z) || z < 1 || z > 32))
    throw new Error(`${t('speak.zones')}: 1–32`);
  return zones;
}

export async function speakView(flash) {
  const { stations } = await api('/api/stations');
  const el = ui(stations);
  const names = (id) => stations.find((s) => s.stationId === id)?.place?.name ?? id;
  let run;
  el.start.onclick = () => {
    run = new SpeakRun(el, names, flash);
    run.begin().catch((e) => run.fail(e));
  };
  el.stop.onclick = () => run?.stop();
  return h(
    'section',
    { id: 'speak' },
    h('h1', {}, t('speak.title')),
    h('p', { class: 'note' }, t('speak.intro')),
    // the console's one selection (select.js): the map and the list choose the same stations
    h('div', { class: 'send-map' }, districtMap(stations)),
    el.picker.el,
    h('label', { class: 'stack' }, t('speak.tier'), el.tier),
    h('label', { class: 'stack' }, t('speak.zones'), el.zones),
    h('div', { class: 'speak-levelrow' }, el.meter, el.level),
    el.warning,
    el.status,
    el.list,
    may('Speak')
      ? h('div', { class: 'actions' }, el.start, el.stop)
      : h('p', { class: 'note' }, t('speak.viewer')),
  );
}

/** One press of "speak": the microphone, the check, the socket, until it ends. */
class SpeakRun {
  constructor(el, names, flash) {
    Object.assign(this, { el, names, flash });
    this.state = new Map();
    this.onLeave = () => this.stop(true);
  }

  status(key, extra = '', cls = '') {
    this.el.status.className = `speak-status ${cls}`;
    this.el.status.textContent = `${t(key)}${extra}`;
  }

  async begin() {
    const ids = this.el.picker.chosen();
    if (!ids.length) return this.flash(t('noStation'));
    const zones = zonesOf(this.el.zones.value);
    this.el.start.disabled = true;
    this.el.stop.disabled = false;
    this.opts = { stationIds: ids, tier: this.el.tier.value, zones };
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
    this.meter = meterOf(this.stream);
    await this.meter.resume();
    this.tick = setInterval(() => this.showLevel(), 100);
    window.addEventListener('pagehide', this.onLeave);
    window.addEventListener('hashchange', this.onLeave);
    await this.check();
  }

  showLevel() {
    const l = this.meter.read();
    const pct = Math.max(0, Math.min(100, ((l.rmsDb + 60) / 60) * 100));
    this.el.bar.style.width = `${pct}%`;
    this.el.bar.className = l.peak >= CLIP_PEAK ? 'bar clip' : l.peakDb < SILENT_DBFS ? 'bar low' : 'bar';
    this.el.level.textContent = `${Math.round(l.rmsDb)} dBFS`;
  }

  /** The input before air: a warning for a silent or clipping microphone, acknowledged or fixed. */
  async check() {
    this.status('speak.checking');
    const verdict = await checkInput(this.meter);
    if (verdict === 'ok' || this.ended) return this.ended ? undefined : this.connect();
    this.status('speak.notOnAir', '', 'warn');
    const again = h('button', { type: 'button', id: 'speak-recheck' }, t('speak.recheck'));
    const anyway = h('button', { type: 'button', id: 'speak-anyway', class: 'danger' }, t('speak.anyway'));
    again.onclick = () => {
      this.el.warning.hidden = true;
      this.check().catch((e) => this.fail(e));
    };
    anyway.onclick = () => {
      this.el.warning.hidden = true;
      this.connect();
    };
    replace(
      this.el.warning,
      h('strong', {}, t(`speak.${verdict}`)),
      h('p', {}, t(`speak.${verdict}Fix`)),
      again,
      anyway,
    );
    this.el.warning.dataset.verdict = verdict;
    this.el.warning.hidden = false;
  }

  connect() {
    this.status('speak.connecting');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/speak`);
    this.ws = ws;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'start', csrf: session.csrf, ...this.opts }));
      this.record(ws);
    };
    ws.onmessage = (m) => this.onServer(JSON.parse(m.data));
    ws.onclose = (e) => this.closed(e);
  }

  record(ws) {
    const rec = new MediaRecorder(this.stream, {
      mimeType: 'audio/webm;codecs=opus',
      audioBitsPerSecond: BITS,
    });
    this.rec = rec;
    rec.ondataavailable = (e) => {
      if (!e.data.size || ws.readyState !== WebSocket.OPEN) return;
      ws.send(e.data);
      if (ws.bufferedAmount > SLOW_BYTES) this.status('speak.slow', '', 'warn');
    };
    rec.onstop = () => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'stop' }));
    rec.start(100);
  }

  onServer(m) {
    if (m.type === 'started') {
      for (const id of m.stations)
        this.state.set(id, { phase: m.offline.includes(id) ? 'offline' : 'waiting' });
      this.readyTimer = setTimeout(() => this.unconfirmed(), READY_WAIT_MS);
      this.el.stop.disabled = false;
    } else if (m.type === 'station') this.state.set(m.stationId, { phase: m.phase, detail: m.detail });
    else if (m.type === 'ended') this.endedWith(m);
    else if (m.type === 'error') {
      this.flash(`${t('speak.refused')}: ${m.message}`);
      this.status('speak.refused', `: ${m.message}`, 'bad');
      this.error = true;
    }
    this.draw();
  }

  unconfirmed() {
    for (const [id, s] of this.state)
      if (s.phase === 'waiting' || s.phase === 'powering') this.state.set(id, { phase: 'unconfirmed' });
    this.draw();
  }

  /** Per station, and the headline: "speak now" once every reached station has played its chime. */
  draw() {
    replace(
      this.el.list,
      [...this.state].map(([id, s]) =>
        h(
          'li',
          { 'data-station': id, 'data-phase': s.phase, class: s.phase },
          `${this.names(id)} (${id}): ${t(`speak.ph.${s.phase}`)}${s.detail ? ` — ${s.phase === 'ended' ? t(`speak.cause.${s.detail}`) : s.detail}` : ''}`,
        ),
      ),
    );
    if (this.ended || this.error || !this.state.size) return;
    const all = [...this.state.values()];
    const reached = all.filter((s) => !['offline', 'refused', 'ended'].includes(s.phase));
    if (!reached.length) return this.status('speak.nobody', '', 'bad');
    const waiting = reached.filter((s) => s.phase === 'waiting' || s.phase === 'powering').length;
    if (waiting) return this.status('speak.wait', ` (${reached.length - waiting}/${reached.length})`);
    this.status('speak.now', '', 'now');
  }

  endedWith(m) {
    this.ended = true;
    clearTimeout(this.readyTimer);
    const secs = Math.round(m.durationMs / 100) / 10;
    this.status(
      'speak.ended',
      `: ${t(`speak.why.${m.reason}`)} (${secs} s, ${Math.round(m.bytes / 100) / 10} kB)`,
      'done',
    );
    this.release();
  }

  closed(e) {
    if (!this.ended && !this.error) this.status('speak.lost', e.code ? ` (${e.code})` : '', 'bad');
    this.ended = true;
    this.release();
  }

  /** "Stop", leaving the page or closing it: the recorder's last chunk goes, then the stop. */
  stop(leaving = false) {
    this.ended = this.ended || !this.ws;
    if (this.rec && this.rec.state !== 'inactive') this.rec.stop();
    else if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'stop' }));
    if (leaving && this.ws) this.ws.close(1000, 'page closed');
    if (!this.ws) {
      this.status('speak.idle');
      this.release();
    }
  }

  fail(e) {
    this.flash(e);
    this.status('speak.failed', `: ${e.message ?? e}`, 'bad');
    this.ended = true;
    this.release();
    this.ws?.close();
  }

  release() {
    clearInterval(this.tick);
    clearTimeout(this.readyTimer);
    if (this.rec && this.rec.state !== 'inactive') this.rec.stop();
    for (const tr of this.stream?.getTracks() ?? []) tr.stop();
    this.meter?.close();
    this.meter = undefined;
    window.removeEventListener('pagehide', this.onLeave);
    window.removeEventListener('hashchange', this.onLeave);
    this.el.start.disabled = false;
    this.el.stop.disabled = true;
    this.el.warning.hidden = true;
  }
}
