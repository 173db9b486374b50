/** The station's port board: a wiring mistake is a clear CONFIG error at start, naming module and port. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { memoryLogger } from '../../src/core/log.js';
import { port } from '../../src/core/port.js';
import { driverFactories } from '../../src/hal/drivers.js';
import { HAL } from '../../src/hal/port.js';
import { loadProfile } from '../../src/hal/profile.js';
import { MEDIA_CACHE } from '../../src/media/port.js';
import type { ModuleContext, StationModule } from '../../src/module/module.js';
import { PortBoard } from '../../src/module/ports.js';
import { POWER } from '../../src/power/ports.js';
import { Station } from '../../src/station/station.js';
import { drive, tempDir } from '../helpers/sim-station.js';

const CORE = [HAL, POWER];

function mod(name: string, o: Partial<StationModule> = {}): StationModule {
  return { name, start: async () => undefined, stop: async () => undefined, ...o };
}

describe('port board', () => {
  it('refuses a module whose needed port no module provides, naming both', () => {
    expect(() => PortBoard.check([mod('schedule', { needs: [MEDIA_CACHE] })], CORE)).toThrow(
      'module "schedule" needs port "media cache", which no module provides (modules: schedule)',
    );
  });

  it('refuses a module listed before the module that provides its port', () => {
    const list = [mod('audio', { wants: [MEDIA_CACHE] }), mod('media', { provides: [MEDIA_CACHE] })];
    expect(() => PortBoard.check(list, CORE)).toThrow(
      'module "audio" needs port "media cache", which module "media" provides but starts after it: list "media" first',
    );
    expect(() => PortBoard.check([...list].reverse(), CORE)).not.toThrow();
  });

  it('refuses a port provided twice', () => {
    const list = [mod('a', { provides: [MEDIA_CACHE] }), mod('b', { provides: [MEDIA_CACHE] })];
    expect(() => PortBoard.check(list, CORE)).toThrow('port "media cache" provided twice: by a and "b"');
  });

  it('an optional port nobody provides is undefined; an undeclared one is refused', () => {
    const board = new PortBoard();
    const m = mod('x', { wants: [MEDIA_CACHE] });
    const ctx = board.contextFor(m, {} as Omit<ModuleContext, 'need' | 'want' | 'provide'>);
    expect(ctx.want(MEDIA_CACHE)).toBeUndefined();
    expect(() => ctx.need(HAL)).toThrow('module "x" uses port "hal" without declaring it in needs');
  });

  it('a station with a module that needs a missing port does not build', async () => {
    const { log } = memoryLogger('ports');
    const drivers = await driverFactories();
    const build = () =>
      new Station({
        profile: loadProfile('sim'),
        dataDir: tempDir(),
        stationId: 'ports-test',
        clock: new ManualClock(),
        log,
        drivers,
        modules: [mod('speech', { needs: [port<string>('voice')] })],
      });
    expect(build).toThrow('module "speech" needs port "voice", which no module provides');
  });

  it('a module that declares a port but does not provide it stops the start, naming both', async () => {
    const clock = new ManualClock();
    const { log } = memoryLogger('ports');
    const s = new Station({
      profile: loadProfile('sim'),
      dataDir: tempDir(),
      stationId: 'ports-test',
      clock,
      log,
      drivers: await driverFactories(),
      modules: [mod('media', { provides: [MEDIA_CACHE] })],
    });
    await expect(drive(clock, s.start())).rejects.toThrow(
      'module "media" declared port(s) media cache but did not provide them',
    );
    await drive(clock, s.stop());
  });
});
