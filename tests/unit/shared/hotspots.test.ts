import { describe, expect, it } from 'vitest';
import { gridGiStar } from '../../../shared/geo/getis-ord';
import { countPointsInGrid, gridOver } from '../../../shared/geo/grid';
import { classifyChange, gridHotspots, hotspotChange, snapPointCaveat } from '../../../shared/geo/hotspots';
import { kernelDensity } from '../../../shared/geo/kernel-density';
import { createSeededRandom } from '../../../shared/matrix/seeded-random';

/** A background of scattered points over 10 km × 8 km, and what `extra` adds. */
function scene(seed: number, extra: (push: (x: number, y: number) => void, random: () => number) => void) {
  const random = createSeededRandom(seed);
  const xs: number[] = [];
  const ys: number[] = [];
  const push = (x: number, y: number) => {
    xs.push(x);
    ys.push(y);
  };
  for (let i = 0; i < 2000; i += 1) push(590_000 + random() * 10_000, 220_000 + random() * 8_000);
  extra(push, random);
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

describe('hotspots on a grid', () => {
  it('puts the grid, counts, kernel density and Gi* together, as the parts give them', () => {
    const points = scene(1, (push, random) => {
      for (let i = 0; i < 300; i += 1) push(594_000 + random() * 400, 224_000 + random() * 400);
    });
    const result = gridHotspots(points, { cellSize: 250 });
    expect(result.grid.cellSize).toBe(250);
    expect(result.cellSizeSource).toBe('given');
    expect(result.counts.counted).toBe(2300);
    const counts = countPointsInGrid(points, result.grid);
    expect([...result.counts.counts]).toEqual([...counts.counts]);
    expect([...result.gistar.z]).toEqual([...gridGiStar(counts.counts, result.grid).z]);
    expect([...result.kde!.values]).toEqual([...kernelDensity(points, result.grid).values]);
    // The cluster's cells are hot.
    const hotCell = result.grid.columns * Math.floor((224_200 - result.grid.originY) / 250) + Math.floor((594_200 - result.grid.originX) / 250);
    expect(result.gistar.classes[hotCell]).toBe(1);
    expect(result.summary.hot).toBeGreaterThan(0);
    expect(result.summary.hotAtSingleSnapPoint).toBe(0);
    expect(result.method).toContain('250 m square cells');
    expect(result.method).toContain('Benjamini–Hochberg');
    expect(result.method).toContain('MASS::bandwidth.nrd on the eastings');
  });

  it('sets the cell size by sfhotspot’s rule when none is given', () => {
    const result = gridHotspots(scene(2, () => {}), { kde: false });
    // The points span about 10 km × 8 km: 8,000 ÷ 50 = 160 → 100 m.
    expect(result.grid.cellSize).toBe(100);
    expect(result.cellSizeSource).toBe('sfhotspot rule');
    expect(result.kde).toBeNull();
  });

  it('flags a hotspot whose points all lie at one snap point, and not a cluster of many places', () => {
    const snapped = scene(3, (push) => {
      for (let i = 0; i < 400; i += 1) push(595_123, 223_456);
    });
    const spread = scene(3, (push, random) => {
      for (let i = 0; i < 400; i += 1) push(595_050 + random() * 150, 223_300 + random() * 150);
    });
    const grid = gridOver({ minX: 590_000, minY: 220_000, maxX: 600_000, maxY: 228_000 }, 250);
    // Without the background, the snap point's neighbourhood has no other point.
    const alone = gridHotspots({ x: Float64Array.from([...Array(400).fill(595_123), 590_001, 599_999]), y: Float64Array.from([...Array(400).fill(223_456), 220_001, 227_999]) }, { grid, kde: false });
    expect(alone.summary.hot).toBeGreaterThan(0);
    expect(alone.summary.hotAtSingleSnapPoint).toBe(alone.summary.hot);
    const snappedResult = gridHotspots(snapped, { grid, kde: false });
    const spreadResult = gridHotspots(spread, { grid, kde: false });
    expect(spreadResult.summary.hot).toBeGreaterThan(0);
    expect(spreadResult.summary.hotAtSingleSnapPoint).toBe(0);
    // With the background around it, the snap point's hotspot holds a few other points: not
    // every point at one place, but nearly all, and the share says so.
    const hotCell = Math.floor((223_456 - grid.originY) / 250) * grid.columns + Math.floor((595_123 - grid.originX) / 250);
    expect(snappedResult.gistar.classes[hotCell]).toBe(1);
    expect(snappedResult.singleSnapPoint[hotCell]).toBe(0);
    expect(snappedResult.largestLocationShare[hotCell]).toBeGreaterThan(0.9);
    expect(snappedResult.largestLocationShare[hotCell]).toBeLessThan(1);
    expect(alone.largestLocationShare[hotCell]).toBe(1);
    const spreadHot = [...spreadResult.largestLocationShare].filter((share) => !Number.isNaN(share));
    expect(Math.max(...spreadHot)).toBeLessThan(0.1);
    expect(Number.isNaN(spreadResult.largestLocationShare[0]!)).toBe(true);
    expect(snapPointCaveat).toMatch(/anonymised/);
  });

  it('classifies the change between two periods on one grid', () => {
    const grid = gridOver({ minX: 590_000, minY: 220_000, maxX: 600_000, maxY: 228_000 }, 250);
    const before = gridHotspots(
      scene(4, (push, random) => {
        for (let i = 0; i < 300; i += 1) push(592_000 + random() * 300, 222_000 + random() * 300);
      }),
      { grid, kde: false },
    );
    const after = gridHotspots(
      scene(5, (push, random) => {
        for (let i = 0; i < 300; i += 1) push(597_000 + random() * 300, 226_000 + random() * 300);
      }),
      { grid, kde: false },
    );
    const { changes, totals } = hotspotChange(before.gistar.classes, after.gistar.classes);
    const cellAt = (x: number, y: number) => Math.floor((y - grid.originY) / 250) * grid.columns + Math.floor((x - grid.originX) / 250);
    expect(changes[cellAt(592_150, 222_150)]).toBe('former hotspot');
    expect(changes[cellAt(597_150, 226_150)]).toBe('new hotspot');
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(grid.columns * grid.rows);
    expect(classifyChange('hot', 'hot')).toBe('continuing hotspot');
    expect(classifyChange('cold', 'hot')).toBe('cold to hot');
    expect(classifyChange('hot', 'cold')).toBe('hot to cold');
    expect(classifyChange('not significant', 'cold')).toBe('new coldspot');
    expect(classifyChange('cold', 'not significant')).toBe('former coldspot');
    expect(() => hotspotChange(new Int8Array(3), new Int8Array(4))).toThrow(/same grid/);
  });
});
