#!/usr/bin/env node
/** The district hub entry point: `loa-district --data-dir DIR --listen HOST:PORT` = `districtctl serve …`. */
import { main } from '../cli/district/districtctl.js';

const code = await main(['serve', ...process.argv.slice(2)]);
if (code >= 0) process.exitCode = code;
