/**
 * Dates as the workbench writes them, in British English, day before month. A timestamp (when a
 * file was imported, a run frozen) is shown in the analyst's own time zone; a calendar date (a
 * review date) and a month are the same wherever they are read.
 */

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2018-04' → 'April 2018'; anything else is given back as it is. */
export function formatYearMonth(value: string): string {
  const [year, month] = value.split('-').map(Number);
  if (!year || !month) return value;
  return monthYear.format(new Date(Date.UTC(year, month - 1, 1)));
}

function timestamp(iso: string, format: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

/** An ISO timestamp as its day: '27 Nov 2026'. */
export function formatShortDate(iso: string): string {
  return timestamp(iso, shortDate);
}

/** An ISO timestamp to the minute: '28 Nov 2026, 14:05'. */
export function formatDateTime(iso: string): string {
  return timestamp(iso, dateTime);
}

/** A calendar date, 'YYYY-MM-DD', in full: '31 March 2019'. */
export function formatLongDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}
