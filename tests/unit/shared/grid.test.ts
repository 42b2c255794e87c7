import { describe, expect, it } from 'vitest';
import { cellCentre, cellOf, cellRing, countPointsInGrid, gridOver, pointsExtent, unionExtent } from '../../../shared/geo/grid';

describe('the grid', () => {
  it('aligns its origin to a multiple of the cell size and covers the extent, edges included', () => {
    const grid = gridOver({ minX: 601_130, minY: 224_980, maxX: 602_000, maxY: 225_500 }, 250);
    expect(grid).toEqual({ originX: 601_000, originY: 224_750, cellSize: 250, columns: 5, rows: 4 });
    expect(cellOf(grid, 602_000, 225_500)).toBe(3 * 5 + 4);
    expect(cellOf(grid, 600_999, 225_000)).toBe(-1);
    expect(cellOf(grid, Number.NaN, 225_000)).toBe(-1);
    expect(cellCentre(grid, 6)).toEqual({ x: 601_375, y: 225_125 });
    expect(cellRing(grid, 0)).toEqual([
      [601_000, 224_750],
      [601_250, 224_750],
      [601_250, 225_000],
      [601_000, 225_000],
      [601_000, 224_750],
    ]);
  });

  it('can start half a cell beyond the points, as sfhotspot does', () => {
    expect(gridOver({ minX: 1000, minY: 2000, maxX: 1900, maxY: 2100 }, 200, 'extent')).toEqual({ originX: 900, originY: 1900, cellSize: 200, columns: 6, rows: 2 });
  });

  it('refuses a grid too fine for its area', () => {
    expect(() => gridOver({ minX: 0, minY: 0, maxX: 1_000_000, maxY: 1_000_000 }, 100)).toThrow(/choose a larger cell size/);
  });

  it('counts every point: in a cell, outside the grid or without a location', () => {
    const grid = { originX: 0, originY: 0, cellSize: 10, columns: 2, rows: 2 };
    const x = Float64Array.from([1, 2, 15, 15, 15, 25, Number.NaN, 5]);
    const y = Float64Array.from([1, 3, 15, 15, 15, 5, 5, Number.POSITIVE_INFINITY]);
    const counts = countPointsInGrid({ x, y }, grid);
    expect([...counts.counts]).toEqual([2, 0, 0, 3]);
    expect(counts.counted + counts.outside + counts.withoutLocation).toBe(8);
    expect(counts.outside).toBe(1);
    expect(counts.withoutLocation).toBe(2);
    // The three points at (15, 15) are one location; the two in cell 0 are not.
    expect([...counts.singleLocation]).toEqual([0, 0, 0, 1]);
    expect(counts.locationX[3]).toBe(15);
  });

  it('finds the extent of the points with a location, and the union of two', () => {
    const extent = pointsExtent({ x: Float64Array.from([3, Number.NaN, -1]), y: Float64Array.from([4, 9, 2]) });
    expect(extent).toEqual({ minX: -1, minY: 2, maxX: 3, maxY: 4 });
    expect(pointsExtent({ x: new Float64Array(0), y: new Float64Array(0) })).toBeNull();
    expect(unionExtent(extent, { minX: 0, minY: 0, maxX: 10, maxY: 3 })).toEqual({ minX: -1, minY: 0, maxX: 10, maxY: 4 });
  });
});
