/**
 * Imported first by every launcher in bin/: from Node 22.1 on, the code V8 compiles for each
 * module loaded after this is kept on disk (the module compile cache), so later starts read it
 * instead of parsing and compiling ≈ 470 files again (docs/operations.md, "Start-up": the
 * daemon's start-up CPU with and without it). Node checks each entry against the file's
 * contents, so a new release never runs stale code. Where: the unit's CacheDirectory
 * (/var/cache/loa, $CACHE_DIRECTORY), else LOA_COMPILE_CACHE, else Node's default under the
 * temp dir; NODE_COMPILE_CACHE / NODE_DISABLE_COMPILE_CACHE still win. Node 20 has no such API:
 * nothing happens there.
 */
import module from 'node:module';
import { join } from 'node:path';

type WithCache = { enableCompileCache?: (dir?: string) => unknown };

const systemdCache = process.env.CACHE_DIRECTORY?.split(':')[0];
const dir = systemdCache ? join(systemdCache, 'node-compile-cache') : process.env.LOA_COMPILE_CACHE;
try {
  // a cache that cannot be written (read-only, another user's) only costs the speed-up
  (module as WithCache).enableCompileCache?.(dir || undefined);
} catch {
  // never fatal
}
