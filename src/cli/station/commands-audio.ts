/** stationctl's audio commands: audio status, play, stop, fallback, media. */
import { resolve } from 'node:path';
import type { EngineStatus } from '../../audio/engine.js';
import type { SourceStatus } from '../../audio/source.js';
import { keyed } from '../../core/errors.js';
import { type Text, translate } from '../../core/i18n.js';
import type { MediaItem } from '../../media/cache.js';
import { flagString, got } from '../args.js';
import { type Command, type Ctx, show } from './context.js';
import { levelBar } from './level-bar.js';
import { audioMessages } from './messages-audio.js';
import { spoken } from './refusals.js';

export const audioUsage = [
  'audio [status]                 on air, levels, health and buffer of each source',
  'play FILE|URL [--zones 1,2] [--slot emergency]   play now (zones switched on)',
  'stop [--slot programme|emergency|fallback]  stop what plays in a slot',
  'fallback list | add FILE|media:NAME         the playlist played when all else fails',
  'media ls | add FILE|DIR | verify [SHA|media:NAME]   the verified media cache',
];

const tt = (ctx: Ctx, k: string, v?: Record<string, string | number>) =>
  translate(audioMessages, ctx.lang, k, v);
const db = (x: number) => x.toFixed(1);
/** Paths are read by the daemon: make them absolute here, where the technician typed them. */
const abs = (p: string) => (p.startsWith('media:') || /^[a-z][a-z0-9+.-]*:\/\//i.test(p) ? p : resolve(p));

function need(arg: string | undefined, what: string): string {
  if (!arg) throw keyed('INVALID_ARGUMENT', `${what}: missing`, 'r.missing', { what });
  return arg;
}

/** After a source's row: why it never played, how slow it receives, or its last error. */
function sourceExtra(ctx: Ctx, x: SourceStatus): string {
  if (x.failure)
    return tt(ctx, 'a.neverPlayed', { cause: tt(ctx, `c.${x.failure.cause}`), error: x.failure.error });
  const slow = x.slow
    ? tt(ctx, 'a.slow', { rate: x.slow.rate.toFixed(2), kbps: x.slow.kbps === null ? '?' : x.slow.kbps })
    : '';
  // a live voice's level meter: a technician sees the microphone move (or not)
  const meter = x.kind === 'live' ? ` ${levelBar(x.levels.rmsDbfs)}` : '';
  return meter + slow + (x.lastError && !x.healthy ? ` — ${x.lastError}` : '');
}

/** A slot or role word ('programme', 'fallback', …) in the reader's language; unknown: as sent. */
function word(ctx: Ctx, kind: 'slot' | 'role', w: string): string {
  const key = `a.${kind}.${w}`;
  return audioMessages[key] ? tt(ctx, key) : w;
}

function renderAudio(ctx: Ctx, s: EngineStatus & { monitor: string | null }): string {
  const a = s.onAir;
  const what =
    a.slot === 'silence'
      ? tt(ctx, 'a.silence')
      : `${word(ctx, 'slot', a.slot)}/${a.id} (${word(ctx, 'role', a.using ?? 'source')}, ${a.sourceKind})`;
  const lines = [
    `${tt(ctx, 'a.onair', { what })}   ${tt(ctx, 'a.master', { pct: Math.round(s.masterGain * 100) })}`,
  ];
  lines.push(
    tt(ctx, 'a.output', {
      peak: db(s.output.peakDbfs),
      rms: db(s.output.rmsDbfs),
      sink: `${s.sink.kind} ${s.sink.target}`,
      state: s.sink.ok ? tt(ctx, 'a.fine') : `${tt(ctx, 'a.failed')} (${s.sink.error})`,
    }),
  );
  lines.push(tt(ctx, 'a.sources'));
  const rows = Object.entries(s.slots).flatMap(([slot, r]) =>
    (r?.sources ?? []).map((x, i) =>
      tt(ctx, 'a.source', {
        slot: word(ctx, 'slot', slot),
        id: r?.id ?? '',
        role: word(ctx, 'role', i === 0 ? 'source' : 'fallback'),
        kind: x.kind,
        health: x.healthy
          ? tt(ctx, 'a.ok')
          : tt(ctx, 'a.bad', { reason: spoken(ctx.lang, x.reason, { key: `ev.health.${x.reason}` }) }),
        buf: x.bufferMs,
        peak: db(x.levels.peakDbfs),
        rms: db(x.levels.rmsDbfs),
        extra: sourceExtra(ctx, x),
      }),
    ),
  );
  lines.push(...(rows.length ? rows : [tt(ctx, 'a.noSources')]));
  if (s.monitor) lines.push(tt(ctx, 'a.monitor', { url: s.monitor }));
  return lines.join('\n');
}

async function mediaAdd(ctx: Ctx, arg: string | undefined): Promise<undefined> {
  const r = (await ctx.call('media.add', { path: abs(need(arg, 'media add FILE|DIR')) })) as {
    added: MediaItem[];
    skipped: Array<{ file: string; why: string; whyText?: Text }>;
  };
  const skipped = (s: (typeof r.skipped)[number]) =>
    tt(ctx, 'm.skipped', { file: s.file, why: spoken(ctx.lang, s.why, s.whyText) });
  show(ctx, r, () => [tt(ctx, 'm.added', { n: r.added.length }), ...r.skipped.map(skipped)].join('\n'));
  return undefined;
}

async function media(
  ctx: Ctx,
  sub: string | undefined,
  arg: string | undefined,
): Promise<number | undefined> {
  if (sub === 'ls' || sub === 'list' || sub === undefined) {
    const r = (await ctx.call('media.list')) as {
      items: MediaItem[];
      files: number;
      usedMb: number;
      quotaMb: number;
    };
    show(ctx, r, () =>
      [tt(ctx, 'm.title', { n: r.files, used: r.usedMb, quota: r.quotaMb })]
        .concat(
          r.items.map((i) =>
            tt(ctx, 'm.row', {
              sha: i.sha256.slice(0, 12),
              name: i.name,
              size: Math.round(i.size / 1024),
              dur: i.durationMs ? ` ${Math.round(i.durationMs / 1000)} s` : '',
              pin: i.pinned ? tt(ctx, 'm.pinned') : '',
            }),
          ),
        )
        .join('\n'),
    );
    return;
  }
  if (sub === 'add') return mediaAdd(ctx, arg);
  if (sub === 'verify') {
    const r = (await ctx.call('media.verify', arg ? { ref: arg } : {})) as {
      results: Array<{ sha256: string; name: string; ok: boolean; problem?: string; problemText?: Text }>;
    };
    const bad = r.results.filter((x) => !x.ok);
    show(ctx, r, () =>
      [tt(ctx, 'm.verified', { n: r.results.length, bad: bad.length })]
        .concat(
          bad.map((b) =>
            tt(ctx, 'm.bad', {
              sha: b.sha256.slice(0, 12),
              name: b.name,
              problem: spoken(ctx.lang, b.problem ?? '', b.problemText),
            }),
          ),
        )
        .join('\n'),
    );
    // a damaged file is a finding a script must see (the launcher sets the exit code from this)
    return bad.length ? 1 : 0;
  }
  throw keyed('INVALID_ARGUMENT', `media: allowed ls, add, verify (got "${sub}")`, 'r.sub', {
    what: 'media',
    allowed: '"ls", "add", "verify"',
    got: got(sub),
  });
}

async function fallback(ctx: Ctx, sub: string | undefined, arg: string | undefined): Promise<void> {
  let r: { items: Array<{ ref: string; name: string | null }>; shuffle: boolean };
  if (sub === 'list' || sub === 'ls' || sub === undefined) r = (await ctx.call('fallback.list')) as typeof r;
  else if (sub === 'add')
    r = (await ctx.call('fallback.add', { item: abs(need(arg, 'fallback add FILE')) })) as typeof r;
  else
    throw keyed('INVALID_ARGUMENT', `fallback: allowed list, add (got "${sub}")`, 'r.sub', {
      what: 'fallback',
      allowed: '"list", "add"',
      got: got(sub),
    });
  show(ctx, r, () =>
    r.items.length === 0
      ? tt(ctx, 'f.empty')
      : [tt(ctx, 'f.title', { n: r.items.length, shuffle: r.shuffle ? tt(ctx, 'f.shuffle') : '' })]
          .concat(r.items.map((i, k) => `  ${k + 1}. ${i.name ?? i.ref}`))
          .join('\n'),
  );
}

function zonesFlag(ctx: Ctx): number[] | undefined {
  const z = flagString(ctx.p, 'zones');
  if (z === undefined) return undefined;
  const ids = z.split(',').map((x) => Number(x.trim()));
  if (ids.some((n) => !Number.isInteger(n)))
    throw keyed(
      'INVALID_ARGUMENT',
      `--zones: zone numbers separated by commas, e.g. 1,2 (got "${z}")`,
      'r.zonesFlag',
      {
        got: z,
      },
    );
  return ids;
}

/** How long `play URL` watches the new source before it answers (a refused port fails in ≈ 4 s). */
const START_WAIT_MS = 8000;

type Started =
  | { state: 'playing' }
  | { state: 'failing'; cause: string; error: string }
  | { state: 'waiting'; reason: string };

/** Watches a just-requested stream until it is on air, declared failed, or the wait is over. */
async function waitStarted(ctx: Ctx, slot: string, id: string): Promise<Started> {
  const until = Date.now() + START_WAIT_MS;
  let reason = 'starting';
  for (let i = 0; i < 100 && Date.now() < until; i++) {
    const s = (await ctx.call('audio.status')) as EngineStatus;
    const src = s.slots[slot as keyof EngineStatus['slots']];
    const own = src?.id === id ? src.sources[0] : undefined;
    if (!own) return { state: 'waiting', reason: 'replaced' };
    if (s.onAir.slot === slot && s.onAir.id === id && s.onAir.using === 'source') return { state: 'playing' };
    if (own.failure) return { state: 'failing', cause: own.failure.cause, error: own.failure.error };
    reason = own.reason;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { state: 'waiting', reason };
}

function playedLine(ctx: Ctx, r: { slot: string; id: string; zones: number[] }, st: Started): string {
  const z = r.zones.length ? tt(ctx, 'a.zonesOn', { zones: r.zones.join(', ') }) : '';
  if (st.state === 'failing')
    return tt(ctx, 'a.failing', {
      id: r.id,
      cause: tt(ctx, `c.${st.cause}`),
      error: st.error,
      zones: z,
    });
  if (st.state === 'waiting')
    return tt(ctx, 'a.waiting', {
      id: r.id,
      slot: word(ctx, 'slot', r.slot),
      reason: spoken(ctx.lang, st.reason, { key: `ev.health.${st.reason}` }),
      zones: z,
    });
  return tt(ctx, 'a.played', { id: r.id, slot: word(ctx, 'slot', r.slot), zones: z });
}

export const audioCommands: Record<string, Command> = {
  async audio(ctx, [sub]) {
    if (sub !== undefined && sub !== 'status')
      throw keyed('INVALID_ARGUMENT', `audio: allowed status (got "${sub}")`, 'r.sub', {
        what: 'audio',
        allowed: '"status"',
        got: got(sub),
      });
    const s = (await ctx.call('audio.status')) as EngineStatus & { monitor: string | null };
    show(ctx, s, () => renderAudio(ctx, s));
  },
  async play(ctx, [src]) {
    const zones = zonesFlag(ctx);
    const params = {
      source: abs(need(src, 'play FILE|URL')),
      ...(zones ? { zones } : {}),
      ...(flagString(ctx.p, 'slot') ? { slot: flagString(ctx.p, 'slot') } : {}),
    };
    const r = (await ctx.call('audio.play', params)) as {
      slot: string;
      id: string;
      source: { kind: string };
      zones: number[];
      power: string;
    };
    // a stream may never start (refused, not audio…): say so instead of "Playing"
    const started: Started =
      r.source.kind === 'stream' ? await waitStarted(ctx, r.slot, r.id) : { state: 'playing' };
    show(
      ctx,
      { ...r, started },
      () => playedLine(ctx, r, started) + (r.power === 'off' ? tt(ctx, 'a.powerOff') : ''),
    );
    // the request stands (Loa keeps retrying), but a script must see it is not on air
    return started.state === 'failing' ? 1 : 0;
  },
  async stop(ctx) {
    const slot = flagString(ctx.p, 'slot');
    const r = (await ctx.call('audio.stop', slot ? { slot } : {})) as {
      slot: string;
      stopped: string | null;
    };
    show(ctx, r, () =>
      r.stopped
        ? tt(ctx, 'a.stopped', { id: r.stopped, slot: word(ctx, 'slot', r.slot) })
        : tt(ctx, 'a.nothing', { slot: word(ctx, 'slot', r.slot) }),
    );
  },
  async fallback(ctx, [sub, arg]) {
    await fallback(ctx, sub, arg);
  },
  async media(ctx, [sub, arg]) {
    return media(ctx, sub, arg);
  },
};
