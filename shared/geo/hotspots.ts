import { gridGiStar, hotspotClassOf, neighbourhoodOffsets, type GiStarResult, type GridNeighbourhood, type HotspotClass, type PValueAdjustment } from './getis-ord';
import { countPointsInGrid, gridOver, pointsExtent, type Grid, type GridAlignment, type GridCounts, type Points } from './grid';
import { kernelDensity, sfhotspotCellSize, type BandwidthRule, type KernelDensity, type KernelDensityMethod } from './kernel-density';
import { formatCount, formatUpTo } from '../format/index';

/**
 * Hotspot analysis of points on a grid in one call, as sfhotspot::hotspot_gistar does it: the
 * grid, the count in each cell, the kernel density, Gi* with hot and cold cells after the
 * false-discovery-rate correction, the flag for a hotspot at a single police.uk snap point,
 * and the method in words. This is what the Map screen, the CLI's `map --measure hotspot` and
 * the documents call, with the points of one offence type (or priority) and period in British
 * National Grid metres (british-national-grid.ts converts police.uk's longitude and latitude).
 *
 * For the change between two periods, make one grid over both periods' points (or over the
 * partnership's boundary: `gridOver(unionExtent(…), cellSize)`), pass it to both analyses, and
 * compare the classes with `hotspotChange`.
 *
 * Publication mode never draws points (issue 18); cells are not areas anyone lives in, but a
 * cell's count is still a count of crimes: the caller suppresses cell counts as any other
 * count, and the Gi* class, which reads the neighbourhood, may be shown.
 */

/** Said on every map drawn from police.uk points. */
export const snapPointCaveat =
  'police.uk locations are anonymised: each crime is placed at the nearest of a set of map points (over the centre of a street, a public place or commercial premises), not at its address, so a hotspot can mark a map point rather than the place where crimes happened.';

export interface GridHotspotOptions {
  /** The grid to use; by default one over the points, of `cellSize`. Give the same grid for both periods. */
  grid?: Grid;
  /** In metres; by default sfhotspot's rule (kernel-density.ts `sfhotspotCellSize`). Ignored with `grid`. */
  cellSize?: number;
  alignment?: GridAlignment;
  /** Kernel density as well (default true). */
  kde?: boolean;
  bandwidth?: number;
  bandwidthRule?: BandwidthRule;
  bandwidthAdjust?: number;
  kdeMethod?: KernelDensityMethod | 'auto';
  neighbourhood?: GridNeighbourhood;
  /** Cells in the study area (1) or not (0); see getis-ord.ts. */
  mask?: Uint8Array;
  significance?: number;
  adjustment?: PValueAdjustment;
}

export interface GridHotspots {
  grid: Grid;
  counts: GridCounts;
  kde: KernelDensity | null;
  gistar: GiStarResult;
  /**
   * Per cell, 1 for a hot cell whose neighbourhood's points all lie at one location: a hotspot
   * that may be one police.uk snap point (see `snapPointCaveat`) rather than a cluster.
   */
  singleSnapPoint: Uint8Array;
  /** Per hot cell, the share of its neighbourhood's points at the most common location; NaN elsewhere. */
  largestLocationShare: Float64Array;
  /** How many hot cells, cold cells and of those hot cells at a single location. */
  summary: { hot: number; cold: number; hotAtSingleSnapPoint: number };
  /** How the cell size was set. */
  cellSizeSource: 'given' | 'sfhotspot rule' | 'grid';
  /** The method in words, for the Notes sheet and the plan's method section. */
  method: string;
}

export function gridHotspots(points: Points, options: GridHotspotOptions = {}): GridHotspots {
  let grid = options.grid;
  let cellSizeSource: GridHotspots['cellSizeSource'] = 'grid';
  if (grid === undefined) {
    const extent = pointsExtent(points);
    if (extent === null) throw new RangeError('There are no points with a location to analyse.');
    const cellSize = options.cellSize ?? sfhotspotCellSize(extent);
    if (cellSize === null) throw new RangeError('The cell size cannot be set from points that all lie on one line or at one place: give a cell size.');
    cellSizeSource = options.cellSize === undefined ? 'sfhotspot rule' : 'given';
    grid = gridOver(extent, cellSize, options.alignment);
  }
  const counts = countPointsInGrid(points, grid);
  const neighbourhood = options.neighbourhood ?? { kind: 'queen' };
  const gistar = gridGiStar(counts.counts, grid, { neighbourhood, mask: options.mask, significance: options.significance, adjustment: options.adjustment });
  const kde =
    options.kde === false
      ? null
      : kernelDensity(points, grid, { bandwidth: options.bandwidth, bandwidthRule: options.bandwidthRule, bandwidthAdjust: options.bandwidthAdjust, method: options.kdeMethod });
  const { singleSnapPoint, largestLocationShare } = snapPointHotspots(points, counts, gistar.classes, neighbourhood);
  let hot = 0;
  let cold = 0;
  let hotAtSingleSnapPoint = 0;
  for (let cell = 0; cell < gistar.classes.length; cell += 1) {
    const code = gistar.classes[cell]!;
    if (code > 0) hot += 1;
    else if (code < 0) cold += 1;
    hotAtSingleSnapPoint += singleSnapPoint[cell]!;
  }
  return {
    grid,
    counts,
    kde,
    gistar,
    singleSnapPoint,
    largestLocationShare,
    summary: { hot, cold, hotAtSingleSnapPoint },
    cellSizeSource,
    method: describeHotspotMethod(grid, cellSizeSource, neighbourhood, gistar, kde),
  };
}

/**
 * For each hot cell, the share of the points in its neighbourhood (the cells that made it hot)
 * at the single most common location, and the flag where that share is 1: every point at one
 * place. A hotspot of 400 crimes at one map point beside three elsewhere is not flagged, but
 * its share (0.99) says what it is, so the screen can write "99% of these crimes are recorded
 * at one map point".
 *
 * A location lies in one cell only, so the neighbourhood's most common location is the most
 * common of its cells' own. Each cell near a hotspot that holds more than one location has its
 * points grouped by location in an open-addressing table keyed on the co-ordinates' bits: one
 * pass over the points, tens of milliseconds for a million, with no strings made.
 */
export function snapPointHotspots(
  points: Points,
  counts: GridCounts,
  classes: Int8Array,
  neighbourhood: GridNeighbourhood = { kind: 'queen' },
): { singleSnapPoint: Uint8Array; largestLocationShare: Float64Array } {
  const { grid } = counts;
  const { dx, dy } = neighbourhoodOffsets(grid, neighbourhood);
  const cells = classes.length;
  const singleSnapPoint = new Uint8Array(cells);
  const largestLocationShare = new Float64Array(cells).fill(Number.NaN);
  const forNeighbourhood = (cell: number, visit: (neighbour: number) => void) => {
    const column = cell % grid.columns;
    const row = (cell - column) / grid.columns;
    for (let k = 0; k < dx.length; k += 1) {
      const c = column + dx[k]!;
      const r = row + dy[k]!;
      if (c >= 0 && c < grid.columns && r >= 0 && r < grid.rows) visit(r * grid.columns + c);
    }
  };
  // Cells to group: near a hotspot, with points at more than one location.
  const grouped = new Uint8Array(cells);
  let groupedPoints = 0;
  let anyHot = false;
  for (let cell = 0; cell < cells; cell += 1) {
    if (classes[cell]! <= 0) continue;
    anyHot = true;
    forNeighbourhood(cell, (neighbour) => {
      if (grouped[neighbour] === 0 && counts.counts[neighbour]! > 0 && counts.singleLocation[neighbour] === 0) {
        grouped[neighbour] = 1;
        groupedPoints += counts.counts[neighbour]!;
      }
    });
  }
  if (!anyHot) return { singleSnapPoint, largestLocationShare };

  // The largest number of points at one location, per cell.
  const largest = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell += 1) if (counts.singleLocation[cell] === 1) largest[cell] = counts.counts[cell]!;
  if (groupedPoints > 0) {
    let capacity = 16;
    while (capacity < groupedPoints * 2) capacity *= 2;
    const mask = capacity - 1;
    const keyX = new Float64Array(capacity);
    const keyY = new Float64Array(capacity);
    const tally = new Float64Array(capacity);
    const bits = new Float64Array(2);
    const words = new Int32Array(bits.buffer);
    const { x, y } = points;
    const inverse = 1 / grid.cellSize;
    for (let index = 0; index < x.length; index += 1) {
      const px = x[index]!;
      const py = y[index]!;
      const column = Math.floor((px - grid.originX) * inverse);
      const row = Math.floor((py - grid.originY) * inverse);
      if (!(column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)) continue;
      const cell = row * grid.columns + column;
      if (grouped[cell] === 0) continue;
      bits[0] = px;
      bits[1] = py;
      let hash = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(words[2]! ^ Math.imul(words[3]!, 0xc2b2ae35), 0x27d4eb2f);
      hash ^= hash >>> 15;
      let slot = hash & mask;
      while (tally[slot]! > 0 && (keyX[slot] !== px || keyY[slot] !== py)) slot = (slot + 1) & mask;
      keyX[slot] = px;
      keyY[slot] = py;
      const count = tally[slot]! + 1;
      tally[slot] = count;
      if (count > largest[cell]!) largest[cell] = count;
    }
  }

  for (let cell = 0; cell < cells; cell += 1) {
    if (classes[cell]! <= 0) continue;
    let total = 0;
    let most = 0;
    let occupied = 0;
    let single = true;
    forNeighbourhood(cell, (neighbour) => {
      const count = counts.counts[neighbour]!;
      if (count === 0) return;
      total += count;
      occupied += 1;
      if (counts.singleLocation[neighbour] === 0) single = false;
      if (largest[neighbour]! > most) most = largest[neighbour]!;
    });
    if (total === 0) continue;
    largestLocationShare[cell] = most / total;
    if (single && occupied === 1) singleSnapPoint[cell] = 1;
  }
  return { singleSnapPoint, largestLocationShare };
}

export type HotspotChange =
  | 'new hotspot'
  | 'continuing hotspot'
  | 'former hotspot'
  | 'new coldspot'
  | 'continuing coldspot'
  | 'former coldspot'
  | 'cold to hot'
  | 'hot to cold'
  | 'neither period';

/** Every change, in the order a legend lists them. */
export const hotspotChanges: readonly HotspotChange[] = [
  'new hotspot',
  'continuing hotspot',
  'former hotspot',
  'cold to hot',
  'hot to cold',
  'new coldspot',
  'continuing coldspot',
  'former coldspot',
  'neither period',
];

export function classifyChange(comparison: HotspotClass, assessment: HotspotClass): HotspotChange {
  if (assessment === 'hot') return comparison === 'hot' ? 'continuing hotspot' : comparison === 'cold' ? 'cold to hot' : 'new hotspot';
  if (assessment === 'cold') return comparison === 'cold' ? 'continuing coldspot' : comparison === 'hot' ? 'hot to cold' : 'new coldspot';
  return comparison === 'hot' ? 'former hotspot' : comparison === 'cold' ? 'former coldspot' : 'neither period';
}

/**
 * The change in each cell (or area) from the comparison period's classes to the assessment
 * period's, on the same grid, with how many of each. sfhotspot's hotspot_change compares counts
 * rather than classes; the counts' change per cell is the caller's, from the two GridCounts.
 */
export function hotspotChange(comparison: Int8Array, assessment: Int8Array): { changes: HotspotChange[]; totals: Record<HotspotChange, number> } {
  if (comparison.length !== assessment.length) throw new RangeError('The two periods must be classified on the same grid or areas.');
  const totals = Object.fromEntries(hotspotChanges.map((change) => [change, 0])) as Record<HotspotChange, number>;
  const changes = Array.from(assessment, (code, index) => {
    const change = classifyChange(hotspotClassOf(comparison[index]!), hotspotClassOf(code));
    totals[change] += 1;
    return change;
  });
  return { changes, totals };
}

export function describeHotspotMethod(
  grid: Grid,
  cellSizeSource: GridHotspots['cellSizeSource'],
  neighbourhood: GridNeighbourhood,
  gistar: GiStarResult,
  kde: KernelDensity | null,
): string {
  const cell = `${formatUpTo(grid.cellSize, 1)} m`;
  const cellSentence =
    cellSizeSource === 'sfhotspot rule'
      ? `Points were counted in ${cell} square cells, the size set by sfhotspot’s rule (the shorter side of the points’ extent ÷ 50, rounded down to a multiple of 100 m).`
      : `Points were counted in ${cell} square cells.`;
  const neighbours =
    neighbourhood.kind === 'queen' ? 'each cell with the eight cells around it' : `each cell with the cells whose centres lie within ${formatCount(neighbourhood.metres)} m of its own`;
  const correction =
    gistar.adjustment === 'BH'
      ? `after the Benjamini–Hochberg false-discovery-rate correction over ${formatCount(gistar.n)} cells`
      : `with no correction for the ${formatCount(gistar.n)} tests`;
  const level = `${formatUpTo(gistar.significance * 100, 2)}%`;
  const giSentence = `Getis-Ord Gi* compares the count in ${neighbours} with the map’s mean; a cell is a hotspot (or coldspot) when its Gi* z-score is positive (negative) with a two-sided p-value below ${level} ${correction}.`;
  if (kde === null) return `${cellSentence} ${giSentence}`;
  const bandwidth = `${formatCount(kde.bandwidth)} m`;
  const rule =
    kde.bandwidthSource.kind === 'given'
      ? `a bandwidth of ${bandwidth}`
      : `a bandwidth of ${bandwidth} (${kde.bandwidthSource.rule === 'sfhotspot' ? 'sfhotspot’s default: the rule of thumb of MASS::bandwidth.nrd on the eastings' : 'the mean of MASS::bandwidth.nrd’s rule of thumb on the eastings and on the northings'}${kde.bandwidthSource.adjust === 1 ? '' : `, times ${formatUpTo(kde.bandwidthSource.adjust, 2)}`})`;
  const binned = kde.method === 'binned' ? ', the points first shared between the four nearest cell centres (linear binning)' : '';
  return `${cellSentence} Kernel density uses the quartic kernel with ${rule}, at each cell’s centre${binned}. ${giSentence}`;
}
