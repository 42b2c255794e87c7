import { addMonths } from '../dates';
import { compareCounts, describeChange, type CountComparison } from './change';
import { harmOf, type CodeMix, type Harm } from './harm';
import {
  annualTotals,
  countInPeriod,
  countsWithinPeriod,
  monthlySeries,
  type AnnualTotal,
  type CountInPeriod,
  type MonthlyCount,
  type PeriodCount,
} from './period-counts';
import { describePeriod, periodContainsMonth, type AssessmentPeriods, type Period } from './periods';
import { offenceRate, ratePer1000, type Denominators, type RateBase } from './rates';
import {
  monthOfYearProfile,
  rolling12Months,
  threeYearTrend,
  type MonthOfYearEntry,
  type Rolling12Month,
  type ThreeYearTrend,
} from './trend';

/**
 * Everything the Analysis table and its charts show for one offence type or indicator (brief.md,
 * workflow 3), from its precomputed counts: pure, so the service, the workbook export and the
 * tests all get the same numbers from the same inputs.
 */

export interface OffenceSummaryInput {
  offenceKey: string;
  /**
   * The offence key's counts, every period and code. Where the sources list offences rather
   * than zeros, pass them through withReportedZeros first, or quiet months read as unknown.
   */
  counts: readonly PeriodCount[];
  periods: AssessmentPeriods;
  /**
   * One set of denominators for both periods, as the workspace holds one population (brief.md,
   * workflow 1); a year's growth in population is small beside the noise in the counts.
   */
  denominators: Denominators;
  /**
   * Code-level counts for the same area and period from another dataset, to weight the
   * subgroup's codes when this source gives none (harm.ts); null when the workspace has none.
   */
  codeMix?: CodeMix | null;
}

/**
 * What the matrix's volume factor ranks (brief.md, workflow 4): every type on one denominator,
 * offences per 1,000 residents of the area its source covers, so that like is compared with
 * like; the count itself when no population is known. Per-1,000-households rates are for
 * display only.
 */
export interface VolumeFigure {
  /** Null only when the assessment period's count is not known (partial or no coverage). */
  value: number | null;
  basis: 'per-1000-residents' | 'count';
  /** The residents the rate is per 1,000 of; null when the basis is the count. */
  population: number | null;
}

export interface PeriodFigures extends CountInPeriod {
  period: Period;
  /** 'April 2018 to March 2019'. */
  label: string;
  /** Per 1,000 of the offence's base; null unless the data covers the whole period and the denominator is known. */
  ratePer1000: number | null;
  /** One entry per month of the period. */
  monthly: MonthlyCount[];
}

export interface OffenceHistory {
  /** The months charted: the three trend years and both assessment periods. */
  period: Period;
  monthly: MonthlyCount[];
  rolling12: Rolling12Month[];
}

export interface OffenceSummary {
  offenceKey: string;
  rateBase: RateBase;
  /** The residents or households the rates are per 1,000 of; null when not known. */
  denominator: number | null;
  current: PeriodFigures;
  comparison: PeriodFigures;
  /** Null unless the data covers both periods completely: a part period against a whole one would invent a fall. */
  change: CountComparison | null;
  /** The sentence to show beside the change, or why there is no change to show. */
  changeSentence: string;
  /** What the volume factor ranks: per 1,000 residents for every type, or the count. */
  volume: VolumeFigure;
  /** The harm of the current period's offences. */
  harm: Harm;
  /** The three 12-month years ending with the current period, oldest first. */
  annualTotals: AnnualTotal[];
  trend: ThreeYearTrend | null;
  history: OffenceHistory;
  /** The seasonal profile over the whole history. */
  monthOfYear: MonthOfYearEntry[];
}

const trendYears = 3;

/**
 * The period's figures. Its months are taken from the history's monthly series, which holds
 * both periods: a month's figure does not depend on the span it is read over.
 */
function periodFigures(input: OffenceSummaryInput, period: Period, historyMonthly: readonly MonthlyCount[]): PeriodFigures {
  const inPeriod = countInPeriod(input.counts, period);
  const count = inPeriod.coverage === 'complete' ? inPeriod.count : null;
  return {
    ...inPeriod,
    period,
    label: describePeriod(period),
    ratePer1000: offenceRate(input.offenceKey, count, input.denominators).ratePer1000,
    monthly: historyMonthly.filter((entry) => periodContainsMonth(period, entry.month)),
  };
}

function unavailableChangeSentence(current: PeriodFigures, comparison: PeriodFigures): string {
  const incomplete = [current, comparison].filter((figures) => figures.coverage !== 'complete');
  const described = incomplete.map((figures) =>
    figures.coverage === 'none'
      ? `there are no figures for ${figures.label}`
      : `the figures cover only ${figures.monthsCovered} of the ${figures.monthsInPeriod} months of ${figures.label}`,
  );
  return `No comparison: ${described.join(', and ')}.`;
}

function volumeOf(current: PeriodFigures, population: number | null): VolumeFigure {
  const count = current.coverage === 'complete' ? current.count : null;
  const rate = ratePer1000(count, population);
  if (rate !== null) return { value: rate, basis: 'per-1000-residents', population };
  return { value: count, basis: 'count', population: null };
}

const earlierOf = (a: string, b: string): string => (a < b ? a : b);
const laterOf = (a: string, b: string): string => (a > b ? a : b);

/**
 * The months a summary reads: the three trend years ending with the assessment period, and
 * both periods. Counts outside it change nothing, so a caller may read only these months.
 */
export function historyPeriodOf(periods: AssessmentPeriods): Period {
  const { current, comparison } = periods;
  return {
    from: earlierOf(earlierOf(current.from, comparison.from), addMonths(current.to, -(12 * trendYears - 1))),
    to: laterOf(current.to, comparison.to),
  };
}

/** The figures for one offence key in the two assessment periods, with their history. */
export function summariseOffence(input: OffenceSummaryInput): OffenceSummary {
  const { current: currentPeriod, comparison: comparisonPeriod } = input.periods;
  const historyPeriod = historyPeriodOf(input.periods);
  const historyMonthly = monthlySeries(input.counts, historyPeriod);
  const current = periodFigures(input, currentPeriod, historyMonthly);
  const comparison = periodFigures(input, comparisonPeriod, historyMonthly);
  const comparable = current.coverage === 'complete' && comparison.coverage === 'complete';
  const change = comparable
    ? compareCounts(current.count, comparison.count, { current: current.monthsInPeriod, previous: comparison.monthsInPeriod })
    : null;

  const yearly = annualTotals(input.counts, currentPeriod.to, trendYears);
  const rate = offenceRate(input.offenceKey, null, input.denominators);

  return {
    offenceKey: input.offenceKey,
    rateBase: rate.base,
    denominator: rate.denominator,
    current,
    comparison,
    change,
    changeSentence: change === null ? unavailableChangeSentence(current, comparison) : describeChange(change),
    volume: volumeOf(current, input.denominators.population),
    harm: harmOf(input.offenceKey, countsWithinPeriod(input.counts, currentPeriod), input.codeMix ?? null),
    annualTotals: yearly,
    trend: threeYearTrend(yearly.map((year) => year.count)),
    history: { period: historyPeriod, monthly: historyMonthly, rolling12: rolling12Months(historyMonthly) },
    monthOfYear: monthOfYearProfile(historyMonthly),
  };
}
