/**
 * The district hub's Prometheus endpoint, scraped from the real hub process with a real
 * station connected through the link: per-station online state, power chain, what is on air.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Rig, startRig, stopRig } from '../link/helpers.js';

describe('district hub metrics', () => {
  let r: Rig | undefined;
  afterEach(async () => {
    await stopRig(r);
    r = undefined;
  });

  it('serves per-station gauges on loopback that follow the stations', async () => {
    r = await startRig(tempDir(), 'xa-metrics');
    const ready = r.hub.output.map((l) => /"msg":"ready".*"metrics":"([^"]+)"/.exec(l)?.[1]).find(Boolean);
    expect(ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const scrape = async () => (await fetch(ready as string)).text();
    let text = await scrape();
    expect(text).toMatch(/^loa_hub_stations_known 1$/m);
    expect(text).toMatch(/^loa_hub_station_online\{station="xa-metrics"\} 1$/m);
    expect(text).toMatch(/^loa_hub_process_resident_memory_bytes \d+/m);
    await r.station.ctl('zone', '1', 'on');
    await r.station.ctl('power', 'on');
    text = await pollUntil(async () => {
      const t = await scrape();
      return /^loa_hub_station_power_state\{station="xa-metrics",state="on"\} 1$/m.test(t) ? t : undefined;
    }, 30_000);
    expect(text).toMatch(/^loa_hub_station_pending_commands\{station="xa-metrics"\} 0$/m);
    await r.station.stop();
    text = await pollUntil(async () => {
      const t = await scrape();
      return /^loa_hub_station_online\{station="xa-metrics"\} 0$/m.test(t) ? t : undefined;
    }, 30_000);
    expect(text).toMatch(/^loa_hub_stations_online 0$/m);
    expect(text).toMatch(/^loa_hub_station_last_contact_age_seconds\{station="xa-metrics"\} [\d.]+$/m);
  });
});
