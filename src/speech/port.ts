/** Text-to-speech as a port (core/port.ts), provided by the speech module. */
import { port } from '../core/port.js';
import type { Speaker } from './speaker.js';

export const SPEAKER = port<Speaker>('speaker');
