import { describe, expect, it } from 'vitest';
import { chartDashes, chartPalette, dashArray, seriesStyle } from '../../../shared/charts/chart-palette';
import { describeRanking, fitLabel, rankingChart } from '../../../shared/charts/ranking-chart';

const rows = [
  { key: 'a', label: 'Violence with injury', rank: 1, score: 30 },
  { key: 'b', label: 'Sexual offences', rank: 2, score: 30 },
  { key: 'c', label: 'Violence without injury', rank: 3, score: 28 },
  { key: 'd', label: 'Drug offences', rank: 4, score: 27 },
  { key: 'e', label: 'Criminal damage and arson', rank: 5, score: 25 },
  { key: 'f', label: 'Homicide', rank: 6, score: null },
];

describe('the ranking chart', () => {
  const spec = rankingChart(rows, { width: 460, rowHeight: 20 });

  it('draws bars from zero, in proportion to the score, highest first', () => {
    const bars = spec.rows.map((row) => row.bar);
    expect(bars[0]!.x).toBe(spec.plot.left);
    expect(bars[0]!.width).toBeCloseTo(bars[1]!.width, 6);
    expect(bars[2]!.width / bars[0]!.width).toBeCloseTo(28 / 30, 6);
    expect(spec.rows.map((row) => row.y)).toEqual([...spec.rows.map((row) => row.y)].sort((a, b) => a - b));
    expect(spec.ticks[0]!.label).toBe('0');
  });

  it('marks the top four by the rule and the flag, and says when a score is withheld', () => {
    expect(spec.rows.map((row) => row.inTop)).toEqual([true, true, true, true, false, false]);
    expect(spec.topRule!.y).toBe(spec.plot.top + 4 * 20);
    expect(spec.rows[5]!.bar).toBeNull();
    expect(spec.rows[5]!.valueLabel.text).toBe('Score withheld');
    expect(spec.hasData).toBe(true);
  });

  it('shortens a label too long for its column, keeping the full one', () => {
    const long = rankingChart([{ key: 'x', label: 'L'.repeat(300), rank: 1, score: 3 }], { width: 400, measure: (text) => text.length * 6 });
    expect(long.rows[0]!.label.endsWith('…')).toBe(true);
    expect(long.rows[0]!.label.length * 6).toBeLessThanOrEqual(400 * 0.45 + 6);
    expect(long.rows[0]!.fullLabel).toBe(`1. ${'L'.repeat(300)}`);
    expect(fitLabel('short', 100, (text) => text.length)).toBe('short');
  });

  it('describes itself in words: the types in rank order with their scores', () => {
    expect(describeRanking(rows.slice(0, 2))).toBe(
      'A bar chart of the 2 highest-scoring offence types by risk-matrix score, highest first: 1. Violence with injury, 30; 2. Sexual offences, 30.',
    );
  });
});

describe('the chart palette shared by the screens and the PDFs', () => {
  it('gives every series a colour, a width and a marker, and dashes as SVG writes them', () => {
    expect(seriesStyle(0).colour).toBe('#1d4f91');
    expect(seriesStyle(1).marker.fill).toBe('#ffffff');
    expect(seriesStyle(2)).toBe(seriesStyle(0));
    expect(dashArray(chartPalette.overlay.line)).toBe('7 4');
    expect(dashArray({ colour: '#000', width: 1, dash: chartDashes.solid })).toBeUndefined();
  });
});
