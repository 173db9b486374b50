/**
 * A stolen station box and a person who left (issue 13, item 7): `districtctl station revoke`
 * and `districtctl operator revoke` at the hub, and the CA's revocation list from
 * deploy/pki/revoke.sh. Real processes: the built hub with mutual TLS, a station daemon
 * dialling it through a relay, districtctl, openssl.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtProto } from '../../src/grpc/proto.js';
import { normalSerial } from '../../src/security/crl.js';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { HUB_ENV, LINK_ENV, uplink } from '../link/helpers.js';
import { type Pair, pki, TestCa } from './pki.js';
import { tlsCreds } from './raw-grpc.js';

type Audit = { who: string; action: string; result: string; message: string };
/** As the hub writes it (upper case, no leading zeros), whatever the random serial's first byte. */
const serialOf = (p: Pair) => normalSerial(new X509Certificate(readFileSync(p.crt)).serialNumber);

describe('revoking certificates: a stolen station box, a person who left', { timeout: 300_000 }, () => {
  let dir = '';
  let ca: TestCa;
  let hub: HubProc;
  let relay: Relay;
  let admin: Pair;
  const daemons: Daemon[] = [];

  const dctl = (who: Pair, ...args: string[]) => districtctl(hub.port, ...ca.flags(who), ...args);
  const audit = async () =>
    JSON.parse((await dctl(admin, 'audit', '--limit', '1000', '--json')).stdout) as Audit[];
  const online = async (id: string) => {
    const list = JSON.parse((await dctl(admin, 'stations', '--json')).stdout) as {
      stationId: string;
      online: boolean;
    }[];
    return list.find((s) => s.stationId === id)?.online === true;
  };
  async function station(id: string, pair: Pair, data: string): Promise<Daemon> {
    const d = await startDaemon(
      ['--profile', 'sim', '--data-dir', join(dir, data), '--station-id', id, '--district', relay.address],
      { ...LINK_ENV, ...ca.env(pair) },
    );
    daemons.push(d);
    return d;
  }

  beforeAll(async () => {
    dir = tempDir('loa-revoke-');
    ca = await TestCa.create(join(dir, 'ca'));
    const server = await ca.server('hub');
    admin = await ca.operator('an-admin', 'admin');
    await pki('revoke.sh', ca.dir, '--crl'); // an empty CRL to start with
    hub = await startHub(join(dir, 'hub'), {
      ...HUB_ENV,
      ...ca.env(server),
      LOA_TLS_CRL: join(ca.dir, 'crl.pem'),
    });
    relay = new Relay(hub.port);
    await relay.listen();
  });

  afterAll(async () => {
    for (const d of daemons) await d.stop();
    await hub?.stop();
    await relay?.close();
  });

  it('a stolen box: revoked at the hub, its live session dropped within seconds, audited; the replacement links', async () => {
    const stolen = await ca.station('xa-r');
    const stolenSerial = serialOf(stolen); // station.sh writes the replacement to the same files
    const box = await station('xa-r', stolen, 'box-1');
    await pollUntil(async () => (await uplink({ station: box })).link === 'up', 60_000);
    expect(await online('xa-r')).toBe(true);

    const r = await dctl(admin, 'station', 'revoke', 'xa-r', '--reason', 'stolen');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Revoked station:xa-r: serial(s) ${stolenSerial}`);
    await pollUntil(async () => !(await online('xa-r')), 20_000);
    // it keeps trying: every handshake is closed at once, and the trail says so
    const refused = await pollUntil(async () => {
      const l = (await audit()).filter((e) => e.action === 'Handshake' && e.who === 'station xa-r');
      return l.length > 0 && l;
    }, 60_000);
    expect(refused[0]?.result).toBe('denied');
    expect(refused[0]?.message).toMatch(/certificate station:xa-r serial [0-9A-F]+ is revoked/);
    expect(await audit()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ who: 'an-admin', action: 'RevokeCertificate', result: 'ok' }),
      ]),
    );
    expect((await uplink({ station: box })).link).not.toBe('up');
    expect(await online('xa-r')).toBe(false);
    await box.stop();

    // the replacement box: a new certificate for the same station id (a new serial)
    const fresh = await ca.station('xa-r');
    expect(serialOf(fresh)).not.toBe(stolenSerial);
    const replacement = await station('xa-r', fresh, 'box-2');
    await pollUntil(async () => (await uplink({ station: replacement })).link === 'up', 60_000);
    expect(await online('xa-r')).toBe(true);
    // a second revoke names only what is not yet revoked: the replacement's serial
    const again = await dctl(admin, 'station', 'revoke', 'xa-r', '--json');
    expect(JSON.parse(again.stdout).serials).toEqual([serialOf(fresh)]);
  });

  it('operators likewise: districtctl operator revoke, and only an admin may', async () => {
    const eve = await ca.operator('eve', 'operator');
    expect((await dctl(eve, 'stations')).code).toBe(0);
    const self = await dctl(eve, 'operator', 'revoke', 'an-admin');
    expect(self.stderr).toMatch(/RevokeCertificate needs role admin; eve has role operator/);
    const nobody = await dctl(admin, 'operator', 'revoke', 'nobody-here');
    expect(nobody.stderr).toMatch(/no certificate of user:nobody-here has connected to this hub/);
    expect((await dctl(admin, 'operator', 'revoke', 'eve')).code).toBe(0);
    const after = await dctl(eve, 'stations');
    expect(after.code).toBe(2); // the connection is closed right after the handshake
    expect((await dctl(admin, 'stations')).code).toBe(0);
  });

  it("the CA's revocation list: revoke.sh drops a live connection within seconds and refuses one never seen", async () => {
    const trent = await ca.operator('trent', 'viewer');
    const mallory = await ca.operator('mallory', 'viewer'); // never connects before the CRL
    const watch = watchUntilEnd(hub.port, tlsCreds(ca, trent));
    await watch.opened; // a live stream of trent's, with the stations as they are
    await pki('revoke.sh', ca.dir, 'operator-trent');
    await pki('revoke.sh', ca.dir, 'operator-mallory');
    const why = await Promise.race([
      watch.ended,
      new Promise<string>((r) => setTimeout(() => r('still open after 40 s'), 40_000)),
    ]);
    expect(why).toMatch(/^(UNAVAILABLE|CANCELLED|INTERNAL)|ended/);
    // the hub may have read the CRL between the two revoke.sh runs (trent's alone ends the
    // watch): mallory is refused once the list with both is loaded, not before
    await pollUntil(
      async () => /certificate revocation list loaded.*"serials":2/.test(hub.output.join('\n')),
      40_000,
    );
    expect((await dctl(mallory, 'stations')).code).toBe(2);
    expect((await dctl(trent, 'stations')).code).toBe(2);
  });
});

/** A WatchStations stream: `opened` on its first update, `ended` with how it ended. */
function watchUntilEnd(port: number, creds: grpc.ChannelCredentials) {
  const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
  const client = new Ctor(`127.0.0.1:${port}`, creds, { 'grpc.ssl_target_name_override': 'localhost' });
  const call = client.watchStations({});
  let open: () => void = () => undefined;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const ended = new Promise<string>((resolve) => {
    call.on('data', () => open());
    call.on('error', (e: grpc.ServiceError) => {
      client.close();
      resolve(`${grpc.status[e.code]}: ${e.details}`);
    });
    call.on('end', () => resolve('ended'));
  });
  return { opened, ended };
}
