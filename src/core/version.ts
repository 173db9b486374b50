/** This build's version (package.json), reported in the uplink's hello. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let version: string | undefined;

export function softwareVersion(): string {
  if (!version) {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    version = String(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version ?? '0.0.0');
  }
  return version;
}
