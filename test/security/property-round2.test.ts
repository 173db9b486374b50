/**
 * Hostile input, property-based, for the classes an outside client found (issue 13): method
 * names every JavaScript object has, Structs nested deeper than the decoder allows (as raw
 * protobuf bytes, which our own client could not even encode), a station path hidden anywhere
 * in a command's parameters or a schedule, and command results forged by another station.
 * Both servers are the real gRPC services (the station's StationService on a unix socket, the
 * hub's DistrictService and GatewayService on loopback).
 */
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationApiServer } from '../../src/api/grpc-station.js';
import { StationClient } from '../../src/api/station-client.js';
import { ManualClock, SystemClock } from '../../src/core/clock.js';
import { isLoaError, type LoaError } from '../../src/core/errors.js';
import { MemoryEvents } from '../../src/core/events.js';
import { memoryLogger } from '../../src/core/log.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { DistrictClient } from '../../src/district/client.js';
import { Hub } from '../../src/district/hub.js';
import { PARAMS_DEPTH } from '../../src/grpc/decode-guard.js';
import { LIMITS } from '../../src/security/hostile.js';
import { CommandRunner } from '../../src/uplink/commands.js';
import { DesiredApplier } from '../../src/uplink/desired.js';
import type { MediaFetcher } from '../../src/uplink/media.js';
import { uplinkStateDoc } from '../../src/uplink/state.js';
import { toStruct, toValue } from '../../src/wire/struct.js';
import { pollUntil } from '../helpers/daemon.js';
import { drive, type SimHarness, startSimStation, tempDir } from '../helpers/sim-station.js';
import { deepValue, lenField, RawSession, rawUnary } from './raw-grpc.js';

const RUNS = 40;
const PROTO_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const PATHS = [
  '/etc/passwd',
  '/var/lib/loa/station.json',
  '../../etc/shadow',
  './x.mp3',
  '~/.ssh/id_rsa',
  'file:///etc/passwd',
  'file:/etc/passwd',
  'concat:/etc/passwd|/etc/hosts',
  'subfile:,,start,0,end,0,,:/etc/passwd',
  'pipe:0',
  'C:\\Windows\\win.ini',
  'media:../../etc/passwd',
];

/** A JSON value with one station path hidden at a random place (under any key, at any depth). */
const withPath: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...PATHS),
    fc
      .tuple(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }), tie('node'))
      .map(([a, n]) => [...a, n]),
    fc
      .tuple(fc.constantFrom('source', 'item', 'x', 'fallback', 'items', 'file', 'url', 'deep'), tie('node'))
      .map(([k, n]) => ({ [k]: n })),
  ),
})).node;

function clear(e: unknown): LoaError {
  expect(isLoaError(e), String(e)).toBe(true);
  expect((e as LoaError).code, (e as LoaError).message).not.toBe('INTERNAL');
  return e as LoaError;
}

describe('hostile input, property-based: round 2', { timeout: 300_000 }, () => {
  let sim: SimHarness;
  let server: StationApiServer;
  let client: StationClient;
  let sock = '';
  let hub: Hub;
  let hubAddr = '';
  let op: DistrictClient;

  beforeAll(async () => {
    sim = await startSimStation();
    server = new StationApiServer(sim.station.commands, memoryLogger().log, sim.station.gate);
    sock = join(sim.dataDir, 'station.sock');
    await server.listenUnix(sock, 'admin');
    client = new StationClient(sock, 20_000);
    hub = new Hub({ dataDir: tempDir('loa-prop2-hub-'), clock: new SystemClock(), log: memoryLogger().log });
    hubAddr = `127.0.0.1:${await hub.listen('127.0.0.1:0')}`;
    hub.stations.hello({
      stationId: 'xa-p',
      bootId: 'b',
      softwareVersion: 't',
      appliedDesiredVersion: 0,
      firstUnackedSeq: 1,
      lastSeq: 0,
      outboxEpoch: 'e',
    });
    op = new DistrictClient(hubAddr, 20_000);
  });

  afterAll(async () => {
    client?.close();
    op?.close();
    await server?.close();
    await hub?.close();
    await sim?.cleanup();
  });

  it('prototype names as methods: UNIMPLEMENTED or PERMISSION_DENIED at the station, never INTERNAL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROTO_NAMES), fc.jsonValue({ maxDepth: 2 }), async (m, p) => {
        const e = await drive(sim.clock, client.call(m, p)).then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(['UNIMPLEMENTED', 'PERMISSION_DENIED', 'INVALID_ARGUMENT']).toContain(clear(e).code);
      }),
      { numRuns: RUNS },
    );
  });

  it('nesting deeper than the decoder allows: INVALID_ARGUMENT naming the limit, at both daemons', async () => {
    expect(PARAMS_DEPTH).toBe(LIMITS.depth);
    const insecure = grpc.credentials.createInsecure();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 13, max: 400 }), async (depth) => {
        const call = Buffer.concat([lenField(1, Buffer.from('zone')), lenField(2, deepValue(depth))]);
        const st = await rawUnary(`unix:${sock}`, insecure, '/loa.station.v1.StationService/Call', call);
        expect([st.code, st.details]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(/12 levels/)]);
        const send = Buffer.concat([
          lenField(1, Buffer.from('xa-p')),
          lenField(3, Buffer.from('zone')),
          lenField(4, deepValue(depth)),
        ]);
        const h = await rawUnary(hubAddr, insecure, '/loa.district.v1.DistrictService/SendCommand', send);
        expect([h.code, h.details]).toEqual(['INVALID_ARGUMENT', expect.stringMatching(/12 levels/)]);
      }),
      { numRuns: RUNS },
    );
  });

  it('a station path anywhere in a district command or schedule is refused, and nothing runs or is stored', async () => {
    const count = () => (hub.db.prepare('SELECT count(*) AS n FROM commands').get() as { n: number }).n;
    const registry = new CommandRegistry();
    const runs: unknown[] = [];
    for (const m of ['emergency.start', 'audio.play', 'fallback.add', 'media.add', 'schedule.apply'])
      registry.register(m, (p) => runs.push(p));
    const clock = new ManualClock();
    const doc = uplinkStateDoc(tempDir(), clock);
    await doc.load();
    const runner = new CommandRunner(registry, doc, clock, new MemoryEvents());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('emergency.start', 'audio.play', 'fallback.add', 'schedule.apply'),
        withPath,
        async (method, hidden) => {
          const params = { source: hidden };
          const before = count();
          const e = await op
            .call('SendCommand', { stationIds: ['xa-p'], method, params: toValue(params) })
            .then(
              () => undefined,
              (x: unknown) => x,
            );
          expect(clear(e).code).toBe('INVALID_ARGUMENT');
          expect(count()).toBe(before);
          const programme = { id: 'p', title: 't', start: '06:00', duration: '1h', source: hidden };
          const schedule = toStruct({ schema: 1, valid_until: '2099-01-01', programmes: [programme] });
          const s = await op.call('PushSchedule', { stationIds: ['xa-p'], schedule }).then(
            () => undefined,
            (x: unknown) => x,
          );
          expect(clear(s).code).toBe('INVALID_ARGUMENT');
          const r = await runner.handle({
            id: `c${n++}`,
            method,
            params,
            sentAtMs: 1,
            expiresAtMs: 60_000,
            issuedBy: 'an',
            issuerRole: 'admin',
          });
          expect(r).toMatchObject({ status: 'refused', errorCode: 'INVALID_ARGUMENT' });
        },
      ),
      { numRuns: RUNS * 2 },
    );
    expect(runs).toEqual([]);
    expect((hub.db.prepare('SELECT count(*) AS n FROM desired').get() as { n: number }).n).toBe(0);
  });

  it('the station refuses a desired state naming a station path anywhere, whatever the hub let through', async () => {
    const clock = new ManualClock();
    const doc = uplinkStateDoc(tempDir(), clock);
    await doc.load();
    const registry = new CommandRegistry();
    const applied: unknown[] = [];
    registry.register('schedule.apply', (p) => applied.push(p));
    const events = new MemoryEvents();
    const fetcher = { progress: new Map(), ensure: async () => '/never' } as unknown as MediaFetcher;
    const applier = new DesiredApplier(registry, doc, fetcher, clock, events);
    let version = 1;
    await fc.assert(
      fc.asyncProperty(withPath, async (hidden) => {
        const programme = { id: 'p', title: 't', start: '06:00', duration: '1h', source: hidden };
        const schedule = { schema: 1, version, valid_until: '2099-01-01', programmes: [programme] };
        await applier.offer({ version: version++, schedule, media: [] });
        // refused: by the media-reference check at the field, or earlier by the desired-state
        // schema/structure limits (a generated value can also be too deep or carry a control
        // character) — either way named, and nothing applied (checked below)
        expect(applier.report().error).toMatch(/^desired( state: |\.schedule\.programmes\[0\]\.source)/);
      }),
      // CI's counterexample: refused by the file-name check, its field once named "\"desired.schedule\"…"
      { numRuns: RUNS, examples: [[[[{ file: 'media:../../etc/passwd' }]]]] },
    );
    expect(applied).toEqual([]);
  });

  it('forged results from another station change no command, and each is counted', async () => {
    const insecure = grpc.credentials.createInsecure();
    const port = Number(hubAddr.split(':')[1]);
    const a = new RawSession(port, insecure, 'xa-a');
    const q = new RawSession(port, insecure, 'xa-q');
    try {
      await pollUntil(async () => a.welcomed && q.welcomed, 20_000);
      const rows = [1, 2, 3].map(() =>
        hub.stores.commands.create('xa-a', 'zone', { zone: 1, on: true }, 60_000),
      );
      const snapshot = () => JSON.stringify(rows.map((r) => hub.stores.commands.get(r.id)));
      const before = snapshot();
      const forged0 = hub.refusals.get('forged_result');
      let claims = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.constantFrom(...rows.map((r) => r.id)), fc.uuid(), fc.string({ maxLength: 80 })),
          fc.constantFrom('done', 'failed', 'refused', 'expired', 'bogus', ''),
          async (id, status) => {
            q.result(id, status, 'forged');
            claims++;
            await pollUntil(async () => hub.refusals.get('forged_result') - forged0 >= claims, 10_000, 5);
            expect(snapshot()).toBe(before);
          },
        ),
        { numRuns: RUNS * 2 },
      );
      a.result(rows[0]?.id ?? '', 'done'); // the addressee's answer still counts
      await pollUntil(async () => hub.stores.commands.get(rows[0]?.id ?? '')?.status === 'done', 10_000);
    } finally {
      a.close();
      q.close();
    }
  });
});
