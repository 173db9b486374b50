/**
 * StationService in process over a real unix socket: the typed core RPCs round-trip the
 * station's own answers, and a module method is reachable (typed RPC or Call) as soon as it is
 * registered, with the station's error codes intact.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StationApiServer } from '../../src/api/grpc-station.js';
import { StationClient } from '../../src/api/station-client.js';
import { LoaError } from '../../src/core/errors.js';
import { memoryLogger } from '../../src/core/log.js';
import { CommandRegistry } from '../../src/core/registry.js';
import { type SimHarness, startSimStation, tempDir } from '../helpers/sim-station.js';

describe('StationService', () => {
  const open: { server: StationApiServer; client: StationClient }[] = [];
  let sim: SimHarness | undefined;
  afterEach(async () => {
    for (const o of open.splice(0)) {
      o.client.close();
      await o.server.close();
    }
    await sim?.cleanup();
    sim = undefined;
  });

  async function serve(registry: CommandRegistry) {
    const sock = join(tempDir(), 'station.sock');
    const server = new StationApiServer(registry, memoryLogger().log);
    await server.listenUnix(sock);
    const client = new StationClient(sock, 5000);
    open.push({ server, client });
    return client;
  }

  it('returns the same status, events and refusals as the commands themselves', async () => {
    sim = await startSimStation();
    const c = await serve(sim.station.commands);
    const direct = await sim.station.commands.call('status');
    const remote = await c.call('status');
    expect(remote).toEqual({ ...(direct as object), uptimeS: (remote as { uptimeS: number }).uptimeS });
    expect(await c.call('events', { limit: 1 })).toEqual(
      await sim.station.commands.call('events', { limit: 1 }),
    );
    await expect(c.call('zone', { zone: 9, on: true })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'zone: allowed 1, 2, 3, 4 (got 9)',
    });
    await expect(c.call('power', {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' }); // never read as "off"
  });

  it('reaches a module method as soon as it is registered, by its RPC or by Call', async () => {
    const registry = new CommandRegistry();
    const c = await serve(registry);
    await expect(c.call('audio.play', { id: 'p1' })).rejects.toMatchObject({ code: 'UNIMPLEMENTED' });
    registry.register('audio.play', (p) => ({ playing: (p as { id: string }).id, slots: ['programme'] }));
    registry.register('fallback.list', () => [{ path: '/a.mp3' }, null, 3]);
    registry.register('lines.calibrate', () => {
      throw new LoaError('CONFIG', 'no baseline without a zone');
    });
    expect(await c.call('audio.play', { id: 'p1', source: { kind: 'tone', hz: 1000 } })).toEqual({
      playing: 'p1',
      slots: ['programme'],
    });
    expect(await c.call('fallback.list')).toEqual([{ path: '/a.mp3' }, null, 3]);
    // CONFIG and REFUSED share FAILED_PRECONDITION; the exact code survives in the trailer
    await expect(c.call('lines.calibrate')).rejects.toMatchObject({ code: 'CONFIG' });
    expect(await c.call('nothing.here').catch((e: LoaError) => e.message)).toMatch(
      /"nothing.here" is not available on this station.*available: audio.play, fallback.list, lines.calibrate/,
    );
  });
});
