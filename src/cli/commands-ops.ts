/** stationctl's field-operations commands: doctor (more come with the ops work). */
import { toLoaError } from '../core/errors.js';
import { systemProbe } from '../ops/doctor/local.js';
import { renderFindings, runDoctor } from '../ops/doctor/run.js';
import { doctorExitCode } from '../ops/doctor/types.js';
import type { StationStatus } from '../station/control.js';
import { defaultDataDir } from '../station/daemon.js';
import { flagString } from './args.js';
import type { Command } from './context.js';

export const opsUsage = [
  'doctor                         what is wrong and what to do (exit 0 good, 1 warnings, 2 faults)',
];

export const opsCommands: Record<string, Command> = {
  async doctor(ctx) {
    const status = await ctx.call('status').then(
      (s) => s as StationStatus,
      (e) => ({ error: toLoaError(e).message }),
    );
    const dataDir = flagString(ctx.p, 'data-dir') ?? defaultDataDir();
    const findings = await runDoctor({ status, dataDir, probe: systemProbe });
    const id = 'error' in status ? '?' : status.stationId;
    ctx.out(
      ctx.json
        ? JSON.stringify({ stationId: id, findings }, null, 2)
        : renderFindings(findings, ctx.lang, id),
    );
    return doctorExitCode(findings);
  },
};
