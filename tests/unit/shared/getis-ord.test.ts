import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, erfc, giStar, gridGiStar, hotspotClassOf, neighbourhoodOffsets, twoSidedNormalP } from '../../../shared/geo/getis-ord';
import type { Grid } from '../../../shared/geo/grid';
import { createSeededRandom } from '../../../shared/matrix/seeded-random';

/**
 * Gi* as Ord and Getis (1995) write it, with an explicit n × n weight matrix and nothing
 * shared with the module: G*_i = (Σ_j w_ij x_j − X̄ Σ_j w_ij) ÷ (S √((n Σ_j w_ij² − (Σ_j w_ij)²) ÷ (n − 1))),
 * S² = Σ_j x_j² ÷ n − X̄².
 */
function referenceGiStar(x: readonly number[], w: readonly (readonly number[])[]): number[] {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  return x.map((_, i) => {
    let sumWx = 0;
    let sumW = 0;
    let sumW2 = 0;
    for (let j = 0; j < n; j += 1) {
      sumWx += w[i]![j]! * x[j]!;
      sumW += w[i]![j]!;
      sumW2 += w[i]![j]! ** 2;
    }
    return (sumWx - mean * sumW) / (s * Math.sqrt((n * sumW2 - sumW ** 2) / (n - 1)));
  });
}

/** Binary weights on a grid: 1 where the centres are within `reach` cells (the cell itself included). */
function gridWeights(columns: number, rows: number, reach: number): number[][] {
  const cells = columns * rows;
  return Array.from({ length: cells }, (_, i) =>
    Array.from({ length: cells }, (_, j) => {
      const dx = (i % columns) - (j % columns);
      const dy = Math.floor(i / columns) - Math.floor(j / columns);
      return Math.hypot(dx, dy) <= reach + 1e-12 ? 1 : 0;
    }),
  );
}

const grid = (columns: number, rows: number, cellSize = 100): Grid => ({ originX: 0, originY: 0, cellSize, columns, rows });

describe('Getis-Ord Gi* on a grid', () => {
  it('equals the formula written out with a weight matrix, to 1e-9, on a 7 × 6 grid with queen neighbours', () => {
    const random = createSeededRandom(18);
    const counts = Array.from({ length: 42 }, () => Math.floor(random() * 12) * (random() < 0.3 ? 3 : 1));
    const result = gridGiStar(Float64Array.from(counts), grid(7, 6));
    const reference = referenceGiStar(counts, gridWeights(7, 6, Math.SQRT2));
    reference.forEach((z, cell) => expect(Math.abs(result.z[cell]! - z)).toBeLessThan(1e-9));
  });

  it('equals it with a wider distance band (centres within 250 m on a 100 m grid)', () => {
    const random = createSeededRandom(7);
    const counts = Array.from({ length: 80 }, () => Math.floor(random() * 30));
    const result = gridGiStar(Float64Array.from(counts), grid(10, 8), { neighbourhood: { kind: 'distance', metres: 250 } });
    const reference = referenceGiStar(counts, gridWeights(10, 8, 2.5));
    reference.forEach((z, cell) => expect(Math.abs(result.z[cell]! - z)).toBeLessThan(1e-9));
  });

  it('gives the hand-worked figures on a 3 × 3 grid of 1 to 9', () => {
    // n = 9, mean 5, S² = 285 ÷ 9 − 25 = 20/3.
    // Corner (1, 2, 4, 5): (12 − 4 × 5) ÷ (√(20/3) × √((9 × 4 − 16) ÷ 8)) = −8 ÷ √(50/3) = −1.6 √1.5.
    // Edge (1 to 6): (21 − 30) ÷ (√(20/3) × √((54 − 36) ÷ 8)) = −6 √(3/20).
    // Centre: its neighbourhood is the whole map, n S1 − W² = 0: no statistic, reported as 0.
    const result = gridGiStar(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), grid(3, 3));
    expect(result.z[0]).toBeCloseTo(-1.6 * Math.sqrt(1.5), 12);
    expect(result.z[0]).toBeCloseTo(-1.959591794, 8);
    expect(result.z[1]).toBeCloseTo(-6 * Math.sqrt(3 / 20), 12);
    expect(result.z[1]).toBeCloseTo(-2.323790008, 8);
    expect(result.z[8]).toBeCloseTo(1.6 * Math.sqrt(1.5), 12);
    expect(result.z[4]).toBe(0);
    expect(result.mean).toBe(5);
    expect(result.standardDeviation).toBeCloseTo(Math.sqrt(20 / 3), 12);
  });

  it('leaves cells outside the mask out of n, the mean and every neighbourhood', () => {
    const counts = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 99]);
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const result = gridGiStar(counts, grid(3, 3), { mask });
    expect(result.n).toBe(8);
    expect(result.mean).toBe(4.5);
    expect(Number.isNaN(result.z[8]!)).toBe(true);
    const w = gridWeights(3, 3, Math.SQRT2).slice(0, 8).map((row) => row.slice(0, 8));
    const reference = referenceGiStar([1, 2, 3, 4, 5, 6, 7, 8], w);
    // The centre's neighbourhood is now all eight cells left: no statistic (the formula's 0 ÷ 0), reported as 0.
    expect(Number.isNaN(reference[4]!)).toBe(true);
    expect(result.z[4]).toBe(0);
    reference.forEach((z, cell) => {
      if (cell !== 4) expect(result.z[cell]).toBeCloseTo(z, 12);
    });
  });

  it('finds the 3 × 3 block of the queen neighbourhood, and more for a distance band', () => {
    expect(neighbourhoodOffsets(grid(5, 5), { kind: 'queen' }).dx.length).toBe(9);
    expect(neighbourhoodOffsets(grid(5, 5), { kind: 'distance', metres: 100 }).dx.length).toBe(5);
    expect(neighbourhoodOffsets(grid(5, 5), { kind: 'distance', metres: 200 }).dx.length).toBe(13);
  });

  it('classes a cluster hot and the empty cells far from it cold only where the FDR allows', () => {
    const counts = new Float64Array(20 * 20);
    for (const [c, r] of [
      [9, 9],
      [10, 9],
      [9, 10],
      [10, 10],
    ]) counts[r! * 20 + c!] = 40;
    for (let cell = 0; cell < counts.length; cell += 1) if (counts[cell] === 0) counts[cell] = 1;
    const result = gridGiStar(counts, grid(20, 20));
    expect(hotspotClassOf(result.classes[9 * 20 + 9]!)).toBe('hot');
    expect(result.classes[0]).toBe(0);
    const hot = [...result.classes].filter((code) => code === 1).length;
    expect(hot).toBeGreaterThanOrEqual(4);
    expect(hot).toBeLessThanOrEqual(16);
    const unadjusted = gridGiStar(counts, grid(20, 20), { adjustment: 'none' });
    expect([...unadjusted.classes].filter((code) => code === 1).length).toBeGreaterThanOrEqual(hot);
  });
});

describe('Gi* on areas with a neighbour list', () => {
  it('equals the formula with the same weights, the area itself included', () => {
    const x = [3, 8, 1, 0, 12, 5];
    const neighbours = [[1, 2], [0, 2, 4], [0, 1, 3], [2, 5], [1, 5], [3, 4]];
    const w = x.map((_, i) => x.map((__, j) => (i === j || neighbours[i]!.includes(j) ? 1 : 0)));
    const result = giStar(x, neighbours);
    referenceGiStar(x, w).forEach((z, i) => expect(Math.abs(result.z[i]! - z)).toBeLessThan(1e-9));
  });

  it('takes weights, and refuses an area listed as its own neighbour', () => {
    const x = [3, 8, 1, 0];
    const neighbours = [[1], [0, 2], [1, 3], [2]];
    const weights = [[0.5], [0.5, 2], [2, 1], [1]];
    const w = [
      [1, 0.5, 0, 0],
      [0.5, 1, 2, 0],
      [0, 2, 1, 1],
      [0, 0, 1, 1],
    ];
    const result = giStar(x, neighbours, { weights });
    referenceGiStar(x, w).forEach((z, i) => expect(Math.abs(result.z[i]! - z)).toBeLessThan(1e-9));
    expect(() => giStar([1, 2], [[0], []])).toThrow(/not another area/);
  });
});

describe('the Benjamini–Hochberg correction', () => {
  it('gives the hand-worked adjusted p-values', () => {
    // Ten p-values, m = 10; from the largest: 0.216; 0.212 × 10/9 = 0.2356 → 0.216; 0.205 × 10/8 → 0.216;
    // 0.074 × 10/7 = 0.10571; 0.06 × 10/6 = 0.1; 0.042 × 2 = 0.084; 0.041 × 2.5 = 0.1025 → 0.084;
    // 0.039 × 10/3 = 0.13 → 0.084; 0.008 × 5 = 0.04; 0.001 × 10 = 0.01.
    const p = [0.039, 0.001, 0.216, 0.008, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212];
    const expected = [0.084, 0.01, 0.216, 0.04, 0.084, 0.084, 0.1, 0.074 * (10 / 7), 0.216, 0.216];
    const adjusted = benjaminiHochberg(p);
    expected.forEach((value, index) => expect(adjusted[index]).toBeCloseTo(value, 12));
  });

  it('caps at 1 and leaves out cells outside the mask (NaN), counting only the others', () => {
    expect([...benjaminiHochberg([0.9, 0.95])]).toEqual([0.95, 0.95]);
    const adjusted = benjaminiHochberg([0.01, Number.NaN, 0.04]);
    expect(adjusted[0]).toBeCloseTo(0.02, 12);
    expect(Number.isNaN(adjusted[1]!)).toBe(true);
    expect(adjusted[2]).toBeCloseTo(0.04, 12);
  });
});

describe('the normal tail', () => {
  it('matches known values of 2Φ(−|z|), far into the tail', () => {
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(-3)).toBeCloseTo(0.0026997960632601866, 15);
    expect(twoSidedNormalP(0)).toBe(1);
    expect(twoSidedNormalP(1) / 0.31731050786291415).toBeCloseTo(1, 13);
    // 2Φ(−10) = 1.523970604832105e-23.
    expect(twoSidedNormalP(10) / 1.523970604832105e-23).toBeCloseTo(1, 12);
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 15);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 15);
  });
});
