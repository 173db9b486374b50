/**
 * Certificate rotation while sessions stay up: both daemons take renewed certificates on
 * SIGHUP (deploy/pki/renew.sh writes them in place), the station's session to the hub is the
 * same one before and after, new connections get the new certificate, and a broken renewal
 * (a key others can read) is refused while the old certificate stays in use.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { HUB_ENV, LINK_ENV, uplink } from '../link/helpers.js';
import { type Pair, TestCa } from './pki.js';

/** The serial of the certificate a TLS server presents now (a fresh connection). */
function servedSerial(port: number, ca: TestCa, client: Pair): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(
      {
        host: '127.0.0.1',
        port,
        ca: readFileSync(ca.ca),
        cert: readFileSync(client.crt),
        key: readFileSync(client.key),
        ALPNProtocols: ['h2'],
      },
      () => {
        const serial = s.getPeerCertificate().serialNumber;
        s.destroy();
        resolve(serial);
      },
    );
    s.on('error', reject);
  });
}

const serialOf = (p: Pair) => new X509Certificate(readFileSync(p.crt)).serialNumber;

describe('certificate rotation', { timeout: 180_000 }, () => {
  let hub: HubProc | undefined;
  let station: Daemon | undefined;
  let relay: Relay | undefined;
  afterEach(async () => {
    await station?.stop();
    await hub?.stop();
    await relay?.close();
  });

  it('takes renewed certificates on SIGHUP in both daemons while the session stays up', async () => {
    const dir = tempDir('loa-rotate-');
    const ca = await TestCa.create(join(dir, 'ca'));
    const server = await ca.server('hub');
    const admin = await ca.operator('an', 'admin');
    hub = await startHub(join(dir, 'hub'), { ...HUB_ENV, ...ca.env(server), LOA_TLS_WATCH_MS: '0' });
    relay = new Relay(hub.port);
    await relay.listen();
    const cert = await ca.station('xa-r');
    station = await startDaemon(
      [
        '--profile',
        'sim',
        '--data-dir',
        join(dir, 'xa-r'),
        '--station-id',
        'xa-r',
        '--district',
        relay.address,
      ],
      { ...LINK_ENV, ...ca.env(cert), LOA_TLS_WATCH_MS: '0' },
    );
    const rig = { station };
    await pollUntil(async () => (await uplink(rig)).link === 'up', 20_000);
    const before = JSON.parse((await station.ctl('status', '--json')).stdout).modules.uplink;
    const connections = relay.connections;
    const oldServerSerial = serialOf(server);
    expect(await servedSerial(hub.port, ca, admin)).toBe(oldServerSerial);

    await ca.renew('server-hub');
    await ca.renew('station-xa-r');
    expect(serialOf(server)).not.toBe(oldServerSerial);
    hub.proc.kill('SIGHUP');
    station.proc.kill('SIGHUP');
    await pollUntil(async () => hub?.output.some((l) => l.includes('"msg":"certificates reloaded"')), 10_000);
    await station.waitFor(/"msg":"certificates reloaded"/);

    expect(await servedSerial(hub.port, ca, admin)).toBe(serialOf(server)); // new connections: new certificate
    const after = JSON.parse((await station.ctl('status', '--json')).stdout).modules.uplink;
    expect(after.link).toBe('up');
    expect(after.sessions).toBe(before.sessions); // the same session, never re-opened
    expect(after.connectedSince).toBe(before.connectedSince);
    expect(relay.connections).toBe(connections);
    const zone = await districtctl(
      hub.port,
      ...ca.flags(admin),
      'command',
      'zone',
      '--stations',
      'xa-r',
      '--params',
      '{"zone":2,"on":true}',
      '--wait',
      '20',
    );
    expect(zone.code, zone.stderr).toBe(0); // commands still flow over the old session

    // a renewal that left the key readable by others is refused; the current pair stays
    await ca.renew('station-xa-r');
    chmodSync(cert.key, 0o644);
    const sec = await station.ctl('security', 'reload');
    expect(sec.code).toBe(1);
    expect(sec.stderr).toMatch(/certificate reload refused: private key .* run: chmod 600/);
    station.proc.kill('SIGHUP');
    await station.waitFor(/certificate reload refused.*chmod 600/);
    expect((await uplink(rig)).link).toBe('up');
    const status = JSON.parse((await station.ctl('status', '--json')).stdout);
    expect(status.modules.uplink.sessions).toBe(before.sessions);
  });
});
