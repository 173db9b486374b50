/**
 * Live voice as a station module ('live', docs/live.md): the microphone or line input named in
 * live.json or the board profile (stationctl live start|stop, push-to-talk on a digital input)
 * and the district's live feed (LIVE_FEED, for the uplink), both through the schedule's
 * announcement runner (ANNOUNCER) into the audio engine's live inputs (LIVE_INPUTS).
 */
import { z } from 'zod';
import { LIVE_INPUTS, type LiveInputs } from '../audio/live-inputs.js';
import { keyed, LoaError } from '../core/errors.js';
import type { Text } from '../core/i18n.js';
import type { Handler } from '../core/registry.js';
import { invalidInput } from '../core/validate.js';
import { HAL } from '../hal/port.js';
import type { ModuleContext, StationModule } from '../module/module.js';
import { ANNOUNCER, type Announcer } from '../schedule/announcer.js';
import { atLeast, isRole } from '../security/roles.js';
import type { JsonDoc } from '../store/doc.js';
import { type LiveConfig, liveConfigDoc } from './config.js';
import { checkNoFeedback } from './echo.js';
import { LIVE_FEED, type LiveFeedPort, type LiveFeedStart } from './port.js';
import { PushToTalk } from './ptt.js';
import { type LiveStatus, type LiveTier, LiveVoice } from './voice.js';

const startSchema = z.strictObject({
  tier: z.enum(['priority', 'emergency']).optional(),
  zones: z.union([z.literal('all'), z.array(z.number().int().min(1).max(32)).min(1).max(32)]).optional(),
});

export class LiveModule implements StationModule {
  readonly name = 'live';
  readonly needs = [HAL, ANNOUNCER, LIVE_INPUTS];
  readonly provides = [LIVE_FEED];
  private voice: LiveVoice | undefined;
  private cfg!: JsonDoc<LiveConfig>;
  private announcer!: Announcer;
  private inputs!: LiveInputs;
  private ptt: PushToTalk | undefined;
  private device: string | undefined;
  private deviceProblem: string | undefined;
  private deviceText: Text | undefined;
  private events: ModuleContext['store']['events'] | undefined;

  async start(ctx: ModuleContext): Promise<void> {
    this.cfg = liveConfigDoc(ctx.dataDir, ctx.clock);
    await this.cfg.load();
    this.announcer = ctx.need(ANNOUNCER);
    this.events = ctx.store.events;
    this.inputs = ctx.need(LIVE_INPUTS);
    this.voice = new LiveVoice({
      clock: ctx.clock,
      events: ctx.store.events,
      announcer: this.announcer,
      inputs: this.inputs,
    });
    this.micDevice(ctx);
    this.startPtt(ctx);
    ctx.provide(LIVE_FEED, this.feedPort());
  }

  /** The microphone: live.json, else the profile; one that would hear the output is refused. */
  private micDevice(ctx: ModuleContext): void {
    const device = this.cfg.data.mic.device ?? ctx.profile.liveInput?.device;
    if (!device) return;
    try {
      checkNoFeedback(device, this.inputs.outputDevice());
      this.device = device;
    } catch (e) {
      this.deviceProblem = (e as Error).message;
      this.deviceText = (e as LoaError).text;
      ctx.alarms.raise('live.mic-refused', 'live', this.deviceProblem, { device });
    }
  }

  private startPtt(ctx: ModuleContext): void {
    const name = this.cfg.data.mic.ptt ?? ctx.profile.liveInput?.ptt;
    if (!name) return;
    const input = ctx.need(HAL).inputs.get(name);
    if (!input)
      throw keyed(
        'CONFIG',
        `live.json mic.ptt: no digital input "${name}" in profile ${ctx.profile.name}`,
        'r.live.noPtt',
        { name, profile: ctx.profile.name },
      );
    this.ptt = new PushToTalk(input, ctx.clock, this.cfg.data.mic.pttDebounceMs, (pressed) => {
      // releasing the switch ends the microphone, never a district voice that replaced it
      const mine = this.voice?.status().via === 'mic';
      const act = pressed
        ? this.startMic({}, 'button')
        : mine
          ? this.voice?.stop('push-to-talk released')
          : undefined;
      void Promise.resolve(act).catch((e) =>
        ctx.store.events.emit({
          kind: 'live.ptt-refused',
          severity: 'warning',
          sub: 'live',
          message: `push-to-talk: ${(e as Error).message}`,
          ...because('ev.live.ptt-refused', e),
        }),
      );
    });
    this.ptt.start();
  }

  async stop(): Promise<void> {
    this.ptt?.stop();
    if (this.voice?.active) await this.voice.stop('station stopping').catch(() => undefined);
    this.voice?.close();
  }

  methods(): Record<string, Handler> {
    return {
      'live.start': (p) => this.startMic(p, 'command'),
      'live.stop': () => this.v().stop(),
      'live.status': () => this.status(),
    };
  }

  status(): LiveStatus & {
    mic: { device: string | null; problem?: string; problemText?: Text; ptt: boolean | null };
  } {
    return {
      ...(this.voice?.status() ?? { active: false }),
      mic: {
        device: this.device ?? null,
        ...(this.deviceProblem ? { problem: this.deviceProblem } : {}),
        ...(this.deviceText ? { problemText: this.deviceText } : {}),
        ptt: this.ptt ? this.ptt.pressed : null,
      },
    };
  }

  private v(): LiveVoice {
    if (!this.voice) throw new Error('live module not started');
    return this.voice;
  }

  private startMic(raw: unknown, origin: 'command' | 'button'): LiveStatus {
    const r = startSchema.safeParse(raw ?? {}, { reportInput: true });
    if (!r.success) throw invalidInput('live.start', r.error.issues);
    if (!this.device)
      throw new LoaError(
        'REFUSED',
        this.deviceProblem ??
          'this station has no microphone: name its ALSA capture device in live.json mic.device (arecord -L lists them)',
        {},
        this.deviceProblem ? this.deviceText : { key: 'r.live.noMic' },
      );
    const m = this.cfg.data.mic;
    const tier: LiveTier = r.data.tier ?? m.tier;
    return this.v().start(
      { via: 'mic', tier, zones: this.zones(r.data.zones ?? m.zones), origin },
      { kind: 'capture', device: this.device, gate: m.gate },
    );
  }

  private zones(z: 'all' | number[]): number[] {
    const all = this.announcer.zoneIds();
    if (z === 'all') return all;
    const bad = z.filter((n) => !all.includes(n));
    if (bad.length)
      throw keyed(
        'INVALID_ARGUMENT',
        `zones: zone ${bad.join(', ')} does not exist; allowed: ${all.join(', ')} or "all"`,
        'r.noZone',
        { what: 'live', zone: bad.join(', '), allowed: all.join(', ') },
      );
    return [...new Set(z)].sort((a, b) => a - b);
  }

  /** The district's feed, as the uplink hands it over. */
  private feedPort(): LiveFeedPort {
    return {
      begin: (s) => {
        try {
          this.beginFeed(s);
        } catch (e) {
          this.events?.emit({
            kind: 'live.refused',
            severity: 'warning',
            sub: 'live',
            message: `live voice from ${s.by} refused: ${(e as Error).message}`,
            ...because('ev.live.refused', e, { by: s.by }),
            details: { session: s.session, by: s.by, role: s.role, tier: s.tier },
          });
          throw e;
        }
      },
      data: (session, b) => this.v().input(session)?.write(b),
      end: (session) => this.v().input(session)?.end(),
    };
  }

  private beginFeed(s: LiveFeedStart): void {
    // the hub checked the operator; the station checks again (a hub is not trusted blindly)
    if (!isRole(s.role) || !atLeast(s.role, 'operator'))
      throw keyed(
        'PERMISSION_DENIED',
        `live voice needs role operator; ${s.by} has role ${s.role}`,
        'r.live.role',
        {
          by: s.by,
          role: s.role,
        },
      );
    if (s.tier !== 'priority' && s.tier !== 'emergency')
      throw keyed('INVALID_ARGUMENT', `live.tier: priority or emergency (got "${s.tier}")`, 'r.live.tier', {
        got: s.tier,
      });
    if (s.format !== 'webm' && s.format !== 'ogg')
      throw keyed('INVALID_ARGUMENT', `live.format: webm or ogg (got "${s.format}")`, 'r.live.format', {
        got: s.format,
      });
    const f = this.cfg.data.feed;
    this.v().start(
      {
        via: 'district',
        tier: s.tier,
        zones: this.zones(s.zones.length ? s.zones : 'all'),
        origin: 'district',
        by: s.by,
        session: s.session,
      },
      {
        kind: 'feed',
        format: s.format === 'webm' ? 'matroska' : 'ogg',
        prerollMs: f.prerollMs,
        dropMs: f.dropMs,
      },
    );
  }
}

/** An event's words when its cause has words of its own (else the English message stands whole). */
function because(key: string, e: unknown, vars: Record<string, string> = {}): { text?: Text } {
  const why = (e as LoaError).text;
  return why ? { text: { key, vars: { ...vars, why } } } : {};
}
