import { describe, expect, it } from 'vitest';
import type { PeriodFigures } from '../../../shared/statistics/offence-summary';
import type { CountComparison } from '../../../shared/statistics/change';
import { formatOneDecimal, formatRate, formatZ, periodCount, significanceOf, sortableCount } from '../../../renderer/src/analysis/analysis-format';
import { describeRankChange, formatScore, parseThresholds, parseWeight, thresholdsText } from '../../../renderer/src/matrix/matrix-format';

const figures = (coverage: PeriodFigures['coverage'], count: number): PeriodFigures =>
  ({ coverage, count, monthsCovered: coverage === 'partial' ? 5 : 12, monthsInPeriod: 12 }) as PeriodFigures;

describe('the Analysis screen’s figures', () => {
  it('writes rates to two decimals, weights to one, and the Poisson Z labelled', () => {
    expect(formatRate(10.256)).toBe('10.26');
    expect(formatRate(0)).toBe('0.00');
    expect(formatOneDecimal(3)).toBe('3.0');
    expect(formatZ(-3.8712)).toBe('Z = -3.87');
  });

  it('writes a period’s count, saying when the data does not cover it all', () => {
    expect(periodCount(figures('complete', 14800))).toEqual({ text: '14,800', note: null });
    expect(periodCount(figures('partial', 1660))).toEqual({ text: '1,660', note: 'only 5 of 12 months' });
    expect(periodCount(figures('none', 0))).toEqual({ text: 'No figures', note: null });
    // A period without figures sorts as blank, not among real zeros.
    expect(sortableCount(figures('none', 0))).toBeNull();
    expect(sortableCount(figures('complete', 0))).toBe(0);
  });

  it('gives each verdict a shape as well as words, so it never rests on colour', () => {
    expect(significanceOf(null)).toEqual({ symbol: '–', text: 'No comparison', tone: 'unavailable' });
    expect(significanceOf({ verdict: 'significant increase' } as CountComparison)).toMatchObject({ symbol: '▲', tone: 'increase' });
    expect(significanceOf({ verdict: 'significant decrease' } as CountComparison)).toMatchObject({ symbol: '▼', tone: 'decrease' });
    expect(significanceOf({ verdict: 'no significant change' } as CountComparison)).toMatchObject({ symbol: '●', text: 'No significant change' });
  });
});

describe('the Matrix screen’s figures', () => {
  it('writes scores with at most two decimals and a typographic minus', () => {
    expect(formatScore(30)).toBe('30');
    expect(formatScore(2.5)).toBe('2.5');
    expect(formatScore(1727.554)).toBe('1,727.55');
    expect(formatScore(-10)).toBe('−10');
  });

  it('reads thresholds and weights as typed, and writes thresholds back without thousands separators', () => {
    expect(parseThresholds('10, 50, 200, 1000')).toEqual({ ok: true, value: [10, 50, 200, 1000] });
    expect(parseThresholds('−5, 0, 5')).toEqual({ ok: true, value: [-5, 0, 5] });
    expect(parseThresholds('10,, 50').ok).toBe(false);
    expect(thresholdsText([10, 50, 1000])).toBe('10, 50, 1000');
    expect(parseWeight(' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseWeight('')).toEqual({ ok: false, message: 'Give the weight as a number, for example 1 or 2.5.' });
    expect(parseWeight('-1')).toEqual({ ok: false, message: 'A weight cannot be negative.' });
    expect(parseWeight('1001')).toEqual({ ok: false, message: 'A weight is 1,000 or less.' });
  });

  it('says how a rank moved in words', () => {
    const movement = (rankBefore: number, rankAfter: number) => ({ rankBefore, rankAfter, rankChange: rankBefore - rankAfter }) as Parameters<typeof describeRankChange>[0];
    expect(describeRankChange(movement(3, 3))).toBe('No change: still 3');
    expect(describeRankChange(movement(3, 2))).toBe('Up 1 place, from 3 to 2');
    expect(describeRankChange(movement(2, 5))).toBe('Down 3 places, from 2 to 5');
  });
});
