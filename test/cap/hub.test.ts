/**
 * CAP at the real hub, to two real sim stations (WAV sinks) through a relay: an alert whose
 * polygon covers one station is spoken there only; a duplicate is ignored; a Cancel stops it on
 * air; an Update moves it to the other station; an expired alert, a test alert and hostile
 * messages are refused or recorded with a clear reason and nothing is played; all in the
 * hub's audit trail.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Daemon, pollUntil } from '../helpers/daemon.js';
import { districtctl, districtJson, type HubProc, startHub } from '../helpers/hub.js';
import { Relay } from '../helpers/link-relay.js';
import { tempDir } from '../helpers/sim-station.js';
import { HUB_ENV, LINK_ENV, startStation, uplink } from '../link/helpers.js';
import { BILLION_LAUGHS, capXml, PLACES, WRONG_NS, XXE } from './samples.js';

const TOKEN = 'tinh-thua-thien-hue-0123456789abcdef';
const IDS = ['xa-a', 'xa-b'] as const;
const SENDER = 'kttv-hue@example.vn';

let dir: string;
let hub: HubProc;
let relay: Relay;
let capUrl: string;
const st = new Map<string, Daemon>();

async function post(body: string, token = TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(capUrl, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

interface Emg {
  active: boolean;
  tier?: string;
  commandId?: string;
  last?: { reason: string };
}
const emergency = async (id: string) =>
  JSON.parse((await (st.get(id) as Daemon).ctl('--json', 'emergency', 'status')).stdout) as Emg;
const playLog = async (id: string) =>
  JSON.parse((await (st.get(id) as Daemon).ctl('--json', 'play-log')).stdout) as Array<{
    tier: string;
    origin?: string;
    endReason?: string;
    speech?: { textSha256: string };
  }>;

beforeAll(async () => {
  dir = tempDir('loa-cap-');
  mkdirSync(join(dir, 'hub'), { recursive: true });
  const cfg = {
    schema: 1,
    listen: '127.0.0.1:0',
    tokens: [TOKEN],
    stations: PLACES,
    dropDir: join(dir, 'drop'),
  };
  writeFileSync(join(dir, 'hub', 'cap.json'), JSON.stringify(cfg));
  hub = await startHub(join(dir, 'hub'), HUB_ENV);
  const ready = hub.output.find((l) => l.includes('"msg":"ready"')) ?? '';
  capUrl = /"cap":"([^"]+)"/.exec(ready)?.[1] ?? '';
  relay = new Relay(hub.port);
  await relay.listen();
  for (const id of IDS) {
    mkdirSync(join(dir, id), { recursive: true });
    const audio = {
      schema: 1,
      sink: { kind: 'wav', path: join(dir, `${id}.wav`) },
      monitor: { enabled: false },
      onAirLog: { enabled: false },
    };
    writeFileSync(join(dir, id, 'audio.json'), JSON.stringify(audio));
    const d = await startStation(dir, id, relay, LINK_ENV);
    st.set(id, d);
    await pollUntil(async () => (await uplink({ station: d })).link === 'up', 20_000);
  }
}, 120_000);
afterAll(async () => {
  for (const d of st.values()) await d.stop();
  await hub?.stop();
  await relay?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('CAP intake at the hub', () => {
  it('refuses hostile and unauthorised messages; nothing is played', async () => {
    expect(capUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cap$/);
    expect((await post(capXml({ identifier: 'x' }), 'wrong-token')).status).toBe(401);
    for (const [xml, msg] of [
      [XXE, /DOCTYPE declaration is not allowed/],
      [BILLION_LAUGHS, /DOCTYPE declaration is not allowed/],
      [WRONG_NS, /namespace is "urn:oasis:names:tc:emergency:cap:1\.1"/],
    ] as const) {
      const r = await post(xml);
      expect(r.status).toBe(400);
      expect(String(r.json.error)).toMatch(msg);
    }
    const big = await post(capXml({ identifier: 'big', description: 'a'.repeat(10 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(String(big.json.error)).toMatch(/larger than 1048576 bytes/);
    for (const id of IDS) expect(await playLog(id)).toEqual([]);
  });

  it('a test alert and an expired one are recorded, not broadcast', async () => {
    const test = await post(capXml({ identifier: 'test-1', status: 'Test' }));
    expect(test.json).toMatchObject({ outcome: 'not-aired', reason: 'status Test: recorded, not broadcast' });
    const old = await post(capXml({ identifier: 'old-1', expires: '2020-01-01T00:00:00+07:00' }));
    expect(old.json).toMatchObject({ outcome: 'not-aired', reason: 'expired at 2020-01-01T00:00:00+07:00' });
  });

  it('speaks an alert where its polygon is; ignores a duplicate; a Cancel stops it on air', async () => {
    // long enough (three readings of ≈ 40 s) that the Cancel surely finds it on air, even on a loaded machine
    const xml = capXml({
      identifier: 'lu-1',
      description: 'Mưa lớn 150-200mm, nước sông dâng nhanh. '.repeat(12),
    });
    const r = await post(xml);
    expect(r.json).toMatchObject({ outcome: 'aired', tier: 'emergency', stations: ['xa-a'] });
    expect((await post(xml)).json).toMatchObject({ outcome: 'duplicate' });
    await pollUntil(async () => {
      const e = await emergency('xa-a');
      return e.active && e.tier === 'emergency' && (await playLog('xa-a')).length > 0;
    }, 30_000);
    expect(await playLog('xa-b')).toEqual([]);
    const cancel = await post(
      capXml({
        identifier: 'lu-1-cancel',
        msgType: 'Cancel',
        references: `${SENDER},lu-1,2026-12-05T10:00:00+07:00`,
      }),
    );
    expect(cancel.json).toMatchObject({ outcome: 'cancelled', stations: ['xa-a'] });
    await pollUntil(async () => !(await emergency('xa-a')).active, 30_000);
    expect((await emergency('xa-a')).last?.reason).toBe('stopped');
    const log = await playLog('xa-a');
    expect(log[0]).toMatchObject({ tier: 'emergency', origin: 'district', endReason: 'stopped' });
  });

  it('an Update moves the alert to the stations of its new area', async () => {
    const first = await post(
      capXml({ identifier: 'mua-1', urgency: 'Expected', severity: 'Severe', certainty: 'Likely' }),
    );
    expect(first.json).toMatchObject({ outcome: 'aired', tier: 'priority', stations: ['xa-a'] });
    await pollUntil(async () => (await emergency('xa-a')).tier === 'priority', 30_000);
    const geo = '<geocode><valueName>VN-ADMIN</valueName><value>31117</value></geocode>';
    const upd = await post(
      capXml({
        identifier: 'mua-2',
        msgType: 'Update',
        references: `${SENDER},mua-1,2026-12-05T10:00:00+07:00`,
        urgency: 'Expected',
        severity: 'Severe',
        certainty: 'Likely',
        area: geo,
      }),
    );
    expect(upd.json).toMatchObject({ outcome: 'aired', stations: ['xa-b'] });
    await pollUntil(async () => !(await emergency('xa-a')).active, 30_000);
    await pollUntil(async () => (await emergency('xa-b')).tier === 'priority', 30_000);
    await (st.get('xa-b') as Daemon).ctl('say', '--stop');
  });

  it('takes alerts from the drop folder, moving each to done/ or refused/ with its outcome', async () => {
    const drop = join(dir, 'drop');
    const put = (name: string, xml: string) => {
      writeFileSync(join(drop, `.${name}.part`), xml);
      renameSync(join(drop, `.${name}.part`), join(drop, name));
    };
    put(
      'tron-1.xml',
      capXml({ identifier: 'tron-1', severity: 'Moderate', area: '<circle>10.0,105.8 10</circle>' }),
    );
    put('xxe.xml', XXE);
    const done = join(drop, 'done', 'tron-1.xml.json');
    await pollUntil(
      async () => existsSync(done) && existsSync(join(drop, 'refused', 'xxe.xml.json')),
      30_000,
    );
    expect(JSON.parse(readFileSync(done, 'utf8'))).toMatchObject({
      outcome: 'aired',
      tier: 'priority',
      stations: ['xa-b'],
    });
    expect(JSON.parse(readFileSync(join(drop, 'refused', 'xxe.xml.json'), 'utf8')).error).toMatch(
      /DOCTYPE declaration is not allowed/,
    );
    expect(existsSync(join(drop, 'tron-1.xml'))).toBe(false);
    await pollUntil(async () => (await emergency('xa-b')).tier === 'priority', 30_000);
    await (st.get('xa-b') as Daemon).ctl('say', '--stop');
  });

  it('districtctl cap list, show and cancel', async () => {
    const list = await districtctl(hub.port, 'cap', 'list');
    expect(list.stdout, list.stdout).toMatch(
      /kttv-hue@example\.vn lu-1 {2}emergency → xa-a {2}aired: Lũ quét: emergency/,
    );
    expect(list.stdout).toMatch(/REFUSED: CAP message refused: a DOCTYPE declaration/);
    // the station's play log reaches the hub through its outbox (within seconds)
    const shown = await pollUntil(async () => {
      const s = await districtctl(hub.port, 'cap', 'show', 'lu-1');
      return /xa-a: HEARD/.test(s.stdout) && s;
    }, 30_000);
    expect(shown.stdout).toMatch(/commands: \{"xa-a":"[0-9a-f-]{36}"\}/);
    expect(shown.stdout).toMatch(/duplicate: already received: ignored/);
    // the station's play log reached the hub: played, stopped by the Cancel, relays confirmed
    expect(shown.stdout, shown.stdout).toMatch(
      /xa-a: HEARD — \d\d:\d\d:\d\d attention signal \+ emergency text bulletin \(district\) \(stopped\), amplifier ✓, zones 1✓ 2✓ 3✓ 4✓/,
    );
    expect((await post(capXml({ identifier: 'lu-9' }))).json).toMatchObject({ outcome: 'aired' });
    await pollUntil(async () => (await emergency('xa-a')).active, 30_000);
    const c = await districtctl(hub.port, 'cap', 'cancel', 'lu-9');
    expect(c.code).toBe(0);
    await pollUntil(async () => !(await emergency('xa-a')).active, 30_000);
    const none = await districtctl(hub.port, 'cap', 'cancel', 'test-1');
    expect(none.stderr).toMatch(/CAP alert "test-1" was not broadcast: nothing to cancel/);
  });

  it('every step is in the hub’s audit trail', async () => {
    const audit = await districtJson<Array<{ who: string; action: string; via: string }>>(
      hub.port,
      'audit',
      '--limit',
      '200',
    );
    const actions = audit.filter((a) => a.who.startsWith('cap:')).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['cap.refused', 'cap.not-aired', 'cap.aired', 'cap.duplicate', 'cap.cancelled']),
    );
  });
});
