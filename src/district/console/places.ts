/**
 * Where stations are, for the console's map: `stations.json` in the hub's data directory (the
 * district's inventory: {"schema":1,"stations":{"xa-1":{"lat":11.9,"lon":108.4,"name":"Xã …"}}}),
 * else the places in cap.json. A station without a place is listed but not drawn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isENOENT, LoaError } from '../../core/errors.js';
import { formatIssues } from '../../core/validate.js';
import { loadCapConfig } from '../cap/config.js';

const place = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  name: z.string().max(120).optional(),
});
const inventory = z.strictObject({
  schema: z.literal(1),
  stations: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/), place),
});

export type Places = Record<string, { lat: number; lon: number; name?: string | undefined }>;

export function loadPlaces(dataDir: string): Places {
  const file = join(dataDir, 'stations.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (!isENOENT(e)) throw new LoaError('CONFIG', `${file}: ${(e as Error).message}`);
    const cap = loadCapConfig(dataDir);
    return Object.fromEntries(
      Object.entries(cap?.stations ?? {}).map(([id, p]) => [id, { lat: p.lat, lon: p.lon }]),
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LoaError('CONFIG', `${file}: not valid JSON (${(e as Error).message})`);
  }
  const r = inventory.safeParse(raw, { reportInput: true });
  if (!r.success) throw new LoaError('CONFIG', `${file}: ${formatIssues(r.error.issues)}`);
  return r.data.stations;
}
