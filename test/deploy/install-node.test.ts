/**
 * deploy/install.sh on a box without a Node it can run on (Loa needs 22 or later): it says how
 * to get one for the board and stops before anything is written.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/daemon.js';
import { tempDir } from '../helpers/sim-station.js';

function install(root: string, node: string): Promise<{ code: number; out: string }> {
  const args = ['--root', root, '--no-apt', '--no-systemd', '--station-id', 'xa-node', '--profile', 'sim'];
  return new Promise((res) => {
    execFile(
      join(ROOT, 'deploy', 'install.sh'),
      args,
      { env: { ...process.env, LOA_NODE: node }, timeout: 60_000 },
      (err, stdout, stderr) =>
        res({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

/** A `node` that answers like Node 20 (the Debian 12 machine's own). */
function oldNode(dir: string): string {
  const path = join(dir, 'node');
  writeFileSync(path, '#!/bin/sh\ncase "$1" in --version) echo v20.20.2 ;; *) echo 20 ;; esac\n');
  chmodSync(path, 0o755);
  return path;
}

describe('install.sh and the Node it needs', () => {
  it('with Node 20 says which Node is needed and how to get it here, and writes nothing', async () => {
    const root = tempDir('loa-root-');
    const r = await install(root, oldNode(tempDir('loa-node-')));
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/Loa needs Node\.js 22 or later .* found v20\.20\.2 at \S+\/node/);
    // this machine is x86_64 or arm64: the registry's packaged Node 24 for it, pinned
    expect(r.out).toMatch(/npm install -g node-linux-(x64|arm64)@24\.\d+\.\d+/);
    expect(r.out).toMatch(/tar -xzf node-linux-(x64|arm64)-24\.\d+\.\d+\.tgz/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('without any node names none found', async () => {
    const root = tempDir('loa-root-');
    const r = await install(root, join(root, 'no-such-node'));
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/Loa needs Node\.js 22 or later .* found no runnable node at /);
    expect(existsSync(join(root, 'opt'))).toBe(false);
  });
});
