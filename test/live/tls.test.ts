/**
 * Live voice over mutual TLS (certificates from deploy/pki/): a viewer's `districtctl live speak`
 * is refused by the Speak RPC's guard and audited, and nothing plays; an operator's reaches the
 * station, which records who spoke (the name in the operator's certificate).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil, startDaemon } from '../helpers/daemon.js';
import { districtctl, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { makeTone } from '../helpers/tone-files.js';
import { HUB_ENV, LINK_ENV, uplink } from '../link/helpers.js';
import { type Pair, TestCa } from '../security/pki.js';

describe('live voice over mutual TLS', { timeout: 240_000 }, () => {
  let dir = '';
  let ca: TestCa;
  let hub: HubProc;
  let relay: Relay;
  let st: Daemon;
  const ops: Record<string, Pair> = {};
  const dctl = (who: Pair, ...args: string[]) => districtctl(hub.port, ...ca.flags(who), ...args);
  const live = async () =>
    JSON.parse((await st.ctl('--json', 'live', 'status')).stdout) as {
      last?: { via: string; cause: string };
    };

  beforeAll(async () => {
    dir = tempDir('loa-live-tls-');
    ca = await TestCa.create(join(dir, 'ca'));
    const server = await ca.server('hub');
    for (const role of ['viewer', 'operator']) ops[role] = await ca.operator(`an-${role}`, role);
    hub = await startHub(join(dir, 'hub'), { ...HUB_ENV, ...ca.env(server) });
    relay = new Relay(hub.port);
    await relay.listen();
    st = await startDaemon(
      [
        '--profile',
        'sim',
        '--data-dir',
        join(dir, 'xa-1'),
        '--station-id',
        'xa-1',
        '--district',
        relay.address,
      ],
      { ...LINK_ENV, ...ca.env(await ca.station('xa-1')) },
    );
    await pollUntil(async () => (await uplink({ station: st })).link === 'up', 20_000);
  });

  afterAll(async () => {
    await st?.stop();
    await hub?.stop();
    await relay?.close();
  });

  it('refuses a viewer, lets an operator speak', async () => {
    const speech = makeTone(join(dir, 'speech.wav'), { hz: 1000, seconds: 2 });
    const denied = await dctl(ops.viewer as Pair, 'live', 'speak', '--stations', 'xa-1', '--from', speech);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/Speak needs role operator; an-viewer has role viewer/);
    const audit = JSON.parse((await dctl(ops.operator as Pair, 'audit', '--json')).stdout) as Array<{
      action: string;
      who: string;
      result: string;
    }>;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'Speak', who: 'an-viewer', result: 'denied' }),
      ]),
    );
    expect((await live()).last).toBeUndefined();

    const ok = await dctl(ops.operator as Pair, 'live', 'speak', '--stations', 'xa-1', '--from', speech);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Spoke live to xa-1/);
    const last = await pollUntil(async () => (await live()).last, 20_000);
    expect(last).toMatchObject({ via: 'district', cause: 'ended' });
    const ev = JSON.parse((await st.ctl('--json', 'events', '--kind', 'live.session')).stdout) as Array<{
      details: { by: string };
    }>;
    expect(ev.at(-1)?.details.by).toBe('an-operator');
  });
});
