/** A district CA and certificates made with deploy/pki (openssl), as the district technician would. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './daemon.js';
import { tempDir } from './sim-station.js';

/** CA in `ca`; stations xa-tls and xa-other, server "hub" in ca/issued/. */
export function makePki(): { ca: string; dir: string } {
  const dir = tempDir('loa-pki-');
  const ca = join(dir, 'ca');
  const pki = (script: string, ...args: string[]) =>
    execFileSync('bash', [join(ROOT, 'deploy/pki', script), ...args], { stdio: 'ignore' });
  pki('ca.sh', ca);
  pki('station.sh', ca, 'xa-tls');
  pki('station.sh', ca, 'xa-other');
  pki('server.sh', ca, 'hub', 'DNS:hub.example.vn');
  return { ca, dir };
}
