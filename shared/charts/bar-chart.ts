import { scaleBand } from 'd3-scale';
import { line } from 'd3-shape';
import {
  categoryLabelStep,
  formatChartValue,
  layoutLegend,
  valueAxis,
  valueLabelRoom,
  type AxisTick,
  chartLayout,
  type ChartSize,
  type LegendEntry,
  type PlotArea,
} from './chart-axis';
import type { ChartPoint } from './series-chart';

/**
 * The geometry of a bar chart of figures (annual totals, a month-of-year profile), with an
 * optional line over the bars (a fitted trend). A pure spec in plain numbers for the screen's
 * SVG and the PDF export alike. Bars start at zero, so a bar's height is proportional to its
 * value; a missing value gets no bar but a label saying why, never a bar of zero.
 */

export interface BarInput {
  key: string;
  /** Under the bar: 'Year ending Sep 2019', 'Jan'. */
  label: string;
  value: number | null;
}

export interface BarChartInput {
  bars: readonly BarInput[];
  /** What the values are, written above the value axis: 'Offences'. */
  valueTitle: string;
  /** For the legend: what a bar shows. */
  barLabel: string;
  /** Written where a bar has no value, e.g. 'Not fully covered'. */
  missingLabel: string;
  /** A line across the bars' centres, one value per bar, e.g. the fitted three-year trend. */
  overlay?: { label: string; values: readonly (number | null)[] } | null;
}

export interface BarSpec {
  key: string;
  label: string;
  value: number | null;
  x: number;
  /** The top of the bar; for a missing value, the baseline. */
  y: number;
  width: number;
  /** Proportional to the value; 0 for a missing value. */
  height: number;
  /** The bar's centre, where its labels and the overlay's point sit. */
  centre: number;
  /**
   * The value, inside the foot of the bar when the bar is tall enough (where a trend line
   * over the bars' tops cannot cross it), otherwise above the bar; or the missing label on
   * the baseline.
   */
  valueLabel: { x: number; y: number; text: string; inside: boolean };
  missing: boolean;
}

export type BarLegendKind = 'bar' | 'overlay';

export interface BarChartSpec extends ChartSize {
  viewBox: string;
  plot: PlotArea;
  valueTicks: AxisTick[];
  valueTitle: { x: number; y: number; text: string };
  bars: BarSpec[];
  /** The labels drawn under the bars: every one, or every few when they would overlap. */
  categoryLabels: { key: string; x: number; y: number; text: string }[];
  overlay: { label: string; path: string; points: ChartPoint[] } | null;
  legend: LegendEntry<BarLegendKind>[];
  /** False when no bar has a value: show a message, not an empty chart. */
  hasData: boolean;
}

export const barChartDefaults: ChartSize = chartLayout.defaultSize;

const { rightPadding, titleHeight, categoryLabelHeight } = chartLayout;
/** Room above the tallest bar for its value label. */
const valueLabelHeadroom = 18;
/** A bar at least this tall holds its value label inside. */
const labelInsideHeight = 24;

export function barChart(input: BarChartInput, size: Partial<ChartSize> = {}): BarChartSpec {
  const width = size.width ?? barChartDefaults.width;
  const height = size.height ?? barChartDefaults.height;
  const overlay = input.overlay ?? null;
  if (overlay && overlay.values.length !== input.bars.length) {
    throw new RangeError(`The line "${overlay.label}" has ${overlay.values.length} values for ${input.bars.length} bars.`);
  }
  const legend = layoutLegend<BarLegendKind>(
    [{ kind: 'bar', label: input.barLabel }, ...(overlay ? [{ kind: 'overlay' as const, label: overlay.label }] : [])],
    width,
  );
  const top = legend.height + titleHeight + valueLabelHeadroom;
  const bottom = height - categoryLabelHeight;
  const values = [...input.bars.map((bar) => bar.value), ...(overlay?.values ?? [])];
  const provisional = valueAxis(values, bottom, top);
  const plot: PlotArea = { left: valueLabelRoom(provisional.ticks), right: width - rightPadding, top, bottom };
  const axis = valueAxis(values, plot.bottom, plot.top);
  const baseline = axis.scale(0);

  const x = scaleBand<string>()
    .domain(input.bars.map((bar) => bar.key))
    .range([plot.left, plot.right])
    .paddingInner(0.3)
    .paddingOuter(0.2);
  const bandwidth = x.bandwidth();

  const bars = input.bars.map((bar): BarSpec => {
    const left = x(bar.key)!;
    const centre = left + bandwidth / 2;
    if (bar.value === null) {
      return {
        key: bar.key,
        label: bar.label,
        value: null,
        x: left,
        y: baseline,
        width: bandwidth,
        height: 0,
        centre,
        valueLabel: { x: centre, y: baseline - 6, text: input.missingLabel, inside: false },
        missing: true,
      };
    }
    const y = axis.scale(bar.value);
    const inside = bar.value > 0 && baseline - y >= labelInsideHeight;
    return {
      key: bar.key,
      label: bar.label,
      value: bar.value,
      x: left,
      y: Math.min(y, baseline),
      width: bandwidth,
      height: Math.abs(baseline - y),
      centre,
      valueLabel: { x: centre, y: inside ? baseline - 8 : Math.min(y, baseline) - 6, text: formatChartValue(bar.value), inside },
      missing: false,
    };
  });

  const labelStep = categoryLabelStep(
    input.bars.map((bar) => bar.label),
    plot.right - plot.left,
  );

  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    plot,
    valueTicks: axis.ticks,
    valueTitle: { x: 4, y: legend.height + titleHeight - 6, text: input.valueTitle },
    bars,
    categoryLabels: bars.flatMap((bar, index) => (index % labelStep === 0 ? [{ key: bar.key, x: bar.centre, y: plot.bottom + 18, text: bar.label }] : [])),
    overlay: overlay ? overlayLine(overlay, bars, axis.scale) : null,
    legend: legend.items,
    hasData: bars.some((bar) => !bar.missing),
  };
}

function overlayLine(overlay: NonNullable<BarChartInput['overlay']>, bars: readonly BarSpec[], scale: (value: number) => number) {
  const data = bars.map((bar, index) => ({ key: bar.key, x: bar.centre, value: overlay.values[index] ?? null }));
  const toPath = line<(typeof data)[number]>()
    .defined((datum) => datum.value !== null)
    .x((datum) => datum.x)
    .y((datum) => scale(datum.value!));
  return {
    label: overlay.label,
    path: toPath(data) ?? '',
    points: data.flatMap((datum) => (datum.value === null ? [] : [{ category: datum.key, x: datum.x, y: scale(datum.value), value: datum.value }])),
  };
}
