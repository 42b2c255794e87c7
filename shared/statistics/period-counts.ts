import { addMonths, monthsBetween } from '../dates';
import { assertPeriod, isMonthKey, periodContainsMonth, periodLength, periodMonths, yearEndingPeriod, type Period } from './periods';

/**
 * One precomputed aggregate from the workspace (the offence_count table): the number of
 * offences of one offence key, and of one Home Office code where the source gives it, in one
 * source period. A month when periodFrom equals periodTo; otherwise a quarter or a year, as the
 * source published it.
 */
export interface PeriodCount {
  periodFrom: string;
  periodTo: string;
  count: number;
  offenceCode: string | null;
}

/**
 * How much of a period the data covers: every month ('complete'), some months ('partial') or
 * none. A month counts as covered when a source period lying wholly inside the period reports
 * on it, even with a count of 0.
 */
export type Coverage = 'complete' | 'partial' | 'none';

export interface CountInPeriod {
  count: number;
  coverage: Coverage;
  /** Months of the period reported on by a source period that lies wholly inside it. */
  monthsCovered: number;
  monthsInPeriod: number;
  /**
   * Offences in source periods that cross the period's boundary (a quarter from February to
   * April against a year starting in April). They are left out, never split pro rata: how they
   * fall across the months is not known, and a guessed share would look like data.
   */
  straddlingCount: number;
}

export interface MonthlyCount {
  month: string;
  /** Null when the month has no monthly figure (see monthlySeries). */
  count: number | null;
}

export interface AnnualTotal {
  period: Period;
  /** Null unless the data covers every month of the year. */
  count: number | null;
}

/** Adds every month of a span to a set; a single month, the commonest span, without a list. */
function addMonthsOf(months: Set<string>, from: string, to: string): void {
  if (from === to) months.add(from);
  else for (const month of monthsBetween(from, to)) months.add(month);
}

/**
 * Lists already checked. A summary reads the same list many times, so each list is checked
 * once; lists of counts are read, never changed, by everything here.
 */
const checkedLists = new WeakSet<readonly PeriodCount[]>();

/** Counts come from the workspace, which stores them as whole numbers ≥ 0; anything else is a bug. */
function assertPeriodCounts(counts: readonly PeriodCount[]): void {
  if (checkedLists.has(counts)) return;
  counts.forEach(assertPeriodCount);
  checkedLists.add(counts);
}

function assertPeriodCount(row: PeriodCount): void {
  if (!isMonthKey(row.periodFrom) || !isMonthKey(row.periodTo) || row.periodTo < row.periodFrom) {
    throw new RangeError(`A count's period must run between months in the form YYYY-MM, not "${row.periodFrom}" to "${row.periodTo}".`);
  }
  if (!Number.isInteger(row.count) || row.count < 0) throw new RangeError(`A count must be a whole number, 0 or more, not ${row.count}.`);
}

function liesWhollyInside(row: PeriodCount, period: Period): boolean {
  return row.periodFrom >= period.from && row.periodTo <= period.to;
}

function overlaps(row: PeriodCount, period: Period): boolean {
  return row.periodFrom <= period.to && row.periodTo >= period.from;
}

/** The rows whose source period lies wholly inside the period: the ones countInPeriod adds up. */
export function countsWithinPeriod(counts: readonly PeriodCount[], period: Period): PeriodCount[] {
  assertPeriod(period);
  assertPeriodCounts(counts);
  return counts.filter((row) => liesWhollyInside(row, period));
}

/**
 * The offences in a period, and how well the data covers it. A source period counts only when
 * it lies wholly inside the period; one that straddles the boundary is reported in
 * straddlingCount instead, and the months it would have covered stay uncovered, so the
 * coverage says 'partial' rather than passing off a short count as a whole one.
 */
export function countInPeriod(counts: readonly PeriodCount[], period: Period): CountInPeriod {
  const monthsInPeriod = periodLength(period);
  const coveredMonths = new Set<string>();
  let count = 0;
  let straddlingCount = 0;
  assertPeriodCounts(counts);
  for (const row of counts) {
    if (liesWhollyInside(row, period)) {
      count += row.count;
      addMonthsOf(coveredMonths, row.periodFrom, row.periodTo);
    } else if (overlaps(row, period)) {
      straddlingCount += row.count;
    }
  }
  const monthsCovered = coveredMonths.size;
  const coverage: Coverage = monthsCovered === 0 ? 'none' : monthsCovered === monthsInPeriod ? 'complete' : 'partial';
  return { count, coverage, monthsCovered, monthsInPeriod, straddlingCount };
}

/**
 * One entry per month of the period, in order. A month's count is the sum of the monthly rows
 * for it, and null when there is no monthly figure: no monthly row, or a quarterly or annual
 * row that also covers the month, because then part of the month's offences sit in a coarser
 * figure that cannot be shared out, and the monthly sum alone would be too low.
 */
export function monthlySeries(counts: readonly PeriodCount[], period: Period): MonthlyCount[] {
  const months = periodMonths(period);
  const monthlyTotals = new Map<string, number>();
  const coveredByCoarserRow = new Set<string>();
  assertPeriodCounts(counts);
  for (const row of counts) {
    if (row.periodFrom === row.periodTo) {
      if (periodContainsMonth(period, row.periodFrom)) {
        monthlyTotals.set(row.periodFrom, (monthlyTotals.get(row.periodFrom) ?? 0) + row.count);
      }
    } else if (overlaps(row, period)) {
      addMonthsOf(coveredByCoarserRow, row.periodFrom, row.periodTo);
    }
  }
  return months.map((month) => ({
    month,
    count: coveredByCoarserRow.has(month) ? null : (monthlyTotals.get(month) ?? null),
  }));
}

/**
 * Totals for `years` consecutive 12-month years, the latest ending in `endMonth` (ONS area
 * series end in September; an assessment may end in March), most recent last. A year the data
 * does not cover completely is null: a part-year total would read as a fall.
 */
export function annualTotals(counts: readonly PeriodCount[], endMonth: string, years: number): AnnualTotal[] {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`The number of years must be a whole number, 1 or more, not ${years}.`);
  const totals: AnnualTotal[] = [];
  for (let yearsBack = years - 1; yearsBack >= 0; yearsBack -= 1) {
    const period = yearEndingPeriod(addMonths(endMonth, -12 * yearsBack));
    const inYear = countInPeriod(counts, period);
    totals.push({ period, count: inYear.coverage === 'complete' ? inYear.count : null });
  }
  return totals;
}

/**
 * The workspace stores no row for an offence in a month when it had none: police.uk street
 * files list crimes, not zeros. The sources' own reporting periods say where such a gap is a
 * true 0: the distinct periods of any row of the datasets that carry this offence key (as the
 * data-quality report's missing-months check reads them). Only those datasets: police.uk data
 * reports every month but never a Home Office subgroup such as rape, so its months are no
 * evidence of zero rapes. This adds a zero row, without a code, for each
 * reported period that no row of `counts` touches, so that coverage, monthly series and trends
 * treat those months as 0 instead of unknown. Months no source reports on stay uncovered.
 * Reported periods are taken shortest first, so that where a monthly and a quarterly source
 * both report on a month, the zero is monthly and the month keeps a monthly figure.
 */
export function withReportedZeros(counts: readonly PeriodCount[], reportedPeriods: readonly Period[]): PeriodCount[] {
  const monthsWithRows = new Set<string>();
  assertPeriodCounts(counts);
  for (const row of counts) addMonthsOf(monthsWithRows, row.periodFrom, row.periodTo);
  const shortestFirst = reportedPeriods
    .map((period) => ({ period, months: period.from === period.to ? [period.from] : periodMonths(period) }))
    .sort((a, b) => a.months.length - b.months.length || (a.period.from < b.period.from ? -1 : a.period.from > b.period.from ? 1 : 0));
  const zeros: PeriodCount[] = [];
  for (const { period, months } of shortestFirst) {
    if (months.some((month) => monthsWithRows.has(month))) continue;
    zeros.push({ periodFrom: period.from, periodTo: period.to, count: 0, offenceCode: null });
    addMonthsOf(monthsWithRows, period.from, period.to);
  }
  return [...counts, ...zeros];
}
