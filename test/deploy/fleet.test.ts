/**
 * deploy/fleet.sh over a real OpenSSH server and real rsync (test/helpers/sshd.ts: 127.0.0.1,
 * throwaway keys, the host key pinned). The tree rolled out is a copy of fleet.sh with an
 * install.sh that records how it was called (install.sh itself is tested against a temporary
 * root in install.test.ts; the real one would install on this machine).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/daemon.js';
import { makePki } from '../helpers/pki.js';
import { tempDir } from '../helpers/sim-station.js';
import { type Sshd, sshdUnsupported, startSshd } from '../helpers/sshd.js';

const unsupported = sshdUnsupported();

/** Stands for install.sh on the station: who ran it, its arguments, the certificates it was given. */
const INSTALL_STUB = `#!/usr/bin/env bash
line="$(id -un) $*"
for a in "$@"; do [ -d "$a" ] && line="$line [$(cd "$a" && stat -c '%n %a' * | tr '\\n' ' ')]"; done
echo "$line" >> "$HOME/installs"
[[ " $* " == *" --station-id xa-b "* ]] && { echo "xa-b: not healthy, rolled back" >&2; exit 1; }
exit 0
`;

function tree(): string {
  const t = tempDir('loa-fleet-src-');
  mkdirSync(join(t, 'deploy'));
  copyFileSync(join(ROOT, 'deploy/fleet.sh'), join(t, 'deploy/fleet.sh'));
  writeFileSync(join(t, 'deploy/install.sh'), INSTALL_STUB, { mode: 0o755 });
  mkdirSync(join(t, 'node_modules')); // excluded from the copy
  writeFileSync(join(t, 'node_modules/big'), 'x');
  return t;
}

function fleet(t: string, inv: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  return new Promise((res) => {
    execFile(
      join(t, 'deploy/fleet.sh'),
      [inv],
      { env: { ...process.env, ...env }, timeout: 120_000 },
      (err, so, se) => res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: so + se }),
    );
  });
}

const installs = (s: Sshd) => readFileSync(join(s.home, 'installs'), 'utf8').trim().split('\n');

describe.skipIf(unsupported !== undefined)(
  `deploy/fleet.sh over real ssh and rsync ${unsupported ? `(skipped: ${unsupported})` : ''}`,
  { timeout: 120_000 },
  () => {
    let sshd: Sshd | undefined;
    beforeEach(async () => {
      sshd = await startSshd();
    });
    afterEach(async () => {
      await sshd?.stop();
    });

    it('installs the stations in inventory order and stops at the first failure', async () => {
      const s = sshd as Sshd;
      const t = tree();
      const inv = join(t, 'inventory');
      writeFileSync(
        inv,
        '# test\nxa-a  root@127.0.0.1  sim\n\nxa-b  root@127.0.0.1  sim  d:1\nxa-c  root@127.0.0.1  sim\n',
      );
      const r = await fleet(t, inv, { LOA_SSH: s.ssh });
      expect(r.code, `${r.out}\n${s.log.join('\n')}`).toBe(1);
      expect(r.out).toMatch(/xa-b: not healthy, rolled back/); // the station's own words, over ssh
      expect(r.out).toMatch(/xa-b failed; stopping here \(1 station\(s\) done before it\)/);
      // run with sudo, in order, and c never touched
      expect(installs(s)).toEqual([
        'root --role station --station-id xa-a --profile sim',
        'root --role station --station-id xa-b --profile sim --district d:1',
      ]);
      expect(readFileSync(join(s.home, 'loa-src/deploy/fleet.sh'), 'utf8')).toBe(
        readFileSync(join(ROOT, 'deploy/fleet.sh'), 'utf8'),
      );
      expect(existsSync(join(s.home, 'loa-src/node_modules'))).toBe(false);

      writeFileSync(join(t, 'bad'), 'xa-a root@127.0.0.1\n');
      const r2 = await fleet(t, join(t, 'bad'), { LOA_SSH: s.ssh });
      expect(r2.code).toBe(1);
      expect(r2.out).toMatch(/line 1: expected 'id ssh-target profile \[district\]'/);
    });

    it('with LOA_FLEET_PKI sends each station its own certificates, then deletes the copy', async () => {
      const s = sshd as Sshd;
      const pki = makePki();
      const t = tree();
      const inv = join(t, 'inventory');
      writeFileSync(inv, 'xa-tls  root@127.0.0.1  sim  d:1\nxa-nocert  root@127.0.0.1  sim  d:1\n');
      const r = await fleet(t, inv, { LOA_SSH: s.ssh, LOA_FLEET_PKI: pki.ca });
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain(`xa-nocert: no ${pki.ca}/issued/station-xa-nocert.crt (deploy/pki/station.sh`);
      expect(r.out).toMatch(/stopping here \(1 station\(s\) done before it\)/);
      expect(installs(s)).toEqual([
        'root --role station --station-id xa-tls --profile sim --district d:1 --tls-dir loa-tls [ca.crt 600 station-xa-tls.crt 600 station-xa-tls.key 600 ]',
      ]);
      expect(existsSync(join(s.home, 'loa-tls'))).toBe(false); // the key is not left in the home
    });
  },
);
