import { describe, expect, it } from 'vitest';
import { barChart, type BarChartInput } from '../../../shared/charts/bar-chart';
import { categoryLabelStep, decimalsForStep, formatChartNumber, layoutLegend, valueAxis } from '../../../shared/charts/chart-axis';
import { noMonthlyFiguresMessage, offenceCharts, type OffenceChart } from '../../../shared/charts/offence-charts';
import { seriesChart, type SeriesChartInput } from '../../../shared/charts/series-chart';
import { summariseOffence, type PeriodCount } from '../../../shared/statistics';

/** The M (move to) commands in a path: one per unbroken run of points. */
const runsIn = (path: string) => path.match(/M/g)?.length ?? 0;
/** The x,y pairs a path passes through, in order. */
const pathPoints = (path: string) => [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);

describe('valueAxis', () => {
  it('runs from 0 to a round number above the largest value, with round ticks in British format', () => {
    // Violence with injury in Essex, the three years to September 2019.
    const axis = valueAxis([13_435, 13_846, 15_274], 250, 50);
    expect(axis.domain).toEqual([0, 20_000]);
    expect(axis.ticks.map((tick) => tick.value)).toEqual([0, 5000, 10_000, 15_000, 20_000]);
    expect(axis.ticks.map((tick) => tick.label)).toEqual(['0', '5,000', '10,000', '15,000', '20,000']);
    // The baseline is at the bottom of the range and the top tick at the top; ticks are evenly spaced.
    expect(axis.ticks[0]!.position).toBe(250);
    expect(axis.ticks.at(-1)!.position).toBe(50);
    expect(axis.ticks[1]!.position).toBe(200);
  });

  it('gives decimals only when the step needs them', () => {
    expect(valueAxis([0.4, 1.2], 100, 0).ticks.map((tick) => tick.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0', '1.2']);
    expect(decimalsForStep(2)).toBe(0);
    expect(decimalsForStep(0.5)).toBe(1);
    expect(decimalsForStep(0.1)).toBe(1);
    expect(decimalsForStep(0.05)).toBe(2);
    expect(formatChartNumber(1234.56, 1)).toBe('1,234.6');
    expect(formatChartNumber(-0)).toBe('0');
  });

  it('still draws an axis, 0 to 1, when there are no values', () => {
    const axis = valueAxis([null, null], 100, 0);
    expect(axis.domain).toEqual([0, 1]);
    expect(axis.ticks[0]!.value).toBe(0);
  });
});

describe('categoryLabelStep and layoutLegend', () => {
  it('labels every category while they fit, and every few when they would overlap', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(categoryLabelStep(months, 580)).toBe(1);
    // 36 labels such as 'Oct 2016' (8 characters, about 66 units with the gap) in 580 units: 8 fit.
    const years = Array.from({ length: 36 }, () => 'Oct 2016');
    expect(categoryLabelStep(years, 580)).toBe(5);
  });

  it('wraps the legend onto a second row when an entry would run off the right edge', () => {
    const legend = layoutLegend(
      [
        { kind: 'a', label: 'October 2018 to September 2019' },
        { kind: 'b', label: 'October 2017 to September 2018' },
      ],
      400,
    );
    expect(legend.items.map((item) => [item.x, item.y])).toEqual([
      [8, 10],
      [8, 30],
    ]);
    expect(legend.height).toBe(40);
    expect(layoutLegend([{ kind: 'a', label: 'A' }, { kind: 'b', label: 'B' }], 640).height).toBe(20);
  });
});

describe('barChart', () => {
  const input: BarChartInput = {
    valueTitle: 'Offences',
    barLabel: 'Offences in the year',
    missingLabel: 'Not fully covered',
    bars: [
      { key: '2017-09', label: 'Year ending Sep 2017', value: 100 },
      { key: '2018-09', label: 'Year ending Sep 2018', value: 200 },
      { key: '2019-09', label: 'Year ending Sep 2019', value: null },
    ],
  };
  const spec = barChart(input);
  const [first, second, missing] = spec.bars;

  it('draws bars from the baseline with heights proportional to their values', () => {
    const baseline = spec.plot.bottom;
    expect(first!.y + first!.height).toBeCloseTo(baseline, 9);
    expect(second!.y + second!.height).toBeCloseTo(baseline, 9);
    expect(second!.height).toBeCloseTo(2 * first!.height, 9);
    // 200 is already a round number, so the axis ends there and the bar of 200 fills the plot's height.
    expect(spec.valueTicks.map((tick) => tick.label)).toEqual(['0', '50', '100', '150', '200']);
    expect(second!.height).toBeCloseTo(spec.plot.bottom - spec.plot.top, 9);
    expect(first!.valueLabel.text).toBe('100');
  });

  it('writes a tall bar’s value inside its foot, clear of a trend line, and a short bar’s above it', () => {
    expect(first!.valueLabel).toMatchObject({ inside: true, y: spec.plot.bottom - 8, x: first!.centre });
    const short = barChart({ ...input, bars: [{ key: 'a', label: 'A', value: 2 }, { key: 'b', label: 'B', value: 200 }] }).bars[0]!;
    expect(short.height).toBeLessThan(24);
    expect(short.valueLabel.inside).toBe(false);
    expect(short.valueLabel.y).toBe(short.y - 6);
  });

  it('gives a missing value no bar but a label on the baseline saying why', () => {
    expect(missing!.missing).toBe(true);
    expect(missing!.height).toBe(0);
    expect(missing!.y).toBe(spec.plot.bottom);
    expect(missing!.valueLabel.text).toBe('Not fully covered');
    expect(spec.hasData).toBe(true);
    expect(barChart({ ...input, bars: input.bars.map((bar) => ({ ...bar, value: null })) }).hasData).toBe(false);
  });

  it('spaces equal bars evenly inside the plot, each labelled under its centre', () => {
    const widths = spec.bars.map((bar) => bar.width);
    expect(new Set(widths).size).toBe(1);
    expect(second!.x - first!.x).toBeCloseTo(missing!.x - second!.x, 9);
    expect(first!.x).toBeGreaterThan(spec.plot.left);
    expect(missing!.x + missing!.width).toBeLessThan(spec.plot.right);
    expect(spec.categoryLabels.map((label) => [label.text, label.x])).toEqual(spec.bars.map((bar) => [bar.label, bar.x + bar.width / 2]));
    expect(spec.viewBox).toBe('0 0 640 300');
  });

  it('draws an overlay line through the bar centres, on the same scale as the bars', () => {
    const withTrend = barChart({ ...input, overlay: { label: 'Three-year trend', values: [100, 150, 200] } });
    const overlay = withTrend.overlay!;
    expect(overlay.points.map((point) => point.x)).toEqual(withTrend.bars.map((bar) => bar.centre));
    // The overlay's point at 100 is level with the top of the bar of 100.
    expect(overlay.points[0]!.y).toBeCloseTo(withTrend.bars[0]!.y, 9);
    expect(runsIn(overlay.path)).toBe(1);
    expect(withTrend.legend.map((item) => item.kind)).toEqual(['bar', 'overlay']);
    expect(() => barChart({ ...input, overlay: { label: 'x', values: [1] } })).toThrow(RangeError);
  });
});

describe('seriesChart', () => {
  const input: SeriesChartInput = {
    valueTitle: 'Offences',
    categories: ['Oct', 'Nov', 'Dec', 'Jan'].map((month, index) => ({ key: `month-${index + 1}`, tickLabel: month })),
    series: [
      { id: 'current', label: 'October 2018 to January 2019', values: [10, null, 30, 40], line: 'solid', marker: 'circle' },
      { id: 'comparison', label: 'June 2018 to September 2018', values: [20, 20, 20, 20], line: 'dashed', marker: 'square' },
    ],
  };
  const spec = seriesChart(input);
  const [current, comparison] = spec.series;

  it('leaves a gap in the line where a value is missing, rather than dropping to zero', () => {
    expect(runsIn(current!.path)).toBe(2);
    expect(current!.points.map((point) => point.value)).toEqual([10, 30, 40]);
    const zeroY = spec.valueTicks.find((tick) => tick.value === 0)!.position;
    for (const [, y] of pathPoints(current!.path)) expect(y).not.toBeCloseTo(zeroY, 1);
    // A complete series is one unbroken line through every point.
    expect(runsIn(comparison!.path)).toBe(1);
    expect(pathPoints(comparison!.path)).toHaveLength(4);
  });

  it('places the points on the value scale, evenly along the categories', () => {
    const tick = (value: number) => spec.valueTicks.find((entry) => entry.value === value)!.position;
    expect(current!.points[0]!.y).toBeCloseTo(tick(10), 9);
    expect(current!.points[2]!.y).toBeCloseTo(tick(40), 9);
    const xs = comparison!.points.map((point) => point.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[3]! - xs[2]!, 9);
    expect(spec.categoryTicks.map((entry) => entry.label)).toEqual(['Oct', 'Nov', 'Dec', 'Jan']);
    expect(spec.categoryTicks.map((entry) => entry.x)).toEqual(xs);
  });

  it('keeps each series’ line style and marker, and lists them in the legend', () => {
    expect(spec.series.map((entry) => [entry.line, entry.marker])).toEqual([
      ['solid', 'circle'],
      ['dashed', 'square'],
    ]);
    expect(spec.legend.map((item) => item.label)).toEqual(input.series.map((entry) => entry.label));
    expect(spec.hasData).toBe(true);
  });

  it('keeps a long last label inside the chart by ending it at its point', () => {
    const months = Array.from({ length: 36 }, (_, index) => ({ key: String(index), tickLabel: 'Sep 2019' }));
    const long = seriesChart({ valueTitle: 'Offences', categories: months, series: [{ ...input.series[0]!, values: months.map(() => 1) }] });
    const last = long.categoryTicks.at(-1)!;
    expect(last.key).toBe('35');
    expect(last.anchor).toBe('end');
    expect(long.categoryTicks[0]!.anchor).toBe('middle');
    expect(spec.categoryTicks.every((tick) => tick.anchor === 'middle')).toBe(true);
  });

  it('has no data, and an empty path, when every value is missing', () => {
    const empty = seriesChart({ ...input, series: [{ ...input.series[0]!, values: [null, null, null, null] }] });
    expect(empty.hasData).toBe(false);
    expect(empty.series[0]!.path).toBe('');
    expect(() => seriesChart({ ...input, series: [{ ...input.series[0]!, values: [1] }] })).toThrow(RangeError);
  });
});

describe('offenceCharts', () => {
  const periods = { current: { from: '2018-10', to: '2019-09' }, comparison: { from: '2017-10', to: '2018-09' } };
  const denominators = { population: 190_470, households: null };
  const byKind = (charts: OffenceChart[]) => Object.fromEntries(charts.map((chart) => [chart.id, chart]));

  it('for a source of whole years: three annual bars with the trend, and no monthly charts', () => {
    const counts: PeriodCount[] = [
      { periodFrom: '2016-10', periodTo: '2017-09', count: 13_435, offenceCode: null },
      { periodFrom: '2017-10', periodTo: '2018-09', count: 13_846, offenceCode: null },
      { periodFrom: '2018-10', periodTo: '2019-09', count: 15_274, offenceCode: null },
    ];
    const charts = byKind(offenceCharts(summariseOffence({ offenceKey: 'subgroup:violence-with-injury', counts, periods, denominators })));
    expect(charts.monthly).toMatchObject({ kind: 'unavailable', message: noMonthlyFiguresMessage });
    expect(charts.rolling12!.kind).toBe('unavailable');
    expect(charts['month-of-year']!.kind).toBe('unavailable');

    const annual = charts.annual!;
    if (annual.kind !== 'bar') throw new Error('expected a bar chart');
    expect(annual.caption).toBe('Offences in each of the 3 years to September 2019');
    expect(annual.input.bars.map((bar) => [bar.label, bar.value])).toEqual([
      ['Year ending Sep 2017', 13_435],
      ['Year ending Sep 2018', 13_846],
      ['Year ending Sep 2019', 15_274],
    ]);
    // Least squares through three points: the slope is (15,274 − 13,435) ÷ 2 = 919.5 a year.
    expect(annual.input.overlay!.values).toEqual([13_265.5, 14_185, 15_104.5]);
    expect(annual.description).toContain('rising (up 919.5 offences a year)');
    expect(annual.table.rows).toEqual([
      ['October 2016 to September 2017', '13,435', '13,265.5'],
      ['October 2017 to September 2018', '13,846', '14,185.0'],
      ['October 2018 to September 2019', '15,274', '15,104.5'],
    ]);
    const spec = barChart(annual.input);
    expect(spec.bars[2]!.height / spec.bars[0]!.height).toBeCloseTo(15_274 / 13_435, 9);
  });

  it('for monthly figures: the periods overlaid month for month, the rolling total and the seasonal profile', () => {
    // Two years and a bit of months: 10 a month, with January at 40, and May 2019 missing.
    const counts: PeriodCount[] = [];
    for (let year = 2017; year <= 2019; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        if (key < '2017-04' || key > '2019-09' || key === '2019-05') continue;
        counts.push({ periodFrom: key, periodTo: key, count: month === 1 ? 40 : 10, offenceCode: null });
      }
    }
    const charts = byKind(offenceCharts(summariseOffence({ offenceKey: 'subgroup:shoplifting', counts, periods, denominators })));
    const monthly = charts.monthly!;
    if (monthly.kind !== 'series') throw new Error('expected a line chart');
    expect(monthly.input.categories.map((category) => category.tickLabel)).toEqual(['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep']);
    expect(monthly.input.series[0]!.values).toEqual([10, 10, 10, 40, 10, 10, 10, null, 10, 10, 10, 10]);
    expect(monthly.input.series[1]!.values).toEqual([10, 10, 10, 40, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(monthly.table.rows[7]).toEqual(['May 2019', 'No monthly figure', 'May 2018', '10']);
    expect(runsIn(seriesChart(monthly.input).series[0]!.path)).toBe(2);

    const rolling = charts.rolling12!;
    if (rolling.kind !== 'series') throw new Error('expected a line chart');
    // The first full 12 months end in March 2018: 11 × 10 + 40.
    const march2018 = rolling.table.rows.find((row) => row[0] === 'March 2018');
    expect(march2018).toEqual(['March 2018', '150']);

    const profile = charts['month-of-year']!;
    if (profile.kind !== 'bar') throw new Error('expected a bar chart');
    expect(profile.input.bars.map((bar) => bar.value)).toEqual([40, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(profile.table.rows[0]).toEqual(['January', '40', '2', '26.7%']);
  });
});
