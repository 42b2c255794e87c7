import { ckmeans } from 'simple-statistics';
import { hotspotClassOf, type HotspotClass } from './getis-ord';
import { formatCount, formatDecimal, withTrueMinus } from '../format/index';

/**
 * Classing the figures of a choropleth map, and the colours and legend of each class.
 *
 * Breaks. 'quantile' puts about the same number of areas in each class; 'natural breaks' is
 * Jenks's optimisation (the classes that minimise the squared deviations from their class
 * means), computed exactly by simple-statistics' ckmeans (Wang and Song's dynamic programme,
 * "Ckmeans.1d.dp", R Journal 3(2), 2011): the same objective as Jenks's, in O(k n log n), so
 * 35,000 LSOAs class in milliseconds; simple-statistics' own `jenks` finds the same classes in
 * O(k n²), billions of steps for 35,000 values (the tests check the two agree). Ties never split:
 * equal values are always in one class, so there may be fewer classes than asked for.
 *
 * A class's legend label is its lowest and highest value among the areas in it ("5 to 9"), so
 * a legend never claims a value no area has, and classes never overlap.
 *
 * Colours (ColorBrewer 2.0, Brewer and Harrower, colorbrewer2.org, where both schemes are
 * marked colour-blind safe and print-friendly): counts and rates in the sequential YlOrRd,
 * light for few and dark for many; change in the diverging RdBu, blue for a fall, red for a
 * rise, near-white for no change. Areas with no figure, and areas whose figure is withheld in
 * publication mode, are greys outside either scheme, each with its own legend entry.
 */

/**
 * ColorBrewer YlOrRd, by number of classes, lightest first. ColorBrewer's schemes start at three
 * classes; one and two take colours from its four-class scheme.
 */
export const sequentialPalettes: Readonly<Record<number, readonly string[]>> = {
  1: ['#fd8d3c'],
  2: ['#fecc5c', '#e31a1c'],
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
};

/** ColorBrewer RdBu reversed (a fall in blue first, a rise in red last), by number of classes; the middle of an odd scheme is "no change". */
export const divergingPalettes: Readonly<Record<number, readonly string[]>> = {
  3: ['#67a9cf', '#f7f7f7', '#ef8a62'],
  5: ['#0571b0', '#92c5de', '#f7f7f7', '#f4a582', '#ca0020'],
  7: ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'],
};

/** Hotspot classes: the ends of RdBu, and a pale grey that reads as "nothing found". */
export const hotspotColours = { hot: '#b2182b', cold: '#2166ac', 'not significant': '#f0f0f0' } as const;

export const noFigureColour = '#f0f0f0';
export const withheldColour = '#bdbdbd';

export const maximumClasses = 7;

export type ClassMethod = 'quantile' | 'natural breaks';
export type ChoroplethScheme = 'sequential' | 'diverging';

export interface ChoroplethClass {
  /** The lowest and highest value in the class, both included. */
  lower: number;
  upper: number;
  colour: string;
  label: string;
  /** How many areas are in it. */
  count: number;
}

export interface Classification {
  scheme: ChoroplethScheme;
  method: ClassMethod;
  /** In ascending order of value. */
  classes: ChoroplethClass[];
  /** Per value given, the index of its class, or −1 where there is no figure or it is withheld. */
  assignments: number[];
  /** Decimals in the labels. */
  decimals: number;
}

export interface ClassifyOptions {
  method?: ClassMethod;
  /** How many classes (default 5; at most 7). For a diverging scheme, how many each side of no change (default 2, at most 3). */
  classes?: number;
  scheme?: ChoroplethScheme;
  /** Decimals in the labels; by default 0 when every value is whole, else 1. */
  decimals?: number;
}

/** Classes for these values (null = no figure or withheld), with colours and labels. */
export function classifyValues(values: readonly (number | null)[], options: ClassifyOptions = {}): Classification {
  const method = options.method ?? 'quantile';
  const scheme = options.scheme ?? 'sequential';
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const decimals = options.decimals ?? (present.every(Number.isInteger) ? 0 : 1);
  const groups: number[][] = [];
  const colours: string[] = [];
  if (scheme === 'sequential') {
    const asked = options.classes ?? 5;
    assertClasses(asked, maximumClasses);
    groups.push(...splitIntoClasses(present, asked, method));
    colours.push(...(sequentialPalettes[groups.length] ?? []));
  } else {
    const side = options.classes ?? 2;
    assertClasses(side, 3);
    const falls = splitIntoClasses(
      present.filter((value) => value < 0),
      side,
      method,
    );
    const rises = splitIntoClasses(
      present.filter((value) => value > 0),
      side,
      method,
    );
    const zeros = present.filter((value) => value === 0);
    const palette = divergingPalettes[2 * side + 1]!;
    // Fewer classes on a side than asked take the colours nearest the middle, so that a dark
    // blue always means a large fall.
    falls.forEach((group, index) => {
      groups.push(group);
      colours.push(palette[side - falls.length + index]!);
    });
    if (zeros.length > 0) {
      groups.push(zeros);
      colours.push(palette[side]!);
    }
    rises.forEach((group, index) => {
      groups.push(group);
      colours.push(palette[side + 1 + index]!);
    });
  }
  const classes = groups.map((group, index): ChoroplethClass => {
    const lower = group[0]!;
    const upper = group[group.length - 1]!;
    return { lower, upper, colour: colours[index]!, label: classLabel(lower, upper, decimals), count: group.length };
  });
  return { scheme, method, classes, assignments: values.map((value) => classIndex(classes, value)), decimals };
}

/** The class a value falls in, or −1 for no figure (or a value outside every class). */
export function classIndex(classes: readonly ChoroplethClass[], value: number | null): number {
  if (value === null || !Number.isFinite(value)) return -1;
  return classes.findIndex((entry) => value >= entry.lower && value <= entry.upper);
}

/** '5 to 9', '12' for a class of one value, '−3.5 to −1.2' with a true minus sign. */
export function classLabel(lower: number, upper: number, decimals: number): string {
  const format = (value: number) => withTrueMinus(decimals === 0 ? formatCount(value) : formatDecimal(value, decimals));
  return lower === upper ? format(lower) : `${format(lower)} to ${format(upper)}`;
}

/** The values sorted and split into at most `count` classes, ties kept together. */
export function splitIntoClasses(values: readonly number[], count: number, method: ClassMethod): number[][] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  let distinct = 1;
  for (let index = 1; index < sorted.length; index += 1) if (sorted[index] !== sorted[index - 1]) distinct += 1;
  const k = Math.min(count, distinct);
  switch (method) {
    case 'natural breaks':
      return ckmeans(sorted, k);
    case 'quantile':
      return quantileClasses(sorted, k);
    default:
      return unreachable(method);
  }
}

/**
 * Quantile classes: class i ends at the value ranked i × n ÷ k; a run of equal values that
 * crosses a boundary stays whole in the lower class, and a class left empty is dropped.
 */
function quantileClasses(sorted: readonly number[], k: number): number[][] {
  const groups: number[][] = [];
  let start = 0;
  for (let i = 1; i <= k && start < sorted.length; i += 1) {
    let end = i === k ? sorted.length : Math.max(start + 1, Math.round((i * sorted.length) / k));
    while (end < sorted.length && sorted[end] === sorted[end - 1]) end += 1;
    if (end > start) groups.push(sorted.slice(start, end));
    start = end;
  }
  return groups;
}

/** Legend labels of the hotspot classes. */
export const hotspotLabels: Readonly<Record<HotspotClass, string>> = {
  hot: 'Hotspot',
  cold: 'Coldspot',
  'not significant': 'Neither',
};

/**
 * Classes for a map of Gi* hotspots on areas: hot, cold and neither, in that legend order, from
 * the typed classes getis-ord.ts returns (1, −1, 0), one per area in the map's order.
 */
export function hotspotClasses(codes: ArrayLike<number>): { classes: { label: string; colour: string }[]; assignments: number[] } {
  const order: HotspotClass[] = ['hot', 'cold', 'not significant'];
  return {
    classes: order.map((name) => ({ label: hotspotLabels[name], colour: hotspotColours[name] })),
    assignments: Array.from(codes, (code) => order.indexOf(hotspotClassOf(code))),
  };
}

function assertClasses(count: number, maximum: number): void {
  if (!Number.isInteger(count) || count < 1 || count > maximum) throw new RangeError(`A map has 1 to ${maximum} classes, not ${count}.`);
}

function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
