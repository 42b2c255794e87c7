import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../shared/geo/grid';
import { bandwidthNrd, defaultBandwidth, kernelDensity, quantileType7, sfhotspotCellSize } from '../../../shared/geo/kernel-density';
import { createSeededRandom } from '../../../shared/matrix/seeded-random';

const points = (coordinates: readonly [number, number][]) => ({ x: Float64Array.from(coordinates.map((c) => c[0])), y: Float64Array.from(coordinates.map((c) => c[1])) });
const grid3: Grid = { originX: 0, originY: 0, cellSize: 100, columns: 3, rows: 3 };

describe('quartic kernel density (SpatialKDE, unscaled, as sfhotspot calls it)', () => {
  // Two points, h = 100 m: (150, 150), the centre of the middle cell, and (180, 110).
  const two = points([
    [150, 150],
    [180, 110],
  ]);

  it('gives the hand-computed value at a cell: Σ (1 − (d/h)²)² over the points within h', () => {
    const kde = kernelDensity(two, grid3, { bandwidth: 100, method: 'exact' });
    // Middle cell (150, 150): d = 0 → 1; d = √(30² + 40²) = 50 → (1 − 0.25)² = 0.5625.
    expect(kde.values[4]).toBeCloseTo(1.5625, 14);
    // East cell (250, 150): d = 100 → 0; d² = 70² + 40² = 6,500 → (1 − 0.65)² = 0.1225.
    expect(kde.values[5]).toBeCloseTo(0.1225, 14);
    // South cell (150, 50): d = 100 → 0; d² = 30² + 60² = 4,500 → (1 − 0.45)² = 0.3025.
    expect(kde.values[1]).toBeCloseTo(0.3025, 14);
    // South-west cell (50, 50): both beyond 100 m.
    expect(kde.values[0]).toBe(0);
    expect(kde.method).toBe('exact');
    expect(kde.bandwidthSource).toEqual({ kind: 'given' });
    // 3 ÷ (π × 0.1²) per square kilometre.
    expect(kde.densityScale).toBeCloseTo(3 / (Math.PI * 0.01), 10);
  });

  it('bins a point at a cell centre exactly, so the binned and exact values agree there', () => {
    const centred = points([
      [150, 150],
      [50, 250],
      [250, 50],
    ]);
    const exact = kernelDensity(centred, grid3, { bandwidth: 180, method: 'exact' });
    const binned = kernelDensity(centred, grid3, { bandwidth: 180, method: 'binned' });
    exact.values.forEach((value, cell) => expect(binned.values[cell]).toBeCloseTo(value, 12));
  });

  it('counts points outside the grid that lie within the bandwidth of a cell', () => {
    const outside = points([[350, 150]]);
    const exact = kernelDensity(outside, grid3, { bandwidth: 150, method: 'exact' });
    const binned = kernelDensity(outside, grid3, { bandwidth: 150, method: 'binned' });
    // East cell's centre (250, 150) is 100 m away: (1 − (100/150)²)² = (5/9)².
    expect(exact.values[5]).toBeCloseTo(25 / 81, 14);
    expect(binned.values[5]).toBeCloseTo(25 / 81, 12);
  });

  it('keeps the binned estimate within 1% of the peak of the exact one on scattered points (250 m cells, 2 km bandwidth)', () => {
    const random = createSeededRandom(42);
    const n = 3000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i += 1) {
      // Two clusters and a background.
      const kind = random();
      const [cx, cy, spread] = kind < 0.3 ? [4000, 4000, 600] : kind < 0.5 ? [9000, 6000, 1200] : [6000, 5000, 5000];
      x[i] = cx + (random() - 0.5) * 2 * spread;
      y[i] = cy + (random() - 0.5) * 2 * spread;
    }
    const grid: Grid = { originX: 0, originY: 0, cellSize: 250, columns: 48, rows: 40 };
    const exact = kernelDensity({ x, y }, grid, { bandwidth: 2000, method: 'exact' });
    const binned = kernelDensity({ x, y }, grid, { bandwidth: 2000, method: 'binned' });
    const peak = Math.max(...exact.values);
    let worst = 0;
    exact.values.forEach((value, cell) => (worst = Math.max(worst, Math.abs(binned.values[cell]! - value))));
    expect(worst / peak).toBeLessThan(0.01);
  });
});

describe('sfhotspot’s defaults', () => {
  it('sets the cell size to the shorter side ÷ 50, rounded down to 100 m, or unrounded below 5 km', () => {
    expect(sfhotspotCellSize({ minX: 0, minY: 0, maxX: 30_000, maxY: 20_000 })).toBe(400);
    expect(sfhotspotCellSize({ minX: 0, minY: 0, maxX: 60_000, maxY: 23_456 })).toBe(400);
    expect(sfhotspotCellSize({ minX: 0, minY: 0, maxX: 9_000, maxY: 4_000 })).toBe(80);
    expect(sfhotspotCellSize({ minX: 5, minY: 5, maxX: 5, maxY: 900 })).toBeNull();
  });

  it('computes MASS::bandwidth.nrd as written: 4 × 1.06 × min(sd, IQR ÷ 1.34) × n^(−1/5)', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // sd = √(82.5 ÷ 9) = 3.0277; quartiles (type 7) 3.25 and 7.75, IQR ÷ 1.34 = 3.3582; n^(−1/5) = 0.63096.
    expect(quantileType7(values, 0.25)).toBe(3.25);
    expect(quantileType7(values, 0.75)).toBe(7.75);
    expect(bandwidthNrd(values)).toBeCloseTo(4 * 1.06 * Math.sqrt(82.5 / 9) * 10 ** -0.2, 12);
    expect(bandwidthNrd(values)).toBeCloseTo(8.09973, 4);
    // A long tail: the IQR rule is the smaller.
    const tailed = Float64Array.from([0, 1, 1, 2, 2, 2, 3, 3, 4, 100]);
    const sorted = Float64Array.from(tailed).sort();
    const iqr = quantileType7(sorted, 0.75) - quantileType7(sorted, 0.25);
    expect(bandwidthNrd(tailed)).toBeCloseTo(4 * 1.06 * (iqr / 1.34) * 10 ** -0.2, 12);
  });

  it('finds the quartiles by selection exactly as by sorting, ties and all', () => {
    const random = createSeededRandom(11);
    for (const n of [2, 3, 7, 100, 1001]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const sorted = Float64Array.from(values).sort();
      let squares = 0;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      for (const value of values) squares += (value - mean) ** 2;
      const iqr = quantileType7(sorted, 0.75) - quantileType7(sorted, 0.25);
      expect(bandwidthNrd(values)).toBeCloseTo(4 * 1.06 * Math.min(Math.sqrt(squares / (n - 1)), iqr / 1.34) * n ** -0.2, 12);
    }
  });

  it('reads the eastings alone, as sfhotspot 1.0.0 computes it, or the mean of both axes when asked', () => {
    const random = createSeededRandom(3);
    const x = Float64Array.from({ length: 500 }, () => random() * 10_000);
    const y = Float64Array.from({ length: 500 }, () => random() * 30_000);
    expect(defaultBandwidth({ x, y })).toBe(bandwidthNrd(x));
    expect(defaultBandwidth({ x, y }, 'mean of axes')).toBeCloseTo((bandwidthNrd(x) + bandwidthNrd(y)) / 2, 9);
    const kde = kernelDensity({ x, y }, { originX: 0, originY: 0, cellSize: 1000, columns: 10, rows: 30 }, { bandwidthAdjust: 0.5 });
    expect(kde.bandwidth).toBeCloseTo(bandwidthNrd(x) / 2, 9);
    expect(kde.bandwidthSource).toEqual({ kind: 'rule', rule: 'sfhotspot', adjust: 0.5 });
  });

  it('refuses a bandwidth it cannot set', () => {
    expect(() => kernelDensity(points([[1, 1]]), grid3)).toThrow(/at least two points/);
    expect(() => kernelDensity(points([[1, 1]]), grid3, { bandwidth: 0 })).toThrow(/above 0/);
  });
});
