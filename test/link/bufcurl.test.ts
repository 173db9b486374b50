/**
 * Both gRPC servers driven by an independent client we did not write: `buf curl` (Go), which
 * learns each schema through server reflection and checks health through grpc.health.v1.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pollUntil, ROOT } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Rig, startRig, stopRig } from './helpers.js';

const BUF = join(ROOT, 'node_modules', '.bin', 'buf');

function bufCurl(args: string[]): Promise<{ code: number; out: unknown; stderr: string }> {
  const base = ['curl', '--protocol', 'grpc', '--http2-prior-knowledge', '--timeout', '20s'];
  return new Promise((res) =>
    execFile(BUF, [...base, ...args], { timeout: 40_000 }, (err, stdout, stderr) => {
      let out: unknown = stdout;
      try {
        out = JSON.parse(stdout || stderr);
      } catch {
        // --list-methods prints lines, not JSON
      }
      res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out, stderr });
    }),
  );
}

describe('buf curl against the station and the hub', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await stopRig(rig);
    rig = undefined;
  });

  it('reads, commands and checks health on both servers through reflection', async () => {
    rig = await startRig(tempDir(), 'xa-f');
    const sock = ['--unix-socket', rig.station.socket];
    const st = 'http://localhost/loa.station.v1.StationService';
    const hub = `http://127.0.0.1:${rig.hub.port}`;

    const methods = await bufCurl([...sock, '--list-methods', 'http://localhost']);
    expect(methods.out).toMatch(/loa\.station\.v1\.StationService\/GetStatus/);
    expect(methods.out).toMatch(/grpc\.health\.v1\.Health\/Check/);
    expect((await bufCurl([...sock, 'http://localhost/grpc.health.v1.Health/Check'])).out).toEqual({
      status: 'SERVING',
    });
    const status = await bufCurl([...sock, `${st}/GetStatus`]);
    expect(status.out).toMatchObject({
      status: { stationId: 'xa-f', profile: 'sim', power: { state: 'off' } },
    });
    expect((await bufCurl([...sock, '-d', '{"zone":2,"on":true}', `${st}/SetZone`])).out).toEqual({
      zone: 2,
      on: true,
    });
    const bad = await bufCurl([...sock, '-d', '{"zone":9,"on":true}', `${st}/SetZone`]);
    expect(bad.code).not.toBe(0);
    expect(bad.out).toMatchObject({ code: 'invalid_argument', message: 'zone: allowed 1, 2, 3, 4 (got 9)' });
    const none = await bufCurl([...sock, '-d', '{"method":"nothing.here"}', `${st}/Call`]);
    expect(none.out).toMatchObject({ code: 'unimplemented' });

    const health = await bufCurl([
      '-d',
      '{"service":"loa.district.v1.DistrictService"}',
      `${hub}/grpc.health.v1.Health/Check`,
    ]);
    expect(health.out).toEqual({ status: 'SERVING' });
    const list = await bufCurl([`${hub}/loa.district.v1.DistrictService/ListStations`]);
    expect(list.out).toMatchObject({ stations: [{ stationId: 'xa-f', online: true }] });
    const sent = await bufCurl([
      '-d',
      '{"stationIds":["xa-f"],"method":"zone","params":{"zone":1,"on":true}}',
      `${hub}/loa.district.v1.DistrictService/SendCommand`,
    ]);
    const id = (sent.out as { commands: { id: string }[] }).commands[0]?.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await pollUntil(async () => {
      const r = await bufCurl([
        '-d',
        JSON.stringify({ ids: [id] }),
        `${hub}/loa.district.v1.DistrictService/ListCommands`,
      ]);
      return (r.out as { commands: { status: string }[] }).commands[0]?.status === 'done';
    }, 15_000);
    const after = await bufCurl([...sock, `${st}/GetStatus`]);
    const zones = (after.out as { status: { zones: { id: number; commanded?: boolean }[] } }).status.zones;
    expect(zones.filter((z) => z.commanded).map((z) => z.id)).toEqual([1, 2]);
    const unknown = await bufCurl([
      '-d',
      '{"stationId":"nowhere"}',
      `${hub}/loa.district.v1.DistrictService/GetStation`,
    ]);
    expect(unknown.out).toMatchObject({
      code: 'not_found',
      message: 'station "nowhere" has never connected to this hub',
    });
  });
});
