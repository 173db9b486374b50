import { join } from 'node:path';
import { expect } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { makeTone } from '../helpers/tone-files.js';

/** Link timings shortened ~100x so "minutes" of outage fit in seconds (settings.ts names them). */
export const LINK_ENV = {
  LOA_LINK_KEEPALIVE_MS: '500',
  LOA_LINK_KEEPALIVE_TIMEOUT_MS: '500',
  LOA_LINK_BACKOFF_MIN_MS: '100',
  LOA_LINK_BACKOFF_MAX_MS: '1000',
  LOA_LINK_HELLO_TIMEOUT_MS: '2000',
  LOA_LINK_HEARTBEAT_MS: '1000',
  LOA_LINK_SAMPLE_MS: '200',
  /** The link tests run plain text; test/security/ runs the same link with mutual TLS. */
  LOA_INSECURE_LAB: '1',
};
export const HUB_ENV = { LOA_HUB_KEEPALIVE_MS: '1000', LOA_HUB_KEEPALIVE_TIMEOUT_MS: '1000' };

export interface Rig {
  hub: HubProc;
  relay: Relay;
  station: Daemon;
  dir: string;
  id: string;
  env: Record<string, string>;
}

export async function startRig(dir: string, id: string, extraEnv: Record<string, string> = {}): Promise<Rig> {
  const hub = await startHub(join(dir, 'hub'), HUB_ENV);
  const relay = new Relay(hub.port);
  await relay.listen();
  const env = { ...LINK_ENV, ...extraEnv };
  const station = await startStation(dir, id, relay, env);
  const rig = { hub, relay, station, dir, id, env };
  await pollUntil(async () => (await uplink(rig)).link === 'up', 15_000);
  return rig;
}

export function startStation(
  dir: string,
  id: string,
  relay: Relay,
  env: Record<string, string>,
): Promise<Daemon> {
  return startDaemon(
    ['--profile', 'sim', '--data-dir', join(dir, id), '--station-id', id, '--district', relay.address],
    env,
  );
}

export async function stopRig(r: Rig | undefined): Promise<void> {
  if (!r) return;
  await r.station.stop();
  await r.hub.stop();
  await r.relay.close();
}

export interface UplinkStatus {
  link: string;
  sessions: number;
  outbox: { items: number; lastSeq: number; ackedSeq: number; pendingDrops: number };
  desired: { appliedVersion: number; error: string };
  applier?: string;
}

export async function uplink(r: { station: Daemon }): Promise<UplinkStatus> {
  const res = await r.station.ctl('status', '--json');
  if (res.code !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout).modules.uplink as UplinkStatus;
}

/** Station events (each makes a "command" event and, later, status changes). */
export async function toggles(r: { station: Daemon }, n: number, zone = 1): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await r.station.ctl('zone', String(zone), i % 2 === 0 ? 'on' : 'off');
    expect(res.code, res.stderr).toBe(0);
  }
}

export interface StationEv {
  seq: number;
  kind: string;
  severity: string;
  details: Record<string, unknown>;
}
export interface HubEv {
  seq: number;
  event: { eventSeq: number; kind: string; severity: string; details: Record<string, unknown> };
}

export async function stationEvents(r: { station: Daemon }): Promise<StationEv[]> {
  const res = await r.station.ctl('events', '--limit', '10000', '--json');
  return JSON.parse(res.stdout) as StationEv[];
}

export function hubEvents(port: number, id: string): Promise<HubEv[]> {
  return districtJson<HubEv[]>(port, 'events', '--station', id, '--limit', '10000');
}

/**
 * Waits until the hub holds everything the station logged up to now, then checks that it got
 * each event once, in order: the outbox numbers strictly increase, and the station's event
 * numbers arrive in the station's own order. Returns both lists.
 */
export async function expectDelivered(r: Rig, complete = true) {
  const local = await stationEvents(r);
  const last = local.at(-1)?.seq ?? 0;
  const remote = await pollUntil(async () => {
    const h = await hubEvents(r.hub.port, r.id);
    return h.some((e) => e.event.eventSeq >= last) && h;
  }, 20_000);
  const outboxSeqs = remote.map((e) => e.seq);
  expect(outboxSeqs).toEqual([...outboxSeqs].sort((a, b) => a - b));
  expect(new Set(outboxSeqs).size).toBe(outboxSeqs.length);
  const got = remote.map((e) => e.event.eventSeq).filter((s) => s > 0 && s <= last);
  expect(got).toEqual([...new Set(got)].sort((a, b) => a - b));
  const missing = local.filter((e) => !got.includes(e.seq));
  if (complete) expect(missing.map((e) => `${e.seq} ${e.kind}`)).toEqual([]);
  return { local, remote, missing };
}

/** A short stereo 48 kHz WAV tone made by the real ffmpeg (the media cache accepts only playable audio). */
export function toneFile(path: string, seconds: number, hz = 1000): string {
  return makeTone(path, { hz, seconds, rate: 48_000, channels: 2 });
}

/** A valid schedule document (the schedule module's format) playing one cached file at 05:30. */
export function scheduleDoc(sha256: string, title = 'Bản tin sáng'): Record<string, unknown> {
  return {
    schema: 1,
    version: 1,
    timezone: 'Asia/Ho_Chi_Minh',
    valid_until: '2030-12-31',
    programmes: [
      {
        id: 'sang',
        title,
        source: { kind: 'file', file: { sha256 } },
        start: '05:30',
        end: '06:30',
        zones: 'all',
      },
    ],
  };
}
