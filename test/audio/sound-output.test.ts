/**
 * Sound on a real board (issue 19): the profile's ALSA output is the default, a real station
 * that would play to nothing refuses to start unless told, `stationctl doctor` says so (exit 2,
 * en + vi), and a sound card that disappears while the station runs raises an alarm, leaves the
 * station running, and is picked up again when it returns.
 *
 * The removable card: an ALSA PCM in a test asoundrc (ALSA_CONFIG_PATH, read by alsa-lib in the
 * daemon's ffmpeg) of type `file` whose samples go through `socat` to a unix socket this test
 * serves. Closing the socket is pulling the USB card: ffmpeg's next write fails with ALSA's
 * "write error: Input/output error", as with a real card gone. (No kernel ALSA here:
 * /proc/asound is absent and snd-aloop cannot be loaded in this container.)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLocal } from '../../src/api/local-client.js';
import type { StationStatus } from '../../src/api/status.js';
import { chooseOutput, requireAudible } from '../../src/audio/output-choice.js';
import { loadProfile, type Profile } from '../../src/hal/profile.js';
import { AvrBoard } from '../helpers/avr-board.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { hwProfile, wireFirmataOnly, writeProfile } from '../helpers/hw-profiles.js';
import { tempDir } from '../helpers/sim-station.js';

describe('choosing the sound output', () => {
  it('plays to the profile’s card by default; null only on the simulator or when set', () => {
    const rpi = loadProfile('rpi4-gpio');
    expect(chooseOutput({}, rpi)).toMatchObject({
      sink: { kind: 'alsa', device: 'plughw:CARD=Headphones,DEV=0' },
      real: true,
      from: 'profile',
      silent: false,
      mixer: 'PCM',
    });
    const sim = chooseOutput({}, loadProfile('sim'));
    expect(sim).toMatchObject({ sink: { kind: 'null' }, real: false, silent: true });
    expect(() => requireAudible(sim, 'sim', false)).not.toThrow();
    const nulled = chooseOutput({ sink: { kind: 'null' } }, rpi);
    expect(() => requireAudible(nulled, 'rpi4-gpio', false)).toThrow(
      /no sound output: audio.json sets the sink to "null".*install.sh.*--allow-silent-output/,
    );
    expect(() => requireAudible(nulled, 'rpi4-gpio', true)).not.toThrow();
    const bare: Profile = { ...rpi, sound: undefined };
    expect(() => requireAudible(chooseOutput({}, bare), 'bare', false)).toThrow(
      /profile "bare" names no sound output and audio.json sets no sink/,
    );
  });
});

/** A sound card on a unix socket: counts the PCM bytes it gets; `unplug` drops it. */
class SocketCard {
  bytes = 0;
  private server: Server | undefined;
  private readonly conns = new Set<Socket>();
  constructor(readonly path: string) {}

  async plug(): Promise<void> {
    rmSync(this.path, { force: true });
    const server = createServer((c) => {
      this.conns.add(c);
      c.on('data', (b: Buffer) => {
        this.bytes += b.length;
      });
      c.on('error', () => undefined);
      c.on('close', () => this.conns.delete(c));
    });
    this.server = server;
    await new Promise<void>((res) => server.listen(this.path, res));
  }

  async unplug(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    for (const c of this.conns) c.destroy();
    if (s) await new Promise<void>((res) => s.close(() => res()));
    rmSync(this.path, { force: true });
  }
}

// a daemon, the simulated board and the card: generous on a loaded 2-core machine
describe('a real station’s sound output (firmata-only board on simavr)', { timeout: 180_000 }, () => {
  let dir: string;
  let board: AvrBoard;
  let daemon: Daemon | undefined;
  let card: SocketCard | undefined;

  beforeEach(async () => {
    dir = tempDir('loa-sound-');
    board = await AvrBoard.start({ dir });
    wireFirmataOnly(board);
  });

  afterEach(async () => {
    await daemon?.stop();
    daemon = undefined;
    await card?.unplug();
    card = undefined;
    await board.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function dataDir(audio?: unknown): string {
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    if (audio) writeFileSync(join(data, 'audio.json'), JSON.stringify(audio));
    return data;
  }

  function args(p: Profile, data: string, ...more: string[]): string[] {
    return ['--profile', writeProfile(dir, p), '--data-dir', data, '--station-id', 'snd', ...more];
  }

  it('refuses to start with a null output; allowed (the unit’s LOA_ALLOW_SILENT_OUTPUT=1, as install.sh --sound-device null writes it) it runs and doctor faults, en + vi', async () => {
    const data = dataDir({ schema: 1, sink: { kind: 'null' }, monitor: { enabled: false } });
    const p = hwProfile('firmata-only', board.path);
    const refused = await startDaemon(args(p, data)).catch((e: Error) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/daemon exited \(78\)/); // EX_CONFIG
    expect((refused as Error).message).toMatch(/no sound output: audio.json sets the sink to \\"null\\"/);
    const zero = await startDaemon(args(p, data), { LOA_ALLOW_SILENT_OUTPUT: '0' }).catch((e: Error) => e);
    expect((zero as Error).message).toMatch(/daemon exited \(78\)/);
    daemon = await startDaemon(args(p, data), { LOA_ALLOW_SILENT_OUTPUT: '1' });
    const en = await daemon.ctl('doctor');
    expect(en.code).toBe(2);
    expect(en.stdout).toMatch(/FAULT.*Sound output is "null": this station plays to nothing/);
    expect(en.stdout).toMatch(/deploy\/install.sh --sound/);
    expect(en.stdout).not.toMatch(/Audio output \(null\) works/);
    const vi = await daemon.ctl('--lang', 'vi', 'doctor');
    expect(vi.code).toBe(2);
    expect(vi.stdout).toMatch(/Đầu ra âm thanh là "null": đài đang phát vào khoảng không/);
  });

  it('a card that disappears raises an alarm, the station runs on, and the card is taken back', async () => {
    card = new SocketCard(join(dir, 'card.sock'));
    const asoundrc = join(dir, 'asoundrc');
    writeFileSync(
      asoundrc,
      `pcm.loacard {\n  type file\n  slave.pcm "null"\n  format "raw"\n  file "|exec socat -u STDIN UNIX-CONNECT:${card.path}"\n}\n`,
    );
    await card.plug();
    const p = hwProfile('firmata-only', board.path);
    p.sound = { device: 'loacard', card: 'loacard', mixer: 'PCM', levelPct: 80 }; // the profile's card
    const data = dataDir({ schema: 1, monitor: { enabled: false } });
    daemon = await startDaemon(args(p, data), {
      ALSA_CONFIG_PATH: `/usr/share/alsa/alsa.conf:${asoundrc}`,
    });
    const d = daemon;
    const status = async () => (await callLocal(d.socket, 'status')) as StationStatus;
    const lost = (s: StationStatus) => s.alarms.some((a) => a.key === 'audio.output-lost');
    await pollUntil(async () => card && card.bytes > 48_000, 20_000); // PCM reaches the card
    const okDoc = await d.ctl('doctor');
    expect(okDoc.stdout).toMatch(/ok.*Sound output \(alsa loacard\) is playing/);
    await callLocal(d.socket, 'power', { on: true });
    await pollUntil(async () => board.level(22) === 0 && board.level(23) === 0);

    await card.unplug(); // the USB card is pulled
    await pollUntil(async () => lost(await status()), 20_000);
    const doc = await d.ctl('doctor');
    expect(doc.code).toBe(2);
    expect(doc.stdout).toMatch(
      /FAULT.*Sound card loacard is missing: exited 1: .*(Input\/output error|Broken pipe)/,
    );
    expect(doc.stdout).toMatch(/aplay -l/);
    const s = await status();
    expect(s.modules.schedule).toBeDefined(); // the schedule module runs on
    expect(board.level(22)).toBe(0); // and the chain stays as commanded
    expect(d.proc.exitCode).toBeNull();

    await card.plug(); // plugged back in
    const before = card.bytes;
    await pollUntil(async () => !lost(await status()), 30_000);
    await pollUntil(async () => card && card.bytes > before + 48_000, 20_000);
    expect((await d.ctl('doctor')).stdout).toMatch(/Sound output \(alsa loacard\) is playing/);
  });
});
