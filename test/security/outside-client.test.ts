/**
 * Issue 13: what an outside gRPC client (grpc-js with raw requests, not our client code) found
 * against a hub with mutual TLS, each checked through the real surface of the built hub:
 * station paths from the district, results forged by another station, prototype method names,
 * deeply nested Structs, a power summary that lagged its event, refusals audited as
 * "unknown", unlogged refused handshakes and a world-readable database.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtProto } from '../../src/grpc/proto.js';
import { toStruct, toValue } from '../../src/wire/struct.js';
import { pollUntil } from '../helpers/daemon.js';
import { type HubProc, startHub } from '../helpers/hub.js';
import { tempDir } from '../helpers/sim-station.js';
import { HUB_ENV } from '../link/helpers.js';
import { type Pair, TestCa } from './pki.js';
import { deepValue, district, lenField, RawSession, rawUnary, tlsCreds } from './raw-grpc.js';

type Cmd = { id: string; status: string; stationId: string };
type Audit = { who: string; role: string; action: string; result: string; message: string };

describe('an outside client against the hub (issue 13)', { timeout: 240_000 }, () => {
  let dir = '';
  let ca: TestCa;
  let hub: HubProc;
  const ops: Record<string, Pair> = {};
  const st: Record<string, Pair> = {};
  const sessions: RawSession[] = [];
  let op: ReturnType<typeof district>;
  let admin: ReturnType<typeof district>;

  const session = (id: string) => {
    const s = new RawSession(hub.port, tlsCreds(ca, st[id] as Pair), id);
    sessions.push(s);
    return s;
  };
  const commandsOf = async (id: string) =>
    ((await admin.call<{ commands: Cmd[] }>('ListCommands', { stationId: id, limit: 100 })).res?.commands ??
      []) as Cmd[];
  const audit = async () =>
    ((await admin.call<{ entries: Audit[] }>('ListAudit', { limit: 1000 })).res?.entries ?? []) as Audit[];

  beforeAll(async () => {
    dir = tempDir('loa-outside-');
    ca = await TestCa.create(join(dir, 'ca'));
    const server = await ca.server('hub');
    for (const role of ['viewer', 'operator', 'admin']) ops[role] = await ca.operator(`an-${role}`, role);
    for (const id of ['st-a', 'st-z', 'st-y']) st[id] = await ca.station(id);
    hub = await startHub(join(dir, 'hub'), { ...HUB_ENV, ...ca.env(server) });
    op = district(hub.port, tlsCreds(ca, ops.operator as Pair));
    admin = district(hub.port, tlsCreds(ca, ops.admin as Pair));
    for (const id of ['st-a', 'st-z', 'st-y']) {
      const s = session(id);
      await pollUntil(async () => s.welcomed, 20_000);
    }
    sessions[2]?.close(); // st-y goes offline: known, not connected
  });

  afterAll(async () => {
    for (const s of sessions) s.close();
    op?.close();
    admin?.close();
    await hub?.stop();
  });

  it('1: the district cannot name a station path, in any method or nested field, and learns nothing about files', async () => {
    const send = (method: string, params: unknown) =>
      op.call('SendCommand', { stationIds: ['st-a'], method, params: toValue(params) });
    const refused = [
      ['emergency.start', { source: '/etc/passwd' }, /params\.source: a station path is not allowed/],
      ['emergency.start', { source: 'concat:/etc/passwd|/etc/hosts' }, /params\.source: a "concat:" source/],
      ['audio.play', { source: 'file:///etc/passwd' }, /params\.source: a "file:" source/],
      ['audio.play', { source: '../../etc/passwd' }, /params\.source: a station path/],
      ['fallback.add', { item: '/etc/passwd' }, /params\.item: a station path/],
      ['media.add', { path: 'a.mp3' }, /params\.path: not allowed from the district/],
      [
        'audio.play',
        { source: { kind: 'file', x: [{ deep: '~/.ssh/id_rsa' }] } },
        /params\.source\.x\[0\]\.deep/,
      ],
    ] as const;
    for (const [method, params, why] of refused) {
      const r = await send(method, params);
      expect(r.code, `${method} ${JSON.stringify(params)}`).toBe('INVALID_ARGUMENT');
      expect(r.details).toMatch(why);
    }
    // an existing and a missing file get the same answer: nothing on any filesystem was looked at
    const a = await send('emergency.start', { source: '/etc/passwd' });
    const b = await send('emergency.start', { source: '/no/such/file' });
    expect(a.details.replace('/etc/passwd', 'X')).toBe(b.details.replace('/no/such/file', 'X'));

    const programme = (source: unknown) => ({
      schema: 1,
      valid_until: '2099-01-01',
      programmes: [{ id: 'p', title: 'Tin /etc: sáng', start: '06:00', duration: '30m', source }],
    });
    const push = (source: unknown) =>
      op.call('PushSchedule', { stationIds: ['st-a'], schedule: toStruct(programme(source)) });
    const file = await push({ kind: 'file', file: { path: '/etc/passwd' } });
    expect(file.code).toBe('INVALID_ARGUMENT');
    expect(file.details).toMatch(
      /schedule\.programmes\[0\]\.source\.file\.path: not allowed from the district/,
    );
    const fallback = await push({
      kind: 'relay',
      url: 'http://radio.example/live',
      fallback: { kind: 'playlist', items: [{ sha256: 'a'.repeat(64) }, { path: '/etc/shadow' }] },
    });
    expect(fallback.details).toMatch(/schedule\.programmes\[0\]\.source\.fallback\.items\[1\]\.path/);
    const relay = await push({ kind: 'relay', url: 'file:///etc/passwd' });
    expect(relay.details).toMatch(/schedule\.programmes\[0\]\.source\.url: a "file:" source/);
    expect(await commandsOf('st-a')).toEqual([]); // nothing stored, nothing sent
    expect(
      (await admin.call<{ desired: unknown }>('GetStation', { stationId: 'st-a' })).res?.desired,
    ).toBeNull();

    // what the district may name still goes through: a stream URL, a cache name, a title with a slash
    expect((await send('audio.play', { source: 'https://radio.example/vov1' })).code).toBe('OK');
    expect((await send('fallback.add', { item: 'media:nhac-nen.mp3' })).code).toBe('OK');
    expect((await push({ kind: 'relay', url: 'rtsp://radio.example/live' })).code).toBe('OK');
  });

  it('2: a result is accepted only from the addressee, over its own session; forgeries are refused, counted and audited', async () => {
    const [a, z] = [sessions[0] as RawSession, sessions[1] as RawSession];
    const sent = await op.call<{ commands: Cmd[] }>('SendCommand', {
      stationIds: ['st-a', 'st-y'],
      method: 'zone',
      params: toValue({ zone: 1, on: true }),
    });
    expect(sent.code, sent.details).toBe('OK');
    const [forA, forY] = sent.res?.commands ?? [];
    await pollUntil(async () => a.commands.some((c) => c.id === forA?.id), 20_000);
    z.result(forA?.id ?? '', 'failed', 'forged by st-z'); // st-a's command, answered by st-z
    z.result(forY?.id ?? '', 'done'); // st-y is offline; st-z claims it ran
    z.result('00000000-0000-0000-0000-000000000000', 'done');
    const entries = await pollUntil(async () => {
      const l = (await audit()).filter((e) => e.action === 'CommandResult');
      return l.length >= 3 && l;
    }, 20_000);
    for (const e of entries)
      expect(e).toMatchObject({ who: 'station st-z', role: 'station', result: 'denied' });
    expect(entries.map((e) => e.message).join('\n')).toMatch(
      /forged command result refused: station st-z answered "failed" for command .* \(zone\) addressed to st-a/,
    );
    expect((await commandsOf('st-a'))[0]).toMatchObject({ id: forA?.id, status: 'sent' });
    expect((await commandsOf('st-y'))[0]).toMatchObject({ id: forY?.id, status: 'pending' });
    a.result(forA?.id ?? '', 'done'); // the addressee's own answer counts
    await pollUntil(async () => (await commandsOf('st-a'))[0]?.status === 'done', 20_000);
    const metrics = await hubMetrics(hub);
    expect(metrics).toMatch(/loa_hub_security_refused\{kind="forged_result"\} 3/);
    expect(hub.output.join('\n')).toMatch(/forged command result refused/);
  });

  it('3: method names every JavaScript object has are refused by role or unknown, never INTERNAL', async () => {
    for (const method of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const r = await op.call('SendCommand', { stationIds: ['st-a'], method, params: toValue({}) });
      if (method === '__proto__')
        expect(r.code).toBe('INVALID_ARGUMENT'); // not a method name at all
      else
        expect([r.code, r.details]).toEqual([
          'PERMISSION_DENIED',
          `SendCommand ${method} needs role admin; an-operator has role operator`,
        ]);
    }
  });

  it('4: a deeply nested Struct is INVALID_ARGUMENT naming the limit, never INTERNAL', async () => {
    const creds = tlsCreds(ca, ops.operator as Pair);
    const path = '/loa.district.v1.DistrictService/SendCommand';
    const body = (depth: number) =>
      Buffer.concat([
        lenField(1, Buffer.from('st-a')),
        lenField(3, Buffer.from('zone')),
        lenField(4, deepValue(depth)),
      ]);
    for (const depth of [20, 45, 50, 200]) {
      const r = await rawUnary(`127.0.0.1:${hub.port}`, creds, path, body(depth));
      expect(r.code, `${depth} levels: ${r.details}`).toBe('INVALID_ARGUMENT');
      expect(r.details).toMatch(/nested (too deeply|at most 12 levels deep).*12|at most 12 levels/);
    }
    const op2 = await rawUnary(
      `127.0.0.1:${hub.port}`,
      creds,
      '/loa.district.v1.DistrictService/ListStations',
      Buffer.from([0x0a, 0xff]),
    );
    expect(op2.code).toBe('INVALID_ARGUMENT'); // a truncated message: not INTERNAL either
    expect((await op.call('ListStations', {})).code).toBe('OK'); // and the hub keeps serving
  });

  it('6: refusals name the certificate; refused handshakes are logged; the database is not world-readable', async () => {
    const asStation = district(hub.port, tlsCreds(ca, st['st-a'] as Pair));
    const r = await asStation.call('ListStations', {});
    asStation.close();
    expect(r.code).toBe('PERMISSION_DENIED');
    const entry = (await audit()).filter((e) => e.action === 'ListStations').at(-1);
    expect(entry).toMatchObject({ who: 'station st-a', role: 'station', result: 'denied' });

    const other = await TestCa.create(join(dir, 'other'), 'Other CA');
    const stranger = await other.operator('mallory', 'admin');
    const strange = district(hub.port, tlsCreds(ca, stranger));
    expect((await strange.call('ListStations', {})).code).toBe('UNAVAILABLE');
    strange.close();
    await pollUntil(async () => hub.output.some((l) => /TLS handshake refused/.test(l)), 20_000);

    const mode = statSync(join(dir, 'hub', 'district.sqlite')).mode & 0o777;
    expect(mode.toString(8)).toBe('640');
    for (const f of ['district.sqlite-wal', 'district.sqlite-shm'])
      expect((statSync(join(dir, 'hub', f)).mode & 0o007).toString(8)).toBe('0');
  });

  it('6: the hub refuses at once what the station would refuse, and stores nothing a station may not send', async () => {
    const bad = [
      [
        'audio.play',
        { source: 'https://radio.example/a', zones: [0, 999] },
        /params\.zones\[0\].*params\.zones\[1\]/,
      ],
      ['emergency.start', { source: 'https://radio.example/a', repeat: -1 }, /params\.repeat/],
      [
        'emergency.start',
        { source: { sha256: 'xyz', sizeBytes: 10 } },
        /params\.source\.sha256: 64 lower-case hex/,
      ],
      ['simFault', { name: 'bogus' }, /params\.name: allowed: "relay-stuck"/],
      ['lines.calibrate', { zone: -1 }, /params\.zone/],
    ] as const;
    for (const [method, params, why] of bad) {
      const r = await admin.call('SendCommand', { stationIds: ['st-z'], method, params: toValue(params) });
      expect(r.code, `${method} ${JSON.stringify(params)}`).toBe('INVALID_ARGUMENT');
      expect(r.details).toMatch(why);
    }
    expect(await commandsOf('st-z')).toEqual([]);

    const upload = (msgs: { name?: string; data?: Buffer }[]) =>
      new Promise<string>((resolve) => {
        const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
        const client = new Ctor(`127.0.0.1:${hub.port}`, tlsCreds(ca, ops.operator as Pair), {
          'grpc.ssl_target_name_override': 'localhost',
        });
        const call = client.uploadMedia((e: grpc.ServiceError | null) => {
          client.close();
          resolve(e ? `${grpc.status[e.code]}: ${e.details}` : 'OK');
        });
        for (const m of msgs) call.write(m);
        call.end();
      });
    expect(await upload([{ name: '', data: Buffer.from('RIFF') }])).toMatch(/^INVALID_ARGUMENT: name:/);
    expect(await upload([{ name: 'empty.mp3' }])).toMatch(/^INVALID_ARGUMENT: empty.mp3: no bytes/);
    expect(
      await upload([{ name: 'notes.mp3', data: Buffer.from('not audio at all\n'.repeat(100)) }]),
    ).toMatch(/^INVALID_ARGUMENT: notes.mp3: not playable audio/);

    const z = sessions[1] as RawSession;
    const item = (seq: number, tsMs: number, e: Record<string, unknown>) => ({
      seq,
      tsMs,
      event: { eventSeq: seq, kind: 'x.ok', severity: 'info', sub: 'test', message: 'm', ...e },
    });
    z.write({
      batch: {
        items: [
          item(1, Date.now(), { severity: 'catastrophic' }),
          item(2, Date.now(), { kind: '' }),
          item(3, -5, {}),
          item(4, Date.now(), { message: 'x'.repeat(100_000) }),
          item(5, Date.now(), { kind: 'x.fine' }),
        ],
      },
    });
    z.write({ desiredReport: { appliedVersion: 2 ** 62 } });
    type Ev = { event: { kind: string; severity: string; message: string } };
    const stored = await pollUntil(async () => {
      const r = await admin.call<{ events: Ev[] }>('ListEvents', { stationId: 'st-z', limit: 100 });
      return (r.res?.events?.length ?? 0) >= 5 && (r.res?.events as Ev[]);
    }, 20_000);
    expect(stored.map((e) => e.event.kind)).toEqual([
      'hub.refused',
      'hub.refused',
      'hub.refused',
      'hub.refused',
      'x.fine',
    ]);
    expect(stored.map((e) => e.event.message).join('\n')).toMatch(
      /severity "catastrophic".*\n.*kind ""[\s\S]*timestamp -5[\s\S]*message of 100000 characters/,
    );
    const summary = (
      await admin.call<{ summary: { appliedVersion: number } }>('GetStation', { stationId: 'st-z' })
    ).res;
    expect(Number(summary?.summary.appliedVersion)).toBe(0);
  });

  it('8: the summary follows a power event as it arrives, not the next status sample', async () => {
    const a = sessions[0] as RawSession;
    const power = async () =>
      (
        (await op.call<{ stations: { stationId: string; power: string }[] }>('ListStations', {})).res
          ?.stations ?? []
      ).find((s) => s.stationId === 'st-a')?.power;
    expect(await power()).toBe('');
    const event = (seq: number, kind: string) => ({
      seq,
      tsMs: Date.now(),
      event: { eventSeq: seq, kind, severity: 'info', sub: 'power', message: kind },
    });
    a.write({ batch: { items: [event(1, 'power.on')] } });
    await pollUntil(async () => (await power()) === 'on', 10_000);
    a.write({ batch: { items: [event(2, 'power.off')] } });
    await pollUntil(async () => (await power()) === 'off', 10_000);
  });
});

async function hubMetrics(hub: HubProc): Promise<string> {
  const line = hub.output.find((l) => /"msg":"ready"/.test(l)) ?? '';
  const url = /"metrics":"([^"]+)"/.exec(line)?.[1];
  if (!url) throw new Error(`no metrics endpoint in ${line}`);
  return (await fetch(url)).text();
}
