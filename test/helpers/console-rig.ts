/**
 * A district for the console's tests and benchmark: the real hub (bin/loa-district) with its
 * console on a free loopback port, console users made with the real `districtctl user add`
 * (password on stdin), and simulated stations (bin/loa-station, sim profile) dialling it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HUB_ENV, LINK_ENV } from '../link/helpers.js';
import { type Daemon, pollUntil, startDaemon } from './daemon.js';
import { DISTRICTCTL, districtJson, type HubProc, startHub } from './hub.js';

export interface ConsoleRig {
  hub: HubProc;
  url: string;
  stations: Map<string, Daemon>;
  dir: string;
  stop(): Promise<void>;
}

export function addUser(hubDir: string, name: string, role: string, password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [DISTRICTCTL, 'user', 'add', name, '--role', role, '--data-dir', hubDir],
      { env: { ...process.env, LANG: 'C' } },
      (err, stdout, stderr) => (err ? reject(new Error(`${stderr}`)) : resolve(stdout)),
    );
    child.stdin?.end(`${password}\n`);
  });
}

/** Station ids xa-1 … xa-N, placed on a small grid around Đà Lạt (stations.json). */
export function stationIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `xa-${i + 1}`);
}

function writePlaces(hubDir: string, ids: string[]): void {
  mkdirSync(hubDir, { recursive: true });
  const stations = Object.fromEntries(
    ids.map((id, i) => [
      id,
      { lat: 11.9 + (i % 4) * 0.05, lon: 108.4 + Math.floor(i / 4) * 0.06, name: `Xã ${i + 1}` },
    ]),
  );
  writeFileSync(join(hubDir, 'stations.json'), JSON.stringify({ schema: 1, stations }));
}

/** `n` real stations; `placed` (default n) stations on the map, for stations that join otherwise. */
export async function startConsoleRig(
  dir: string,
  n: number,
  env: Record<string, string> = {},
  placed = n,
): Promise<ConsoleRig> {
  const hubDir = join(dir, 'hub');
  const ids = stationIds(n);
  writePlaces(hubDir, stationIds(placed));
  const hub = await startHub(hubDir, { ...HUB_ENV, ...env });
  const line = hub.output.find((l) => l.includes('"msg":"ready"')) ?? '';
  const url = /"console":"(http[^"]+)"/.exec(line)?.[1];
  if (!url) {
    await hub.stop();
    throw new Error(`the hub serves no console:\n${hub.output.join('\n')}`);
  }
  const stations = new Map<string, Daemon>();
  const rig: ConsoleRig = {
    hub,
    url,
    stations,
    dir,
    async stop() {
      await Promise.all([...stations.values()].map((s) => s.stop()));
      await hub.stop();
    },
  };
  try {
    for (const id of ids) {
      const args = ['--profile', 'sim', '--data-dir', join(dir, id), '--station-id', id];
      stations.set(id, await startDaemon([...args, '--district', `127.0.0.1:${hub.port}`], LINK_ENV));
    }
    await pollUntil(async () => {
      const list = await districtJson<{ online: boolean }[]>(hub.port, 'stations');
      return list.filter((s) => s.online).length === n;
    }, 60_000);
  } catch (e) {
    await rig.stop();
    throw e;
  }
  return rig;
}

/** The station's own view of a zone relay (its stationctl status), not the hub's. */
export async function relayOf(station: Daemon, zone: number): Promise<boolean> {
  const r = await station.ctl('status', '--json');
  const s = JSON.parse(r.stdout) as {
    zones: Record<string, { relay: boolean }> | { id: number; relay: boolean }[];
  };
  const z = Array.isArray(s.zones) ? s.zones.find((x) => x.id === zone) : s.zones[String(zone)];
  return z?.relay === true;
}

/** The station's own power chain state ("off", "on", …). */
export async function powerOf(station: Daemon): Promise<string> {
  const r = await station.ctl('status', '--json');
  return (JSON.parse(r.stdout) as { power: { state: string } }).power.state;
}
