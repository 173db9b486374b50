/**
 * deploy/install-sound.sh (sourced by install.sh) in real bash: the profile's card found in a
 * /proc/asound/cards as a Pi 4 shows it, written to audio.json (other settings kept), the level
 * set and stored through amixer/alsactl (stand-ins that record their arguments); a missing card
 * stops the install naming the cards it saw and the option to give; --sound-device null.
 */
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PI4_CARDS = ` 0 [Headphones     ]: bcm2835_headpho - bcm2835 Headphones
                      bcm2835 Headphones
 1 [vc4hdmi0       ]: vc4-hdmi - vc4-hdmi-0
                      vc4-hdmi-0
`;

function setup(profile: string, extra: Record<string, string> = {}) {
  dir = tempDir('loa-snd-install-');
  const cards = join(dir, 'cards');
  writeFileSync(cards, PI4_CARDS);
  const calls = join(dir, 'calls');
  const fake = (name: string) => {
    const f = join(dir, name);
    writeFileSync(f, `#!/bin/sh\necho "${name} $*" >> '${calls}'\n`);
    chmodSync(f, 0o755);
    return f;
  };
  const env = {
    PATH: process.env.PATH ?? '',
    LOA_ASOUND_CARDS: cards,
    LOA_AMIXER: fake('amixer'),
    LOA_ALSACTL: fake('alsactl'),
    LOA_AUDIO_JSON: join(dir, 'audio.json'),
    LOA_SOUND_ENV: join(dir, 'sound.env'),
    ...extra,
  };
  const script = `set -euo pipefail
log() { echo "loa-install: $*" >&2; }
die() { echo "install.sh: $*" >&2; exit 1; }
own() { :; }
ROLE=station ROOT="" SRC='${ROOT}' PROFILE='${profile}' SOUND_DEVICE="\${SOUND_DEVICE:-}"
source '${ROOT}/deploy/install-sound.sh'
setup_sound`;
  return { env, calls, script, audio: join(dir, 'audio.json'), soundEnv: join(dir, 'sound.env') };
}

function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((res) => {
    execFile('bash', ['-c', script], { env }, (err, _o, stderr) =>
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('install.sh: the sound card', () => {
  it('takes the profile’s card, writes it to audio.json keeping the rest, sets and stores the level', async () => {
    const s = setup('rpi4-gpio');
    writeFileSync(s.audio, JSON.stringify({ schema: 1, outputSilenceMs: 20000 }));
    const r = await bash(s.script, s.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/sound cards .*cards\):\n\s+0 \[Headphones/);
    expect(JSON.parse(readFileSync(s.audio, 'utf8'))).toEqual({
      schema: 1,
      outputSilenceMs: 20000,
      sink: { kind: 'alsa', device: 'plughw:CARD=Headphones,DEV=0' },
    });
    expect(readFileSync(s.calls, 'utf8').trim().split('\n')).toEqual([
      'amixer -q -c Headphones sset PCM 80% unmute',
      'alsactl store Headphones',
    ]);
  });

  it('stops, naming the cards it saw and what to give, when the profile’s card is not there', async () => {
    const s = setup('firmata-only'); // a USB card "Device" the Pi 4 here does not have
    const r = await bash(s.script, s.env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /sound card 'Device' of profile firmata-only not found \(cards here: Headphones vc4hdmi0\); .*--sound-device plughw:CARD=ID,DEV=0/,
    );
    expect(() => readFileSync(s.audio)).toThrow();
  });

  it('takes --sound-device, and null as a silent station’s explicit choice', async () => {
    const s = setup('firmata-only', { SOUND_DEVICE: 'plughw:CARD=vc4hdmi0,DEV=0' });
    expect((await bash(s.script, s.env)).code).toBe(0);
    expect(JSON.parse(readFileSync(s.audio, 'utf8')).sink.device).toBe('plughw:CARD=vc4hdmi0,DEV=0');
    expect(readFileSync(s.calls, 'utf8')).toMatch(/amixer -q -c vc4hdmi0 sset Speaker 80% unmute/);
    expect(readFileSync(s.soundEnv, 'utf8')).toMatch(/^LOA_ALLOW_SILENT_OUTPUT=0$/m);
    const n = await bash(s.script, { ...s.env, SOUND_DEVICE: 'null' });
    expect(n.stderr).toMatch(/silent station: the unit starts it with --allow-silent-output/);
    expect(JSON.parse(readFileSync(s.audio, 'utf8')).sink).toEqual({ kind: 'null' });
    expect(readFileSync(s.soundEnv, 'utf8')).toMatch(/^LOA_ALLOW_SILENT_OUTPUT=1$/m);
    // a real card chosen again takes the permission back
    expect((await bash(s.script, { ...s.env, SOUND_DEVICE: 'plughw:CARD=Headphones,DEV=0' })).code).toBe(0);
    expect(readFileSync(s.soundEnv, 'utf8')).toMatch(/^LOA_ALLOW_SILENT_OUTPUT=0$/m);
  });

  it('leaves the simulator alone', async () => {
    const s = setup('sim');
    const r = await bash(s.script, s.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/profile sim has no sound card \(simulator\)/);
  });
});
