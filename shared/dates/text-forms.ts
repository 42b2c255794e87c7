import { daysInMonth, readWrittenYear } from './calendar';
import { monthNumberFromName } from './months';
import { accepted, rejected, spans, type PeriodParseResult } from './period';
import { reasons, type NumericDateOrder } from './reasons';

/**
 * The written forms a date or period cell can take, each a pattern and the reading that goes
 * with it. Patterns run on normalised text (see normaliseDateText) and are anchored at both
 * ends, so at most one form matches and the order below only affects readability.
 */

export interface ParseUkPeriodOptions {
  /**
   * "2011/12" and "2011-12" are both the financial year 2011/12 and the month December 2011
   * (this happens for every financial year from 2000/01 to 2011/12). Left unset, such a value
   * is rejected as ambiguous. Set it when the column is known to hold one or the other, for
   * example 'financial-year' for a column of financial years. Values that can only be one of
   * the two are read as that one whatever this says.
   */
  ambiguousYearPair?: 'financial-year' | 'month';
}

interface ReadingContext {
  /** The value as the analyst wrote it, quoted, for messages. */
  shown: string;
  options: ParseUkPeriodOptions;
}

type Groups = Partial<Record<string, string>>;

interface TextForm {
  pattern: RegExp;
  read: (groups: Groups, context: ReadingContext) => PeriodParseResult;
}

/** Trim, lower-case, one space between words, and any Unicode dash as '-' (Word writes 2018–19). */
export function normaliseDateText(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A named group the pattern always captures; a missing one is a bug in the pattern. */
function part(groups: Groups, name: string): string {
  const value = groups[name];
  if (value === undefined) throw new Error(`The date pattern has no group "${name}".`);
  return value;
}

const monthName = String.raw`(?<monthName>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const twoOrFourDigitYear = String.raw`(?<year>\d{4}|\d{2})`;
const ordinal = String.raw`(?:st|nd|rd|th)?`;
/** An optional time after a date: ignored, but checked, since "25:00" means the cell is not what it seems. */
const timeOfDay = String.raw`(?:(?: |t)(?<time>(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?(?: ?(?<meridiem>am|pm))?)(?: ?(?:z|[+-]\d{2}(?::?\d{2})?))?)?`;
const quarter = String.raw`(?:q|quarter ?)(?<quarter>\d)`;
/** A financial year written with both years: 2018/19, 2018-19, 2018/2019. */
const yearPair = String.raw`(?<first>\d{4}) ?[/-] ?(?<second>\d{4}|\d{2})`;
const financialYearMarker = String.raw`(?:fy ?)?`;

const anchored = (source: string): RegExp => new RegExp(`^${source}$`);

function readMonthName(groups: Groups): number {
  const month = monthNumberFromName(part(groups, 'monthName'));
  if (month === undefined) throw new Error('The month-name pattern matched a name it cannot read.');
  return month;
}

function timeProblem(groups: Groups): string | undefined {
  const hourText = groups.hour;
  if (hourText === undefined) return undefined;
  const hour = Number(hourText);
  const minute = Number(groups.minute);
  const second = Number(groups.second ?? '0');
  const hourFits = groups.meridiem === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
  return hourFits && minute <= 59 && second <= 59 ? undefined : groups.time;
}

function readCalendarDay(
  written: { day: string; month: number; year: number },
  groups: Groups,
  { shown }: ReadingContext,
): PeriodParseResult {
  const { month, year } = written;
  const day = Number(written.day);
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) return rejected(reasons.notARealDay(shown, day, year, month, monthLength));
  const badTime = timeProblem(groups);
  if (badTime !== undefined) return rejected(reasons.impossibleTime(shown, badTime));
  return accepted(spans.day({ year, month, day }), shown);
}

function readNumericDay(groups: Groups, context: ReadingContext, order: NumericDateOrder): PeriodParseResult {
  const dayText = part(groups, 'day');
  const monthText = part(groups, 'month');
  const month = Number(monthText);
  if (month < 1 || month > 12) {
    // "01/31/2018": the first number could be a month and the second a day, which is US order.
    const looksLikeMonthDay = Number(dayText) >= 1 && Number(dayText) <= 12 && month <= 31;
    return rejected(reasons.notAMonth(context.shown, monthText, order, looksLikeMonthDay));
  }
  return readCalendarDay({ day: dayText, month, year: readWrittenYear(part(groups, 'year')) }, groups, context);
}

function readNamedMonthDay(groups: Groups, context: ReadingContext): PeriodParseResult {
  const written = { day: part(groups, 'day'), month: readMonthName(groups), year: readWrittenYear(part(groups, 'year')) };
  return readCalendarDay(written, groups, context);
}

/**
 * The first year of a financial year written as a pair, or undefined when the second year
 * does not follow the first ("2018/20"). A one-digit second part is never a financial year.
 */
export function financialYearStartOf(firstText: string, secondText: string): number | undefined {
  const first = Number(firstText);
  const second = Number(secondText);
  if (secondText.length === 4) return second === first + 1 ? first : undefined;
  if (secondText.length === 2) return second === (first + 1) % 100 ? first : undefined;
  return undefined;
}

function readQuarterNumber(groups: Groups): number | undefined {
  const quarterNumber = Number(part(groups, 'quarter'));
  return quarterNumber >= 1 && quarterNumber <= 4 ? quarterNumber : undefined;
}

function readFinancialQuarter(groups: Groups, { shown }: ReadingContext): PeriodParseResult {
  const first = part(groups, 'first');
  const startYear = financialYearStartOf(first, part(groups, 'second'));
  if (startYear === undefined) return rejected(reasons.financialYearNotConsecutive(shown, Number(first)));
  const quarterNumber = readQuarterNumber(groups);
  if (quarterNumber === undefined) return rejected(reasons.notAQuarter(shown));
  return accepted(spans.financialQuarter(startYear, quarterNumber), shown);
}

function readCalendarQuarter(groups: Groups, { shown }: ReadingContext): PeriodParseResult {
  const quarterNumber = readQuarterNumber(groups);
  if (quarterNumber === undefined) return rejected(reasons.notAQuarter(shown));
  return accepted(spans.calendarQuarter(Number(part(groups, 'year')), quarterNumber), shown);
}

/**
 * "2018/19", "2018-01", "2011/12": a year followed by a second number, which may be a
 * financial year, a month, both, or neither. "FY" or a four-digit second year settles it.
 */
function readYearPair(groups: Groups, { shown, options }: ReadingContext): PeriodParseResult {
  const firstText = part(groups, 'first');
  const secondText = part(groups, 'second');
  const year = Number(firstText);
  const startYear = financialYearStartOf(firstText, secondText);
  const saysFinancialYear = groups.financialYear !== undefined || secondText.length === 4;
  if (saysFinancialYear) {
    return startYear === undefined
      ? rejected(reasons.financialYearNotConsecutive(shown, year))
      : accepted(spans.financialYear(startYear), shown);
  }
  const month = Number(secondText);
  const couldBeMonth = month >= 1 && month <= 12;
  const couldBeFinancialYear = startYear !== undefined;
  if (couldBeMonth && couldBeFinancialYear) {
    switch (options.ambiguousYearPair) {
      case 'financial-year':
        return accepted(spans.financialYear(year), shown);
      case 'month':
        return accepted(spans.month(year, month), shown);
      case undefined:
        return rejected(reasons.ambiguousYearPair(shown, year, month));
    }
  }
  if (couldBeMonth) return accepted(spans.month(year, month), shown);
  if (couldBeFinancialYear) return accepted(spans.financialYear(year), shown);
  // "2018/20" cannot be a month, so the analyst meant a financial year and slipped a year.
  if (secondText.length === 2 && month > 12) return rejected(reasons.financialYearNotConsecutive(shown, year));
  return rejected(reasons.neitherMonthNorFinancialYear(shown, year));
}

export const textForms: readonly TextForm[] = [
  {
    // 31/01/2018, 1.2.2018, 31-01-18, 31/01/2018 14:30
    pattern: anchored(String.raw`(?<day>\d{1,2})(?<separator>[/.-])(?<month>\d{1,2})\k<separator>${twoOrFourDigitYear}${timeOfDay}`),
    read: (groups, context) => readNumericDay(groups, context, 'day-month-year'),
  },
  {
    // 2018-01-31, 2018/01/31, 2018-01-31T10:00:00Z
    pattern: anchored(String.raw`(?<year>\d{4})(?<separator>[/.-])(?<month>\d{1,2})\k<separator>(?<day>\d{1,2})${timeOfDay}`),
    read: (groups, context) => readNumericDay(groups, context, 'year-month-day'),
  },
  {
    // 01/2018, 1-2018
    pattern: anchored(String.raw`(?<month>\d{1,2})[/.-](?<year>\d{4})`),
    read: (groups, { shown }) => {
      const monthText = part(groups, 'month');
      const month = Number(monthText);
      if (month < 1 || month > 12) return rejected(reasons.notAMonth(shown, monthText, 'month-year', false));
      return accepted(spans.month(Number(part(groups, 'year')), month), shown);
    },
  },
  {
    // 2018/19, 2018-19, 2018/2019, FY 2018-19, and the months 2018-01, 2018/1
    pattern: anchored(String.raw`(?<financialYear>fy ?)?(?<first>\d{4}) ?[/-] ?(?<second>\d{4}|\d{1,2})`),
    read: readYearPair,
  },
  {
    // 2018/19 Q1, FY2018-19 Q4
    pattern: anchored(String.raw`${financialYearMarker}${yearPair} ?-? ?${quarter}`),
    read: readFinancialQuarter,
  },
  {
    // Q1 2018/19, Q4 FY 2018-19
    pattern: anchored(String.raw`${quarter} ?-? ?${financialYearMarker}${yearPair}`),
    read: readFinancialQuarter,
  },
  {
    // 2018 Q1, 2018-Q1, 2018Q1
    pattern: anchored(String.raw`(?<year>\d{4}) ?-? ?${quarter}`),
    read: readCalendarQuarter,
  },
  {
    // Q1 2018, Q1-2018, Quarter 1 2018
    pattern: anchored(String.raw`${quarter} ?[/-]? ?(?<year>\d{4})`),
    read: readCalendarQuarter,
  },
  {
    // Year ending September 2024, YE Sep 2024, 12 months ending Sep-24 (ONS rolling years)
    pattern: anchored(String.raw`(?:year ending|ye|y/e|12 months ending|12 months to) ?${monthName}[ /'-]*${twoOrFourDigitYear}`),
    read: (groups, { shown }) => accepted(spans.yearEnding(readWrittenYear(part(groups, 'year')), readMonthName(groups)), shown),
  },
  {
    // 31 January 2018, 31-Jan-18, 1st Jan 2018, 31JAN2018
    pattern: anchored(String.raw`(?<day>\d{1,2})${ordinal}[ /.-]?${monthName}[ /.,-]*${twoOrFourDigitYear}${timeOfDay}`),
    read: readNamedMonthDay,
  },
  {
    // January 31, 2018: month/day order is safe only because the month is a name.
    pattern: anchored(String.raw`${monthName} (?<day>\d{1,2})${ordinal},? (?<year>\d{4})${timeOfDay}`),
    read: readNamedMonthDay,
  },
  {
    // Jan-18, Jan 18, January 2018, Sept 2018: Excel's "mmm-yy" month labels
    pattern: anchored(String.raw`${monthName}[ /.'-]*${twoOrFourDigitYear}`),
    read: (groups, { shown }) => accepted(spans.month(readWrittenYear(part(groups, 'year')), readMonthName(groups)), shown),
  },
  {
    // 18-Jan, 31 January: Excel's "d-mmm" format hides the year
    pattern: anchored(String.raw`\d{1,2}${ordinal}[ /.-]?${monthName}`),
    read: (_groups, { shown }) => rejected(reasons.noYear(shown)),
  },
  {
    // January, Jan 31
    pattern: anchored(String.raw`${monthName}(?: \d{1,2}${ordinal})?`),
    read: (_groups, { shown }) => rejected(reasons.noYear(shown)),
  },
  {
    // 01/02: a day and month, or a month and a two-digit year?
    pattern: anchored(String.raw`\d{1,2}[/.-]\d{1,2}`),
    read: (_groups, { shown }) => rejected(reasons.dayMonthOrMonthYear(shown)),
  },
];
