/**
 * A grid of square cells over points in projected metres (British National Grid eastings and
 * northings, EPSG:27700), and the count of points in each cell. The hotspot analyses (kernel
 * density, Getis-Ord Gi*) all start here.
 *
 * Points are two Float64Arrays, eastings and northings, one entry a point: the shape the data
 * layer reads them in (two REAL columns) and the shape that lets a million points be counted in
 * a few milliseconds. A point whose either co-ordinate is not finite (a row with no location) is
 * left out and counted as such, never placed at 0, 0.
 *
 * Cells are numbered row by row from the south-west corner: cell = row × columns + column, row 0
 * the southernmost. A grid is plain numbers, so it can be stored beside an analysis and the
 * same grid used again for the other period: a change between periods is only meaningful cell
 * by cell on one grid.
 *
 * Alignment. By default the grid's origin is a multiple of the cell size (a 250 m grid starts on
 * an easting ending 000, 250, 500 or 750), so that the cells are the same whichever points or
 * boundary the grid was made for, and line up with the Ordnance Survey's own grid squares.
 * sfhotspot (R/create_grid.R) instead starts its grid half a cell beyond the points' convex hull
 * and keeps only the cells that touch the hull buffered by half a cell; `alignment: 'extent'`
 * starts the grid half a cell south-west of the points as it does, without the clipping (the
 * data layer clips to the partnership's boundary, which is the better mask: sfhotspot's own
 * documentation advises cropping to the area the data cover).
 */

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface Grid {
  /** The grid's south-west corner, in metres. */
  originX: number;
  originY: number;
  /** The side of a cell, in metres. */
  cellSize: number;
  columns: number;
  rows: number;
}

/** Points in projected metres, one index a point. */
export interface Points {
  x: Float64Array;
  y: Float64Array;
}

export type GridAlignment = 'multiple' | 'extent';

/** No grid has more cells than this: 4,000 × 4,000 at 250 m is 1,000 km by 1,000 km, all of Great Britain. */
export const maximumGridCells = 16_000_000;

/** The smallest rectangle holding every point with finite co-ordinates; null when there is none. */
export function pointsExtent(points: Points): Extent | null {
  assertSameLength(points);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const { x, y } = points;
  for (let index = 0; index < x.length; index += 1) {
    const px = x[index]!;
    const py = y[index]!;
    // NaN fails every comparison, so a point without a location changes nothing; ±Infinity is
    // excluded explicitly.
    if (!(Math.abs(px) < Infinity && Math.abs(py) < Infinity)) continue;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  return minX === Infinity ? null : { minX, minY, maxX, maxY };
}

/** The extent holding both: for a grid shared by two periods. */
export function unionExtent(a: Extent | null, b: Extent | null): Extent | null {
  if (a === null) return b;
  if (b === null) return a;
  return { minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) };
}

/**
 * A grid of `cellSize` squares covering the extent: every point of the extent, its north and
 * east edges included, falls in a cell.
 */
export function gridOver(extent: Extent, cellSize: number, alignment: GridAlignment = 'multiple'): Grid {
  if (!(cellSize > 0) || !Number.isFinite(cellSize)) throw new RangeError(`A cell size must be above 0 metres, not ${cellSize}.`);
  if (!(extent.maxX >= extent.minX && extent.maxY >= extent.minY)) throw new RangeError('An extent runs from its minimum to its maximum.');
  const originX = alignment === 'multiple' ? Math.floor(extent.minX / cellSize) * cellSize : extent.minX - cellSize / 2;
  const originY = alignment === 'multiple' ? Math.floor(extent.minY / cellSize) * cellSize : extent.minY - cellSize / 2;
  // floor(…) + 1 so that a point on the north or east edge has a cell of its own to fall in.
  const columns = Math.floor((extent.maxX - originX) / cellSize) + 1;
  const rows = Math.floor((extent.maxY - originY) / cellSize) + 1;
  if (columns * rows > maximumGridCells) {
    throw new RangeError(`A ${cellSize} m grid over this area would have ${columns * rows} cells, more than ${maximumGridCells}: choose a larger cell size.`);
  }
  return { originX, originY, cellSize, columns, rows };
}

export function cellCount(grid: Grid): number {
  return grid.columns * grid.rows;
}

/** The cell holding a point, or −1 when it lies outside the grid or has no location. */
export function cellOf(grid: Grid, x: number, y: number): number {
  const column = Math.floor((x - grid.originX) / grid.cellSize);
  const row = Math.floor((y - grid.originY) / grid.cellSize);
  // NaN makes every comparison false, so a point with no location is outside too.
  if (!(column >= 0 && column < grid.columns && row >= 0 && row < grid.rows)) return -1;
  return row * grid.columns + column;
}

/** A cell's centre, in metres. */
export function cellCentre(grid: Grid, cell: number): { x: number; y: number } {
  const column = cell % grid.columns;
  const row = (cell - column) / grid.columns;
  return { x: grid.originX + (column + 0.5) * grid.cellSize, y: grid.originY + (row + 0.5) * grid.cellSize };
}

/**
 * A cell's outline as a closed ring, anticlockwise from its south-west corner (the GeoJSON
 * right-hand rule for an exterior ring), in metres: for drawing the cell once reprojected to
 * longitude and latitude (british-national-grid.ts).
 */
export function cellRing(grid: Grid, cell: number): [number, number][] {
  const column = cell % grid.columns;
  const row = (cell - column) / grid.columns;
  const x0 = grid.originX + column * grid.cellSize;
  const y0 = grid.originY + row * grid.cellSize;
  const x1 = x0 + grid.cellSize;
  const y1 = y0 + grid.cellSize;
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

export interface GridCounts {
  grid: Grid;
  /** Points per cell. */
  counts: Float64Array;
  /**
   * Per cell: 1 when every point in it lies at one and the same location (and there is at
   * least one point), else 0. police.uk places each crime at the nearest of a set of anonymous
   * "snap points" (about 750,000 across England and Wales, each covering at least eight postal
   * addresses), so a cell whose crimes all share one location is a single snap point rather
   * than a spread of places.
   */
  singleLocation: Uint8Array;
  /** That location, per cell (NaN where the cell has no point). */
  locationX: Float64Array;
  locationY: Float64Array;
  /** Points counted into a cell. */
  counted: number;
  /** Points with a location that lie outside the grid. */
  outside: number;
  /** Points with no finite location. */
  withoutLocation: number;
}

/**
 * The points in each cell, in one pass. Every point is accounted for: counted + outside +
 * withoutLocation = the number of points.
 */
export function countPointsInGrid(points: Points, grid: Grid): GridCounts {
  assertSameLength(points);
  const cells = cellCount(grid);
  const counts = new Float64Array(cells);
  const singleLocation = new Uint8Array(cells);
  const locationX = new Float64Array(cells).fill(Number.NaN);
  const locationY = new Float64Array(cells).fill(Number.NaN);
  const { x, y } = points;
  const { originX, originY, columns, rows } = grid;
  const inverse = 1 / grid.cellSize;
  let outside = 0;
  let withoutLocation = 0;
  for (let index = 0; index < x.length; index += 1) {
    const px = x[index]!;
    const py = y[index]!;
    if (!(Math.abs(px) < Infinity && Math.abs(py) < Infinity)) {
      withoutLocation += 1;
      continue;
    }
    const column = Math.floor((px - originX) * inverse);
    const row = Math.floor((py - originY) * inverse);
    if (column < 0 || column >= columns || row < 0 || row >= rows) {
      outside += 1;
      continue;
    }
    const cell = row * columns + column;
    const count = counts[cell]!;
    if (count === 0) {
      locationX[cell] = px;
      locationY[cell] = py;
      singleLocation[cell] = 1;
    } else if (singleLocation[cell] === 1 && (locationX[cell] !== px || locationY[cell] !== py)) {
      singleLocation[cell] = 0;
    }
    counts[cell] = count + 1;
  }
  return { grid, counts, singleLocation, locationX, locationY, counted: x.length - outside - withoutLocation, outside, withoutLocation };
}

export function assertSameLength(points: Points): void {
  if (points.x.length !== points.y.length) throw new RangeError(`Points need as many eastings as northings, not ${points.x.length} and ${points.y.length}.`);
}
