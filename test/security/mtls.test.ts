/**
 * Mutual TLS between real processes on loopback: a hub, station daemons dialling it through
 * a relay, districtctl as operators of each role; certificates from deploy/pki/ (openssl).
 */
import { chmodSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtProto } from '../../src/grpc/proto.js';
import { TlsMaterial } from '../../src/security/tls.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { HUB_ENV, LINK_ENV, uplink } from '../link/helpers.js';
import { EXPIRED, type Pair, TestCa } from './pki.js';

describe('mutual TLS on the district link and the operator API', { timeout: 240_000 }, () => {
  let dir = '';
  let ca: TestCa;
  let other: TestCa;
  let hub: HubProc;
  let relay: Relay;
  const stations: Daemon[] = [];
  const ops: Record<string, Pair> = {};

  async function station(id: string, pair: Pair): Promise<Daemon> {
    const d = await startDaemon(
      ['--profile', 'sim', '--data-dir', join(dir, id), '--station-id', id, '--district', relay.address],
      { ...LINK_ENV, ...ca.env(pair) },
    );
    stations.push(d);
    return d;
  }

  const dctl = (who: Pair, ...args: string[]) => districtctl(hub.port, ...ca.flags(who), ...args);

  beforeAll(async () => {
    dir = tempDir('loa-mtls-');
    [ca, other] = await Promise.all([
      TestCa.create(join(dir, 'ca')),
      TestCa.create(join(dir, 'other'), 'Other CA'),
    ]);
    const server = await ca.server('hub');
    for (const role of ['viewer', 'operator', 'admin']) ops[role] = await ca.operator(`an-${role}`, role);
    hub = await startHub(join(dir, 'hub'), { ...HUB_ENV, ...ca.env(server) });
    relay = new Relay(hub.port);
    await relay.listen();
  });

  afterAll(async () => {
    for (const s of stations) await s.stop();
    await hub?.stop();
    await relay?.close();
  });

  it('links a station with its own certificate; operators act by role; every step is audited', async () => {
    const st = await station('xa-1', await ca.station('xa-1'));
    await pollUntil(async () => (await uplink({ station: st })).link === 'up', 20_000);
    expect(hub.output.join('\n')).toMatch(/district hub: mutual TLS/);

    const view = await dctl(ops.viewer as Pair, 'stations', '--json');
    expect(view.code, view.stderr).toBe(0);
    expect(JSON.parse(view.stdout)[0]).toMatchObject({ stationId: 'xa-1', online: true });
    const denied = await dctl(
      ops.viewer as Pair,
      'command',
      'zone',
      '--stations',
      'xa-1',
      '--params',
      '{"zone":1,"on":true}',
    );
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/SendCommand needs role operator; an-viewer has role viewer/);

    const zone = await dctl(
      ops.operator as Pair,
      'command',
      'zone',
      '--stations',
      'xa-1',
      '--params',
      '{"zone":1,"on":true}',
      '--wait',
      '20',
    );
    expect(zone.code, zone.stderr).toBe(0);
    const power = await dctl(
      ops.operator as Pair,
      'command',
      'power',
      '--stations',
      'xa-1',
      '--params',
      '{"on":true}',
    );
    expect(power.code).toBe(1);
    expect(power.stderr).toMatch(/SendCommand power needs role admin; an-operator has role operator/);
    const status = JSON.parse((await st.ctl('status', '--json')).stdout);
    expect(status.power.commandedOn).toBe(false); // the refused command changed nothing
    expect(status.zones[0].commanded).toBe(true);

    const audit = await pollUntil(async () => {
      const r = await dctl(ops.viewer as Pair, 'audit', '--json');
      const list = JSON.parse(r.stdout) as {
        source: string;
        action: string;
        who: string;
        role: string;
        result: string;
        via: string;
      }[];
      return list.some((e) => e.source === 'station' && e.action === 'zone') && list;
    }, 20_000);
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'hub', action: 'SendCommand', who: 'an-viewer', result: 'denied' }),
        expect.objectContaining({ source: 'hub', action: 'SendCommand', who: 'an-operator', result: 'ok' }),
        expect.objectContaining({
          source: 'hub',
          action: 'SendCommand',
          who: 'an-operator',
          result: 'denied',
        }),
        expect.objectContaining({
          source: 'station',
          action: 'zone',
          who: 'an-operator',
          role: 'operator',
          via: 'district',
          result: 'ok',
        }),
      ]),
    );
    const human = await dctl(ops.admin as Pair, '--lang', 'vi', 'audit');
    expect(human.stdout).toMatch(/AI \[VAI TRÒ, QUA\]/);
    expect(human.stdout).toMatch(
      /xa-1\s+an-operator \[operator, district\]\s+zone \{"zone":1,"on":true\}\s+OK/,
    );

    const local = JSON.parse((await st.ctl('events', '--audit', '--json')).stdout) as {
      details: Record<string, unknown>;
    }[];
    expect(local.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'zone', who: 'an-operator', via: 'district' }),
      ]),
    );
  });

  it('refuses a certificate from another CA, an expired one, and a station certificate naming another station', async () => {
    const stranger = await other.operator('mallory', 'admin');
    // districtctl refuses the mix itself (the certificate is not from the CA it was given)...
    const mixed = await districtctl(
      hub.port,
      '--ca',
      ca.ca,
      '--cert',
      stranger.crt,
      '--key',
      stranger.key,
      'stations',
    );
    expect(mixed.stderr).toMatch(/was not issued by the CA in/);
    // ...a client of the other PKI refuses the hub, and the hub refuses the other PKI's client
    const wrongCa = await districtctl(hub.port, ...other.flags(stranger), 'stations');
    expect(wrongCa.code).toBe(2);
    expect(await rawCall(ca.ca, stranger)).toMatch(/^UNAVAILABLE/);
    expect(await rawCall(ca.ca, ops.viewer as Pair)).toBe('OK'); // the same call with a good certificate
    const expired = await dctl(await ca.operator('old', 'admin', ...EXPIRED), 'stations');
    expect(expired.code).toBe(2);

    const late = await station('xa-exp', await ca.station('xa-exp', ...EXPIRED));
    await pollUntil(async () => (await uplink({ station: late })).sessions >= 2, 20_000);
    expect((await uplink({ station: late })).link).not.toBe('up');
    const known = JSON.parse((await dctl(ops.viewer as Pair, 'stations', '--json')).stdout) as {
      stationId: string;
    }[];
    expect(known.map((s) => s.stationId)).not.toContain('xa-exp');

    // our own station will not link with another station's certificate: it keeps broadcasting
    // without its uplink and says why (a certificate mistake must not silence a village)...
    const xa2 = await ca.station('xa-2');
    const wrong = await station('xa-3', xa2);
    const st = JSON.parse((await wrong.ctl('status', '--json')).stdout) as {
      alarms: { key: string; message: string }[];
    };
    expect(st.alarms.find((a) => a.key === 'uplink.config')?.message).toMatch(
      /district uplink disabled: LOA_TLS_CERT is the certificate of station "xa-2", but this station is "xa-3"/,
    );
    expect(
      JSON.parse((await dctl(ops.viewer as Pair, 'stations', '--json')).stdout).map(
        (x: { stationId: string }) => x.stationId,
      ),
    ).not.toContain('xa-3');
    // ...and the hub refuses a hello that claims another station than the certificate
    expect(await hello(ca, xa2, 'xa-9')).toMatch(
      /hello.station_id "xa-9" differs from the certificate's station "xa-2"/,
    );
    expect(await hello(ca, ops.admin as Pair, 'xa-9')).toMatch(/not a station certificate/);
    const asOperator = await dctl(xa2, 'stations');
    expect(asOperator.stderr).toMatch(/station certificate xa-2 cannot call this API/);
  });

  it('runs plain text only when a lab says so, and refuses a private key others can read', async () => {
    const plain = await startHub(join(dir, 'hub-plain'), { LOA_INSECURE_LAB: '' }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(plain).toMatch(/no certificate configured; set LOA_TLS_CA, LOA_TLS_CERT, LOA_TLS_KEY/);
    const server = await ca.server('hub-b');
    const loose = join(dir, 'loose.key');
    copyFileSync(server.key, loose);
    chmodSync(loose, 0o644);
    const open = await startHub(join(dir, 'hub-b'), { ...ca.env(server), LOA_TLS_KEY: loose }).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(open).toMatch(
      new RegExp(`private key ${loose} can be read by other users \\(mode 0644\\); run: chmod 600 ${loose}`),
    );
    expect(open).not.toMatch(/BEGIN|PRIVATE KEY-/); // never the key itself
  });

  /** ListStations with grpc-js's own TLS (no checks of ours on the client side). */
  function rawCall(caFile: string, pair: Pair): Promise<string> {
    const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
    const creds = grpc.credentials.createSsl(
      readFileSync(caFile),
      readFileSync(pair.key),
      readFileSync(pair.crt),
    );
    const client = new Ctor(`127.0.0.1:${hub.port}`, creds);
    return new Promise((resolve) =>
      client.listStations({}, { deadline: new Date(Date.now() + 10_000) }, (e) => {
        client.close();
        resolve(e ? `${grpc.status[e.code]}: ${e.details}` : 'OK');
      }),
    );
  }

  /** A raw GatewayService session: the first message a hello; resolves with the refusal. */
  function hello(c: TestCa, pair: Pair, stationId: string): Promise<string> {
    const material = new TlsMaterial({ ca: c.ca, cert: pair.crt, key: pair.key });
    const Ctor = districtProto().grpc.loa.district.v1.GatewayService;
    const client = new Ctor(
      `127.0.0.1:${hub.port}`,
      grpc.experimental.createCertificateProviderChannelCredentials(material, material),
    );
    return new Promise((resolve) => {
      const call = client.session();
      const timer = setTimeout(() => done('no answer in 15 s'), 15_000);
      const done = (s: string) => {
        clearTimeout(timer);
        client.close();
        resolve(s);
      };
      call.on('data', () => undefined);
      call.on('error', (e: grpc.ServiceError) => done(`${grpc.status[e.code]}: ${e.details}`));
      call.on('end', () => done('ended'));
      call.write({ hello: { stationId, bootId: 'b', outboxEpoch: 'e1', softwareVersion: 't' } });
    });
  }
});
