import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween } from '../../../shared/dates';
import {
  annualTotals,
  compareCounts,
  countInPeriod,
  countsWithinPeriod,
  defaultAssessmentPeriods,
  describeChange,
  describePeriod,
  financialYearPeriod,
  harmFallbackFor,
  harmOf,
  monthlySeries,
  monthOfYearProfile,
  offenceRate,
  periodLength,
  previousPeriod,
  rateBaseFor,
  ratePer1000,
  ratePer1000Households,
  rolling12Months,
  summariseOffence,
  threeYearTrend,
  withReportedZeros,
  yearEndingPeriod,
  type MonthlyCount,
  type PeriodCount,
} from '../../../shared/statistics';
import { countWeightedSubgroupCssWeight, offenceSubgroupById } from '../../../shared/taxonomy';

/** A monthly aggregate row. */
const month = (key: string, count: number, offenceCode: string | null = null): PeriodCount => ({
  periodFrom: key,
  periodTo: key,
  count,
  offenceCode,
});

/** An aggregate over several months: a quarter or a year. */
const span = (periodFrom: string, periodTo: string, count: number, offenceCode: string | null = null): PeriodCount => ({
  periodFrom,
  periodTo,
  count,
  offenceCode,
});

/** Monthly rows from `from`, one per value. */
function monthlyRows(from: string, values: readonly number[], offenceCode: string | null = null): PeriodCount[] {
  return values.map((count, index) => month(addMonths(from, index), count, offenceCode));
}

const series = (from: string, values: readonly (number | null)[]): MonthlyCount[] =>
  values.map((count, index) => ({ month: addMonths(from, index), count }));

describe('assessment periods', () => {
  it('defaults to the latest 12 complete months and the 12 before them', () => {
    expect(defaultAssessmentPeriods('2019-03')).toEqual({
      current: { from: '2018-04', to: '2019-03' },
      comparison: { from: '2017-04', to: '2018-03' },
    });
  });

  it('reads a financial year as April to March', () => {
    expect(financialYearPeriod('2018/19')).toEqual({ from: '2018-04', to: '2019-03' });
    expect(financialYearPeriod('2018-2019')).toEqual({ from: '2018-04', to: '2019-03' });
    // "2011/12" could be December 2011 elsewhere; here it can only be a financial year.
    expect(financialYearPeriod('2011/12')).toEqual({ from: '2011-04', to: '2012-03' });
    expect(() => financialYearPeriod('2018/20')).toThrow(RangeError);
    expect(() => financialYearPeriod('Jan-18')).toThrow('not a financial year');
  });

  it('gives the ONS year ending a month, and the period before one of any length', () => {
    expect(yearEndingPeriod('2024-09')).toEqual({ from: '2023-10', to: '2024-09' });
    expect(previousPeriod({ from: '2019-01', to: '2019-03' })).toEqual({ from: '2018-10', to: '2018-12' });
    expect(previousPeriod({ from: '2019-01', to: '2019-01' })).toEqual({ from: '2018-12', to: '2018-12' });
    expect(periodLength({ from: '2018-04', to: '2019-03' })).toBe(12);
    expect(() => periodLength({ from: '2019-03', to: '2018-04' })).toThrow('ends before it starts');
    expect(() => periodLength({ from: '2019-3', to: '2019-04' })).toThrow(RangeError);
  });

  it('describes a period in words', () => {
    expect(describePeriod({ from: '2018-04', to: '2019-03' })).toBe('April 2018 to March 2019');
    expect(describePeriod({ from: '2018-04', to: '2018-04' })).toBe('April 2018');
  });
});

describe('counting in periods', () => {
  // Calendar quarters of 2018 and the first of 2019.
  const quarters = [
    span('2018-01', '2018-03', 10),
    span('2018-04', '2018-06', 12),
    span('2018-07', '2018-09', 14),
    span('2018-10', '2018-12', 16),
    span('2019-01', '2019-03', 18),
  ];

  it('adds up the source periods that lie wholly inside the period', () => {
    // 2018/19 is April 2018 to March 2019: 12 + 14 + 16 + 18 = 60, every month covered.
    expect(countInPeriod(quarters, financialYearPeriod('2018/19'))).toEqual({
      count: 60,
      coverage: 'complete',
      monthsCovered: 12,
      monthsInPeriod: 12,
      straddlingCount: 0,
    });
  });

  it('does not split a quarter that straddles the boundary, and says the period is only partly covered', () => {
    // The year ending April 2019 runs May 2018 to April 2019. April–June 2018 starts before
    // it, so its 12 are left out; July 2018 to March 2019 give 14 + 16 + 18 = 48 over 9
    // months; May, June 2018 and April 2019 are covered by nothing that fits.
    expect(countInPeriod(quarters, yearEndingPeriod('2019-04'))).toEqual({
      count: 48,
      coverage: 'partial',
      monthsCovered: 9,
      monthsInPeriod: 12,
      straddlingCount: 12,
    });
    expect(countsWithinPeriod(quarters, yearEndingPeriod('2019-04')).map((row) => row.count)).toEqual([14, 16, 18]);
  });

  it("reports 'none' when nothing covers the period, and counts a reported zero as coverage", () => {
    expect(countInPeriod(quarters, financialYearPeriod('2020/21'))).toMatchObject({ count: 0, coverage: 'none', monthsCovered: 0 });
    expect(countInPeriod([], { from: '2018-01', to: '2018-01' }).coverage).toBe('none');
    expect(countInPeriod([month('2018-01', 0)], { from: '2018-01', to: '2018-01' })).toMatchObject({ count: 0, coverage: 'complete' });
  });

  it('refuses counts that cannot come from the workspace', () => {
    expect(() => countInPeriod([month('2018-01', -1)], { from: '2018-01', to: '2018-12' })).toThrow(RangeError);
    expect(() => countInPeriod([month('2018-01', 1.5)], { from: '2018-01', to: '2018-12' })).toThrow(RangeError);
    expect(() => countInPeriod([span('2018-03', '2018-01', 4)], { from: '2018-01', to: '2018-12' })).toThrow(RangeError);
  });

  it('gives a monthly series with null where there is no monthly figure', () => {
    const counts = [
      month('2018-01', 3, '46'),
      month('2018-01', 2, null), // two rows for January (a code and no code): 3 + 2 = 5
      month('2018-02', 0),
      // no row for March
      span('2018-04', '2018-06', 9), // quarterly only: how the 9 fall across the months is unknown
      month('2018-05', 4), // a monthly row inside that quarter is only part of May's offences
    ];
    expect(monthlySeries(counts, { from: '2018-01', to: '2018-06' })).toEqual([
      { month: '2018-01', count: 5 },
      { month: '2018-02', count: 0 },
      { month: '2018-03', count: null },
      { month: '2018-04', count: null },
      { month: '2018-05', count: null },
      { month: '2018-06', count: null },
    ]);
  });

  it('totals 12-month years ending in a month, most recent last, null where incomplete', () => {
    // Quarters from October 2016 to September 2019, in years ending September:
    //   Oct 2016 – Sep 2017: 25 + 25 + 25 + 25 = 100
    //   Oct 2017 – Sep 2018: 20 + 30 + 30 + 30 = 110
    //   Oct 2018 – Sep 2019: 30 + 30 + 35 + 35 = 130
    // The year ending September 2016 has no data: null.
    const values = [25, 25, 25, 25, 20, 30, 30, 30, 30, 30, 35, 35];
    const counts = values.map((count, index) => span(addMonths('2016-10', 3 * index), addMonths('2016-12', 3 * index), count));
    const totals = annualTotals(counts, '2019-09', 4);
    expect(totals.map((year) => year.count)).toEqual([null, 100, 110, 130]);
    expect(totals.map((year) => year.period)).toEqual([
      { from: '2015-10', to: '2016-09' },
      { from: '2016-10', to: '2017-09' },
      { from: '2017-10', to: '2018-09' },
      { from: '2018-10', to: '2019-09' },
    ]);
    expect(() => annualTotals(counts, '2019-09', 0)).toThrow(RangeError);
  });

  it('turns the months a source reports on but lists nothing for into zeros', () => {
    // A monthly source reports January to March; the offence has a row for February only.
    const counts = [month('2018-02', 4)];
    const reported = [
      { from: '2018-01', to: '2018-01' },
      { from: '2018-02', to: '2018-02' },
      { from: '2018-03', to: '2018-03' },
      { from: '2018-01', to: '2018-03' }, // a quarterly source over the same months adds nothing
    ];
    const filled = withReportedZeros(counts, reported);
    expect(monthlySeries(filled, { from: '2018-01', to: '2018-04' }).map((entry) => entry.count)).toEqual([0, 4, 0, null]);
    expect(countInPeriod(filled, { from: '2018-01', to: '2018-03' })).toMatchObject({ count: 4, coverage: 'complete' });
  });
});

describe('rates per 1,000', () => {
  it('divides by residents or households and multiplies by 1,000', () => {
    // 250 offences ÷ 200,000 residents × 1,000 = 1.25
    expect(ratePer1000(250, 200_000)).toBe(1.25);
    // 45 burglaries ÷ 80,000 households × 1,000 = 0.5625
    expect(ratePer1000Households(45, 80_000)).toBe(0.5625);
    expect(ratePer1000(0, 200_000)).toBe(0);
  });

  it('gives null, never Infinity or NaN, without a usable denominator', () => {
    expect(ratePer1000(250, null)).toBeNull();
    expect(ratePer1000(250, 0)).toBeNull();
    expect(ratePer1000(250, -5)).toBeNull();
    expect(ratePer1000(250, Number.NaN)).toBeNull();
    expect(ratePer1000Households(45, null)).toBeNull();
    expect(ratePer1000(null, 200_000)).toBeNull();
    expect(() => ratePer1000(-1, 200_000)).toThrow(RangeError);
  });

  it('puts residential burglary per 1,000 households and everything else per 1,000 residents', () => {
    const denominators = { population: 200_000, households: 80_000 };
    expect(rateBaseFor('subgroup:residential-burglary')).toBe('households');
    expect(offenceRate('subgroup:residential-burglary', 45, denominators)).toEqual({
      base: 'households',
      denominator: 80_000,
      ratePer1000: 0.5625,
    });
    // police.uk "Burglary" includes burglaries of businesses, so it is per resident.
    expect(offenceRate('police-uk:burglary', 45, denominators)).toEqual({ base: 'residents', denominator: 200_000, ratePer1000: 0.225 });
    expect(offenceRate('indicator:asb-incidents', 250, denominators).ratePer1000).toBe(1.25);
    // No household figure: no rate, rather than a per-resident one in a per-household column.
    expect(offenceRate('subgroup:residential-burglary', 45, { population: 200_000, households: null }).ratePer1000).toBeNull();
  });
});

describe('change and significance (exact conditional test, with the Poisson Z beside it)', () => {
  it('no longer calls 81 to 100 significant, as the Poisson Z of exactly 2 did', () => {
    // Z = 2(√100 − √81) = 2(10 − 9) = 2.0 > 1.96, but exactly, given 181, 100 or more (or 81 or
    // fewer) in one of two equal periods has p = 0.1807616 (R: binom.test(100, 181)). Change +19; 19 ÷ 81 = 23.46%.
    const comparison = compareCounts(100, 81);
    expect(comparison.z).toBe(2);
    expect(comparison.pValue).toBeCloseTo(0.1807616032020341, 12);
    expect(comparison.change).toBe(19);
    expect(comparison.percentChange).toBeCloseTo(23.4568, 4);
    expect(comparison.significant).toBe(false);
    expect(comparison.verdict).toBe('no significant change');
    expect(describeChange(comparison)).toBe('Up 23% (from 81 to 100): not a significant change');
  });

  it('flags 100 to 140 as a significant increase, and 140 to 100 as a significant decrease', () => {
    // p = 2 × P(X ≥ 140 | n = 240, ½) = 0.0116641 (R: binom.test(140, 240)); Z = 2(√140 − √100) = 3.6643.
    const up = compareCounts(140, 100);
    expect(up.pValue).toBeCloseTo(0.01166409231767769, 12);
    expect(up.verdict).toBe('significant increase');
    expect(describeChange(up)).toBe('Up 40% (from 100 to 140): a significant increase');
    const down = compareCounts(100, 140);
    expect(down.pValue).toBeCloseTo(0.01166409231767769, 12);
    expect(down.percentChange).toBeCloseTo(-28.5714, 4);
    expect(down.verdict).toBe('significant decrease');
    expect(describeChange(down)).toBe('Down 29% (from 140 to 100): a significant decrease');
  });

  it('does not call a rise of 50% on small numbers significant', () => {
    // 4 to 6 is +50%, but Z = 2(√6 − √4) = 2(2.449490 − 2) = 0.898979 < 1.96.
    const comparison = compareCounts(6, 4);
    expect(comparison.percentChange).toBe(50);
    expect(comparison.z).toBeCloseTo(0.898979, 6);
    expect(comparison.significant).toBe(false);
    expect(comparison.verdict).toBe('no significant change');
    expect(describeChange(comparison)).toBe('Up 50% (from 4 to 6): not a significant change');
  });

  it('has no percentage when there were none before', () => {
    // 0 to 9: Z = 2(√9 − √0) = 6; exactly p = 2 ÷ 2^9 = 0.0039: significant. No percentage of 0 exists.
    const comparison = compareCounts(9, 0);
    expect(comparison.percentChange).toBeNull();
    expect(comparison.z).toBe(6);
    expect(describeChange(comparison)).toBe('Up from 0 to 9 (no percentage, as there were none before): a significant increase');
    expect(describeChange(compareCounts(0, 0))).toBe('None in either period: no change');
    expect(describeChange(compareCounts(0, 9))).toBe('Down 100% (from 9 to 0): a significant decrease');
  });

  it('writes thousands with commas, unchanged counts plainly, and tiny changes as less than 1%', () => {
    // 1,000 to 1,004: +0.4%, Z = 2(31.6861 − 31.6228) = 0.1264.
    expect(describeChange(compareCounts(1004, 1000))).toBe('Up less than 1% (from 1,000 to 1,004): not a significant change');
    expect(describeChange(compareCounts(12, 12))).toBe('No change (12 in both periods): not a significant change');
  });

  it('refuses what is not a count', () => {
    expect(() => compareCounts(-1, 4)).toThrow(RangeError);
    expect(() => compareCounts(4, 2.5)).toThrow(RangeError);
  });

  it('has Z antisymmetric in current and previous', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        expect(compareCounts(a, b).z === -compareCounts(b, a).z).toBe(true);
      }),
    );
  });

  it('never lets the order of the counts decide whether a change is significant', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        expect(compareCounts(a, b).significant).toBe(compareCounts(b, a).significant);
        expect(compareCounts(a, a).significant).toBe(false);
      }),
    );
  });
});

describe('three-year trend', () => {
  it('fits a least-squares line through three complete years', () => {
    // Totals 100, 110, 130 at years x = 0, 1, 2; x̄ = 1, ȳ = 340/3 = 113.33.
    // slope = Σ(x − x̄)(y − ȳ) ÷ Σ(x − x̄)² = [(−1)(100 − ȳ) + (1)(130 − ȳ)] ÷ 2 = 30 ÷ 2 = 15 a year.
    // 15 ÷ 113.33 = 13.24% of the mean, above 5%: rising. Intercept = ȳ − 15 = 98.33.
    const trend = threeYearTrend([null, 100, 110, 130]);
    expect(trend).not.toBeNull();
    expect(trend!.totals).toEqual([100, 110, 130]);
    expect(trend!.slopePerYear).toBeCloseTo(15, 10);
    expect(trend!.meanPerYear).toBeCloseTo(113.3333, 4);
    expect(trend!.slopePercentOfMean).toBeCloseTo(13.2353, 4);
    expect(trend!.direction).toBe('rising');
    expect(trend!.fitted[0]).toBeCloseTo(98.3333, 4);
    expect(trend!.fitted[2]).toBeCloseTo(128.3333, 4);
  });

  it("calls a slope under 5% of the mean 'flat'", () => {
    // 100, 102, 104: slope (104 − 100) ÷ 2 = 2; mean 102; 2 ÷ 102 = 1.96% < 5%.
    expect(threeYearTrend([100, 102, 104])!.direction).toBe('flat');
    // 120, 100, 90: slope (90 − 120) ÷ 2 = −15; mean 103.33; −14.5%.
    expect(threeYearTrend([120, 100, 90])!.direction).toBe('falling');
    // Nothing in three years: flat, with no percentage of a zero mean.
    expect(threeYearTrend([0, 0, 0])).toMatchObject({ direction: 'flat', slopePercentOfMean: null, slopePerYear: 0 });
  });

  it('needs three complete years', () => {
    expect(threeYearTrend([100, 110])).toBeNull();
    expect(threeYearTrend([100, null, 130])).toBeNull();
    expect(threeYearTrend([90, 100, 110, null])).toBeNull();
  });
});

describe('rolling 12 months and the month-of-year profile', () => {
  // 2018: January 1, February 2, … December 12. 2019: each month 2 more (3 … 14).
  const twoYears = series('2018-01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);

  it('sums each month with the 11 before it', () => {
    const rolling = rolling12Months(twoYears);
    expect(rolling).toHaveLength(24);
    expect(rolling.slice(0, 11).every((entry) => entry.total === null)).toBe(true);
    // December 2018: 1 + 2 + … + 12 = 78.
    expect(rolling[11]).toEqual({ month: '2018-12', total: 78 });
    // January 2019: 78 − 1 (January 2018) + 3 (January 2019) = 80; February: 80 − 2 + 4 = 82.
    expect(rolling[12]).toEqual({ month: '2019-01', total: 80 });
    expect(rolling[13]).toEqual({ month: '2019-02', total: 82 });
    // December 2019: 3 + 4 + … + 14 = 78 + 12 × 2 = 102.
    expect(rolling[23]).toEqual({ month: '2019-12', total: 102 });
  });

  it('leaves a window with a missing month empty', () => {
    const withGap = twoYears.map((entry) => (entry.month === '2019-03' ? { ...entry, count: null } : entry));
    const rolling = rolling12Months(withGap);
    expect(rolling[13]!.total).toBe(82); // February 2019 is before the gap
    expect(rolling.slice(14).every((entry) => entry.total === null)).toBe(true);
    expect(() => rolling12Months(series('2018-01', [1, 2]).concat(series('2018-06', [3])))).toThrow('month by month');
  });

  it('gives each calendar month its mean and share of a typical year', () => {
    // January: (1 + 3) ÷ 2 = 2; February (2 + 4) ÷ 2 = 3; … December (12 + 14) ÷ 2 = 13.
    // The typical year is 2 + 3 + … + 13 = 90, so January's share is 2/90 and December's 13/90.
    const profile = monthOfYearProfile(twoYears);
    expect(profile).toHaveLength(12);
    expect(profile[0]).toEqual({ monthNumber: 1, monthName: 'January', monthsWithData: 2, meanCount: 2, shareOfYear: 2 / 90 });
    expect(profile[11]).toEqual({ monthNumber: 12, monthName: 'December', monthsWithData: 2, meanCount: 13, shareOfYear: 13 / 90 });
    expect(profile.reduce((sum, entry) => sum + entry.shareOfYear!, 0)).toBeCloseTo(1, 12);
  });

  it('leaves missing months out of the mean, and gives no shares without all twelve', () => {
    // Only 2018 January to June, with March missing.
    const profile = monthOfYearProfile(series('2018-01', [4, 6, null, 8, 10, 12]));
    expect(profile[2]).toMatchObject({ meanCount: null, monthsWithData: 0, shareOfYear: null });
    expect(profile[3]).toMatchObject({ meanCount: 8, monthsWithData: 1, shareOfYear: null });
  });

  it('gives a monthly series exactly as long as the period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.tuple(fc.integer({ min: -24, max: 140 }), fc.integer({ min: 0, max: 3 }), fc.nat(50)), { maxLength: 40 }),
        (year, monthNumber, length, rows) => {
          const from = `${year}-${String(monthNumber).padStart(2, '0')}`;
          const period = { from, to: addMonths(from, length - 1) };
          const counts = rows.map(([offset, extraMonths, count]) =>
            span(addMonths(from, offset), addMonths(from, offset + extraMonths), count),
          );
          const monthly = monthlySeries(counts, period);
          expect(monthly).toHaveLength(periodLength(period));
          expect(monthly.map((entry) => entry.month)).toEqual(monthsBetween(period.from, period.to));
        },
      ),
    );
  });

  it('makes the rolling 12 months of a constant series 12 times the constant', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 12, max: 60 }), (constant, length) => {
        const rolling = rolling12Months(series('2015-04', Array.from({ length }, () => constant)));
        expect(rolling.slice(11).every((entry) => entry.total === 12 * constant)).toBe(true);
        expect(rolling.slice(0, 11).every((entry) => entry.total === null)).toBe(true);
      }),
    );
  });
});

describe('harm (ONS Crime Severity Score)', () => {
  // ONS CSS weights (shared/taxonomy, about December 2020): 28E burglary residential
  // 465.3814732; 29A aggravated burglary residential 2,288.669158. The residential burglary
  // subgroup weight is the plain mean of its 10 codes: 8 × 465.3814732 (28A–28H) and
  // 2 × 2,288.669158 (29, 29A) → (3,723.0517856 + 4,577.338316) ÷ 10 = 830.03901016.
  const burglaryResidential = 465.3814732;
  const aggravatedBurglaryResidential = 2288.669158;
  const residentialBurglarySubgroup = 830.03901016;

  it('prices offences at their own code weight where codes are known', () => {
    // 10 × 465.3814732 + 1 × 2,288.669158 = 4,653.814732 + 2,288.669158 = 6,942.48389;
    // ÷ 11 offences = 631.134899 per offence.
    const harm = harmOf('subgroup:residential-burglary', [month('2018-04', 10, '28E'), month('2018-05', 1, '29A')]);
    expect(harm.method).toBe('code-level');
    expect(harm.totalHarm).toBeCloseTo(10 * burglaryResidential + aggravatedBurglaryResidential, 6);
    expect(harm.totalHarm).toBeCloseTo(6942.48389, 5);
    expect(harm.meanWeight).toBeCloseTo(631.134899, 5);
    expect(harm).toMatchObject({ offences: 11, offencesAtCodeWeight: 11, offencesWithoutCodeWeight: 0 });
  });

  it("falls back to the subgroup's weight where the source gives no code", () => {
    // 4 × 830.03901016 = 3,320.15604064.
    const harm = harmOf('subgroup:residential-burglary', [month('2018-04', 4)]);
    expect(harm.method).toBe('subgroup-weight');
    expect(harm.totalHarm).toBeCloseTo(3320.15604064, 6);
    expect(harm.meanWeight).toBeCloseTo(residentialBurglarySubgroup, 6);
    expect(harm.fallback).toEqual({ weight: expect.closeTo(residentialBurglarySubgroup, 6), basis: 'subgroup' });
  });

  it("says 'mixed' when some offences have codes and some do not", () => {
    // 10 × 465.3814732 + 4 × 830.03901016 = 4,653.814732 + 3,320.15604064 = 7,973.97077264;
    // ÷ 14 = 569.569341 per offence.
    const harm = harmOf('subgroup:residential-burglary', [month('2018-04', 10, '28E'), month('2018-04', 4, null)]);
    expect(harm.method).toBe('mixed');
    expect(harm.totalHarm).toBeCloseTo(7973.97077264, 6);
    expect(harm.meanWeight).toBeCloseTo(569.569341, 5);
    expect(harm).toMatchObject({ offencesAtCodeWeight: 10, offencesWithoutCodeWeight: 4 });
  });

  it('prices a code ONS gives no weight at its subgroup weight', () => {
    // 8U (controlling or coercive behaviour) has no ONS weight. Stalking and harassment's weight
    // is the mean of 8L 36.09753014, 8M 37.51129786, 8Q 56.34970967 and 8R 15.13892861:
    // 145.09746628 ÷ 4 = 36.27436657.
    const harm = harmOf('subgroup:stalking-and-harassment', [month('2018-04', 2, '8U')]);
    expect(harm.method).toBe('subgroup-weight');
    expect(harm.meanWeight).toBeCloseTo(36.27436657, 8);
    // Under the broad police.uk type it is still priced at its own subgroup's weight, not the type's mean.
    expect(harmOf('police-uk:violent-crime', [month('2018-04', 2, '8U')]).meanWeight).toBeCloseTo(36.27436657, 8);
  });

  it('uses the mean of the covered subgroups for a broad type without codes', () => {
    // police.uk "Burglary" covers residential (830.03901016) and non-residential burglary
    // (4 × 123.0183965 + 2 × 1,849.520062 over 6 codes = 698.51895167):
    // (830.03901016 + 698.51895167) ÷ 2 = 764.27898091; × 3 offences = 2,292.83694274.
    const harm = harmOf('police-uk:burglary', [month('2018-04', 3)]);
    expect(harm.fallback).toEqual({ weight: expect.closeTo(764.27898091, 6), basis: 'mean-of-covered-subgroups' });
    expect(harm.totalHarm).toBeCloseTo(2292.83694274, 5);
    expect(harm.method).toBe('subgroup-weight');
    expect(harmFallbackFor('total:recorded-crime')?.basis).toBe('mean-of-covered-subgroups');
  });

  it('does not price indicators, which are not crimes', () => {
    expect(harmOf('indicator:asb-incidents', [month('2018-04', 40)])).toMatchObject({
      totalHarm: null,
      meanWeight: null,
      method: 'not-applicable',
      offences: 40,
    });
    expect(harmOf('police-uk:anti-social-behaviour', [month('2018-04', 40)]).method).toBe('not-applicable');
    expect(() => harmOf('subgroup:no-such-thing', [])).toThrow('is not an offence key');
  });

  it('has no mean weight without offences', () => {
    expect(harmOf('subgroup:shoplifting', [])).toMatchObject({ totalHarm: 0, meanWeight: null, method: 'subgroup-weight' });
    expect(harmOf('subgroup:shoplifting', [month('2018-04', 0, '46')]).method).toBe('code-level');
  });

  it('agrees with the taxonomy for any mix of codes in one subgroup', () => {
    const codes = [...offenceSubgroupById('residential-burglary').homeOfficeCodes, null];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...codes), fc.nat(500)), { maxLength: 20 }), (rows) => {
        const harm = harmOf('subgroup:residential-burglary', rows.map(([code, count]) => month('2018-04', count, code)));
        const expected = countWeightedSubgroupCssWeight(
          'residential-burglary',
          rows.map(([homeOfficeCode, count]) => ({ homeOfficeCode, count })),
        );
        expect(harm.totalHarm).toBeCloseTo(expected.severityTotal, 6);
        expect(harm.offencesWithoutCodeWeight).toBe(expected.offencesAtSubgroupWeight);
      }),
    );
  });
});

describe('the offence summary', () => {
  // Shoplifting (code 46, ONS weight 11.85553905), monthly from April 2016 to March 2019:
  // 8 a month in 2016/17 (96), 9 in 2017/18 (108), 10 in 2018/19 (120). 100,000 residents.
  const counts = [
    ...monthlyRows('2016-04', Array.from({ length: 12 }, () => 8), '46'),
    ...monthlyRows('2017-04', Array.from({ length: 12 }, () => 9), '46'),
    ...monthlyRows('2018-04', Array.from({ length: 12 }, () => 10), '46'),
  ];
  const periods = defaultAssessmentPeriods('2019-03');
  const denominators = { population: 100_000, households: 42_000 };

  it('gives everything the Analysis table shows', () => {
    const summary = summariseOffence({ offenceKey: 'subgroup:shoplifting', counts, periods, denominators });
    expect(summary.rateBase).toBe('residents');
    expect(summary.denominator).toBe(100_000);
    expect(summary.current).toMatchObject({ count: 120, coverage: 'complete', label: 'April 2018 to March 2019' });
    expect(summary.comparison).toMatchObject({ count: 108, coverage: 'complete', label: 'April 2017 to March 2018' });
    // 120 ÷ 100,000 × 1,000 = 1.2; 108 ÷ 100,000 × 1,000 = 1.08.
    expect(summary.current.ratePer1000).toBeCloseTo(1.2, 12);
    expect(summary.comparison.ratePer1000).toBeCloseTo(1.08, 12);
    // Z = 2(√120 − √108) = 2(10.954451 − 10.392305) = 1.124293 < 1.96; +12 is 11.1% of 108.
    expect(summary.change!.z).toBeCloseTo(1.124293, 6);
    expect(summary.changeSentence).toBe('Up 11% (from 108 to 120): not a significant change');
    // 120 × 11.85553905 = 1,422.664686, all at code level.
    expect(summary.harm).toMatchObject({ method: 'code-level', offences: 120 });
    expect(summary.harm.totalHarm).toBeCloseTo(1422.664686, 6);
    // Years ending March: 96, 108, 120; slope (120 − 96) ÷ 2 = 12 a year, 12 ÷ 108 = 11.1%: rising.
    expect(summary.annualTotals.map((year) => year.count)).toEqual([96, 108, 120]);
    expect(summary.trend).toMatchObject({ slopePerYear: 12, direction: 'rising' });
    expect(summary.current.monthly).toHaveLength(12);
    expect(summary.comparison.monthly.every((entry) => entry.count === 9)).toBe(true);
    // The history runs over the three trend years, April 2016 to March 2019.
    expect(summary.history.period).toEqual({ from: '2016-04', to: '2019-03' });
    const rollingByMonth = new Map(summary.history.rolling12.map((entry) => [entry.month, entry.total]));
    expect(rollingByMonth.get('2017-02')).toBeNull();
    expect(rollingByMonth.get('2017-03')).toBe(96);
    expect(rollingByMonth.get('2017-04')).toBe(97); // 96 − 8 (April 2016) + 9 (April 2017)
    expect(rollingByMonth.get('2019-03')).toBe(120);
    // Every calendar month averages (8 + 9 + 10) ÷ 3 = 9, a twelfth of the year.
    expect(summary.monthOfYear.every((entry) => entry.meanCount === 9 && entry.shareOfYear === 1 / 12)).toBe(true);
  });

  it('gives no comparison or rate for a period the data covers only in part', () => {
    const withoutJanuary = counts.filter((row) => row.periodFrom !== '2019-01');
    const summary = summariseOffence({ offenceKey: 'subgroup:shoplifting', counts: withoutJanuary, periods, denominators });
    expect(summary.current).toMatchObject({ count: 110, coverage: 'partial', monthsCovered: 11, ratePer1000: null });
    expect(summary.change).toBeNull();
    expect(summary.changeSentence).toBe('No comparison: the figures cover only 11 of the 12 months of April 2018 to March 2019.');
    expect(summary.trend).toBeNull();

    // If the source reported on January 2019 and simply listed no shoplifting, it was a 0.
    const filled = withReportedZeros(withoutJanuary, [{ from: '2019-01', to: '2019-01' }]);
    const completed = summariseOffence({ offenceKey: 'subgroup:shoplifting', counts: filled, periods, denominators });
    expect(completed.current).toMatchObject({ count: 110, coverage: 'complete' });
    expect(completed.changeSentence).toBe('Up 2% (from 108 to 110): not a significant change');
  });

  it('says when a period has no figures at all', () => {
    const summary = summariseOffence({
      offenceKey: 'subgroup:residential-burglary',
      counts: [],
      periods,
      denominators: { population: 100_000, households: null },
    });
    expect(summary.rateBase).toBe('households');
    expect(summary.denominator).toBeNull();
    expect(summary.changeSentence).toBe(
      'No comparison: there are no figures for April 2018 to March 2019, and there are no figures for April 2017 to March 2018.',
    );
    expect(summary.harm).toMatchObject({ offences: 0, meanWeight: null });
  });
});
