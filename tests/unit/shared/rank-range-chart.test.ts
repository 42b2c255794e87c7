import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { describeRankRange, labelColumnWidth, rankRangeChart, rankRangeChartDefaults, type RankRangeInput } from '../../../shared/charts/rank-range-chart';
import { analyseSensitivity, partnershipTemplate, type OffenceInputs } from '../../../shared/matrix';

const rows: RankRangeInput[] = [
  { key: 'a', label: 'Violence with injury', rank: 1, bestRank: 1, worstRank: 1, medianRank: 1 },
  { key: 'b', label: 'Sexual offences', rank: 2, bestRank: 2, worstRank: 5, medianRank: 2.5 },
  { key: 'c', label: 'Drug offences', rank: 3, bestRank: 2, worstRank: 6, medianRank: 4 },
  { key: 'd', label: 'Robbery', rank: 4, bestRank: 3, worstRank: 6, medianRank: 4 },
  { key: 'e', label: 'Shoplifting', rank: 5, bestRank: 4, worstRank: 6, medianRank: 5 },
  { key: 'f', label: 'Bicycle theft', rank: 6, bestRank: 5, worstRank: 6, medianRank: 6 },
];

describe('rankRangeChart', () => {
  const spec = rankRangeChart(rows);
  // The same scale the spec documents: ranks centred in equal cells across the plot.
  const x = scaleLinear().domain([0.5, 6.5]).range([spec.plot.left, spec.plot.right]);

  it('lays out one row per type, top to bottom in the order given, inside the plot', () => {
    expect(spec.rows.map((row) => row.label)).toEqual(rows.map((row) => row.label));
    expect(spec.width).toBe(rankRangeChartDefaults.width);
    // "Violence with injury", the longest label: 20 characters of about 7 units, and padding.
    expect(spec.plot.left).toBe(20 * 7 + 16);
    expect(spec.plot.bottom - spec.plot.top).toBe(6 * rankRangeChartDefaults.rowHeight);
    const ys = spec.rows.map((row) => row.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(ys[0]).toBe(spec.plot.top + rankRangeChartDefaults.rowHeight / 2);
    for (const row of spec.rows) {
      expect(row.y).toBeGreaterThan(spec.plot.top);
      expect(row.y).toBeLessThan(spec.plot.bottom);
    }
    expect(spec.height).toBeGreaterThan(spec.plot.bottom);
  });

  it('gives a type always ranked 1 a range of zero width at the left of every other range', () => {
    const first = spec.rows[0]!;
    expect(first.range.x1).toBe(first.range.x2);
    expect(first.range.x1).toBeCloseTo(x(1), 9);
    expect(first.range.x1).toBe(Math.min(...spec.rows.map((row) => row.range.x1)));
    expect(first.medianX).toBe(first.range.x1);
    expect(first.baseX).toBe(first.range.x1);
  });

  it('places the ends, the median and the base rank on the rank scale', () => {
    const sexual = spec.rows[1]!;
    expect(sexual.range.x1).toBeCloseTo(x(2), 9);
    expect(sexual.range.x2).toBeCloseTo(x(5), 9);
    expect(sexual.medianX).toBeCloseTo(x(2.5), 9);
    expect(sexual.baseX).toBeCloseTo(x(2), 9);
    // Half-ranks from an even number of draws sit halfway between the two ranks.
    expect(sexual.medianX).toBeCloseTo((x(2) + x(3)) / 2, 9);
    const step = x(2) - x(1);
    expect(spec.rows[5]!.range.x2 - spec.rows[5]!.range.x1).toBeCloseTo(step, 9);
  });

  it('shades the top-4 zone from the left edge to halfway between ranks 4 and 5', () => {
    expect(spec.topZone).not.toBeNull();
    expect(spec.topZone!.x).toBe(spec.plot.left);
    expect(spec.topZone!.x + spec.topZone!.width).toBeCloseTo(x(4.5), 9);
    expect(spec.topZone!.height).toBe(spec.plot.bottom - spec.plot.top);
    expect(spec.topZone!.label).toBe('Top 4');
  });

  it('ticks every rank for a short list and about ten for a long one', () => {
    expect(spec.ticks.map((tick) => tick.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(spec.ticks[3]!.x).toBeCloseTo(x(4), 9);
    const many = Array.from({ length: 45 }, (_, index) => ({
      key: `k${index}`,
      label: `Type ${index + 1}`,
      rank: index + 1,
      bestRank: index + 1,
      worstRank: index + 1,
      medianRank: index + 1,
    }));
    expect(rankRangeChart(many).ticks.map((tick) => tick.rank)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
  });

  it('sizes the label column to the longest label, within limits', () => {
    expect(labelColumnWidth(['Death or serious injury - unlawful driving'], 900, 7)).toBe(42 * 7 + 16);
    expect(labelColumnWidth(['Arson'], 900, 7)).toBe(120);
    expect(labelColumnWidth(['x'.repeat(200)], 900, 7)).toBe(405);
    expect(rankRangeChart(rows, { labelWidth: 300 }).plot.left).toBe(300);
  });

  it('draws an empty frame and no zone without rows', () => {
    const empty = rankRangeChart([]);
    expect(empty.rows).toEqual([]);
    expect(empty.topZone).toBeNull();
    expect(empty.ticks).toEqual([]);
  });

  it('narrows the zone when fewer types are scored than it covers', () => {
    const two = rankRangeChart(rows.slice(0, 2).map((row) => ({ ...row, worstRank: Math.min(row.worstRank, 2) })));
    expect(two.topZone!.label).toBe('Top 2');
    expect(two.topZone!.x + two.topZone!.width).toBeCloseTo(two.plot.right, 9);
  });

  it('describes each row in words', () => {
    expect(describeRankRange(rows[0]!)).toBe("Violence with injury: ranked 1st with the matrix's own weights; always 1st over the draws, median 1.");
    expect(spec.rows[1]!.description).toBe("Sexual offences: ranked 2nd with the matrix's own weights; from 2nd to 5th over the draws, median 2.5.");
  });

  it('draws a real sensitivity analysis: each median between its best and worst rank', () => {
    const offence = (key: string, ratePer1000: number, meanHarmWeight: number, percentChange: number): OffenceInputs => ({
      key,
      label: key,
      ratePer1000,
      currentCount: 200,
      previousCount: 180,
      percentChange,
      significant: true,
      meanHarmWeight,
      totalHarm: meanHarmWeight * 200,
      peerRatio: null,
    });
    const offences = [
      offence('Violence with injury', 10.3, 1728, 10.3),
      offence('Sexual offences', 3.2, 2016, 25),
      offence('Drug offences', 3.7, 260, 56.7),
      offence('Robbery', 1.25, 800, 19.2),
      offence('Shoplifting', 7.5, 11.9, 9.3),
      offence('Bicycle theft', 1.5, 15.2, 0.2),
    ];
    const result = analyseSensitivity(partnershipTemplate(), offences, [], { draws: 500, spread: 0.5, seed: 1998 });
    const chart = rankRangeChart(result.offences);
    const scale = scaleLinear().domain([0.5, 6.5]).range([chart.plot.left, chart.plot.right]);
    chart.rows.forEach((row, index) => {
      const stability = result.offences[index]!;
      expect(row.label).toBe(stability.label);
      expect(row.range.x1).toBeCloseTo(scale(stability.bestRank), 9);
      expect(row.range.x2).toBeCloseTo(scale(stability.worstRank), 9);
      expect(row.medianX).toBeCloseTo(scale(stability.medianRank), 9);
      expect(row.medianX).toBeGreaterThanOrEqual(row.range.x1);
      expect(row.medianX).toBeLessThanOrEqual(row.range.x2);
      expect(row.baseX).toBeCloseTo(scale(index + 1), 9);
    });
  });
});
