/** The station's subsystems, in start order. Each issue's subsystem adds itself here. */
import { LinesModule } from '../lines/module.js';
import type { StationModule } from './module.js';

export interface ModuleOptions {
  dataDir: string;
}

export function stationModules(o: ModuleOptions): StationModule[] {
  return [new LinesModule({ dataDir: o.dataDir })];
}
