/** The station's subsystems, in start order. Each issue's subsystem adds itself here. */
import { ScheduleModule } from '../schedule/module.js';
import type { StationModule } from './module.js';

export interface ModuleOptions {
  dataDir: string;
}

export function stationModules(_o: ModuleOptions): StationModule[] {
  return [new ScheduleModule()];
}
