import { earliestAcceptedYear, formatDayKey, latestAcceptedYear, type CalendarDay } from './calendar';
import { describeMonthIndex, monthIndexOf, monthKeyFromIndex } from './months';
import { reasons } from './reasons';

export type PeriodGranularity = 'day' | 'month' | 'quarter' | 'financial-year' | 'year';

/**
 * What a date or period cell covers, in whole calendar months, since every count the
 * workbench analyses is monthly or coarser.
 *
 * Granularity 'year' is any twelve months that is not a financial year: a calendar year
 * ("2018") or an ONS rolling year ("Year ending September 2024"). 'quarter' is a calendar or
 * financial quarter; the months tell which.
 */
export interface ParsedPeriod {
  granularity: PeriodGranularity;
  /** First and last calendar month covered, 'YYYY-MM' (a day maps to its month). */
  fromMonth: string;
  toMonth: string;
  /** Set for granularity 'day': 'YYYY-MM-DD'. */
  day?: string;
}

export type PeriodParseResult = { ok: true; period: ParsedPeriod } | { ok: false; reason: string };

/**
 * A period as month indices (see months.ts). Built and range-checked as numbers first, so a
 * year such as 9999/00 is rejected with a reason instead of overflowing 'YYYY'.
 */
export interface MonthSpan {
  granularity: PeriodGranularity;
  firstMonth: number;
  lastMonth: number;
  day?: CalendarDay;
}

const firstQuarterMonth = (quarter: number): number => (quarter - 1) * 3;
/** The UK financial year, as police recorded crime is published, starts on 1 April. */
const financialYearStartMonth = 4;

export const spans = {
  day: (day: CalendarDay): MonthSpan => {
    const month = monthIndexOf(day.year, day.month);
    return { granularity: 'day', firstMonth: month, lastMonth: month, day };
  },
  month: (year: number, month: number): MonthSpan => {
    const index = monthIndexOf(year, month);
    return { granularity: 'month', firstMonth: index, lastMonth: index };
  },
  calendarQuarter: (year: number, quarter: number): MonthSpan => {
    const first = monthIndexOf(year, 1) + firstQuarterMonth(quarter);
    return { granularity: 'quarter', firstMonth: first, lastMonth: first + 2 };
  },
  /** Q1 is April to June of the starting year; Q4 is January to March of the next. */
  financialQuarter: (startYear: number, quarter: number): MonthSpan => {
    const first = monthIndexOf(startYear, financialYearStartMonth) + firstQuarterMonth(quarter);
    return { granularity: 'quarter', firstMonth: first, lastMonth: first + 2 };
  },
  financialYear: (startYear: number): MonthSpan => {
    const first = monthIndexOf(startYear, financialYearStartMonth);
    return { granularity: 'financial-year', firstMonth: first, lastMonth: first + 11 };
  },
  calendarYear: (year: number): MonthSpan => {
    const first = monthIndexOf(year, 1);
    return { granularity: 'year', firstMonth: first, lastMonth: first + 11 };
  },
  /** ONS "year ending September 2024": the twelve months up to and including that month. */
  yearEnding: (year: number, month: number): MonthSpan => {
    const last = monthIndexOf(year, month);
    return { granularity: 'year', firstMonth: last - 11, lastMonth: last };
  },
};

const earliestAcceptedMonth = monthIndexOf(earliestAcceptedYear, 1);
const latestAcceptedMonth = monthIndexOf(latestAcceptedYear, 12);

export function isWithinAcceptedYears(span: MonthSpan): boolean {
  return span.firstMonth >= earliestAcceptedMonth && span.lastMonth <= latestAcceptedMonth;
}

export function rejected(reason: string): PeriodParseResult {
  return { ok: false, reason };
}

/** The one way a period leaves the parser: checked against the accepted years, then formatted. */
export function accepted(span: MonthSpan, shown: string): PeriodParseResult {
  if (!isWithinAcceptedYears(span)) {
    const covers =
      span.granularity === 'day' || span.granularity === 'month'
        ? null
        : { from: describeMonthIndex(span.firstMonth), to: describeMonthIndex(span.lastMonth) };
    return rejected(reasons.outsideAcceptedYears(shown, covers));
  }
  const period: ParsedPeriod = {
    granularity: span.granularity,
    fromMonth: monthKeyFromIndex(span.firstMonth),
    toMonth: monthKeyFromIndex(span.lastMonth),
  };
  if (span.day) period.day = formatDayKey(span.day);
  return { ok: true, period };
}
