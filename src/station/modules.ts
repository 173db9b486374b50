/** The station's subsystems, in start order. Each issue's subsystem adds itself here. */
import { AudioModule } from '../audio/module.js';
import { LinesModule } from '../lines/module.js';
import { MediaModule } from '../media/module.js';
import { ScheduleModule } from '../schedule/module.js';
import type { StationModule } from './module.js';

export interface ModuleOptions {
  dataDir: string;
}

export function stationModules(o: ModuleOptions): StationModule[] {
  return [
    new MediaModule(o),
    new AudioModule(o),
    new LinesModule({ dataDir: o.dataDir }),
    new ScheduleModule(),
  ];
}
