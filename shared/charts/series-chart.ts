import { scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import {
  categoryLabelStep,
  chartLayout,
  tickCharWidth,
  layoutLegend,
  valueAxis,
  valueLabelRoom,
  type AxisTick,
  type ChartSize,
  type LegendEntry,
  type PlotArea,
} from './chart-axis';

/**
 * The geometry of a line chart of figures over time, one line per series (the assessment
 * period against the comparison, or a rolling total). A pure spec in plain numbers, so the
 * Analysis screen (SVG in React) and the PDF export draw the same chart from it. Series differ
 * by line (solid or dashed) and marker shape as well as colour, so the chart never relies on
 * colour alone (WCAG 1.4.1). A month without a figure leaves a gap in the line: drawing it as
 * zero would invent a fall.
 */

export type LineStyle = 'solid' | 'dashed';
export type TextAnchor = 'start' | 'middle' | 'end';
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesCategory {
  key: string;
  /** The category's name under the axis, e.g. 'Oct'. */
  tickLabel: string;
}

export interface SeriesInput {
  id: string;
  /** For the legend: what the line shows, e.g. 'October 2018 to September 2019'. */
  label: string;
  /** One value per category, in order; null where there is no figure. */
  values: readonly (number | null)[];
  line: LineStyle;
  marker: MarkerShape;
}

export interface SeriesChartInput {
  categories: readonly SeriesCategory[];
  series: readonly SeriesInput[];
  /** What the values are, written above the value axis: 'Offences'. */
  valueTitle: string;
}

export interface ChartPoint {
  category: string;
  x: number;
  y: number;
  value: number;
}

export interface SeriesSpec {
  id: string;
  label: string;
  line: LineStyle;
  marker: MarkerShape;
  /** The SVG path through the points, broken where a value is missing; '' with no values. */
  path: string;
  /** The points with a value, each drawn with the series' marker. */
  points: ChartPoint[];
}

export interface SeriesChartSpec extends ChartSize {
  viewBox: string;
  plot: PlotArea;
  valueTicks: AxisTick[];
  valueTitle: { x: number; y: number; text: string };
  /**
   * The category labels drawn: every one, or every few when they would overlap. Each is
   * centred on its point, unless that would run it off the chart's edge.
   */
  categoryTicks: { key: string; x: number; y: number; label: string; anchor: TextAnchor }[];
  series: SeriesSpec[];
  legend: LegendEntry<string>[];
  /** False when no series has a single value: show a message, not an empty chart. */
  hasData: boolean;
}

export const seriesChartDefaults: ChartSize = chartLayout.defaultSize;

const { rightPadding, titleHeight, categoryLabelHeight } = chartLayout;

interface Datum {
  x: number;
  value: number | null;
}

/** Centred on x, unless half the label would run past either edge of the chart. */
function anchorWithin(x: number, label: string, width: number): TextAnchor {
  const half = (label.length * tickCharWidth) / 2;
  if (x + half > width - 2) return 'end';
  if (x - half < 2) return 'start';
  return 'middle';
}

export function seriesChart(input: SeriesChartInput, size: Partial<ChartSize> = {}): SeriesChartSpec {
  const width = size.width ?? seriesChartDefaults.width;
  const height = size.height ?? seriesChartDefaults.height;
  for (const series of input.series) {
    if (series.values.length !== input.categories.length) {
      throw new RangeError(`The series "${series.label}" has ${series.values.length} values for ${input.categories.length} categories.`);
    }
  }
  const legend = layoutLegend(
    input.series.map((series) => ({ kind: series.id, label: series.label })),
    width,
  );
  const top = legend.height + titleHeight + 8;
  const bottom = height - categoryLabelHeight;
  const allValues = input.series.flatMap((series) => series.values);
  // The axis is laid out once to learn how wide its labels are, then the plot starts after them.
  const provisional = valueAxis(allValues, bottom, top);
  const left = valueLabelRoom(provisional.ticks);
  const plot: PlotArea = { left, right: width - rightPadding, top, bottom };
  const axis = valueAxis(allValues, plot.bottom, plot.top);

  const x = scalePoint<string>()
    .domain(input.categories.map((category) => category.key))
    .range([plot.left, plot.right])
    .padding(0.5);
  const labelStep = categoryLabelStep(
    input.categories.map((category) => category.tickLabel),
    plot.right - plot.left,
  );
  const toPath = line<Datum>()
    .defined((datum) => datum.value !== null)
    .x((datum) => datum.x)
    .y((datum) => axis.scale(datum.value!));

  const series = input.series.map((entry): SeriesSpec => {
    const data = input.categories.map((category, index) => ({ x: x(category.key)!, value: entry.values[index] ?? null }));
    return {
      id: entry.id,
      label: entry.label,
      line: entry.line,
      marker: entry.marker,
      path: toPath(data) ?? '',
      points: input.categories.flatMap((category, index) => {
        const value = entry.values[index] ?? null;
        return value === null ? [] : [{ category: category.key, x: x(category.key)!, y: axis.scale(value), value }];
      }),
    };
  });

  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    plot,
    valueTicks: axis.ticks,
    valueTitle: { x: 4, y: legend.height + titleHeight - 6, text: input.valueTitle },
    categoryTicks: input.categories.flatMap((category, index) => {
      if (index % labelStep !== 0) return [];
      const at = x(category.key)!;
      return [{ key: category.key, x: at, y: plot.bottom + 18, label: category.tickLabel, anchor: anchorWithin(at, category.tickLabel, width) }];
    }),
    series,
    legend: legend.items,
    hasData: series.some((entry) => entry.points.length > 0),
  };
}
