import { addMonths, formatMonthLong, isMonthKey, monthCount, monthsBetween, parseUkPeriod } from '../dates';

export { isMonthKey };

/**
 * Assessment periods: runs of whole calendar months, 'YYYY-MM' at both ends and both ends
 * included. Police recorded crime is published by month, quarter and financial year, and ONS
 * area series as "year ending" a month, so every period the Analysis step uses is whole months.
 */
export interface Period {
  from: string;
  to: string;
}

/** The period under assessment and the one it is compared with (brief.md, workflow 1 and 3). */
export interface AssessmentPeriods {
  current: Period;
  comparison: Period;
}

/** A malformed month or a period that ends before it starts is a programming error: it throws. */
export function assertPeriod(period: Period): void {
  if (!isMonthKey(period.from) || !isMonthKey(period.to)) {
    throw new RangeError(`A period runs between months in the form YYYY-MM, not "${period.from}" to "${period.to}".`);
  }
  if (period.to < period.from) throw new RangeError(`The period ${period.from} to ${period.to} ends before it starts.`);
}

/** Every month of the period, in order. */
export function periodMonths(period: Period): string[] {
  assertPeriod(period);
  return monthsBetween(period.from, period.to);
}

/** The number of months in the period: 12 for a year, 3 for a quarter, 1 for a month. */
export function periodLength(period: Period): number {
  assertPeriod(period);
  return monthCount(period.from, period.to);
}

/** Whether a month falls inside the period. 'YYYY-MM' keys sort as text in calendar order. */
export function periodContainsMonth(period: Period, month: string): boolean {
  return month >= period.from && month <= period.to;
}

/**
 * The period of the same length that ends the month before this one starts: the comparison
 * for "the last 12 months against the 12 before" (domain.md §6, factor T).
 */
export function previousPeriod(period: Period): Period {
  const length = periodLength(period);
  return { from: addMonths(period.from, -length), to: addMonths(period.from, -1) };
}

/**
 * ONS area series are rolling years named by their last month ("year ending September 2024",
 * the twelve months October 2023 to September 2024): this is that year for `endMonth`.
 */
export function yearEndingPeriod(endMonth: string): Period {
  const period = { from: addMonths(endMonth, -11), to: endMonth };
  assertPeriod(period);
  return period;
}

/**
 * The default periods when the analyst has not set them: the latest 12 complete months, and
 * the 12 months immediately before them (domain.md §6: "% change last 12 m vs previous 12 m").
 * The caller says which month is the latest complete one, because a month still being recorded
 * would make the current year look lower than it is.
 */
export function defaultAssessmentPeriods(latestCompleteMonth: string): AssessmentPeriods {
  const current = yearEndingPeriod(latestCompleteMonth);
  return { current, comparison: previousPeriod(current) };
}

/**
 * The UK financial year, 1 April to 31 March, as police recorded crime is published: '2018/19'
 * is April 2018 to March 2019. Written forms are read by shared/dates ('2018/19', '2018-19',
 * '2018/2019'); anything that is not one financial year throws.
 */
export function financialYearPeriod(financialYear: string): Period {
  const parsed = parseUkPeriod(financialYear, { ambiguousYearPair: 'financial-year' });
  if (!parsed.ok) throw new RangeError(parsed.reason);
  if (parsed.period.granularity !== 'financial-year') {
    throw new RangeError(`"${financialYear}" is not a financial year such as 2018/19.`);
  }
  return { from: parsed.period.fromMonth, to: parsed.period.toMonth };
}

/** 'April 2018 to March 2019', or 'April 2018' for a single month, for tables and sentences. */
export function describePeriod(period: Period): string {
  assertPeriod(period);
  if (period.from === period.to) return formatMonthLong(period.from);
  return `${formatMonthLong(period.from)} to ${formatMonthLong(period.to)}`;
}
