import { linearRegression, mean } from 'simple-statistics';
import { monthCount } from '../dates';
import { monthName } from '../dates/months';
import type { MonthlyCount } from './period-counts';

/**
 * Trend and seasonality for one offence: the three-year trend, the rolling 12 months and the
 * month-of-year profile the brief asks for (brief.md, workflow 3), as Fife CSP and the Essex
 * performance packs show them (domain.md §1).
 */

export type TrendDirection = 'rising' | 'falling' | 'flat';

/** A slope smaller than this share of the yearly mean is 'flat'. */
export const flatTrendShareOfMean = 0.05;

export interface ThreeYearTrend {
  /** The three annual totals used, oldest first. */
  totals: readonly [number, number, number];
  /** The least-squares slope, in offences per year. */
  slopePerYear: number;
  /** The mean of the three totals. */
  meanPerYear: number;
  /** The slope as a percentage of the mean; null when the mean is 0 (no offences in three years). */
  slopePercentOfMean: number | null;
  direction: TrendDirection;
  /** The fitted line at each of the three years, oldest first, for a chart. */
  fitted: readonly [number, number, number];
}

export interface Rolling12Month {
  month: string;
  /** The sum of this month and the 11 before it; null until 12 months with figures are available. */
  total: number | null;
}

export interface MonthOfYearEntry {
  /** 1 for January to 12 for December. */
  monthNumber: number;
  monthName: string;
  /** How many of this calendar month's figures the mean is taken over (one per year of data). */
  monthsWithData: number;
  /** The mean count in this calendar month; null when the data has no figure for it. */
  meanCount: number | null;
  /**
   * The share of a typical year that falls in this month, 0 to 1: meanCount ÷ the sum of the
   * twelve means. Null unless all twelve months have a figure and the year is not empty.
   */
  shareOfYear: number | null;
}

/**
 * The trend over the latest three years, by least squares on (0, 1, 2) against the totals, so
 * the slope is in offences per year; for three points it is (latest − earliest) ÷ 2. Only the
 * last three entries are used, oldest first, and all three must be complete: a trend through a
 * missing or part year is not a trend. Null when fewer than three complete years are there.
 */
export function threeYearTrend(annualTotals: readonly (number | null)[]): ThreeYearTrend | null {
  const lastThree = annualTotals.slice(-3).filter((total): total is number => total !== null);
  if (annualTotals.length < 3 || lastThree.length < 3) return null;
  const totals = [lastThree[0]!, lastThree[1]!, lastThree[2]!] as const;
  for (const total of totals) {
    if (!Number.isFinite(total) || total < 0) throw new RangeError(`An annual total must be 0 or more, not ${total}.`);
  }
  const { m: slopePerYear, b: intercept } = linearRegression(totals.map((total, year) => [year, total]));
  const meanPerYear = mean(totals);
  const slopePercentOfMean = meanPerYear === 0 ? null : (slopePerYear / meanPerYear) * 100;
  return {
    totals,
    slopePerYear,
    meanPerYear,
    slopePercentOfMean,
    direction: trendDirection(slopePerYear, meanPerYear),
    fitted: [intercept, intercept + slopePerYear, intercept + 2 * slopePerYear],
  };
}

/** 'flat' when |slope| < 5% of the mean (always so for an all-zero series), else by the slope's sign. */
function trendDirection(slopePerYear: number, meanPerYear: number): TrendDirection {
  if (Math.abs(slopePerYear) < flatTrendShareOfMean * meanPerYear || slopePerYear === 0) return 'flat';
  return slopePerYear > 0 ? 'rising' : 'falling';
}

/** Months in a series must follow one another, or a "12-month" window would not be 12 months. */
function assertConsecutive(monthly: readonly MonthlyCount[]): void {
  for (let index = 1; index < monthly.length; index += 1) {
    const previous = monthly[index - 1]!.month;
    const month = monthly[index]!.month;
    if (month <= previous || monthCount(previous, month) !== 2) {
      throw new RangeError(`A monthly series must run month by month, but ${month} follows ${previous}.`);
    }
  }
}

/**
 * Rolling 12-month totals: for each month, the sum of it and the 11 months before it. Null for
 * the first 11 months and for any window holding a month without a figure, since a window
 * short of a month would understate the year.
 */
export function rolling12Months(monthly: readonly MonthlyCount[]): Rolling12Month[] {
  assertConsecutive(monthly);
  return monthly.map((entry, index) => {
    if (index < 11) return { month: entry.month, total: null };
    let total = 0;
    for (const { count } of monthly.slice(index - 11, index + 1)) {
      if (count === null) return { month: entry.month, total: null };
      total += count;
    }
    return { month: entry.month, total };
  });
}

/**
 * The seasonal profile: for each calendar month, January to December, the mean of its figures
 * across the years in the series, and its share of a typical year. Months without a figure are
 * left out of the mean rather than read as 0.
 */
export function monthOfYearProfile(monthly: readonly MonthlyCount[]): MonthOfYearEntry[] {
  const figuresByMonth: number[][] = Array.from({ length: 12 }, () => []);
  for (const { month, count } of monthly) {
    if (count === null) continue;
    figuresByMonth[Number(month.slice(5, 7)) - 1]!.push(count);
  }
  const means = figuresByMonth.map((figures) => (figures.length === 0 ? null : mean(figures)));
  const complete = means.every((value) => value !== null);
  const yearTotal = complete ? means.reduce<number>((sum, value) => sum + (value ?? 0), 0) : 0;
  return means.map((meanCount, index) => ({
    monthNumber: index + 1,
    monthName: monthName(index + 1),
    monthsWithData: figuresByMonth[index]!.length,
    meanCount,
    shareOfYear: complete && yearTotal > 0 && meanCount !== null ? meanCount / yearTotal : null,
  }));
}
