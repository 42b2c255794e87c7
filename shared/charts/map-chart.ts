import { geoStream, geoTransverseMercator, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { tickCharWidth } from './chart-axis';
import { chartPalette } from './chart-palette';
import { classifyValues, noFigureColour, withheldColour, type ClassifyOptions } from '../geo/choropleth';
import { formatCount, formatDecimal, formatList, withTrueMinus } from '../format/index';

/**
 * The geometry of a choropleth map: one SVG path per area, filled by its class, with the
 * title, the legend (every class's range, and entries for areas with no figure and for figures
 * withheld), the attribution the boundaries' licence asks for, and the map in words for its
 * alternative text. A pure spec in plain numbers and strings, like the other charts here, so
 * the Map screen draws it as SVG in React (a <path d={area.path}> per area, focusable, its name
 * and figure in `area.label`) and the PDF as vectors (pdfkit's `doc.path(area.path)` reads the
 * same path data), and both show the same map. The screen puts the table of the same figures
 * beside it; the spec's `areas` are in the order given, for that table.
 *
 * Projection. Boundaries arrive in longitude and latitude (GeoJSON, or TopoJSON converted by
 * the data layer). They are drawn in a transverse Mercator centred on 2° W, the British
 * National Grid's own central meridian (d3-geo's spherical form: at a page's scale it is the
 * OS map's shape), fitted to the frame with d3-geo's fitExtent, with resampling off (boundary
 * files are dense enough already, and resampling would double the work).
 *
 * Winding. d3-geo takes a polygon's exterior ring clockwise; RFC 7946 GeoJSON writes it
 * anticlockwise, and d3 would read such a ring as everything on Earth but the area. Each
 * polygon is rewound when its exterior ring runs anticlockwise in longitude and latitude.
 *
 * Speed (issue 18: every LSOA in England and Wales, about 35,000 polygons, on screen in 200 ms
 * and in a PDF in 1 s). Points are projected once, streamed straight into the path text, and
 * snapped to a lattice of `tolerance` units (half a pixel by default): a point that lands on
 * the previous point's lattice node is dropped, and a ring left with fewer than three points
 * is dropped (an area whose every ring goes is kept as its first ring's remaining points, and
 * marked `collapsed`, so that it is still in the spec, and in the keyboard order). Because a
 * vertex is snapped the same way in every area having it, two neighbours keep sharing their
 * common edge: the snapping opens no slivers between areas, as simplifying each polygon by
 * itself would. The data layer should also store boundaries generalised (the ONS's
 * "generalised clipped" BGC files are 20 m), which is where most of the saving lies.
 */

export interface MapChartArea {
  code: string;
  name: string;
  /** The figure to class and map; null where there is none. */
  value: number | null;
  /** Withheld by publication mode: drawn in the withheld grey, never classed or named with a figure. */
  withheld?: boolean;
  /** The figure as written in the tooltip, table and alternative text; by default from `value`. */
  valueLabel?: string;
}

export interface MapLegendClass {
  label: string;
  colour: string;
}

/** Classes for the areas, in their order (choropleth.ts's Classification is one; so is hotspotClasses'). */
export interface MapClasses {
  classes: readonly MapLegendClass[];
  /** Per area, in the order of `areas`: its class, or −1 for none. */
  assignments: readonly number[];
}

export interface MapChartInput {
  /** Boundaries in longitude and latitude. */
  features: FeatureCollection | readonly Feature[];
  /** The feature property holding the area's code (e.g. 'LSOA11CD'), as the boundary import saved it. */
  codeProperty: string;
  areas: readonly MapChartArea[];
  /** 'Violence with injury: offences per 1,000 residents by LSOA'. */
  title: string;
  /** What the figure is, heading the legend and used in the words: 'Offences per 1,000 residents'. */
  measure: string;
  /** 'LSOA', 'ward': for the words. */
  geography: string;
  /** The boundaries' licence statement, e.g. `bundledBoundaryAttribution`. */
  attribution: string;
  /** Further lines under the map, e.g. the snap-point caveat on a map drawn from police.uk points. */
  notes?: readonly string[];
  /** Classes given; by default the values are classed with `classify`. */
  classes?: MapClasses;
  classify?: ClassifyOptions;
}

export interface MapChartOptions {
  width?: number;
  height?: number;
  /** Snapping lattice in user units (default 0.5; 0 keeps every point). */
  tolerance?: number;
  /** How many areas the alternative text names (default 5). */
  topCount?: number;
  /** Text width in user units; by default an estimate from its length. */
  measure?: (text: string, fontSize: number) => number;
}

export interface MapAreaShape {
  code: string;
  name: string;
  /** SVG path data in the spec's user units; '' when the area has no boundary. */
  path: string;
  fill: string;
  /** −1 for no class (no figure, withheld, or no boundary). */
  classIndex: number;
  /** '12', '[c]', 'No figure'. */
  valueLabel: string;
  /** 'Colchester 018A: 12': for a tooltip or an accessible name. */
  label: string;
  /** The path's extent, for placing a tooltip; null without a boundary. */
  bounds: { x0: number; y0: number; x1: number; y1: number } | null;
  /** Every ring fell below the tolerance (the area is smaller than a pixel at this scale). */
  collapsed: boolean;
}

export interface MapLegendItem {
  kind: 'class' | 'no figure' | 'withheld';
  label: string;
  colour: string;
  swatch: { x: number; y: number; width: number; height: number };
  /** The label's start, at the swatch's vertical centre. */
  labelX: number;
  labelY: number;
}

export interface MapChartSpec {
  width: number;
  height: number;
  viewBox: string;
  title: { x: number; y: number; text: string; fontSize: number };
  /** Where the map is drawn; every path lies inside it. */
  frame: { x: number; y: number; width: number; height: number };
  areas: MapAreaShape[];
  /** Outline of every area (thin, dark enough for 3:1 against the lightest fill). */
  stroke: { colour: string; width: number };
  legend: { title: { x: number; y: number; text: string }; items: MapLegendItem[] };
  /** The notes and the attribution, wrapped, top to bottom. */
  footer: { x: number; y: number; text: string; fontSize: number }[];
  attribution: string;
  /** The map in words, for the figure's alternative text. */
  altText: string;
  /** Area codes with no boundary among the features, and boundary codes with no area. */
  unmatched: { areasWithoutBoundary: string[]; boundariesWithoutArea: string[] };
  hasData: boolean;
}

/**
 * The licence statement of the bundled boundaries (Colchester's LSOAs and wards, from the ONS
 * Open Geography Portal), as their LICENCE.txt gives it: "All reuse of this data must retain
 * the Crown Copyright declarations below".
 */
export const bundledBoundaryAttribution =
  'Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright and database right [2016]. Data licensed under the terms of the Open Government Licence. Ordnance Survey data covered by OS OpenData Licence.';

export const mapChartDefaults = { width: 640, height: 520, tolerance: 0.5, topCount: 5 } as const;

const titleFontSize = 15;
const footerFontSize = 9;
const legendWidth = 190;
const legendRowHeight = 20;
const padding = 8;
const withheldLabel = 'Withheld (small numbers)';
const noFigureLabel = 'No figure';

export function mapChart(input: MapChartInput, options: MapChartOptions = {}): MapChartSpec {
  const width = options.width ?? mapChartDefaults.width;
  const height = options.height ?? mapChartDefaults.height;
  const tolerance = options.tolerance ?? mapChartDefaults.tolerance;
  const measureText = options.measure ?? ((text: string, fontSize: number) => Array.from(text).length * tickCharWidth * (fontSize / 12));
  const features = Array.isArray(input.features) ? (input.features as readonly Feature[]) : (input.features as FeatureCollection).features;

  const classes = input.classes ?? classifyValues(input.areas.map((area) => (area.withheld ? null : area.value)), input.classify);
  if (classes.assignments.length !== input.areas.length) throw new RangeError(`${input.areas.length} areas need ${input.areas.length} class assignments, not ${classes.assignments.length}.`);

  // Footer first: it takes what it needs from the bottom, the map the rest.
  const footerLines = [...(input.notes ?? []), input.attribution].flatMap((text) => wrapText(text, width - 2 * padding, (line) => measureText(line, footerFontSize)));
  const footerHeight = footerLines.length * (footerFontSize + 3);
  const frame = {
    x: padding,
    y: padding + titleFontSize + 10,
    width: Math.max(10, width - legendWidth - 3 * padding),
    height: Math.max(10, height - (padding + titleFontSize + 10) - footerHeight - 2 * padding),
  };

  const byCode = new Map<string, Feature>();
  for (const feature of features) {
    const code = feature.properties?.[input.codeProperty];
    if (code !== undefined && code !== null) byCode.set(String(code), rewound(feature));
  }
  const areaCodes = new Set(input.areas.map((area) => area.code));
  const drawn = input.areas.map((area) => byCode.get(area.code)).filter((feature): feature is Feature => feature !== undefined);
  const projection = geoTransverseMercator().rotate([2, 0]).precision(0);
  if (drawn.length > 0) {
    // Inset by the snapping step, so that a point snapped outwards still lies inside the frame.
    projection.fitExtent(
      [
        [frame.x + tolerance, frame.y + tolerance],
        [frame.x + frame.width - tolerance, frame.y + frame.height - tolerance],
      ],
      { type: 'FeatureCollection', features: drawn },
    );
  }
  const writer = new PathWriter(tolerance);
  const stream = projection.stream(writer);

  const areas = input.areas.map((area, index): MapAreaShape => {
    const feature = byCode.get(area.code);
    const classIndex = area.withheld ? -1 : (classes.assignments[index] ?? -1);
    const valueLabel = area.withheld ? '[c]' : (area.valueLabel ?? (area.value === null ? noFigureLabel : defaultValueLabel(area.value)));
    const fill = area.withheld ? withheldColour : classIndex >= 0 ? classes.classes[classIndex]!.colour : noFigureColour;
    if (feature === undefined) {
      return { code: area.code, name: area.name, path: '', fill, classIndex, valueLabel, label: `${area.name}: ${valueLabel}`, bounds: null, collapsed: false };
    }
    writer.reset();
    geoStream(feature, stream);
    const { path, bounds, collapsed } = writer.result();
    return { code: area.code, name: area.name, path, fill, classIndex, valueLabel, label: `${area.name}: ${valueLabel}`, bounds, collapsed };
  });

  const legendX = frame.x + frame.width + 2 * padding;
  const legendTitleY = frame.y + 10;
  const legendEntries: { kind: MapLegendItem['kind']; label: string; colour: string }[] = classes.classes.map((entry) => ({ kind: 'class', label: entry.label, colour: entry.colour }));
  if (input.areas.some((area, index) => !area.withheld && (classes.assignments[index] ?? -1) < 0)) legendEntries.push({ kind: 'no figure', label: noFigureLabel, colour: noFigureColour });
  if (input.areas.some((area) => area.withheld)) legendEntries.push({ kind: 'withheld', label: withheldLabel, colour: withheldColour });
  const items = legendEntries.map((entry, index): MapLegendItem => {
    const centre = legendTitleY + 14 + index * legendRowHeight + legendRowHeight / 2;
    return { ...entry, swatch: { x: legendX, y: centre - 6, width: 18, height: 12 }, labelX: legendX + 26, labelY: centre };
  });

  const footerTop = height - padding - footerHeight + footerFontSize;
  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    title: { x: padding, y: padding + titleFontSize, text: input.title, fontSize: titleFontSize },
    frame,
    areas,
    stroke: { colour: chartPalette.muted, width: 0.5 },
    legend: { title: { x: legendX, y: legendTitleY, text: input.measure }, items },
    footer: footerLines.map((text, index) => ({ x: padding, y: footerTop + index * (footerFontSize + 3), text, fontSize: footerFontSize })),
    attribution: input.attribution,
    altText: describeMap(input, classes, options.topCount ?? mapChartDefaults.topCount),
    unmatched: {
      areasWithoutBoundary: input.areas.filter((area) => !byCode.has(area.code)).map((area) => area.code),
      boundariesWithoutArea: [...byCode.keys()].filter((code) => !areaCodes.has(code)),
    },
    hasData: areas.some((area) => area.classIndex >= 0),
  };
}

/**
 * The map in words: what it shows, how it is classed, and the top areas with their figures
 * (for a map of change, the largest rises and falls). Withheld figures are counted, never
 * named with a figure.
 */
export function describeMap(input: Pick<MapChartInput, 'areas' | 'measure' | 'geography' | 'title'>, classes: MapClasses, topCount: number = mapChartDefaults.topCount): string {
  const shown = input.areas.filter((area) => !area.withheld && area.value !== null);
  const named = (area: MapChartArea) => `${area.name} (${area.valueLabel ?? defaultValueLabel(area.value!)})`;
  const plural = input.areas.length === 1 ? input.geography : `${input.geography}s`;
  const opening = `A map of ${lowerFirst(input.measure)} in ${formatCount(input.areas.length)} ${plural}, shaded in ${formatCount(classes.classes.length)} ${classes.classes.length === 1 ? 'class' : 'classes'} (${classes.classes.map((entry) => entry.label).join('; ')}).`;
  const parts = [opening];
  const descending = [...shown].sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
  const anyFall = shown.some((area) => area.value! < 0);
  if (anyFall) {
    const rises = descending.filter((area) => area.value! > 0).slice(0, topCount);
    const falls = [...descending].reverse().filter((area) => area.value! < 0).slice(0, topCount);
    if (rises.length > 0) parts.push(`Largest rises: ${formatList(rises.map(named))}.`);
    parts.push(`Largest falls: ${formatList(falls.map(named))}.`);
  } else if (descending.length > 0) {
    parts.push(`Highest: ${formatList(descending.slice(0, topCount).map(named))}.`);
  }
  const withheld = input.areas.filter((area) => area.withheld).length;
  if (withheld > 0) parts.push(`${formatCount(withheld)} ${withheld === 1 ? 'figure is' : 'figures are'} withheld for small numbers.`);
  const missing = input.areas.filter((area) => !area.withheld && area.value === null).length;
  if (missing > 0) parts.push(`${formatCount(missing)} ${missing === 1 ? input.geography : plural} ${missing === 1 ? 'has' : 'have'} no figure.`);
  return parts.join(' ');
}

function defaultValueLabel(value: number): string {
  return withTrueMinus(Number.isInteger(value) ? formatCount(value) : formatDecimal(value, 1));
}

function lowerFirst(text: string): string {
  return text.length > 1 && text[1] !== text[1]!.toUpperCase() ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Words wrapped into lines no wider than `width` by the measure (a word longer than a line stands alone). */
export function wrapText(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measure(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The feature with each polygon's rings clockwise outside, as d3-geo reads them. */
function rewound(feature: Feature): Feature {
  const geometry = feature.geometry;
  if (geometry === null) return feature;
  const rewindPolygon = (rings: Position[][]): Position[][] => (rings.length > 0 && signedArea(rings[0]!) > 0 ? rings.map((ring) => [...ring].reverse()) : rings);
  let next: Geometry = geometry;
  if (geometry.type === 'Polygon') {
    const rings = rewindPolygon((geometry as Polygon).coordinates);
    if (rings !== (geometry as Polygon).coordinates) next = { type: 'Polygon', coordinates: rings };
  } else if (geometry.type === 'MultiPolygon') {
    const polygons = (geometry as MultiPolygon).coordinates;
    const turned = polygons.map(rewindPolygon);
    if (turned.some((rings, index) => rings !== polygons[index])) next = { type: 'MultiPolygon', coordinates: turned };
  }
  return next === geometry ? feature : { ...feature, geometry: next };
}

/** Twice the ring's signed area in the plane of longitude and latitude: above 0 anticlockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const a = ring[index]!;
    const b = ring[index + 1]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum;
}

/** A d3-geo stream sink writing SVG path data, points snapped to the lattice (see the module comment). */
class PathWriter implements GeoStream {
  private readonly step: number;
  private readonly decimals: number;
  private parts: string[] = [];
  private ring: string[] = [];
  private ringPoints = 0;
  private lastX = Number.NaN;
  private lastY = Number.NaN;
  private inPolygon = false;
  private fallback: string[] | null = null;
  private x0 = Infinity;
  private y0 = Infinity;
  private x1 = -Infinity;
  private y1 = -Infinity;

  constructor(tolerance: number) {
    this.step = tolerance > 0 ? tolerance : 0;
    // Enough decimals to write a multiple of the step exactly (0.5 → 1, 0.25 → 2), or 3 unsnapped.
    this.decimals = this.step === 0 ? 3 : Math.max(0, Math.min(6, Math.ceil(-Math.log10(this.step) - 1e-9)));
  }

  reset(): void {
    this.parts = [];
    this.fallback = null;
    this.x0 = Infinity;
    this.y0 = Infinity;
    this.x1 = -Infinity;
    this.y1 = -Infinity;
  }

  result(): { path: string; bounds: MapAreaShape['bounds']; collapsed: boolean } {
    const collapsed = this.parts.length === 0 && this.fallback !== null;
    const path = collapsed ? this.fallback!.join('') : this.parts.join('');
    const bounds = this.x0 === Infinity ? null : { x0: this.x0, y0: this.y0, x1: this.x1, y1: this.y1 };
    return { path, bounds, collapsed };
  }

  point(x: number, y: number): void {
    const sx = this.step === 0 ? x : Math.round(x / this.step) * this.step;
    const sy = this.step === 0 ? y : Math.round(y / this.step) * this.step;
    if (sx === this.lastX && sy === this.lastY) return;
    this.lastX = sx;
    this.lastY = sy;
    this.ring.push(`${this.ringPoints === 0 ? 'M' : 'L'}${sx.toFixed(this.decimals)},${sy.toFixed(this.decimals)}`);
    this.ringPoints += 1;
    if (sx < this.x0) this.x0 = sx;
    if (sx > this.x1) this.x1 = sx;
    if (sy < this.y0) this.y0 = sy;
    if (sy > this.y1) this.y1 = sy;
  }

  lineStart(): void {
    this.ring = [];
    this.ringPoints = 0;
    this.lastX = Number.NaN;
    this.lastY = Number.NaN;
  }

  lineEnd(): void {
    if (this.inPolygon) {
      if (this.ringPoints >= 3) this.parts.push(...this.ring, 'Z');
      else if (this.fallback === null && this.ringPoints > 0) this.fallback = [...this.ring, 'Z'];
    } else if (this.ringPoints >= 2) this.parts.push(...this.ring);
  }

  polygonStart(): void {
    this.inPolygon = true;
  }

  polygonEnd(): void {
    this.inPolygon = false;
  }

  sphere(): void {}
}
