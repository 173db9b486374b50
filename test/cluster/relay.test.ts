/**
 * A cluster runs the station's programmes as they are: the built daemon on the cluster
 * profile relays a stream (real Icecast through a relay the test cuts) into its two zones with no
 * transmitter, falls back to the cached fallback playlist when the 4G side breaks, and counts the
 * break in the stream health it reports to the district.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { type Icecast, startIcecast } from '../helpers/icecast.js';
import { type Relay, startRelay } from '../helpers/relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

let d: Daemon;
let dir: string;
let ice: Icecast;
let relay: Relay;

async function json(...args: string[]): Promise<Record<string, unknown>> {
  const r = await d.ctl('--json', ...args);
  if (r.code !== 0) throw new Error(`stationctl ${args.join(' ')} → ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  dir = tempDir('loa-cluster-relay-');
  ice = await startIcecast();
  relay = await startRelay(ice.port);
  makeTone(join(dir, 'cached-440.mp3'), { hz: 440, seconds: 20 });
  const cfg = { schema: 1, sink: { kind: 'wav', path: join(dir, 'out.wav') } };
  writeFileSync(join(dir, 'audio.json'), JSON.stringify(cfg));
  // no ModemManager here: the modem module reports it missing, the audio path does not care
  d = await startDaemon(['--profile', 'cluster-sim', '--data-dir', dir]);
});
afterAll(async () => {
  await d?.stop();
  await relay?.close();
  await ice?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a cluster relays the stream with the cached fallback', () => {
  it('relays into its zones without a transmitter; a cut link falls back to the cache and is counted', async () => {
    await json('fallback', 'add', join(dir, 'cached-440.mp3'));
    const feeder = await ice.feed('commune', 'sine=frequency=1000:sample_rate=44100');
    const url = `http://127.0.0.1:${relay.port}/commune`;
    const r = (await json('play', url, '--zones', '1,2')) as { id: string; zones: number[] };
    expect(r.zones).toEqual([1, 2]);
    const onAir = async () =>
      ((await json('audio', 'status')) as { onAir: { slot: string; id?: string; using?: string } }).onAir;
    await pollUntil(async () => {
      const a = await onAir();
      return a.id === r.id;
    }, 20_000);
    await json('power', 'on');
    await pollUntil(
      async () => ((await json('status')) as { power: { state: string } }).power.state === 'on',
      20_000,
    );
    const st = (await json('status')) as Record<string, unknown> & {
      zones: { id: number; relay: boolean }[];
      modules: { modem: { present: boolean } };
    };
    expect(st.transmitter).toBeUndefined();
    expect(st.zones.map((z) => [z.id, z.relay])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect(st.modules.modem.present).toBe(false);
    const human = await d.ctl('status');
    expect(human.stdout).not.toMatch(/Transmitter/);

    relay.cut();
    await relay.close();
    await pollUntil(async () => {
      const a = await onAir();
      return a.slot === 'fallback' || a.using === 'fallback';
    }, 30_000);
    await pollUntil(async () => {
      const s = (await json('status')) as {
        modules: { modem: { stream: { reconnects: number; underruns: number } } };
      };
      return s.modules.modem.stream.reconnects + s.modules.modem.stream.underruns >= 1;
    }, 30_000);
    await feeder.stop();
  });
});
