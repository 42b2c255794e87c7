import { parseUkPeriod } from './parse-uk-period';

export type DayParseResult = { ok: true; day: string } | { ok: false; reason: string };

/**
 * One calendar day as an analyst types it: day/month/year (31/03/2019, 31/3/19, 31 March 2019)
 * or YYYY-MM-DD, read by the same rules as a date cell in an imported file, so "01/31/2019" is
 * refused rather than turned round, and 30/02/2019 is refused with the reason. A month or a
 * year on its own, or a bare number (which a spreadsheet would read as a serial), is not a day.
 */
export function parseUkDay(text: string): DayParseResult {
  const trimmed = text.trim();
  const example = 'Give a day, month and year, for example 31/03/2019.';
  if (trimmed === '') return { ok: false, reason: `No date was given. ${example}` };
  if (/^\d+$/.test(trimmed)) return { ok: false, reason: `"${trimmed}" is not a date. ${example}` };
  const reading = parseUkPeriod(trimmed);
  if (!reading.ok) return { ok: false, reason: reading.reason };
  if (reading.period.granularity !== 'day' || !reading.period.day) {
    return { ok: false, reason: `"${trimmed}" is not a single day. ${example}` };
  }
  return { ok: true, day: reading.period.day };
}

/** Whether 'YYYY-MM-DD' names a day that exists (no 30 February). */
export function isRealIsoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const reading = parseUkDay(text);
  return reading.ok && reading.day === text;
}
