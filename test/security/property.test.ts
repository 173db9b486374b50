/**
 * Hostile input, property-based (fast-check): random and boundary values thrown at every
 * StationService RPC (typed ones and Call with every registered method), at every
 * DistrictService RPC, and at the board profile parser. For each: no crash, a clear error
 * (a LoaError with a message naming what is wrong, never INTERNAL) and, when refused, no
 * change to the station's commanded state or the hub's database.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StationApiServer } from '../../src/api/grpc-station.js';
import { StationClient } from '../../src/api/station-client.js';
import { SystemClock } from '../../src/core/clock.js';
import { isLoaError, type LoaError } from '../../src/core/errors.js';
import { memoryLogger } from '../../src/core/log.js';
import { DistrictClient } from '../../src/district/client.js';
import { Hub } from '../../src/district/hub.js';
import { districtProto } from '../../src/grpc/proto.js';
import { parseProfile } from '../../src/hal/profile.js';
import { faultKey } from '../../src/hal/sim/index.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { toStruct, toValue } from '../../src/wire/struct.js';
import { ROOT } from '../helpers/daemon.js';
import { drive, type SimHarness, startSimStation, tempDir } from '../helpers/sim-station.js';

const RUNS = 60;

/** Values at and beyond every boundary we have, plus anything JSON can carry. */
const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    4,
    5,
    63,
    64,
    65,
    500,
    501,
    10_000,
    10_001,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 53,
    -(2 ** 53),
    0.5,
    -0,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const edgeString = fc.oneof(
  fc.constantFrom(
    '',
    '..',
    '../../etc/passwd',
    'a/../../b',
    '/etc/shadow',
    'x\u0000y',
    '\u0007',
    'on',
    'line-open',
    'alarm',
    'bogus',
    'zone.1',
    'ĐÀI',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 4097, maxLength: 5000 }),
);
const jsonValue = fc.oneof(
  edgeNumber,
  edgeString,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const FIELDS = [
  'on',
  'zone',
  'limit',
  'sinceSeq',
  'sinceTs',
  'kind',
  'severity',
  'name',
  'channel',
  'count',
  'key',
  'file',
  'path',
  'source',
  'x',
];
const params = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom(...FIELDS), jsonValue, { maxKeys: 4 }),
  fc.dictionary(fc.string({ maxLength: 70 }), jsonValue, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 14 }),
);

function clearError(e: unknown): void {
  expect(isLoaError(e), String(e)).toBe(true);
  const err = e as LoaError;
  expect(err.code, err.message).not.toBe('INTERNAL');
  expect(err.message).toMatch(/\S: ?\S|\S/);
  expect(err.message.length).toBeLessThan(2000);
}

describe('hostile input, property-based', { timeout: 300_000 }, () => {
  let sim: SimHarness;
  let server: StationApiServer;
  let client: StationClient;

  beforeAll(async () => {
    sim = await startSimStation();
    server = new StationApiServer(sim.station.commands, memoryLogger().log, sim.station.gate);
    const sock = join(sim.dataDir, 'station.sock');
    await server.listenUnix(sock, 'admin');
    client = new StationClient(sock, 20_000);
  });

  afterAll(async () => {
    client?.close();
    await server?.close();
    await sim?.cleanup();
  });

  const state = () =>
    JSON.stringify({
      commanded: sim.station.chain.commanded,
      faults: sim.sim.activeFaults().map(faultKey),
      lockout: sim.station.store.state.data.tx,
    });

  const seen = { ok: 0, refused: 0 };
  async function attempt(method: string, p: unknown): Promise<void> {
    const before = state();
    try {
      await drive(sim.clock, client.call(method, p));
      seen.ok++;
    } catch (e) {
      seen.refused++;
      clearError(e);
      expect(state(), `${method} ${JSON.stringify(p)} was refused but changed the station`).toBe(before);
    }
  }

  it('every StationService method, by its typed RPC or Call, with random and boundary parameters', async () => {
    const methods = sim.station.commands.methods();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...methods, 'no.such', '', 'power; rm -rf /'), params, attempt),
      { numRuns: RUNS * 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('zone', 'power', 'events', 'simFault', 'simClear'),
        fc.record(
          {
            zone: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
            on: fc.boolean(),
            limit: fc.nat(2 ** 32 - 1),
            kind: edgeString,
            severity: edgeString,
            name: edgeString,
            key: edgeString,
          },
          { requiredKeys: [] },
        ),
        attempt,
      ),
      { numRuns: RUNS * 2 },
    );
    await expect(drive(sim.clock, client.call('status'))).resolves.toMatchObject({ stationId: 'sim-test' });
    expect(seen.refused).toBeGreaterThan(50); // the generators reach both sides
    expect(seen.ok).toBeGreaterThan(5);
  });

  describe('DistrictService', () => {
    let hub: Hub;
    let op: DistrictClient;
    beforeAll(async () => {
      hub = new Hub({ dataDir: tempDir('loa-prop-hub-'), clock: new SystemClock(), log: memoryLogger().log });
      hub.stations.hello({
        stationId: 'xa-p',
        bootId: 'b',
        softwareVersion: 't',
        appliedDesiredVersion: 0,
        firstUnackedSeq: 1,
        lastSeq: 0,
        outboxEpoch: 'e',
      } as never);
      const port = await hub.listen('127.0.0.1:0');
      op = new DistrictClient(`127.0.0.1:${port}`, 20_000);
    });
    afterAll(async () => {
      op?.close();
      await hub?.close();
    });

    const counts = () =>
      ['commands', 'desired', 'station_desired', 'media', 'stations']
        .map((t) => (hub.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n)
        .join(',');
    const stationId = fc.oneof(
      fc.constantFrom('xa-p', '', 'XA', 'a'.repeat(64), '../x', 'xa-p\u0000'),
      fc.string({ maxLength: 70 }),
    );
    const request = fc.record(
      {
        stationId,
        stationIds: fc.array(stationId, { maxLength: 3 }),
        all: fc.boolean(),
        method: fc.oneof(
          fc.constantFrom('zone', 'power', 'emergency.start', 'no.such', '', '1bad'),
          fc.string({ maxLength: 70 }),
        ),
        params: params.map((p) => toValue(p)),
        ttlMs: fc.oneof(fc.constantFrom(0, 1, 604_800_000, 604_800_001), fc.nat()),
        limit: fc.oneof(fc.constantFrom(0, 1, 10_000, 10_001), fc.nat(2 ** 32 - 1)),
        sinceMs: fc.nat(),
        afterSeq: fc.nat(),
        severity: edgeString,
        kind: edgeString,
        ids: fc.array(fc.string({ maxLength: 70 }), { maxLength: 3 }),
        schedule: fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { maxKeys: 3 }).map(toStruct),
        media: fc.array(
          fc.record({
            sha256: fc.oneof(fc.constant('a'.repeat(64)), fc.string()),
            sizeBytes: fc.nat(),
            name: edgeString,
          }),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    );
    const RPCS = [
      'ListStations',
      'GetStation',
      'SendCommand',
      'ListCommands',
      'PushSchedule',
      'ListAlarms',
      'ListEvents',
      'ListPlayLog',
      'ListAudit',
    ];

    it('every RPC with random and boundary requests', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...RPCS), request, async (rpc, req) => {
          const before = counts();
          try {
            await op.call(rpc, req);
          } catch (e) {
            clearError(e);
            expect(counts(), `${rpc} was refused but changed the hub`).toBe(before);
          }
        }),
        { numRuns: RUNS * 4 },
      );
      await expect(op.call('ListStations')).resolves.toMatchObject({
        stations: [expect.objectContaining({ stationId: 'xa-p' })],
      });
    });

    it('a message over the size limit is refused by the server, which keeps serving', async () => {
      const Ctor = districtProto().grpc.loa.district.v1.DistrictService;
      const big = new Ctor(op.address, grpc.credentials.createInsecure(), {
        'grpc.max_send_message_length': 16 << 20,
      });
      const schedule = toStruct({ blob: 'x'.repeat(5 * 1024 * 1024) });
      const err = await new Promise<grpc.ServiceError | null>((r) =>
        big.pushSchedule({ all: true, schedule }, { deadline: new Date(Date.now() + 20_000) }, (e) => r(e)),
      );
      big.close();
      expect(err?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
      expect(err?.details).toMatch(/larger than max \(\d+ vs 4194304\)/);
      await expect(op.call('ListStations')).resolves.toBeTruthy();
    });
  });

  it('the board profile parser: random and mutated profiles give a CONFIG error naming the key, or a profile', () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'hw', 'profiles', 'sim.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc
            .record({ key: fc.constantFrom(...keys, 'extra'), value: jsonValue })
            .map(({ key, value }) => ({ ...base, [key]: value })),
        ),
        (raw) => {
          try {
            parseProfile(raw, 'random.json');
          } catch (e) {
            clearError(e);
            expect((e as LoaError).code).toBe('CONFIG');
            expect((e as LoaError).message).toMatch(/^random\.json: \S/);
          }
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('the schedule parser: random and mutated schedules are a valid plan or INVALID_ARGUMENT naming the problem', () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'schedule', 'sample.json'), 'utf8')) as {
      programmes: Record<string, unknown>[];
    } & Record<string, unknown>;
    const prog = base.programmes[0] ?? {};
    const mutated = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc
        .record({ key: fc.constantFrom(...Object.keys(base), 'extra'), value: jsonValue })
        .map(({ key, value }) => ({ ...base, [key]: value })),
      fc
        .record({ key: fc.constantFrom(...Object.keys(prog), 'extra'), value: jsonValue })
        .map(({ key, value }) => ({ ...base, programmes: [{ ...prog, [key]: value }] })),
    );
    fc.assert(
      fc.property(mutated, (raw) => {
        try {
          validateSchedule(raw, { zones: [1, 2, 3, 4], now: Date.UTC(2026, 0, 5) });
        } catch (e) {
          clearError(e);
          expect((e as LoaError).code).toBe('INVALID_ARGUMENT');
          expect((e as LoaError).message).toMatch(/^schedule rejected: \S/);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
