import { assertSameLength, cellCount, type Extent, type Grid, type Points } from './grid';

/**
 * Kernel density on a grid, with the defaults of the R package sfhotspot (Ashby, version 1.0.0,
 * github.com/mpjashby/sfhotspot), which crime analysts in the UK use and cite, so that the
 * workbench's figure is the figure the package gives for the same points and grid.
 *
 * What sfhotspot does, read from its source at release v1.0.0 (commit 6b3caf7):
 *
 * - Cell size (R/set_cell_size.R, used by hotspot_kde and hotspot_gistar when no cell size is
 *   given): the shorter side of the points' bounding box divided by 50; for a co-ordinate
 *   system in metres or feet, rounded down to a whole multiple of 100 (floor(side / 50 / 100) ×
 *   100), unless that would be 0 (a side under 5,000 m), in which case side / 50 unrounded.
 * - Bandwidth (R/set_bandwidth.R → R/bandwidth_nrd.R): MASS::bandwidth.nrd's rule of thumb,
 *   h = 4 × 1.06 × min(sd, IQR ÷ 1.34) × n^(−1/5), with R's sample standard deviation (n − 1)
 *   and R's default (type 7) quartiles. The package documents the default as "the mean result
 *   of bandwidth.nrd called on the x and y co-ordinates separately", and its code is
 *   `mean(bandwidth_nrd(coords[, 1]), bandwidth_nrd(coords[, 2]))`; but R's mean() takes its
 *   second argument as `trim`, so that call returns bandwidth.nrd of the x co-ordinates
 *   (eastings) alone. `bandwidthRule: 'sfhotspot'` (the default) reproduces what the package
 *   computes; `'mean of axes'` is what its documentation describes. The method text says which.
 *   `bandwidthAdjust` multiplies it, as sfhotspot's `bandwidth_adjust` does.
 * - Kernel (R/kernel_density.R → SpatialKDE::kde, whose defaults sfhotspot keeps: kernel =
 *   "quartic", scaled = FALSE; SpatialKDE src/kde.cpp, after QGIS's heatmap, qgskde.cpp): each
 *   point within the bandwidth h of a cell's centre adds (1 − (d / h)²)², d being its distance
 *   from the centre; points further away add nothing. Unscaled, the value is a weighted count of
 *   nearby points, not a density per area; `densityScale` turns it into points per square
 *   kilometre (the quartic kernel 3 ÷ (π h²) × (1 − (d / h)²)² integrates to 1 over the disc).
 *
 * Speed. Summing every point into every cell within the bandwidth is exact, and what SpatialKDE
 * does; it costs points × (π h² ÷ cell²) evaluations, a billion for a million points with a 5 km
 * bandwidth on a 250 m grid. Above a budget the points are first linearly binned to the cells'
 * centres (each point shared between the four centres around it in proportion to its nearness,
 * as KernSmooth's bkde2D does) and the kernel summed over those: the cost is then cells × kernel
 * cells, whatever the number of points, and the error is of second order in cell ÷ bandwidth
 * (Wand, 1994, "Fast computation of multivariate kernel estimators", JCGS 3(4)). Measured on
 * 200,000 points over an Essex-sized area, half of them in one town, the largest difference from
 * the exact sum was 0.16% of the peak with 250 m cells and a 4.9 km bandwidth (0.35% with 2 km);
 * the tests hold it under 1%. A point at a cell's centre is binned exactly, so the two agree
 * there to rounding. The result says which was used, and so does the method text.
 */

export type BandwidthRule = 'sfhotspot' | 'mean of axes';
export type KernelDensityMethod = 'exact' | 'binned';

/** sfhotspot's number of cells along the bounding box's shorter side (R/set_cell_size.R, `num_cells`). */
export const sfhotspotCellsOnShorterSide = 50;
/** sfhotspot rounds a cell size in metres down to a multiple of this (R/set_cell_size.R, `rounding_size`). */
export const sfhotspotCellRounding = 100;

/** Above this many kernel evaluations, 'auto' bins the points first: about 50 ms of work. */
export const exactEvaluationBudget = 30_000_000;

/**
 * sfhotspot's default cell size in metres for points with this bounding box, or null when the
 * box has no width or height (one point, or points in a line), where the rule gives no cell.
 */
export function sfhotspotCellSize(extent: Extent): number | null {
  const side = Math.min(extent.maxX - extent.minX, extent.maxY - extent.minY);
  if (!(side > 0)) return null;
  const rounded = Math.floor(side / sfhotspotCellsOnShorterSide / sfhotspotCellRounding);
  return rounded > 0 ? rounded * sfhotspotCellRounding : side / sfhotspotCellsOnShorterSide;
}

/**
 * MASS::bandwidth.nrd for one co-ordinate: 4 × 1.06 × min(sd, IQR ÷ 1.34) × n^(−1/5), with the
 * sample standard deviation and R's type 7 quartiles. NaN for fewer than two values.
 */
export function bandwidthNrd(values: Float64Array): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  for (let index = 0; index < n; index += 1) sum += values[index]!;
  const mean = sum / n;
  let squares = 0;
  for (let index = 0; index < n; index += 1) {
    const deviation = values[index]! - mean;
    squares += deviation * deviation;
  }
  const sd = Math.sqrt(squares / (n - 1));
  // The quartiles by selection rather than a sort: a tenth of the time on a million points.
  const working = Float64Array.from(values);
  const iqr = selectQuantileType7(working, 0.75) - selectQuantileType7(working, 0.25);
  return 4 * 1.06 * Math.min(sd, iqr / 1.34) * Math.pow(n, -1 / 5);
}

/**
 * The type 7 quantile of `values`, which it reorders: the order statistic at ⌊(n − 1)p⌋ by
 * quickselect, and the next one as the smallest value after it.
 */
function selectQuantileType7(values: Float64Array, probability: number): number {
  const position = (values.length - 1) * probability;
  const below = Math.floor(position);
  const low = selectInPlace(values, below);
  if (below + 1 >= values.length || position === below) return low;
  let next = Infinity;
  for (let index = below + 1; index < values.length; index += 1) if (values[index]! < next) next = values[index]!;
  return low + (position - below) * (next - low);
}

/** Reorders `values` so that the kth smallest is at k, none larger before it and none smaller after (Hoare's selection). */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // The median of three as the pivot: sorted or reversed input stays linear.
    const middle = (left + right) >>> 1;
    const a = values[left]!;
    const b = values[middle]!;
    const c = values[right]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}

/** R's default quantile (type 7) of sorted values: linear between the order statistics at (n − 1)p. */
export function quantileType7(sorted: Float64Array, probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/** The default bandwidth for these points, in metres (see the module comment); NaN for fewer than two points. */
export function defaultBandwidth(points: Points, rule: BandwidthRule = 'sfhotspot'): number {
  const { x, y } = finitePoints(points);
  switch (rule) {
    case 'sfhotspot':
      return bandwidthNrd(x);
    case 'mean of axes':
      return (bandwidthNrd(x) + bandwidthNrd(y)) / 2;
    default:
      return unreachable(rule);
  }
}

export interface KernelDensityOptions {
  /** In metres; by default the rule's, times `bandwidthAdjust`. */
  bandwidth?: number;
  bandwidthRule?: BandwidthRule;
  /** Multiplies the default bandwidth (sfhotspot's `bandwidth_adjust`); ignored with `bandwidth`. Default 1. */
  bandwidthAdjust?: number;
  /** 'auto' (the default): exact within `exactEvaluationBudget` kernel evaluations, binned beyond it. */
  method?: KernelDensityMethod | 'auto';
}

export interface KernelDensity {
  /** Per cell: Σ (1 − (d/h)²)² over the points within h of the cell's centre (sfhotspot's `kde`). */
  values: Float64Array;
  /** The bandwidth used, in metres. */
  bandwidth: number;
  /** How it was set: given, or by which rule (and adjustment). */
  bandwidthSource: { kind: 'given' } | { kind: 'rule'; rule: BandwidthRule; adjust: number };
  method: KernelDensityMethod;
  /** values × densityScale = points per square kilometre: 3 ÷ (π h²), h in km. */
  densityScale: number;
}

/**
 * The quartic kernel density of the points at each cell's centre. Every point with a location
 * counts, including points outside the grid that lie within the bandwidth of a cell.
 */
export function kernelDensity(points: Points, grid: Grid, options: KernelDensityOptions = {}): KernelDensity {
  assertSameLength(points);
  const adjust = options.bandwidthAdjust ?? 1;
  if (!(adjust > 0)) throw new RangeError(`A bandwidth adjustment must be above 0, not ${adjust}.`);
  const rule = options.bandwidthRule ?? 'sfhotspot';
  const bandwidth = options.bandwidth ?? defaultBandwidth(points, rule) * adjust;
  if (!(bandwidth > 0) || !Number.isFinite(bandwidth)) {
    throw new RangeError(
      options.bandwidth === undefined
        ? 'A bandwidth cannot be set from these points: it needs at least two points that are not all at one place.'
        : `A bandwidth must be above 0 metres, not ${options.bandwidth}.`,
    );
  }
  const radiusCells = bandwidth / grid.cellSize;
  const evaluations = points.x.length * Math.PI * radiusCells * radiusCells;
  const method: KernelDensityMethod = options.method === undefined || options.method === 'auto' ? (evaluations <= exactEvaluationBudget ? 'exact' : 'binned') : options.method;
  const values = method === 'exact' ? exactDensity(points, grid, bandwidth) : binnedDensity(points, grid, bandwidth);
  const bandwidthKm = bandwidth / 1000;
  return {
    values,
    bandwidth,
    bandwidthSource: options.bandwidth === undefined ? { kind: 'rule', rule, adjust } : { kind: 'given' },
    method,
    densityScale: 3 / (Math.PI * bandwidthKm * bandwidthKm),
  };
}

/** Every point into every cell whose centre is within h of it, row by row of cells. */
function exactDensity(points: Points, grid: Grid, h: number): Float64Array {
  const { originX, originY, cellSize, columns, rows } = grid;
  const values = new Float64Array(cellCount(grid));
  const inverseH2 = 1 / (h * h);
  const { x, y } = points;
  for (let index = 0; index < x.length; index += 1) {
    const px = x[index]!;
    const py = y[index]!;
    if (!(Math.abs(px) < Infinity && Math.abs(py) < Infinity)) continue;
    // Rows whose centres lie within h of the point: centre = origin + (row + ½) × cell.
    const firstRow = Math.max(0, Math.ceil((py - h - originY) / cellSize - 0.5));
    const lastRow = Math.min(rows - 1, Math.floor((py + h - originY) / cellSize - 0.5));
    for (let row = firstRow; row <= lastRow; row += 1) {
      const dy = originY + (row + 0.5) * cellSize - py;
      const remaining = 1 - dy * dy * inverseH2;
      if (remaining < 0) continue;
      const halfWidth = h * Math.sqrt(remaining);
      const firstColumn = Math.max(0, Math.ceil((px - halfWidth - originX) / cellSize - 0.5));
      const lastColumn = Math.min(columns - 1, Math.floor((px + halfWidth - originX) / cellSize - 0.5));
      const base = row * columns;
      for (let column = firstColumn; column <= lastColumn; column += 1) {
        const dx = originX + (column + 0.5) * cellSize - px;
        const share = remaining - dx * dx * inverseH2;
        // d ≤ h, as SpatialKDE's kde_element: a point exactly at the bandwidth adds 0 anyway.
        if (share >= 0) values[base + column] = values[base + column]! + share * share;
      }
    }
  }
  return values;
}

/**
 * The points linearly binned to a lattice of cell centres with a margin of the bandwidth all
 * round (so that points just outside the grid still count), then, for each cell, the lattice's
 * weights summed through the kernel's values at whole-cell offsets.
 */
function binnedDensity(points: Points, grid: Grid, h: number): Float64Array {
  const { originX, originY, cellSize, columns, rows } = grid;
  const radius = Math.floor(h / cellSize);
  const margin = radius + 1;
  const latticeColumns = columns + 2 * margin;
  const latticeRows = rows + 2 * margin;
  const lattice = new Float64Array(latticeColumns * latticeRows);
  const inverse = 1 / cellSize;
  const { x, y } = points;
  for (let index = 0; index < x.length; index += 1) {
    // Position in lattice units, where node (i, j) is the centre of cell (i − margin, j − margin).
    const u = (x[index]! - originX) * inverse - 0.5 + margin;
    const v = (y[index]! - originY) * inverse - 0.5 + margin;
    // Also false for NaN: a point with no location, or too far off to reach any cell.
    if (!(u >= 0 && u < latticeColumns - 1 && v >= 0 && v < latticeRows - 1)) continue;
    const i = Math.floor(u);
    const j = Math.floor(v);
    const fu = u - i;
    const fv = v - j;
    const node = j * latticeColumns + i;
    lattice[node] = lattice[node]! + (1 - fu) * (1 - fv);
    lattice[node + 1] = lattice[node + 1]! + fu * (1 - fv);
    lattice[node + latticeColumns] = lattice[node + latticeColumns]! + (1 - fu) * fv;
    lattice[node + latticeColumns + 1] = lattice[node + latticeColumns + 1]! + fu * fv;
  }
  // The kernel at whole-cell offsets. It is the same at (±di, ±dj), so each weight is applied
  // once to the sum of the (up to) four lattice values it meets: a quarter of the multiplications.
  const inverseH2 = 1 / (h * h);
  const values = new Float64Array(columns * rows);
  for (let dj = 0; dj <= radius; dj += 1) {
    const dy = dj * cellSize;
    const remaining = 1 - dy * dy * inverseH2;
    if (remaining <= 0) continue;
    const reach = Math.min(radius, Math.floor(Math.sqrt(remaining) * h * inverse));
    for (let di = 0; di <= reach; di += 1) {
      const dx = di * cellSize;
      const share = remaining - dx * dx * inverseH2;
      if (share <= 0) continue;
      const weight = share * share;
      for (let row = 0; row < rows; row += 1) {
        const out = row * columns;
        const above = (row + margin + dj) * latticeColumns + margin;
        const below = (row + margin - dj) * latticeColumns + margin;
        if (dj === 0 && di === 0) {
          for (let column = 0; column < columns; column += 1) values[out + column] = values[out + column]! + weight * lattice[above + column]!;
        } else if (dj === 0) {
          for (let column = 0; column < columns; column += 1) {
            values[out + column] = values[out + column]! + weight * (lattice[above + column + di]! + lattice[above + column - di]!);
          }
        } else if (di === 0) {
          for (let column = 0; column < columns; column += 1) {
            values[out + column] = values[out + column]! + weight * (lattice[above + column]! + lattice[below + column]!);
          }
        } else {
          for (let column = 0; column < columns; column += 1) {
            const c = column;
            values[out + c] = values[out + c]! + weight * (lattice[above + c + di]! + lattice[above + c - di]! + lattice[below + c + di]! + lattice[below + c - di]!);
          }
        }
      }
    }
  }
  return values;
}

/** The points with a finite location, compacted: for rules that read every co-ordinate. */
export function finitePoints(points: Points): Points {
  assertSameLength(points);
  let kept = 0;
  const { x, y } = points;
  for (let index = 0; index < x.length; index += 1) if (Math.abs(x[index]!) < Infinity && Math.abs(y[index]!) < Infinity) kept += 1;
  if (kept === x.length) return points;
  const outX = new Float64Array(kept);
  const outY = new Float64Array(kept);
  let at = 0;
  for (let index = 0; index < x.length; index += 1) {
    if (!(Math.abs(x[index]!) < Infinity && Math.abs(y[index]!) < Infinity)) continue;
    outX[at] = x[index]!;
    outY[at] = y[index]!;
    at += 1;
  }
  return { x: outX, y: outY };
}

function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
