/**
 * The layering of src/ (docs/architecture.md): no import cycle between files, none between
 * folders, and no function over 60 lines (house style). Generated code (src/gen) aside.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cyclePath, cycles, folderGraph, longFunctions, readImportGraph } from './graph.js';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const generated = (rel: string) => rel === 'gen' || rel.startsWith('gen/');

/** Every cycle, as one import path around it and its members (what to take apart). */
function unexpected(graph: Map<string, Set<string>>): string[] {
  return cycles(graph).map((c) => `${cyclePath(graph, c).join(' -> ')}   (cycle members: ${c.join(', ')})`);
}

describe('architecture', () => {
  const graph = readImportGraph(src, generated);

  it('reads the imports of every file (the check sees the code)', () => {
    expect(graph.files.size).toBeGreaterThan(100);
    expect(graph.files.get('station/daemon.ts')?.size).toBeGreaterThan(3);
  });

  it('has no import cycle between files of src/', () => {
    expect(unexpected(graph.files)).toEqual([]);
  });

  it('has no import cycle between folders of src/', () => {
    expect(unexpected(folderGraph(graph))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const g = new Map([
      ['a/x.ts', new Set(['b/y.ts'])],
      ['b/y.ts', new Set(['a/x.ts'])],
    ]);
    expect(cycles(g)).toEqual([['a/x.ts', 'b/y.ts']]);
    expect(cycles(folderGraph({ files: g }))).toEqual([['a', 'b']]);
  });

  it('has no function over 60 lines', () => {
    expect(longFunctions(src, generated, 60)).toEqual([]);
  });
});
