/**
 * Where: the pure analysis behind the workbench's maps (issue 18). No I/O, no DOM, no Node: the
 * service, the CLI, the renderer and the documents call the same functions with data they have
 * read, and get plain numbers and typed arrays back.
 *
 * For the data layer and the screens built on it:
 *
 * - Choropleths of areas (LSOAs, wards). Read the precomputed counts per area for the
 *   assessment and comparison periods (a Map from area code to { current, comparison }), call
 *   `areaFigures(areas, counts, { lengths, publication })` for the table, the CLI's `map --json`
 *   and the workbook's Areas sheet (counts, rates, change, exact test; suppressed in publication
 *   mode by the app's one rule), then `mapChart` (shared/charts/map-chart.ts) with the boundaries
 *   and the measure's value per area (`mappedValue(figure.rate)` etc.; a withheld figure is
 *   `withheld: true`). `classifyValues` classes them (quantile or natural breaks; sequential
 *   for counts and rates, diverging for change).
 * - Hotspots on points. Convert police.uk's longitudes and latitudes to British National Grid
 *   metres (`lonLatArraysToBritishNationalGrid`, once, at import), then
 *   `gridHotspots({ x, y }, { cellSize: 250, grid, mask })`: the grid, counts, kernel density
 *   (sfhotspot's defaults) and Gi* hot and cold cells after the FDR correction, with the flag for
 *   a hotspot at a single snap point and the method in words. For two periods, make one grid
 *   (`gridOver(unionExtent(…))`) and compare with `hotspotChange`. Print `snapPointCaveat` on
 *   every map drawn from points; draw no points in publication mode.
 * - Hotspots on areas. `giStar(counts, queenNeighbours(features))` (or
 *   `distanceBandNeighbours`), classes from `hotspotClasses` for the map.
 */
export {
  cellCentre,
  cellCount,
  cellOf,
  cellRing,
  countPointsInGrid,
  gridOver,
  maximumGridCells,
  pointsExtent,
  unionExtent,
  type Extent,
  type Grid,
  type GridAlignment,
  type GridCounts,
  type Points,
} from './grid';
export {
  bandwidthNrd,
  defaultBandwidth,
  exactEvaluationBudget,
  kernelDensity,
  quantileType7,
  sfhotspotCellRounding,
  sfhotspotCellSize,
  sfhotspotCellsOnShorterSide,
  type BandwidthRule,
  type KernelDensity,
  type KernelDensityMethod,
  type KernelDensityOptions,
} from './kernel-density';
export {
  benjaminiHochberg,
  defaultSignificance,
  erfc,
  giStar,
  gridGiStar,
  hotspotClassCodes,
  hotspotClassOf,
  neighbourhoodOffsets,
  twoSidedNormalP,
  type GiStarOptions,
  type GiStarResult,
  type GridGiStarOptions,
  type GridNeighbourhood,
  type HotspotClass,
  type PValueAdjustment,
} from './getis-ord';
export { distanceBandNeighbours, queenNeighbours, type Neighbours } from './neighbours';
export {
  classifyChange,
  describeHotspotMethod,
  gridHotspots,
  hotspotChange,
  hotspotChanges,
  snapPointCaveat,
  snapPointHotspots,
  type GridHotspotOptions,
  type GridHotspots,
  type HotspotChange,
} from './hotspots';
export { areaFigures, mappedValue, type AreaCounts, type AreaFigure, type AreaFigures, type AreaFiguresOptions, type AreaValue, type MapArea } from './area-figures';
export {
  classIndex,
  classLabel,
  classifyValues,
  divergingPalettes,
  hotspotClasses,
  hotspotColours,
  hotspotLabels,
  maximumClasses,
  noFigureColour,
  sequentialPalettes,
  splitIntoClasses,
  withheldColour,
  type ChoroplethClass,
  type ChoroplethScheme,
  type ClassMethod,
  type Classification,
  type ClassifyOptions,
} from './choropleth';
export { britishNationalGridDefinition, britishNationalGridToLonLat, lonLatArraysToBritishNationalGrid, lonLatToBritishNationalGrid } from './british-national-grid';
