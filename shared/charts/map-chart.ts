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
 * the data layer). They are drawn in the spherical transverse Mercator centred on 2° W, the
 * British National Grid's own central meridian (at a page's scale it is the OS map's shape):
 * d3-geo's `geoTransverseMercator().rotate([2, 0])`, computed here by its formula (Snyder,
 * "Map projections: a working manual", 1987, eq. 8-1 and 8-3: x = atanh(cos φ sin Δλ),
 * y = atan2(tan φ, cos Δλ)), which the tests check against d3-geo to 1e-12. d3-geo's own
 * pipeline (rotation, adaptive resampling, spherical clipping, an array a point) takes three
 * times as long on the 2 to 3 million vertices of England and Wales's LSOAs, and none of it is
 * needed: boundary files are dense, and nothing crosses the antimeridian. The extent is fitted
 * to the frame as d3-geo's fitExtent fits it (scaled to the frame's tighter side, centred in the
 * other). So the rings are drawn as the file gives them, whichever way they wind (RFC 7946
 * anticlockwise or d3's clockwise), and the spec asks for the even-odd fill rule, under which a
 * hole is a hole either way.
 *
 * Speed (issue 18: every LSOA in England and Wales, about 35,000 polygons, on screen in 200 ms
 * and in a PDF in 1 s). Every projected point is snapped to a lattice of `tolerance` units
 * (half a pixel by default): a point that lands on the previous point's lattice node is
 * dropped, and a ring left with fewer than three points is dropped (an area whose every ring
 * goes is kept as its first ring's remaining points, and marked `collapsed`, so that it is
 * still in the spec and in the keyboard order). The path is written in relative moves between
 * lattice nodes, exact in whole steps, which keeps it short to parse. Because a vertex snaps the
 * same way in every area that has it, two neighbours keep sharing their common edge: the
 * snapping opens no slivers between areas, as simplifying each polygon by itself would. The
 * data layer should also store boundaries generalised (the ONS's "generalised clipped" BGC
 * files are 20 m), which is where most of the saving lies.
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
  /** The boundaries' licence statement: the boundary set's stored attribution, or `bundledBoundaryAttribution`. */
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
  /** A previous spec's geometry, reused when it still fits (see MapGeometry). */
  geometry?: MapGeometry;
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
  /** The fill rule the paths are drawn with (SVG fill-rule, pdfkit's fill(colour, 'even-odd')): rings may wind either way. */
  fillRule: 'evenodd';
  legend: { title: { x: number; y: number; text: string }; items: MapLegendItem[] };
  /** The notes and the attribution, wrapped, top to bottom. */
  footer: { x: number; y: number; text: string; fontSize: number }[];
  attribution: string;
  /** The map in words, for the figure's alternative text. */
  altText: string;
  /** Area codes with no boundary among the features, and boundary codes with no area. */
  unmatched: { areasWithoutBoundary: string[]; boundariesWithoutArea: string[] };
  hasData: boolean;
  /** The projected boundaries, to pass back in as `options.geometry` when only the figures change. */
  geometry: MapGeometry;
}

/**
 * The Crown copyright declarations of the bundled boundaries (Colchester's LSOAs and wards, from
 * the ONS Open Geography Portal), word for word as their LICENCE.txt gives them ("All reuse of
 * this data must retain the Crown Copyright declarations below"). A map's attribution is its
 * boundary set's own, as stored on import (BoundarySetSummary.attribution, which for the demo's
 * sets is that whole file); this is the line for a map of the bundled sets, and the fallback a
 * caller should name when a set was imported with none.
 */
export const bundledBoundaryAttribution =
  'Contains Ordnance Survey, Office of National Statistics, National Records Scotland and LPS Intellectual Property data © Crown copyright and database right [2016]. Data licensed under the terms of the Open Government Licence (http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3). Ordnance Survey data covered by OS OpenData Licence.';

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

  const areaCodes = new Set(input.areas.map((area) => area.code));

  const geometry = reusable(options.geometry, features, frame, tolerance) ?? drawGeometry(features, input.codeProperty, frame, tolerance);

  const areas = input.areas.map((area, index): MapAreaShape => {
    const shape = geometry.shapes.get(area.code);
    const classIndex = area.withheld ? -1 : (classes.assignments[index] ?? -1);
    const valueLabel = area.withheld ? '[c]' : (area.valueLabel ?? (area.value === null ? noFigureLabel : defaultValueLabel(area.value)));
    const fill = area.withheld ? withheldColour : classIndex >= 0 ? classes.classes[classIndex]!.colour : noFigureColour;
    const { path, bounds, collapsed } = shape ?? { path: '', bounds: null, collapsed: false };
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
    fillRule: 'evenodd',
    legend: { title: { x: legendX, y: legendTitleY, text: input.measure }, items },
    footer: footerLines.map((text, index) => ({ x: padding, y: footerTop + index * (footerFontSize + 3), text, fontSize: footerFontSize })),
    attribution: input.attribution,
    altText: describeMap(input, classes, options.topCount ?? mapChartDefaults.topCount),
    unmatched: {
      areasWithoutBoundary: input.areas.filter((area) => !geometry.shapes.has(area.code)).map((area) => area.code),
      boundariesWithoutArea: [...geometry.shapes.keys()].filter((code) => !areaCodes.has(code)),
    },
    hasData: areas.some((area) => area.classIndex >= 0),
    geometry,
  };
}

/**
 * The projected paths of every boundary, by code: the costly part of a map, which depends only
 * on the boundaries, the frame and the tolerance. A screen that re-classes or changes the
 * measure passes the previous spec's `geometry` back in (`options.geometry`), and it is reused
 * when the features are the same array and the frame and tolerance are unchanged.
 */
export interface MapGeometry {
  features: readonly Feature[];
  frame: { x: number; y: number; width: number; height: number };
  tolerance: number;
  shapes: ReadonlyMap<string, { path: string; bounds: MapAreaShape['bounds']; collapsed: boolean }>;
}

function reusable(geometry: MapGeometry | undefined, features: readonly Feature[], frame: MapGeometry['frame'], tolerance: number): MapGeometry | null {
  if (geometry === undefined || geometry.features !== features || geometry.tolerance !== tolerance) return null;
  const same = geometry.frame.x === frame.x && geometry.frame.y === frame.y && geometry.frame.width === frame.width && geometry.frame.height === frame.height;
  return same ? geometry : null;
}

const radians = Math.PI / 180;
/** The British National Grid's central meridian, 2° W (EPSG:27700's lon_0). */
const centralMeridian = -2 * radians;

function drawGeometry(features: readonly Feature[], codeProperty: string, frame: MapGeometry['frame'], tolerance: number): MapGeometry {
  // Every vertex projected once, at unit scale, into one buffer; rings by their offsets.
  const projected = new ProjectedRings();
  const rangeOf = new Map<string, { first: number; end: number }>();
  for (const feature of features) {
    const code = feature.properties?.[codeProperty];
    if (code === undefined || code === null) continue;
    const first = projected.ringCount;
    for (const ring of ringsOf(feature.geometry)) projected.addRing(ring);
    rangeOf.set(String(code), { first, end: projected.ringCount });
  }
  const fit = projected.fitTo(frame, tolerance);
  const writer = new PathWriter(tolerance);
  const shapes = new Map<string, { path: string; bounds: MapAreaShape['bounds']; collapsed: boolean }>();
  for (const [code, range] of rangeOf) shapes.set(code, writer.write(projected, range.first, range.end, fit));
  return { features, frame, tolerance, shapes };
}

/**
 * [x, y] of d3-geo's geoTransverseMercator().rotate([2, 0]).scale(1).translate([0, 0]) for a
 * longitude and latitude in degrees: x east, y down the page.
 */
export function transverseMercator(longitude: number, latitude: number): [number, number] {
  const lambda = longitude * radians - centralMeridian;
  const phi = latitude * radians;
  const cosPhi = Math.cos(phi);
  return [Math.atanh(cosPhi * Math.sin(lambda)), -Math.atan2(Math.sin(phi), cosPhi * Math.cos(lambda))];
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
  // Names break ties by code point: localeCompare costs a second over 35,000 areas.
  const descending = [...shown].sort((a, b) => b.value! - a.value! || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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

function ringsOf(geometry: Geometry | null): Position[][] {
  if (geometry === null) return [];
  switch (geometry.type) {
    case 'Polygon':
      return (geometry as Polygon).coordinates;
    case 'MultiPolygon':
      return (geometry as MultiPolygon).coordinates.flat();
    default:
      return [];
  }
}

/** Projected vertices of every ring, at unit scale, with their extent. */
class ProjectedRings {
  xy = new Float64Array(1 << 16);
  ringStarts: number[] = [0];
  private length = 0;
  private x0 = Infinity;
  private y0 = Infinity;
  private x1 = -Infinity;
  private y1 = -Infinity;

  get ringCount(): number {
    return this.ringStarts.length - 1;
  }

  addRing(ring: readonly Position[]): void {
    // GeoJSON repeats a ring's first position at its end; the path's closing 'z' does that.
    let count = ring.length;
    if (count > 1 && ring[0]![0] === ring[count - 1]![0] && ring[0]![1] === ring[count - 1]![1]) count -= 1;
    if (this.length + 2 * count > this.xy.length) {
      let capacity = this.xy.length * 2;
      while (capacity < this.length + 2 * count) capacity *= 2;
      const grown = new Float64Array(capacity);
      grown.set(this.xy.subarray(0, this.length));
      this.xy = grown;
    }
    for (let index = 0; index < count; index += 1) {
      const position = ring[index]!;
      // transverseMercator, inline: no array a point.
      const lambda = position[0]! * radians - centralMeridian;
      const phi = position[1]! * radians;
      const cosPhi = Math.cos(phi);
      const x = Math.atanh(cosPhi * Math.sin(lambda));
      const y = -Math.atan2(Math.sin(phi), cosPhi * Math.cos(lambda));
      this.xy[this.length] = x;
      this.xy[this.length + 1] = y;
      this.length += 2;
      if (x < this.x0) this.x0 = x;
      if (x > this.x1) this.x1 = x;
      if (y < this.y0) this.y0 = y;
      if (y > this.y1) this.y1 = y;
    }
    this.ringStarts.push(this.length);
  }

  /** Scale and offsets putting the extent in the frame, inset by the snapping step, centred as fitExtent centres it. */
  fitTo(frame: { x: number; y: number; width: number; height: number }, inset: number): { k: number; tx: number; ty: number } {
    if (this.x0 === Infinity) return { k: 1, tx: 0, ty: 0 };
    const width = frame.width - 2 * inset;
    const height = frame.height - 2 * inset;
    const spanX = this.x1 - this.x0;
    const spanY = this.y1 - this.y0;
    const k = Math.min(spanX > 0 ? width / spanX : Infinity, spanY > 0 ? height / spanY : Infinity);
    const scale = Number.isFinite(k) ? k : 1;
    return {
      k: scale,
      tx: frame.x + inset + (width - scale * spanX) / 2 - scale * this.x0,
      ty: frame.y + inset + (height - scale * spanY) / 2 - scale * this.y0,
    };
  }
}

/** Writes an area's rings as SVG path data, snapped to the lattice (see the module comment). */
class PathWriter {
  private readonly step: number;
  /** When the step is 1 ÷ a whole number, lattice units are written exactly by whole part and a suffix. */
  private readonly perUnit: number | null;
  private readonly suffixes: string[];
  private readonly decimals: number;

  constructor(tolerance: number) {
    this.step = tolerance > 0 ? tolerance : 0;
    const perUnit = this.step > 0 ? 1 / this.step : 0;
    this.perUnit = this.step > 0 && Math.abs(perUnit - Math.round(perUnit)) < 1e-9 && Math.round(perUnit) <= 1000 ? Math.round(perUnit) : null;
    this.decimals = this.step === 0 ? 3 : Math.max(0, Math.min(6, Math.ceil(-Math.log10(this.step) - 1e-9)));
    this.suffixes = this.perUnit === null ? [] : Array.from({ length: this.perUnit }, (_, r) => (r === 0 ? '' : (r / this.perUnit!).toFixed(this.decimals).replace(/0+$/, '').slice(1)));
  }

  /** A whole number of lattice steps as user units: '12', '12.5', '-0.5'. */
  private units(steps: number): string {
    if (this.perUnit === null) return (steps * (this.step === 0 ? 1 : this.step)).toFixed(this.decimals);
    if (this.perUnit === 1) return String(steps);
    const magnitude = Math.abs(steps);
    const whole = Math.floor(magnitude / this.perUnit);
    return `${steps < 0 ? '-' : ''}${whole}${this.suffixes[magnitude - whole * this.perUnit]}`;
  }

  write(rings: ProjectedRings, first: number, end: number, fit: { k: number; tx: number; ty: number }): { path: string; bounds: MapAreaShape['bounds']; collapsed: boolean } {
    const { xy, ringStarts } = rings;
    const { k, tx, ty } = fit;
    // With no snapping, a lattice of 1e-3 units stands in, so that the same code writes both.
    const step = this.step === 0 ? 1e-3 : this.step;
    const inverse = 1 / step;
    let path = '';
    let fallback: string | null = null;
    let nx0 = Infinity;
    let ny0 = Infinity;
    let nx1 = -Infinity;
    let ny1 = -Infinity;
    for (let ring = first; ring < end; ring += 1) {
      let text = '';
      let points = 0;
      let lastX = 0;
      let lastY = 0;
      let startX = 0;
      let startY = 0;
      for (let at = ringStarts[ring]!; at < ringStarts[ring + 1]!; at += 2) {
        const nx = Math.round((k * xy[at]! + tx) * inverse);
        const ny = Math.round((k * xy[at + 1]! + ty) * inverse);
        if (points > 0 && nx === lastX && ny === lastY) continue;
        if (points === 0) {
          text = `M${this.unitsOf(nx, step)},${this.unitsOf(ny, step)}`;
          startX = nx;
          startY = ny;
        } else text += `${points === 1 ? 'l' : ' '}${this.unitsOf(nx - lastX, step)},${this.unitsOf(ny - lastY, step)}`;
        lastX = nx;
        lastY = ny;
        points += 1;
        if (nx < nx0) nx0 = nx;
        if (nx > nx1) nx1 = nx;
        if (ny < ny0) ny0 = ny;
        if (ny > ny1) ny1 = ny;
      }
      // A last point back on the first adds nothing to a closed ring.
      const distinct = points > 1 && lastX === startX && lastY === startY ? points - 1 : points;
      if (distinct >= 3) path += `${text}z`;
      else if (fallback === null && points > 0) fallback = `${text}z`;
    }
    const collapsed = path === '' && fallback !== null;
    const bounds = nx0 === Infinity ? null : { x0: nx0 * step, y0: ny0 * step, x1: nx1 * step, y1: ny1 * step };
    return { path: collapsed ? fallback! : path, bounds, collapsed };
  }

  private unitsOf(steps: number, step: number): string {
    return this.step === 0 ? (steps * step).toFixed(this.decimals) : this.units(steps);
  }
}
