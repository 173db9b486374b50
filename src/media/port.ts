/** The media cache as a port (core/port.ts), provided by the media module. */
import { port } from '../core/port.js';
import type { MediaCache } from './cache.js';

export const MEDIA_CACHE = port<MediaCache>('media cache');
