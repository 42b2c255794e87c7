/**
 * Calendar facts the date parser relies on: leap years, month lengths, the years the
 * workbench accepts and how a two-digit year is read. Plain arithmetic, so that the rules are
 * visible here rather than hidden in a library's defaults.
 */

/** A date on the proleptic Gregorian calendar; month and day count from 1. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The years the workbench accepts, inclusive. Police recorded crime under the National Crime
 * Recording Standard starts in April 2002, and police.uk street-level data in December 2010,
 * so a year before 1990 in a crime spreadsheet is almost always a slip or a number that is
 * not a date at all. 2100 leaves room for targets and projections.
 */
export const earliestAcceptedYear = 1990;
export const latestAcceptedYear = 2100;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const daysInMonthOfCommonYear = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  const days = daysInMonthOfCommonYear[month - 1];
  if (days === undefined) throw new RangeError(`${month} is not a month number (1 to 12).`);
  return month === 2 && isLeapYear(year) ? 29 : days;
}

/**
 * Reads a two-digit year: 90–99 are 1990–1999 and 00–89 are 2000–2089.
 *
 * Why this pivot: the workbench accepts only 1990 to 2100, and this is the one window of a
 * hundred years that lies inside that range, so every two-digit year has exactly one
 * acceptable reading and none is guessed. It agrees with Excel's own rule (00–29 are 2000s)
 * for every year up to 2029; Excel would read 30–89 as 1930–1989, which the workbench would
 * reject anyway.
 */
export function expandTwoDigitYear(twoDigits: number): number {
  if (!Number.isInteger(twoDigits) || twoDigits < 0 || twoDigits > 99) {
    throw new RangeError(`${twoDigits} is not a two-digit year.`);
  }
  return twoDigits >= 90 ? 1900 + twoDigits : 2000 + twoDigits;
}

/** Reads a year written with four digits, or with two under the pivot above. */
export function readWrittenYear(yearText: string): number {
  const year = Number(yearText);
  return yearText.length === 2 ? expandTwoDigitYear(year) : year;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 'YYYY-MM-DD', the form stored with a day period. */
export function formatDayKey({ year, month, day }: CalendarDay): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** 'DD/MM/YYYY', the form an analyst reads in a message. */
export function formatUkDay({ year, month, day }: CalendarDay): string {
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}
