import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph';

describe('the layers', () => {
  it('import each other one way only: no module reaches itself through its imports', () => {
    const graph = importGraph(process.cwd(), ['electron', 'renderer', 'shared']);
    expect(graph.size).toBeGreaterThan(200);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
      ['e.ts', ['e.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });
});
