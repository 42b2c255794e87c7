import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatLongDate,
  formatShare,
  formatShortDate,
  formatSignedCount,
  formatSignedPercent,
  formatUpTo,
  formatYearMonth,
  formatList,
  formatOrdinal,
  formatPrintedCount,
  formatPrintedFigure,
  formatSignedUpTo,
  formatUkDate,
  formatUkDateTime,
  typographicQuotes,
  withTrueMinus,
} from '../../../shared/format';

describe('shared/format: numbers', () => {
  it('writes counts with a comma between thousands, rounded to a whole number', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1660)).toBe('1,660');
    expect(formatCount(9_007_199_254_740_991)).toBe('9,007,199,254,740,991');
    expect(formatCount(2.5)).toBe('3');
  });

  it('signs a change, and leaves zero unsigned', () => {
    expect(formatSignedCount(1428)).toBe('+1,428');
    expect(formatSignedCount(-572)).toBe('-572');
    expect(formatSignedCount(0)).toBe('0');
    expect(formatSignedPercent(10.312)).toBe('+10.3%');
    expect(formatSignedPercent(-3.1)).toBe('-3.1%');
    expect(formatSignedPercent(0)).toBe('0.0%');
    expect(formatSignedPercent(2.345, 2)).toBe('+2.35%');
  });

  it('writes a fixed number of decimals, or at most a number', () => {
    expect(formatDecimal(10.256, 2)).toBe('10.26');
    expect(formatDecimal(3, 1)).toBe('3.0');
    expect(formatDecimal(1234.5, 2)).toBe('1,234.50');
    expect(formatUpTo(30, 2)).toBe('30');
    expect(formatUpTo(2.5, 2)).toBe('2.5');
    expect(formatUpTo(1727.554, 2)).toBe('1,727.55');
    expect(formatUpTo(3.25, 1)).toBe('3.3');
  });

  it('writes a share as a whole percentage', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.455)).toBe('46%');
    expect(formatShare(1)).toBe('100%');
  });

  it('writes sizes and durations as an analyst reads them', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(12 * 1024)).toBe('12 KB');
    expect(formatBytes(3.44 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5,120 GB');
    expect(formatDuration(40)).toBe('40 seconds');
    expect(formatDuration(80)).toBe('1 minute');
    expect(formatDuration(170)).toBe('3 minutes');
  });
});

describe('shared/format: dates', () => {
  it('writes a month in full, and gives back what is not a month', () => {
    expect(formatYearMonth('2018-04')).toBe('April 2018');
    expect(formatYearMonth('2019-12')).toBe('December 2019');
    expect(formatYearMonth('2018')).toBe('2018');
    expect(formatYearMonth('not a month')).toBe('not a month');
  });

  it('writes a timestamp as its day, or to the minute, day first', () => {
    // Local times, so the figures hold in any time zone the tests run in.
    expect(formatShortDate('2026-11-27T10:00:00')).toBe('27 Nov 2026');
    expect(formatDateTime('2026-11-28T14:05:00')).toBe('28 Nov 2026, 14:05');
    expect(formatDateTime('2026-11-28T09:05:00')).toBe('28 Nov 2026, 09:05');
    expect(formatShortDate('yesterday')).toBe('yesterday');
    expect(formatDateTime('')).toBe('');
  });

  it('writes a calendar date in full, the same in every time zone', () => {
    expect(formatLongDate('2019-03-31')).toBe('31 March 2019');
    expect(formatLongDate('2019-01-01')).toBe('1 January 2019');
  });
});

describe('shared/format: exports', () => {
  it('writes a timestamp in UK time whatever the machine’s zone, summer time included', () => {
    expect(formatUkDateTime('2026-12-07T14:05:00Z')).toBe('7 December 2026 at 14:05');
    expect(formatUkDateTime('2026-07-01T23:30:00Z')).toBe('2 July 2026 at 00:30');
    expect(formatUkDate('2026-07-01T23:30:00Z')).toBe('2 July 2026');
    expect(formatUkDate('not a date')).toBe('not a date');
  });

  it('prints a true minus sign in documents, and signs a change to at most the decimals asked', () => {
    expect(formatPrintedCount(-574)).toBe('\u2212574');
    expect(formatPrintedCount(1428)).toBe('1,428');
    expect(formatPrintedFigure(-0.456)).toBe('\u22120.46');
    expect(withTrueMinus('-5%')).toBe('\u22125%');
    expect(formatSignedUpTo(12.5, 2)).toBe('+12.5');
    expect(formatSignedUpTo(-3, 2)).toBe('-3');
    expect(formatSignedUpTo(0, 2)).toBe('0');
  });

  it('writes ranks as ordinals, the teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(formatOrdinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('writes a list as GOV.UK does, with no comma before “and”', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['robbery'])).toBe('robbery');
    expect(formatList(['robbery', 'burglary'])).toBe('robbery and burglary');
    expect(formatList(['robbery', 'burglary', 'drug offences'])).toBe('robbery, burglary and drug offences');
  });

  it('sets apostrophes inside and at the end of words, and leaves quotation marks as typed', () => {
    expect(typographicQuotes("the analyst's judgement, the partners' aims")).toBe('the analyst’s judgement, the partners’ aims');
    expect(typographicQuotes("'quoted'")).toBe("'quoted'");
  });
});
