/**
 * A small filesystem for disk-full tests: a size-limited tmpfs mounted over a fresh temporary
 * folder inside a private mount namespace (gpio-namespace.ts: unshare -m, root as in CI), so
 * the machine's own disks are never filled. Daemons run inside it (ns.spawn: nsenter -m) and
 * see the folder at its usual path; the test fills and frees it through /proc/<holder>/root.
 */
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GpioNamespace, openMountNamespace } from './gpio-namespace.js';

export interface SmallFs {
  ns: GpioNamespace;
  /** The folder, as processes inside the namespace see it. */
  path: string;
  /** The same folder seen from the test process. */
  outside: string;
  /** Writes a filler file until the filesystem is full; returns its size. */
  fill(): number;
  /** Deletes the filler. */
  free(): void;
  close(): Promise<void>;
}

export async function openSmallFs(sizeMB: number): Promise<SmallFs | { skip: string }> {
  const path = mkdtempSync(join(tmpdir(), 'loa-smallfs-'));
  const script = `mount -t tmpfs -o size=${sizeMB}m,mode=0755 loa-small-fs ${path} && echo READY && exec sleep 3600`;
  const ns = await openMountNamespace(script, path);
  if ('skip' in ns) {
    rmSync(path, { recursive: true, force: true });
    return ns;
  }
  const filler = join(ns.root, '.filler');
  return {
    ns,
    path,
    outside: ns.root,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 1);
      let size = 0;
      try {
        // bounded: a tmpfs of sizeMB holds at most sizeMB * 16 chunks
        for (let i = 0; i < sizeMB * 16 + 16; i++) size += writeSync(fd, chunk);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOSPC') throw e;
      }
      const small = Buffer.alloc(512, 1);
      try {
        for (let i = 0; i < 256; i++) size += writeSync(fd, small);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOSPC') throw e;
      }
      closeSync(fd);
      return size;
    },
    free() {
      unlinkSync(filler);
    },
    async close() {
      await ns.close();
      rmSync(path, { recursive: true, force: true });
    },
  };
}
