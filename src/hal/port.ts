/** The station's hardware as a port (core/port.ts), provided by the station core. */
import { port } from '../core/port.js';
import type { Hal } from './hal.js';

export const HAL = port<Hal>('hal');
