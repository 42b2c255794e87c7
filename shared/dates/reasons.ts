import { earliestAcceptedYear, latestAcceptedYear } from './calendar';
import { formatFinancialYear, monthName } from './months';

/**
 * Every sentence the parser can reject a value with, in one place so that they stay
 * consistent. Each names the value as the analyst wrote it (`shown`, already quoted) and says
 * what to change. They end up in the import's list of rejected rows.
 */

const acceptedYears = `the years the workbench accepts (${earliestAcceptedYear} to ${latestAcceptedYear})`;

const acceptedForms =
  'day/month/year (31/01/2018), a month (Jan 2018 or 2018-01), a quarter (2018 Q1, or 2018/19 Q1 for a financial quarter), a financial year (2018/19) or a year (2018)';

const shortMonth = (month: number): string => monthName(month).slice(0, 3);

/** Which written order a numeric date was in, so the message can say the order we expect. */
export type NumericDateOrder = 'day-month-year' | 'year-month-day' | 'month-year';

export const reasons = {
  empty: (): string => 'The cell is empty, so there is no date to read.',

  unrecognised: (shown: string): string =>
    `${shown} is not a date or period the workbench recognises. Write it as ${acceptedForms}.`,

  notAMonth: (shown: string, monthText: string, order: NumericDateOrder, looksLikeMonthDay: boolean): string => {
    switch (order) {
      case 'day-month-year':
        return (
          `${shown} was not read as a date. ${monthText} is not a month: dates must be day/month/year (DD/MM/YYYY)` +
          (looksLikeMonthDay ? ', and this looks like month/day order.' : '.')
        );
      case 'year-month-day':
        return `${shown} was not read as a date. ${monthText} is not a month: a date that starts with the year must be year-month-day (YYYY-MM-DD).`;
      case 'month-year':
        return `${shown} was not read as a month. ${monthText} is not a month: months run from 01 to 12.`;
    }
  },

  notARealDay: (shown: string, day: number, year: number, month: number, daysInThatMonth: number): string =>
    day < 1
      ? `${shown} is not a real date: there is no day 0.`
      : `${shown} is not a real date: ${monthName(month)} ${year} has ${daysInThatMonth} days.`,

  impossibleTime: (shown: string, timeText: string): string =>
    `${shown} is not a real date and time: ${timeText} is not a time of day.`,

  outsideAcceptedYears: (shown: string, covers: { from: string; to: string } | null): string =>
    covers === null
      ? `${shown} falls outside ${acceptedYears}. Check the year.`
      : `${shown} covers ${covers.from} to ${covers.to}, which falls outside ${acceptedYears}. Check the year.`,

  notANumber: (shown: string): string => `${shown} is not a number that can be read as a date.`,

  beforeFirstExcelSerial: (shown: string): string =>
    `${shown} cannot be a date: Excel date serial numbers start at 1 (1 January 1900).`,

  lotusLeapDay: (shown: string): string =>
    `${shown} is Excel's serial number for 29 February 1900, a day that never existed (Excel counts 1900 as a leap year to match Lotus 1-2-3), so it is not a real date.`,

  afterLastExcelSerial: (shown: string): string =>
    `${shown} cannot be a date: it is larger than any Excel date serial number (the last is 2958465, 31 December 9999).`,

  implausibleExcelSerial: (shown: string, asUkDay: string): string =>
    `${shown} is not a plausible date. As an Excel date serial number it would be ${asUkDay}, outside ${acceptedYears}, so it is probably a count or a code rather than a date.`,

  invalidDateValue: (): string => 'The cell holds a date value that is not valid, so there is no date to read.',

  financialYearNotConsecutive: (shown: string, startYear: number): string =>
    `${shown} is not a financial year: a financial year runs from April to March, so the second year must follow the first (${formatFinancialYear(startYear)}).`,

  neitherMonthNorFinancialYear: (shown: string, year: number): string =>
    `${shown} is neither a month nor a financial year. Write a month as ${year}-01 to ${year}-12, and the financial year that starts in April ${year} as ${formatFinancialYear(year)}.`,

  ambiguousYearPair: (shown: string, year: number, month: number): string =>
    `${shown} is ambiguous: it could be the financial year ${formatFinancialYear(year)} (April ${year} to March ${year + 1}) or the month ${monthName(month)} ${year}. ` +
    `Write the financial year as FY${formatFinancialYear(year)} or ${year}/${year + 1}, or the month as ${shortMonth(month)} ${year}.`,

  notAQuarter: (shown: string): string => `${shown} is not a quarter: quarters run from Q1 to Q4.`,

  noYear: (shown: string): string =>
    `${shown} has no year, so the workbench cannot tell which year it belongs to. If it came from Excel, format the column to show the full date (for example 31/01/2018) and export it again.`,

  dayMonthOrMonthYear: (shown: string): string =>
    `${shown} has no four-digit year, so it could be a day and month or a month and year. Write dates as day/month/year (31/01/2018) and months as Jan 2018 or 2018-01.`,

  notAFinancialYear: (shown: string): string =>
    `${shown} is not a financial year. Write it as 2020/21, 2020-21 or 2020/2021.`,

  emptyFinancialYear: (): string => 'The financial year is empty, so there is no period to read.',

  emptyFinancialQuarter: (): string => 'The financial quarter is empty, so there is no period to read.',

  notAFinancialQuarter: (shown: string): string =>
    `${shown} is not a financial quarter: write Q1 (April to June), Q2, Q3 or Q4 (January to March), or 1 to 4.`,
};
