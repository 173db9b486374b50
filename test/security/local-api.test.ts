/**
 * The station's local API by role: one unix socket per role, the kernel's file permissions
 * deciding who reaches which (stationctl run as other users picks the first it may open);
 * the TCP API with TLS client certificates (stationctl and buf curl); per-identity rate limits;
 * and the audit trail of all of it in `stationctl events --audit`.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stationProto } from '../../src/grpc/proto.js';
import { toValue } from '../../src/wire/struct.js';
import { type Daemon, pollUntil, ROOT, STATIONCTL, startDaemon } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Pair, TestCa } from './pki.js';

/** StationService.Call over a unix socket with a claimed user name (metadata loa-user). */
function callAs(sock: string, user: string, method: string, params: unknown): Promise<string> {
  const Ctor = stationProto().grpc.loa.station.v1.StationService;
  const client = new Ctor(`unix:${sock}`, grpc.credentials.createInsecure());
  const md = new grpc.Metadata();
  md.set('loa-user', user);
  return new Promise((resolve) =>
    client.call({ method, params: toValue(params) }, md, { deadline: new Date(Date.now() + 20_000) }, (e) => {
      client.close();
      resolve(e ? `${grpc.status[e.code]}: ${e.details}` : 'OK');
    }),
  );
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  cmd: string,
  args: string[],
  opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((res) =>
    execFile(
      cmd,
      args,
      {
        env: { PATH: process.env.PATH, LANG: 'C', ...opts.env },
        timeout: 60_000,
        ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
      },
      (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const NOBODY = 65534;
const NOGROUP = 65534;
const USERS = 100;

// Running stationctl as other users needs root (CI runs as root on Debian 12): as anyone else
// the test could not switch users, so it would prove nothing.
describe.skipIf(process.getuid?.() !== 0)('local API roles', { timeout: 180_000 }, () => {
  let dir = '';
  let sock = '';
  let ca: TestCa;
  let d: Daemon;
  let port = 0;
  const certs: Record<string, Pair> = {};
  const ctl = (who: { uid?: number; gid?: number }, ...args: string[]) =>
    run(process.execPath, [STATIONCTL, ...args], { ...who, env: { LOA_SOCKET: sock, HOME: '/' } });

  beforeAll(async () => {
    dir = tempDir('loa-local-');
    chmodSync(dir, 0o755);
    const run = join(dir, 'run');
    mkdirSync(run, { mode: 0o755 });
    chmodSync(run, 0o755);
    sock = join(run, 'station.sock');
    ca = await TestCa.create(join(dir, 'ca'));
    const server = await ca.server('station-api');
    certs.viewer = await ca.operator('tech-v', 'viewer');
    certs.operator = await ca.operator('tech-o', 'operator');
    d = await startDaemon(['--profile', 'sim', '--data-dir', join(dir, 'data'), '--station-id', 'xa-l'], {
      LOA_SOCKET: sock,
      LOA_OPERATOR_GROUP: 'nogroup',
      LOA_API_LISTEN: '127.0.0.1:0',
      LOA_TLS_CA: ca.ca,
      LOA_API_TLS_CERT: server.crt,
      LOA_API_TLS_KEY: server.key,
      LOA_RATE_BURST: '5',
      LOA_RATE_PER_MIN: '1',
    });
    const ready = d.output.find((l) => l.includes('"msg":"ready"')) ?? '';
    port = Number(/"port":(\d+)/.exec(ready)?.[1]);
  });

  afterAll(async () => {
    await d?.stop();
  });

  it('gives each socket its role by file permissions, refuses what the role does not allow, and audits it', async () => {
    expect(statSync(sock).mode & 0o777).toBe(0o660);
    const op = statSync(`${join(dir, 'run')}/station.operator.sock`);
    expect([op.mode & 0o777, op.gid]).toEqual([0o660, NOGROUP]);
    expect(statSync(`${join(dir, 'run')}/station.viewer.sock`).mode & 0o777).toBe(0o666);

    const operator = { uid: NOBODY, gid: NOGROUP };
    const viewer = { uid: NOBODY, gid: USERS };
    expect((await ctl(operator, 'zone', '1', 'on')).code).toBe(0);
    const power = await ctl(operator, 'power', 'on');
    expect(power.code).toBe(1);
    expect(power.stderr).toMatch(/power needs role admin; uid 65534 \(nobody\) has role operator/);
    expect((await ctl(viewer, 'status')).code).toBe(0);
    const zone = await ctl(viewer, 'zone', '1', 'off');
    expect(zone.stderr).toMatch(/zone needs role operator; uid 65534 \(nobody\) has role viewer/);
    const st = JSON.parse((await ctl({}, 'status', '--json')).stdout);
    expect(st.power.commandedOn).toBe(false); // both refusals changed nothing
    expect(st.zones[0].commanded).toBe(true);

    const audit = JSON.parse((await ctl({}, 'events', '--audit', '--json')).stdout) as {
      details: Record<string, unknown>;
    }[];
    expect(audit.map((e) => e.details)).toEqual([
      expect.objectContaining({
        action: 'zone',
        who: 'uid 65534 (nobody)',
        role: 'operator',
        via: 'unix:operator',
        result: 'ok',
      }),
      expect.objectContaining({
        action: 'power',
        role: 'operator',
        result: 'denied',
        code: 'PERMISSION_DENIED',
      }),
      expect.objectContaining({ action: 'zone', role: 'viewer', via: 'unix:viewer', result: 'denied' }),
    ]);
    const human = await ctl({}, '--lang', 'en', 'events', '--audit');
    expect(human.stdout).toMatch(
      /power \{"on":true\} by uid 65534 \(nobody\) \(operator, unix:operator\): denied/,
    );
  });

  it('limits commands per identity and names the limit', async () => {
    expect((await ctl({}, 'power', 'on')).code).toBe(0);
    for (const z of ['2', '3', '4', '2']) expect((await ctl({}, 'zone', z, 'on')).code).toBe(0);
    const limited = await ctl({}, 'zone', '3', 'off');
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(
      /rate limit: 5 commands at once, then 1 per minute for the unix:admin socket; retry in \d+ s/,
    );
    // a client that claims another user name on every call gets no fresh bucket: the socket counts
    for (const name of ['mallory', 'uid 1 (daemon)', 'x'.repeat(60)])
      expect(await callAs(sock, name, 'zone', { zone: 3, on: false })).toMatch(
        /^RESOURCE_EXHAUSTED: rate limit/,
      );
    const st = JSON.parse((await ctl({}, 'status', '--json')).stdout);
    expect(st.zones[2].commanded).toBe(true); // the limited command did not run
    expect((await ctl({ uid: NOBODY, gid: NOGROUP }, 'zone', '4', 'off')).code).toBe(0); // another identity
  });

  it('serves TCP only with TLS client certificates, their role applying (stationctl and buf curl)', async () => {
    const tcp = (p: Pair, ...a: string[]) =>
      ctl({}, '--socket', `127.0.0.1:${port}`, '--ca', ca.ca, '--cert', p.crt, '--key', p.key, ...a);
    expect(JSON.parse((await tcp(certs.viewer as Pair, 'status', '--json')).stdout).stationId).toBe('xa-l');
    const denied = await tcp(certs.viewer as Pair, 'zone', '1', 'off');
    expect(denied.stderr).toMatch(/zone needs role operator; tech-v has role viewer/);
    expect((await tcp(certs.operator as Pair, 'zone', '1', 'off')).code).toBe(0);
    const plain = await ctl({}, '--socket', `127.0.0.1:${port}`, 'status');
    expect(plain.code).toBe(2); // no certificate, no connection
    await pollUntil(async () => d.output.some((l) => /TLS handshake refused/.test(l)), 20_000);

    const buf = (p: Pair, ...a: string[]) =>
      run(join(ROOT, 'node_modules', '.bin', 'buf'), [
        'curl',
        '--protocol',
        'grpc',
        '--cacert',
        ca.ca,
        '--cert',
        p.crt,
        '--key',
        p.key,
        '--timeout',
        '20s',
        ...a,
      ]);
    const url = `https://127.0.0.1:${port}/loa.station.v1.StationService`;
    const status = await buf(certs.viewer as Pair, `${url}/GetStatus`);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout).status.stationId).toBe('xa-l');
    const set = await buf(certs.viewer as Pair, '-d', '{"zone":1,"on":true}', `${url}/SetZone`);
    expect(JSON.parse(set.stderr || set.stdout)).toMatchObject({
      code: 'permission_denied',
      message: 'zone needs role operator; tech-v has role viewer',
    });
    const audit = JSON.parse((await ctl({}, 'events', '--audit', '--json', '--limit', '3')).stdout) as {
      details: Record<string, unknown>;
    }[];
    expect(audit.at(-1)?.details).toMatchObject({
      action: 'zone',
      who: 'tech-v',
      via: 'tls',
      result: 'denied',
    });
  });
});
