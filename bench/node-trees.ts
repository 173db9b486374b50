/**
 * The station daemon on several Node majors side by side (station.*_node20, *_node24): the
 * Nodes found on this machine (the one the bench runs on — the project's pinned Node 24 —, the
 * system's /usr/bin/node, LOA_BENCH_NODES="PATH …"), one per major. Native addons are built for
 * one Node ABI, so a Node whose ABI differs from the checkout's gets its own tree under
 * var/bench/: the same dist/, bin/ and data, node_modules hard-linked to the checkout's except
 * the addons, copied and rebuilt for that Node (once; again when the lock file changes). The
 * code measured is the same; only the Node (and its build of the addons) differs.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** The addons a station loads (package.json allowScripts). */
const ADDONS = ['better-sqlite3', 'epoll', 'sd-notify'];

export interface NodeBin {
  path: string;
  major: number;
  version: string;
  abi: string;
}

function describe(path: string): NodeBin | undefined {
  try {
    const out = execFileSync(path, [
      '-p',
      'process.version + " " + process.versions.modules + "-" + process.arch',
    ])
      .toString()
      .trim();
    const [version = '', abi = ''] = out.split(' ');
    return { path, version, abi, major: Number(version.slice(1).split('.')[0]) };
  } catch {
    return undefined;
  }
}

/** One Node per major, the running one first. */
export function nodesHere(): NodeBin[] {
  const paths = [process.execPath, '/usr/bin/node', '/usr/local/bin/node'];
  paths.push(...(process.env.LOA_BENCH_NODES ?? '').split(/\s+/).filter(Boolean));
  const out: NodeBin[] = [];
  for (const p of paths) {
    const n = existsSync(p) ? describe(p) : undefined;
    if (n && !out.some((o) => o.major === n.major)) out.push(n);
  }
  return out;
}

function abiOf(dir: string): string {
  return existsSync(join(dir, 'node_modules/.loa-node-abi'))
    ? readFileSync(join(dir, 'node_modules/.loa-node-abi'), 'utf8').trim()
    : '';
}

/** The Node's headers (a Node package's include/node, or /usr/include/node), to build without a download. */
function nodedir(node: NodeBin): string {
  const prefix = dirname(dirname(realpathSync(node.path)));
  if (!existsSync(join(prefix, 'include/node/node.h')))
    throw new Error(`no headers for ${node.path} (${prefix}/include/node): cannot build its addons`);
  return prefix;
}

/** node-gyp (npm's own) builds one addon for `node`, as its install script would. */
function gypRebuild(node: NodeBin, dir: string): void {
  const npmCli = realpathSync(execFileSync('sh', ['-c', 'command -v npm']).toString().trim());
  const gyp = join(dirname(npmCli), '..', 'node_modules/node-gyp/bin/node-gyp.js');
  execFileSync(node.path, [gyp, 'rebuild', '--release', `--nodedir=${nodedir(node)}`, '--loglevel=error'], {
    cwd: dir,
    stdio: 'pipe', // compiler warnings stay out of the bench's output; a failure throws with them
  });
}

/** A project root whose addons run on `node`: the checkout itself, or a tree under var/bench/. */
export function treeFor(node: NodeBin): string {
  if (abiOf(ROOT) === node.abi) return ROOT;
  const tree = join(ROOT, 'var/bench', `node-${node.abi}`);
  const lock = readFileSync(join(ROOT, 'package-lock.json'), 'utf8');
  const stamp = join(tree, 'node_modules/.loa-node-abi');
  if (abiOf(tree) !== node.abi || readFileSync(join(tree, 'package-lock.json'), 'utf8') !== lock) {
    console.error(`bench: building the addons for Node ${node.version} in ${tree} (once)`);
    rmSync(tree, { recursive: true, force: true });
    mkdirSync(tree, { recursive: true });
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(tree, 'node_modules')]);
    for (const a of ADDONS) {
      rmSync(join(tree, 'node_modules', a), { recursive: true, force: true });
      if (existsSync(join(ROOT, 'node_modules', a)))
        cpSync(join(ROOT, 'node_modules', a), join(tree, 'node_modules', a), { recursive: true });
    }
    cpSync(join(ROOT, 'package.json'), join(tree, 'package.json'));
    for (const a of ADDONS)
      if (existsSync(join(tree, 'node_modules', a))) gypRebuild(node, join(tree, 'node_modules', a));
    cpSync(join(ROOT, 'package-lock.json'), join(tree, 'package-lock.json'));
    rmSync(stamp, { force: true }); // a hard link to the checkout's: never written through
    writeFileSync(stamp, node.abi);
  }
  // the code under test, fresh each run; modules resolve from the tree's real paths, data by link
  for (const d of ['dist', 'bin']) {
    rmSync(join(tree, d), { recursive: true, force: true });
    cpSync(join(ROOT, d), join(tree, d), { recursive: true });
  }
  for (const d of ['hw', 'proto', 'src'])
    if (!existsSync(join(tree, d))) symlinkSync(join(ROOT, d), join(tree, d));
  return tree;
}
