/** Line supervision as a port (core/port.ts), provided by the lines module. */
import { port } from '../core/port.js';
import type { LinesStatus } from './report.js';

export interface LinesPort {
  status(): LinesStatus;
}

export const LINES = port<LinesPort>('lines status');
