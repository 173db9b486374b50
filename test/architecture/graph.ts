/**
 * The import graph of src/ (generated code aside), read with the TypeScript compiler's own
 * pre-processor: every `import`, `import type`, `export … from` and `import()` of a relative
 * path counts — a type-only import still couples two files' design, so it counts for layering.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** file (relative to src/, e.g. "station/station.ts") -> files it imports */
  files: Map<string, Set<string>>;
}

function listTs(dir: string, skip: (rel: string) => boolean, root = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const rel = relative(root, p);
    if (skip(rel)) continue;
    if (e.isDirectory()) out.push(...listTs(p, skip, root));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

export function readImportGraph(srcDir: string, skip: (rel: string) => boolean): ImportGraph {
  const files = new Map<string, Set<string>>();
  for (const rel of listTs(srcDir, skip)) {
    const info = ts.preProcessFile(readFileSync(join(srcDir, rel), 'utf8'), true, true);
    const deps = new Set<string>();
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const target = relative(srcDir, resolve(srcDir, dirname(rel), ref.fileName)).replace(/\.js$/, '.ts');
      if (!skip(target)) deps.add(target);
    }
    files.set(rel, deps);
  }
  return { files };
}

/** The folder a file belongs to: its first path segment under src/ ("" for src/*.ts). */
export function folderOf(file: string): string {
  const i = file.indexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

/** The same graph between folders (an edge for every cross-folder import). */
export function folderGraph(g: ImportGraph): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [f, deps] of g.files) {
    const from = folderOf(f);
    const set = out.get(from) ?? new Set<string>();
    out.set(from, set);
    for (const d of deps) if (folderOf(d) !== from) set.add(folderOf(d));
  }
  return out;
}

/** Strongly connected components with more than one member, or a self-import (Tarjan). */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) !== idx.get(v)) return;
    const scc: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      on.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || graph.get(v)?.has(v)) out.push(scc.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/** One shortest import path from `from` back to itself inside a cycle, for the message. */
export function cyclePath(graph: Map<string, Set<string>>, members: string[]): string[] {
  const inside = new Set(members);
  const start = members[0] as string;
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift() as string;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x && x !== start; x = prev.get(x)) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return members;
}

/** Functions, methods and arrow functions longer than `max` lines (first to last line). */
export function longFunctions(srcDir: string, skip: (rel: string) => boolean, max: number): string[] {
  const out: string[] = [];
  for (const rel of listTs(srcDir, skip)) {
    const text = readFileSync(join(srcDir, rel), 'utf8');
    const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node) => {
      if (ts.isFunctionLike(n) && 'body' in n && n.body) {
        const first = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
        const last = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
        if (last - first + 1 > max) out.push(`${rel}:${first + 1} ${nameOf(n)} (${last - first + 1} lines)`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

function nameOf(n: ts.Node): string {
  const named = n as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const p = n.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  return '(anonymous)';
}
