/**
 * Months as 'YYYY-MM' keys (the form `YearMonth` in shared/domain/partnership.ts validates),
 * and the arithmetic on them. Internally a month is counted from January of year 0, so adding
 * months is addition and a range is a loop.
 */

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The full English name of month 1 to 12. */
export function monthName(month: number): string {
  const name = monthNames[month - 1];
  if (name === undefined) throw new RangeError(`${month} is not a month number (1 to 12).`);
  return name;
}

/** Month 1 to 12 from an English name or its abbreviation ('Jan', 'Sept', 'september'). */
export function monthNumberFromName(name: string): number | undefined {
  const prefix = name.trim().slice(0, 3).toLowerCase();
  const index = monthNames.findIndex((candidate) => candidate.slice(0, 3).toLowerCase() === prefix);
  return index === -1 ? undefined : index + 1;
}

/** The number of months from January of year 0 to the given month. */
export function monthIndexOf(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** 'YYYY-MM' for a month index; years beyond 0–9999 have no four-digit key. */
export function monthKeyFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (!Number.isInteger(index) || year < 0 || year > 9999) {
    throw new RangeError(`Month index ${index} has no YYYY-MM form.`);
  }
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 'April 2018' for a month index; used in messages, so it never throws. */
export function describeMonthIndex(index: number): string {
  return `${monthName((((index % 12) + 12) % 12) + 1)} ${Math.floor(index / 12)}`;
}

function digitAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

const yearOfKey = (month: string) => digitAt(month, 0) * 1000 + digitAt(month, 1) * 100 + digitAt(month, 2) * 10 + digitAt(month, 3);
const monthOfKey = (month: string) => digitAt(month, 5) * 10 + digitAt(month, 6);

/**
 * Whether a text is a month key 'YYYY-MM', months 01 to 12. Read by character codes rather
 * than a regular expression: the Analysis checks thousands of them on every load.
 */
export function isMonthKey(text: string): boolean {
  const monthNumber = monthOfKey(text);
  return text.length === 7 && text.charCodeAt(4) === 45 && monthNumber >= 1 && monthNumber <= 12 && !Number.isNaN(yearOfKey(text));
}

/** Splits a 'YYYY-MM' key; a malformed key is a programming error, so it throws. */
export function readMonthKey(month: string): { year: number; month: number } {
  if (!isMonthKey(month)) throw new RangeError(`"${month}" is not a month in the form YYYY-MM.`);
  return { year: yearOfKey(month), month: monthOfKey(month) };
}

/** How many months from `fromMonth` to `toMonth`, both included; 0 if `toMonth` comes first. */
export function monthCount(fromMonth: string, toMonth: string): number {
  return Math.max(0, indexOfMonthKey(toMonth) - indexOfMonthKey(fromMonth) + 1);
}

function indexOfMonthKey(month: string): number {
  const parts = readMonthKey(month);
  return monthIndexOf(parts.year, parts.month);
}

/** The month `count` months after (or, if negative, before) `month`: addMonths('2018-11', 3) is '2019-02'. */
export function addMonths(month: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`${count} is not a whole number of months.`);
  return monthKeyFromIndex(indexOfMonthKey(month) + count);
}

/** Every month from `fromMonth` to `toMonth`, both included; empty if `toMonth` comes first. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  // A single month is by far the commonest span (police.uk data is monthly): skip the round trip.
  if (fromMonth === toMonth) {
    readMonthKey(fromMonth);
    return [fromMonth];
  }
  const first = indexOfMonthKey(fromMonth);
  const last = indexOfMonthKey(toMonth);
  const months: string[] = [];
  for (let index = first; index <= last; index += 1) months.push(monthKeyFromIndex(index));
  return months;
}

/** 'April 2018' for '2018-04'. */
export function formatMonthLong(month: string): string {
  const parts = readMonthKey(month);
  return `${monthName(parts.month)} ${parts.year}`;
}

/** '2018/19' for the financial year that starts in April 2018. */
export function formatFinancialYear(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/**
 * The UK financial year (1 April to 31 March, as police recorded crime is published) that
 * holds a month: '2018/19' for both '2018-04' and '2019-03'.
 */
export function financialYearOf(month: string): string {
  const parts = readMonthKey(month);
  return formatFinancialYear(parts.month >= 4 ? parts.year : parts.year - 1);
}
