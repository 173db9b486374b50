/**
 * The station's subsystems, in start order. Each issue's subsystem adds itself here. The
 * order follows the ports (module/module.ts): a module comes after every module whose port it
 * needs or wants — the station checks this when it is built and names what is wrong.
 */
import { AudioModule } from '../audio/module.js';
import { DiagnosticsModule } from '../diagnostics/module.js';
import { LinesModule } from '../lines/module.js';
import { LiveModule } from '../live/module.js';
import { MediaModule } from '../media/module.js';
import { ModemModule } from '../modem/module.js';
import type { StationModule } from '../module/module.js';
import { ScheduleModule } from '../schedule/module.js';
import type { LinkSecurity } from '../security/credentials.js';
import { SpeechModule } from '../speech/module.js';
import { uplinkModule } from '../uplink/module.js';
import { uplinkSettings } from '../uplink/settings.js';

export interface ModuleOptions {
  dataDir: string;
  /** host:port of the district hub (--district); else LOA_DISTRICT; none: the uplink is off. */
  district?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** The uplink's transport security (security/station-setup.ts); plain text when absent. */
  security?: LinkSecurity | undefined;
  /** --allow-silent-output: a real board may start with a null or WAV sound output. */
  allowSilentOutput?: boolean | undefined;
}

export function stationModules(o: ModuleOptions): StationModule[] {
  return [
    new MediaModule(o),
    new SpeechModule(o),
    new AudioModule(o),
    new LinesModule({ dataDir: o.dataDir }),
    new ScheduleModule(),
    new DiagnosticsModule(),
    // live voice: the microphone and the district's feed, through the schedule's announcements
    new LiveModule(),
    // the 4G modem, when the profile has one (a cluster always does)
    new ModemModule({ dataDir: o.dataDir }),
    // last: stops first, so what the others log while stopping is sent after the next start
    uplinkModule(o.dataDir, uplinkSettings(o.env ?? process.env, o.district), o.security),
  ];
}
