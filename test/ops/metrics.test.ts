import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseListen } from '../../src/station/metrics.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';

describe('Prometheus metrics', () => {
  let d: Daemon | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('the daemon serves station metrics on loopback, following the station state', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const ready = JSON.parse((await d.waitFor(/"msg":"ready"/)) as string);
    expect(ready.metrics).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scrape = async () => (await fetch(ready.metrics)).text();
    let text = await scrape();
    expect(text).toMatch(/^loa_power_chain_state\{state="off",station="[^"]+"\} 1$/m);
    expect(text).toMatch(/^loa_mains_present\{station="[^"]+"\} 1$/m);
    expect(text).toMatch(/^loa_process_resident_memory_bytes/m);
    await d.ctl('zone', '2', 'on');
    await d.ctl('power', 'on');
    await d.ctl('sim', 'fault', 'mains-lost');
    text = await scrape();
    expect(text).toMatch(/^loa_zone_relay\{zone="2",what="commanded",station="[^"]+"\} [01]$/m);
    // the mains alarm is debounced (200 ms): poll, bounded
    for (let i = 0; i < 50 && !/loa_alarm_active\{kind="mains.lost"/.test(text); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await scrape();
    }
    expect(text).toMatch(/^loa_alarm_active\{kind="mains\.lost",station="[^"]+"\} 1$/m);
    expect(text).toMatch(/^loa_mains_present\{station="[^"]+"\} 0$/m);
  });

  it('shows what is on air, its source and the output level', async () => {
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(tempDir(), 'data')]);
    const ready = JSON.parse((await d.waitFor(/"msg":"ready"/)) as string);
    const scrape = async () => (await fetch(ready.metrics)).text();
    expect(await scrape()).toMatch(/^loa_on_air\{slot="programme",station="[^"]+"\} 0$/m);
    const file = makeTone(join(tempDir(), 'p.wav'), { hz: 440, seconds: 30 });
    expect((await d.ctl('play', file)).code).toBe(0);
    const text = await pollUntil(async () => {
      const t = await scrape();
      return /^loa_on_air\{slot="programme",station="[^"]+"\} 1$/m.test(t) ? t : undefined;
    });
    expect(text).toMatch(/^loa_on_air_source\{kind="file",using="source",station="[^"]+"\} 1$/m);
    expect(text).toMatch(/^loa_audio_source_healthy\{slot="programme",kind="file",station="[^"]+"\} 1$/m);
    expect(text).toMatch(/^loa_audio_output_dbfs\{measure="peak",station="[^"]+"\} -?[\d.]+$/m);
  });

  it('parses listen addresses and refuses bad ones', () => {
    expect(parseListen('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen('off')).toBeUndefined();
    expect(() => parseListen('localhost')).toThrow(/HOST:PORT such as 127\.0\.0\.1:9464/);
  });
});
