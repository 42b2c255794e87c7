import { compareCounts, ratePer1000, type ChangeVerdict, type PeriodLengths } from '../statistics/index';
import { defaultSuppressionThreshold, suppressCounts, type Shown } from '../export/suppression';

/**
 * The figures per area for a map and its table: for each LSOA or ward, the count in the
 * assessment and the comparison periods, the rate per 1,000 residents, the change, its
 * percentage and the exact conditional test, from per-area counts already made (the data layer
 * keeps them beside each import, so a map never scans rows).
 *
 * Nothing is worked out here that the rest of the app works out elsewhere: the change, its
 * p-value and verdict come from shared/statistics `compareCounts` (the exact test, p < 0.05),
 * the rates from `ratePer1000`, and in publication mode the counts go through shared/export
 * `suppressCounts`, the one suppression rule of every export. As the rule says, a figure
 * derived from a hidden count is hidden with it: a rate with its count, a percentage change and
 * the test with the change. The areas are suppressed as the parts of their total (see below).
 *
 * An area listed without counts has none in either period (0 and 0), so it is on the map and in
 * the table with its zeros; counts for a code not among the areas are returned in `unmatched`,
 * never dropped silently (the data-quality report counts them).
 */

export interface MapArea {
  code: string;
  name: string;
  /** Residents, for rates (the ONS small-area estimates); null or absent without one. */
  population?: number | null;
}

export interface AreaCounts {
  /** In the assessment period. */
  current: number;
  /** In the comparison period. */
  comparison: number;
}

export interface AreaFiguresOptions {
  /** The periods' lengths in months, for the exact test; equal by default. */
  lengths?: PeriodLengths;
  /** Publication mode: suppress small counts with this threshold (default 5). Off unless given. */
  publication?: { threshold?: number } | null;
}

/** A figure as shown: its value (null when there is none, e.g. no rate without a population), or withheld. */
export type AreaValue = Shown;

export interface AreaFigure {
  code: string;
  name: string;
  population: number | null;
  current: AreaValue;
  comparison: AreaValue;
  /** Per 1,000 residents, assessment period. */
  rate: AreaValue;
  comparisonRate: AreaValue;
  change: AreaValue;
  /** null value when the comparison count is 0. */
  percentChange: AreaValue;
  /** The exact conditional test's two-sided p-value. */
  pValue: AreaValue;
  /** null when withheld. */
  verdict: ChangeVerdict | null;
}

export interface AreaFigures {
  areas: AreaFigure[];
  /** Counts whose code matched no area, with their figures. */
  unmatched: { code: string; current: number; comparison: number }[];
  /** Publication mode's threshold, or null when figures are not suppressed. */
  suppressionThreshold: number | null;
  /** Cells hidden by suppression, by reason (the areas' total included). */
  suppressed: { primary: number; secondary: number };
  /** The areas' total, as publication mode may show it (the suppression treats the areas as its parts). */
  total: { current: AreaValue; comparison: AreaValue; change: AreaValue };
}

const shown = (value: number | null): Shown => ({ suppressed: false, value });

export function areaFigures(areas: readonly MapArea[], counts: ReadonlyMap<string, AreaCounts>, options: AreaFiguresOptions = {}): AreaFigures {
  const codes = new Set<string>();
  for (const area of areas) {
    if (codes.has(area.code)) throw new Error(`The area "${area.code}" is listed twice.`);
    codes.add(area.code);
  }
  const countOf = (code: string): AreaCounts => counts.get(code) ?? { current: 0, comparison: 0 };
  const threshold = options.publication ? (options.publication.threshold ?? defaultSuppressionThreshold) : null;
  // The areas' counts add up to the partnership's figure, which every document shows beside the
  // map (exactly, when every row has a matched area code), so they are suppressed as the parts
  // of a total: with one area hidden, a second is hidden too, and the total less the shown
  // areas pins neither down. The total is a row of its own, under a key no area code can have.
  const totalKey = '\u0000total';
  const rows = areas.map((area) => ({ key: area.code, current: countOf(area.code).current, comparison: countOf(area.code).comparison }));
  const decided =
    threshold === null
      ? null
      : suppressCounts(
          [...rows, { key: totalKey, current: rows.reduce((sum, row) => sum + row.current, 0), comparison: rows.reduce((sum, row) => sum + row.comparison, 0) }],
          { threshold, totals: [{ total: totalKey, parts: rows.map((row) => row.key) }] },
        );
  const figures = areas.map((area, index): AreaFigure => {
    const { current, comparison } = countOf(area.code);
    const population = area.population ?? null;
    const compared = compareCounts(current, comparison, options.lengths);
    const row = decided?.rows[index];
    const currentShown = row?.current ?? shown(current);
    const comparisonShown = row?.comparison ?? shown(comparison);
    const changeShown = row?.change ?? shown(compared.change);
    const followCount = (cell: Shown, value: number | null): Shown => (cell.suppressed ? cell : shown(value));
    return {
      code: area.code,
      name: area.name,
      population,
      current: currentShown,
      comparison: comparisonShown,
      rate: followCount(currentShown, ratePer1000(current, population)),
      comparisonRate: followCount(comparisonShown, ratePer1000(comparison, population)),
      change: changeShown,
      percentChange: followCount(changeShown, compared.percentChange),
      pValue: followCount(changeShown, compared.pValue),
      verdict: changeShown.suppressed ? null : compared.verdict,
    };
  });
  const totalRow = decided?.rows[areas.length];
  const sum = (pick: (counts: AreaCounts) => number) => areas.reduce((total, area) => total + pick(countOf(area.code)), 0);
  const total = totalRow
    ? { current: totalRow.current, comparison: totalRow.comparison, change: totalRow.change }
    : { current: shown(sum((c) => c.current)), comparison: shown(sum((c) => c.comparison)), change: shown(sum((c) => c.current - c.comparison)) };
  const unmatched = [...counts].filter(([code]) => !codes.has(code)).map(([code, value]) => ({ code, current: value.current, comparison: value.comparison }));
  return {
    areas: figures,
    unmatched,
    suppressionThreshold: threshold,
    suppressed: { primary: decided?.primary ?? 0, secondary: decided?.secondary ?? 0 },
    total,
  };
}

/** The value to map or rank by, or null where there is none or it is withheld. */
export function mappedValue(value: AreaValue): number | null {
  return value.suppressed ? null : value.value;
}
