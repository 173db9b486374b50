#!/usr/bin/env node
/** The station daemon entry point: `loa-station --profile sim --data-dir DIR` = `stationctl run …`. */
import { main } from '../cli/station/stationctl.js';

const code = await main(['run', ...process.argv.slice(2)]);
if (code >= 0) process.exitCode = code;
