/**
 * ops.kill9_to_on_air_ms: kill -9 of the station during a programme to that programme's audio
 * back on air in the instance systemd restarts. Done as a technician would, with the real
 * stationctl inside the container (/usr/local/bin/stationctl, install.sh):
 *   - a 30 min 1 kHz tone (ffmpeg) imported with `stationctl media add`, scheduled with
 *     `stationctl schedule apply` in a window that is open now. A scheduled programme is what
 *     survives a restart: schedule.json is persisted and the runner asks "what should be on air
 *     now" at start, resuming a file at its offset in the window (docs/schedule.md). A manual
 *     `stationctl play` is persisted too (audio-state.json, docs/audio.md): checked here first
 *     (kill -9 during a manual play; does the new instance play it again?), said in the note.
 *   - schedule-settings.json clock.trustedRtc=true: the container shares this machine's kernel
 *     clock, which is not NTP-synchronised (timedatectl: NTPSynchronized=no), and the clock gate
 *     would hold scheduled programmes (on a Pi: NTP, or a battery RTC and this same setting).
 * What is measured: the audio engine on air — the programme's first audio frame through the
 * engine's output (the null sink: no sound card in the container; the level meter is on that
 * output), from the play log of the new instance (`stationctl play-log`: an item's start is its
 * first audio), minus the wall time of the kill (container and host share the wall clock). It is
 * confirmed by polling `stationctl audio status` until the programme slot is on air with an
 * output level above silence; that poll time (bounded by stationctl's own start-up, ~0.3 s) is
 * reported as an upper bound. The power chain comes up in parallel (ExecStopPost drove every
 * output safe after the kill; sim profile timings: about 3.5 s) and is not part of the figure;
 * ops.kill9_to_audible_ms is kill -9 to the new instance's `power.on` event (transmitter,
 * amplifier and zones on, unmuted and faded in: the programme at the loudspeakers).
 */
import type { Container } from '../../test/helpers/systemd-container.js';

const UNIT = 'loa-station.service';
const PROGRAMME = 'bench-tone';
/** A 1 kHz sine from ffmpeg's lavfi is at -18 dBFS; silence reads -120. */
const ABOVE_SILENCE_DBFS = -60;
const TONE = '/srv/loa-bench/tone.mp3';

async function ctl(c: Container, ...args: string[]): Promise<unknown> {
  const r = await c.exec(['stationctl', '--json', '--lang', 'en', ...args], 60_000);
  if (r.code !== 0) throw new Error(`stationctl ${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

async function sh(c: Container, script: string, ...args: string[]): Promise<void> {
  const r = await c.exec(['sh', '-c', script, 'sh', ...args], 300_000);
  if (r.code !== 0) throw new Error(`${script}: exit ${r.code}: ${r.stderr}`);
}

interface AudioStatus {
  onAir: { slot: string; id?: string };
  output: { peakDbfs: number };
}

async function mainPid(c: Container): Promise<number> {
  return Number((await c.show(UNIT, ['MainPID'])).MainPID);
}

/** Polls (bounded) until `ok` holds for the audio status of an instance other than `notPid`. */
async function pollAudio(
  c: Container,
  notPid: number,
  ok: (s: AudioStatus) => boolean,
  timeoutMs: number,
): Promise<{ at: number; status: AudioStatus }> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (let i = 0; Date.now() < deadline && i < 1000; i++) {
    const pid = await mainPid(c);
    const r = pid && pid !== notPid ? await c.exec(['stationctl', '--json', 'audio', 'status']) : undefined;
    if (r?.code === 0) {
      const status = JSON.parse(r.stdout) as AudioStatus;
      if (ok(status)) return { at: Date.now(), status };
      last = JSON.stringify({ onAir: status.onAir, output: status.output });
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`audio not as expected within ${timeoutMs} ms (last: ${last})`);
}

const programmeOnAir = (s: AudioStatus) =>
  s.onAir.slot === 'programme' && s.output.peakDbfs > ABOVE_SILENCE_DBFS;

/** Local date and time in the station's zone (the schedule's language). */
function local(t: number): { date: string; time: string } {
  const f = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', ...o }).format(t);
  return {
    date: f({ year: 'numeric', month: '2-digit', day: '2-digit' }),
    time: f({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  };
}

/** The tone in the media cache; returns its sha256. */
async function importTone(c: Container): Promise<string> {
  await sh(
    c,
    `mkdir -p /srv/loa-bench && ffmpeg -nostdin -hide_banner -loglevel error -y -f lavfi -i sine=frequency=1000:duration=1800 -ac 1 -ar 48000 -b:a 48k ${TONE}`,
  );
  const r = (await ctl(c, 'media', 'add', TONE)) as { added: Array<{ sha256: string }>; skipped: unknown[] };
  const sha = r.added[0]?.sha256;
  if (!sha) throw new Error(`media add ${TONE}: nothing added (${JSON.stringify(r.skipped)})`);
  return sha;
}

/** A manual play of the tone, then kill -9: does the new instance play it again? */
async function manualPlayResumes(c: Container, before: number): Promise<boolean> {
  await ctl(c, 'play', TONE);
  await pollAudio(c, 0, programmeOnAir, 30_000);
  const pid = await mainPid(c);
  process.kill(c.hostPid(pid), 'SIGKILL');
  await pollAudio(c, pid, () => true, 60_000); // the new instance answers
  // a scheduled programme is back within ~1 s of that; give the manual one 10 s
  const resumed = await pollAudio(c, pid, programmeOnAir, 10_000).then(
    () => true,
    () => false,
  );
  if (Date.now() - before > 120_000) throw new Error('manual play check took over 2 min');
  await ctl(c, 'stop').catch(() => undefined);
  return resumed;
}

async function scheduleTone(c: Container, sha: string): Promise<void> {
  const settings = JSON.stringify({ schema: 1, clock: { trustedRtc: true } });
  await sh(
    c,
    'printf %s "$1" > /var/lib/loa/schedule-settings.json && chown loa:loa /var/lib/loa/schedule-settings.json && chmod 0640 /var/lib/loa/schedule-settings.json',
    settings,
  );
  await c.systemctl('restart', UNIT); // the settings are read at start
  const start = local(Date.now() - 60_000);
  const doc = {
    schema: 1,
    version: 1,
    timezone: 'Asia/Ho_Chi_Minh',
    valid_until: local(Date.now() + 2 * 86_400_000).date,
    programmes: [
      {
        id: PROGRAMME,
        title: 'kill -9 bench tone',
        tier: 'normal',
        source: { kind: 'file', file: { sha256: sha } },
        date: start.date,
        start: start.time,
        duration: '1h',
        zones: 'all',
        volume: 0.9,
      },
    ],
  };
  await sh(c, 'printf %s "$1" > /srv/loa-bench/schedule.json', JSON.stringify(doc));
  await ctl(c, 'schedule', 'apply', '/srv/loa-bench/schedule.json');
  await pollAudio(c, 0, programmeOnAir, 30_000);
}

interface PlayLogEntry {
  programmeId?: string;
  start: number;
}

/** The first audio of the programme in the instance started after `t0` (its play log). */
async function firstAudioAfter(c: Container, t0: number): Promise<number> {
  const since = new Date(t0 - 60_000).toISOString();
  const log = (await ctl(c, 'play-log', '--since', since)) as PlayLogEntry[];
  const hit = log.find((e) => e.programmeId === PROGRAMME && e.start > t0);
  if (!hit) throw new Error(`no play-log start of ${PROGRAMME} after the kill: ${JSON.stringify(log)}`);
  return hit.start;
}

/** The new instance's power.on event (chain up, unmuted, faded in), polled (bounded). */
async function powerOnAfter(c: Container, t0: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; Date.now() < deadline && i < 300; i++) {
    const ev = (await ctl(c, 'events', '--kind', 'power.on')) as Array<{ ts: number }>;
    const hit = ev.find((e) => e.ts > t0);
    if (hit) return hit.ts;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`no power.on event within ${timeoutMs} ms of the kill`);
}

export interface OnAirResult {
  ms: number[];
  polledMs: number[];
  audibleMs: number[];
  manualResumes: boolean;
}

export async function kill9ToOnAir(c: Container): Promise<OnAirResult> {
  await c.systemctl('restart', UNIT);
  const sha = await importTone(c);
  const manualResumes = await manualPlayResumes(c, Date.now());
  await scheduleTone(c, sha);
  const ms: number[] = [];
  const polledMs: number[] = [];
  const audibleMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const pid = await mainPid(c);
    const t0 = Date.now();
    process.kill(c.hostPid(pid), 'SIGKILL');
    const seen = await pollAudio(c, pid, programmeOnAir, 60_000);
    const first = await firstAudioAfter(c, t0);
    ms.push(first - t0);
    polledMs.push(seen.at - t0);
    audibleMs.push((await powerOnAfter(c, t0)) - t0);
  }
  return { ms, polledMs, audibleMs, manualResumes };
}
