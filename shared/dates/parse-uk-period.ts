import { formatUkDay } from './calendar';
import { readExcelSerial } from './excel-serial';
import { accepted, isWithinAcceptedYears, rejected, spans, type PeriodParseResult } from './period';
import { reasons } from './reasons';
import { financialYearStartOf, normaliseDateText, textForms, type ParseUkPeriodOptions } from './text-forms';

export type { ParseUkPeriodOptions } from './text-forms';

/**
 * Reads a date or period cell the way a UK analyst means it, or says why it cannot.
 *
 * Numeric dates are always day/month/year: "02/03/2018" is 2 March, by contract rather than
 * by guess, and "01/31/2018" is rejected, never turned round. Anything that is impossible,
 * outside 1990 to 2100, or readable two ways is rejected with a sentence for the analyst.
 *
 * A whole number of four digits (2018, as a number or as text) is a calendar year; any other
 * number is an Excel serial date (exceljs gives serials for cells formatted as numbers).
 * A JS Date (exceljs gives these for date cells) is read as its UTC calendar date, which is how
 * exceljs encodes the day the cell shows.
 */
export function parseUkPeriod(
  value: string | number | Date | null | undefined,
  options: ParseUkPeriodOptions = {},
): PeriodParseResult {
  if (value === null || value === undefined) return rejected(reasons.empty());
  if (value instanceof Date) return readDateValue(value);
  if (typeof value === 'number') return readNumber(value, `"${value}"`);
  return readText(value, options);
}

function readDateValue(value: Date): PeriodParseResult {
  if (Number.isNaN(value.getTime())) return rejected(reasons.invalidDateValue());
  const day = { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  return accepted(spans.day(day), `"${formatUkDay(day)}"`);
}

const fourDigitYears = { first: 1000, last: 9999 };

function readNumber(value: number, shown: string): PeriodParseResult {
  if (!Number.isFinite(value)) return rejected(reasons.notANumber(shown));
  // Every Excel serial inside the accepted years has five digits, so four digits is a year.
  if (Number.isInteger(value) && value >= fourDigitYears.first && value <= fourDigitYears.last) {
    return accepted(spans.calendarYear(value), shown);
  }
  const reading = readExcelSerial(value);
  switch (reading.kind) {
    case 'before-first-serial':
      return rejected(reasons.beforeFirstExcelSerial(shown));
    case 'lotus-leap-day':
      return rejected(reasons.lotusLeapDay(shown));
    case 'after-last-serial':
      return rejected(reasons.afterLastExcelSerial(shown));
    case 'day': {
      const span = spans.day(reading.day);
      // A serial outside the accepted years is most likely a count that landed in the date column.
      if (!isWithinAcceptedYears(span)) return rejected(reasons.implausibleExcelSerial(shown, formatUkDay(reading.day)));
      return accepted(span, shown);
    }
  }
}

const numericText = /^\d+(?:\.\d+)?$/;

function readText(value: string, options: ParseUkPeriodOptions): PeriodParseResult {
  const text = normaliseDateText(value);
  if (text === '') return rejected(reasons.empty());
  const shown = `"${value.trim()}"`;
  if (numericText.test(text)) return readNumber(Number(text), shown);
  for (const form of textForms) {
    const match = form.pattern.exec(text);
    if (match) return form.read(match.groups ?? {}, { shown, options });
  }
  return rejected(reasons.unrecognised(shown));
}

const financialYearText = /^(?:fy ?)?(?<first>\d{4}) ?[/_-] ?(?<second>\d{4}|\d{2})$/;
const financialQuarterText = /^(?:q|quarter ?)?(?<quarter>[1-4])$/;

/**
 * Reads the separate "Financial Year" ("2020/21"; "2020_21" as the CSP tables name their
 * sheets) and "Financial Quarter" ("Q1" or 1) columns of the Home Office police recorded crime
 * open-data tables. Because the column says it holds
 * financial years, "2011/12" here is the financial year, never December 2011.
 */
export function parseFinancialYearQuarter(
  financialYear: string | null | undefined,
  financialQuarter: string | number | null | undefined,
): PeriodParseResult {
  const yearText = normaliseDateText(financialYear ?? '');
  if (yearText === '') return rejected(reasons.emptyFinancialYear());
  const yearShown = `"${(financialYear ?? '').trim()}"`;
  const yearMatch = financialYearText.exec(yearText);
  const first = yearMatch?.groups?.first;
  const second = yearMatch?.groups?.second;
  if (first === undefined || second === undefined) return rejected(reasons.notAFinancialYear(yearShown));
  const startYear = financialYearStartOf(first, second);
  if (startYear === undefined) return rejected(reasons.financialYearNotConsecutive(yearShown, Number(first)));

  const quarterText = normaliseDateText(String(financialQuarter ?? ''));
  if (quarterText === '') return rejected(reasons.emptyFinancialQuarter());
  const quarterShown = `"${String(financialQuarter).trim()}"`;
  const quarterNumber = financialQuarterText.exec(quarterText)?.groups?.quarter;
  if (quarterNumber === undefined) return rejected(reasons.notAFinancialQuarter(quarterShown));

  const shown = `"${(financialYear ?? '').trim()} Q${quarterNumber}"`;
  return accepted(spans.financialQuarter(startYear, Number(quarterNumber)), shown);
}
