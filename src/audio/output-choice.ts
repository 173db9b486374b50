/**
 * Which sound output the station plays to: audio.json's `sink` when a person set one, else the
 * board profile's sound output (an ALSA card), else — on the simulator only — nothing (null).
 * A real board that would play to nothing refuses to start unless told (--allow-silent-output):
 * a village hearing silence while every check is green is the failure this prevents.
 */
import { LoaError } from '../core/errors.js';
import { isSimProfile, type Profile } from '../hal/profile.js';
import type { AudioConfig, SinkConfig } from './config.js';

export interface OutputChoice {
  sink: SinkConfig;
  /** The profile drives real hardware (not the simulator). */
  real: boolean;
  /** Where the choice came from. */
  from: 'audio.json' | 'profile' | 'none';
  /** Nobody hears this output (null, or a WAV file). */
  silent: boolean;
  /** The profile's mixer control for the level, if it names one. */
  mixer?: string | undefined;
}

export function chooseOutput(cfg: Pick<AudioConfig, 'sink'>, profile: Profile): OutputChoice {
  const real = !isSimProfile(profile);
  const sound = profile.sound;
  const [sink, from]: [SinkConfig, OutputChoice['from']] = cfg.sink
    ? [cfg.sink, 'audio.json']
    : sound
      ? [{ kind: 'alsa', device: sound.device }, 'profile']
      : [{ kind: 'null' }, 'none'];
  const silent = sink.kind === 'null' || sink.kind === 'wav';
  return { sink, real, from, silent, mixer: sound?.mixer };
}

/** Throws CONFIG when a real board would play to nothing and nobody said that is intended. */
export function requireAudible(choice: OutputChoice, profileName: string, allowSilent: boolean): void {
  if (!choice.real || !choice.silent || allowSilent) return;
  const where =
    choice.from === 'none'
      ? `profile "${profileName}" names no sound output and audio.json sets no sink`
      : `audio.json sets the sink to "${choice.sink.kind}"`;
  throw new LoaError(
    'CONFIG',
    `no sound output: ${where}, so this real station would play to nothing. Run deploy/install.sh (it finds the sound card and writes it to audio.json), or set "sink": {"kind": "alsa", "device": "plughw:CARD=…,DEV=0"} in audio.json (aplay -l lists the cards); start with --allow-silent-output only if silence is intended`,
  );
}
