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
} from '../../../shared/format';
import { formatCount as formatCountWhereItWas } from '../../../shared/format-count';

describe('shared/format: numbers', () => {
  it('writes counts with a comma between thousands, rounded to a whole number', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1660)).toBe('1,660');
    expect(formatCount(9_007_199_254_740_991)).toBe('9,007,199,254,740,991');
    expect(formatCount(2.5)).toBe('3');
    expect(formatCountWhereItWas(190_470)).toBe('190,470');
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
