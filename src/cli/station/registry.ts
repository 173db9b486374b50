/**
 * Every stationctl command, by name, and its usage lines. Each subsystem keeps its commands in
 * its own file under src/cli/ and adds them here.
 */

import { audioCommands, audioUsage } from './commands-audio.js';
import { coreCommands, coreUsage } from './commands-core.js';
import { hwCommands, hwUsage } from './commands-hw.js';
import { linesCommands, linesUsage } from './commands-lines.js';
import { liveCommands, liveUsage } from './commands-live.js';
import { opsCommands, opsUsage } from './commands-ops.js';
import { scheduleCommands, scheduleUsage } from './commands-schedule.js';
import { securityCommands, securityUsage } from './commands-security.js';
import { speechCommands, speechUsage } from './commands-speech.js';
import { uplinkCommands, uplinkUsage } from './commands-uplink.js';
import type { Command } from './context.js';

export function allCommands(): Record<string, Command> {
  return {
    ...coreCommands,
    ...opsCommands,
    ...hwCommands,
    ...audioCommands,
    ...linesCommands,
    ...scheduleCommands,
    ...speechCommands,
    ...liveCommands,
    ...uplinkCommands,
    ...securityCommands,
  };
}

export function allUsage(): string[] {
  return [
    ...coreUsage,
    ...opsUsage,
    ...hwUsage,
    ...audioUsage,
    ...linesUsage,
    ...scheduleUsage,
    ...speechUsage,
    ...liveUsage,
    ...uplinkUsage,
    ...securityUsage,
  ];
}
