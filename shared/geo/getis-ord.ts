import { cellCount, type Grid } from './grid';

/**
 * The Getis-Ord Gi* statistic: for each cell or area, how far the total in its neighbourhood
 * (itself included, the "star") is above or below what the whole map's mean would give, in
 * standard errors. As Ord and Getis (1995, "Local spatial autocorrelation statistics:
 * distributional issues and an application", Geographical Analysis 27(4)) give it, and
 * spdep::localG computes it for sfhotspot::hotspot_gistar:
 *
 *   G*_i = (Σ_j w_ij x_j − x̄ W_i) ÷ (S √((n S1_i − W_i²) ÷ (n − 1)))
 *
 * with W_i = Σ_j w_ij and S1_i = Σ_j w_ij² over i's neighbourhood (i included), x̄ the mean and
 * S = √(Σ x_j² ÷ n − x̄²) over all n cells. G*_i is a z-score; its p-value here is two-sided
 * from the normal distribution, 2 Φ(−|z|), as sfhotspot's (R/gistar.R).
 *
 * Neighbourhoods. On a grid, sfhotspot's default: cells whose centres lie within cell size × √2
 * of the cell's (R/gistar.R, `nb_dist`), with binary weights (`style = "B"`) and the cell itself
 * included (`include_self = TRUE`): the 3 × 3 block, "queen" contiguity. A wider distance band
 * can be given. On areas (LSOAs, wards) the caller gives each area's neighbours (neighbours.ts
 * builds queen contiguity from the boundaries, or a distance band from centroids).
 *
 * Many tests at once. A map of 60,000 cells tested at 5% would show 3,000 "hotspots" by chance.
 * sfhotspot, by default, adjusts nothing (R/gistar.R passes `method = "none"` to
 * spdep::p.adjustSP when `p_adjust_method` is NULL, although its documentation says the default
 * is p.adjust's). The workbench controls the false discovery rate instead (Benjamini and
 * Hochberg, 1995, "Controlling the false discovery rate", JRSS B 57(1)): a cell is hot or cold
 * when its BH-adjusted p-value is below the stated level, so that of the cells shown as hot or
 * cold, at most that share are expected to be so by chance. Caldas de Castro and Singer (2006,
 * Geographical Analysis 38(2)) recommend the FDR for local statistics for this reason.
 */

export type HotspotClass = 'hot' | 'cold' | 'not significant';

/** Classes as the typed arrays hold them: 1 hot, −1 cold, 0 not significant (or outside the mask). */
export const hotspotClassCodes = { hot: 1, cold: -1, 'not significant': 0 } as const satisfies Record<HotspotClass, number>;

export function hotspotClassOf(code: number): HotspotClass {
  return code > 0 ? 'hot' : code < 0 ? 'cold' : 'not significant';
}

export type PValueAdjustment = 'BH' | 'none';

export const defaultSignificance = 0.05;

export interface GiStarResult {
  /** Per cell or area: the z-score; NaN outside the mask. 0 where the statistic is undefined (every value equal, or a neighbourhood of the whole map). */
  z: Float64Array;
  /** The two-sided p-value, 2 Φ(−|z|); NaN outside the mask. */
  p: Float64Array;
  /** The p-value after the adjustment; NaN outside the mask. */
  adjustedP: Float64Array;
  /** 1 hot, −1 cold, 0 neither (hotspotClassOf). */
  classes: Int8Array;
  /** Cells or areas taking part (n). */
  n: number;
  mean: number;
  /** S, the population standard deviation of the values. */
  standardDeviation: number;
  significance: number;
  adjustment: PValueAdjustment;
}

export interface GiStarOptions {
  /** Default 0.05: hot or cold when the adjusted p-value is below it. */
  significance?: number;
  /** Default 'BH' (Benjamini–Hochberg). 'none' reproduces sfhotspot's default. */
  adjustment?: PValueAdjustment;
}

export type GridNeighbourhood =
  /** The 3 × 3 block: sfhotspot's default (centres within cell size × √2). */
  | { kind: 'queen' }
  /** Cells whose centres are within this many metres of the cell's, itself included. */
  | { kind: 'distance'; metres: number };

export interface GridGiStarOptions extends GiStarOptions {
  neighbourhood?: GridNeighbourhood;
  /**
   * Per cell, 1 where the cell is in the study area (inside the partnership's boundary), else 0.
   * Cells outside take no part: they are not counted in n, the mean or any neighbourhood. By
   * default every cell takes part. sfhotspot keeps the cells touching the points' convex hull.
   */
  mask?: Uint8Array;
}

/** Offsets (columns, rows) of a neighbourhood on the grid, (0, 0) included. */
export function neighbourhoodOffsets(grid: Grid, neighbourhood: GridNeighbourhood): { dx: Int32Array; dy: Int32Array } {
  // Distances are compared with a relative tolerance so that the diagonal at exactly cell × √2
  // counts, as it does in sfhotspot however the square root rounds.
  const reach = neighbourhood.kind === 'queen' ? grid.cellSize * Math.SQRT2 : neighbourhood.metres;
  if (!(reach >= 0) || !Number.isFinite(reach)) throw new RangeError(`A neighbourhood's distance must be 0 metres or more, not ${reach}.`);
  const limit = (reach / grid.cellSize) ** 2 * (1 + 1e-9);
  const span = Math.floor(reach / grid.cellSize + 1e-9);
  const dx: number[] = [];
  const dy: number[] = [];
  for (let j = -span; j <= span; j += 1) {
    for (let i = -span; i <= span; i += 1) {
      if (i * i + j * j <= limit) {
        dx.push(i);
        dy.push(j);
      }
    }
  }
  return { dx: Int32Array.from(dx), dy: Int32Array.from(dy) };
}

/** Gi* on grid cell counts, with binary weights over the neighbourhood. */
export function gridGiStar(counts: Float64Array, grid: Grid, options: GridGiStarOptions = {}): GiStarResult {
  const cells = cellCount(grid);
  if (counts.length !== cells) throw new RangeError(`A grid of ${cells} cells needs ${cells} counts, not ${counts.length}.`);
  const { mask } = options;
  if (mask && mask.length !== cells) throw new RangeError(`A mask for ${cells} cells needs ${cells} entries, not ${mask.length}.`);
  const { dx, dy } = neighbourhoodOffsets(grid, options.neighbourhood ?? { kind: 'queen' });
  const { columns, rows } = grid;
  const { n, mean, standardDeviation } = moments(counts, mask);
  const z = new Float64Array(cells).fill(Number.NaN);
  const denominatorScale = standardDeviation / Math.sqrt(n - 1);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const cell = row * columns + column;
      if (mask && mask[cell] === 0) continue;
      let sum = 0;
      let weights = 0;
      for (let k = 0; k < dx.length; k += 1) {
        const c = column + dx[k]!;
        const r = row + dy[k]!;
        if (c < 0 || c >= columns || r < 0 || r >= rows) continue;
        const neighbour = r * columns + c;
        if (mask && mask[neighbour] === 0) continue;
        sum += counts[neighbour]!;
        weights += 1;
      }
      // Binary weights: S1_i = W_i.
      z[cell] = giStarZ(sum, weights, weights, n, mean, denominatorScale);
    }
  }
  return finish(z, n, mean, standardDeviation, options);
}

/**
 * Gi* on area values with a neighbour list: `neighbours[i]` lists the areas next to area i (by
 * index), not i itself, which is added with weight 1 (the star) unless `includeSelf` is false.
 * `weights[i][k]`, if given, weighs `neighbours[i][k]`; binary (1) by default, as sfhotspot.
 */
export function giStar(
  values: ArrayLike<number>,
  neighbours: readonly (readonly number[])[],
  options: GiStarOptions & { weights?: readonly (readonly number[])[]; includeSelf?: boolean } = {},
): GiStarResult {
  const n = values.length;
  if (neighbours.length !== n) throw new RangeError(`${n} values need ${n} neighbour lists, not ${neighbours.length}.`);
  const x = Float64Array.from(values);
  const stats = moments(x, undefined);
  const denominatorScale = stats.standardDeviation / Math.sqrt(stats.n - 1);
  const includeSelf = options.includeSelf ?? true;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const list = neighbours[i]!;
    const listWeights = options.weights?.[i];
    let sum = includeSelf ? x[i]! : 0;
    let w = includeSelf ? 1 : 0;
    let w2 = w;
    for (let k = 0; k < list.length; k += 1) {
      const j = list[k]!;
      if (!(j >= 0 && j < n) || j === i) throw new RangeError(`Area ${i}'s neighbour ${j} is not another area.`);
      const weight = listWeights ? listWeights[k]! : 1;
      sum += weight * x[j]!;
      w += weight;
      w2 += weight * weight;
    }
    z[i] = giStarZ(sum, w, w2, n, stats.mean, denominatorScale);
  }
  return finish(z, stats.n, stats.mean, stats.standardDeviation, options);
}

/** (Σ w x − x̄ W) ÷ (S √((n S1 − W²) ÷ (n − 1))), or 0 where that is undefined. */
function giStarZ(weightedSum: number, w: number, s1: number, n: number, mean: number, denominatorScale: number): number {
  const spread = n * s1 - w * w;
  if (!(denominatorScale > 0) || !(spread > 0)) return 0;
  return (weightedSum - mean * w) / (denominatorScale * Math.sqrt(spread));
}

function moments(values: Float64Array, mask: Uint8Array | undefined): { n: number; mean: number; standardDeviation: number } {
  let n = 0;
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    if (mask && mask[index] === 0) continue;
    n += 1;
    sum += values[index]!;
  }
  const mean = n === 0 ? 0 : sum / n;
  // Two passes: Σx²/n − x̄² loses digits when the values are large and alike.
  let squares = 0;
  for (let index = 0; index < values.length; index += 1) {
    if (mask && mask[index] === 0) continue;
    const deviation = values[index]! - mean;
    squares += deviation * deviation;
  }
  return { n, mean, standardDeviation: n === 0 ? 0 : Math.sqrt(squares / n) };
}

function finish(z: Float64Array, n: number, mean: number, standardDeviation: number, options: GiStarOptions): GiStarResult {
  const significance = options.significance ?? defaultSignificance;
  if (!(significance > 0 && significance < 1)) throw new RangeError(`A significance level lies between 0 and 1, not ${significance}.`);
  const adjustment = options.adjustment ?? 'BH';
  const p = new Float64Array(z.length);
  for (let index = 0; index < z.length; index += 1) p[index] = Number.isNaN(z[index]!) ? Number.NaN : twoSidedNormalP(z[index]!);
  const adjustedP = adjustment === 'BH' ? benjaminiHochberg(p) : Float64Array.from(p);
  const classes = new Int8Array(z.length);
  for (let index = 0; index < z.length; index += 1) {
    if (adjustedP[index]! < significance) classes[index] = z[index]! > 0 ? 1 : -1;
  }
  return { z, p, adjustedP, classes, n, mean, standardDeviation, significance, adjustment };
}

/**
 * Benjamini–Hochberg adjusted p-values, as R's p.adjust(p, "BH"): sorted from the largest, the
 * kth smallest of m becomes min over j ≥ k of p_(j) × m ÷ j, and at most 1. NaN entries (cells
 * outside the mask) take no part, and m counts only the others.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const order: number[] = [];
  for (let index = 0; index < p.length; index += 1) if (!Number.isNaN(p[index]!)) order.push(index);
  order.sort((a, b) => p[b]! - p[a]!);
  const m = order.length;
  const adjusted = new Float64Array(p.length).fill(Number.NaN);
  let running = 1;
  for (let k = 0; k < m; k += 1) {
    const index = order[k]!;
    const rank = m - k;
    running = Math.min(running, (p[index]! * m) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}

/** 2 Φ(−|z|) = erfc(|z| ÷ √2), accurate to a few units in the last place far into the tail. */
export function twoSidedNormalP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

const logSqrtPi = 0.5 * Math.log(Math.PI);

/**
 * The complementary error function for x ≥ 0, as the regularised upper incomplete gamma
 * function Q(½, x²): by its series below x² = 1.5, by its continued fraction (modified Lentz)
 * above, where the series would cancel (Numerical Recipes, 3rd edition, §6.2). Both converge to
 * a double's precision in well under 200 terms.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  const a = 0.5;
  const t = x * x;
  if (t === 0) return 1;
  const prefix = Math.exp(-t + a * Math.log(t) - logSqrtPi);
  if (t < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 500; k += 1) {
      term *= t / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * prefix;
  }
  const tiny = 1e-300;
  let b = t + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let k = 1; k < 500; k += 1) {
    const an = -k * (k - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return prefix * h;
}
