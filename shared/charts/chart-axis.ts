import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { formatDecimal } from '../format/index';

/**
 * What every chart of figures shares: a value axis from zero to a round number, its tick
 * labels in British number format, and the room the labels need. Plain numbers in user units,
 * so the screen's SVG and the PDF export lay a chart out identically.
 */

export interface ChartSize {
  /** In user units: pixels on screen, points in a PDF. */
  width: number;
  height: number;
}

export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface AxisTick {
  value: number;
  /** Along the axis: y for a value axis, x for a category axis. */
  position: number;
  label: string;
}

export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  /** From 0 (or the lowest value, if below 0) to a round number at or above the highest value. */
  domain: readonly [number, number];
  ticks: AxisTick[];
}

/** The average width of one character of 12-unit sans-serif text, for sizing label room. */
/** The layout every chart of the workbench shares, so that they line up on a page. */
export const chartLayout = {
  /** The size a chart is drawn at unless the caller says otherwise. */
  defaultSize: { width: 640, height: 300 } as ChartSize,
  /** Space right of the plot, so the last label is not clipped. */
  rightPadding: 16,
  /** The value axis's title line above the plot. */
  titleHeight: 22,
  /** The category labels under the plot. */
  categoryLabelHeight: 26,
} as const;

export const tickCharWidth = 7;

export const valueTickCount = 5;

/** The decimals a tick step needs: none for 1, 2, 5 or more; one for 0.5; two for 0.05. */
export function decimalsForStep(step: number): number {
  if (!Number.isFinite(step) || step <= 0 || step >= 1) return 0;
  // A small allowance, as 0.1 is not exact in binary and log10 would give -0.9999….
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** '1,234', or '1.5' with the given decimals, as British readers write numbers. */
export function formatChartNumber(value: number, decimals = 0): string {
  // -0 would print as "-0".
  return formatDecimal(value === 0 ? 0 : value, decimals);
}

/** A figure for a bar's label or a data table: whole numbers as they are, others to one decimal. */
export function formatChartValue(value: number): string {
  return formatChartNumber(value, Number.isInteger(value) ? 0 : 1);
}

/**
 * A value axis drawn from `bottom` (the baseline) up to `top`. It starts at zero, as a count
 * that does not would make a small change look large; the top is rounded up to a round
 * number so that every tick is one. Without any value it runs from 0 to 1.
 */
export function valueAxis(values: readonly (number | null)[], bottom: number, top: number, tickCount = valueTickCount): ValueAxis {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  const highest = Math.max(0, ...known);
  const lowest = Math.min(0, ...known);
  const scale = scaleLinear()
    .domain([lowest, highest > lowest ? highest : lowest + 1])
    .range([bottom, top])
    .nice(tickCount);
  const tickValues = scale.ticks(tickCount);
  const step = tickValues.length > 1 ? tickValues[1]! - tickValues[0]! : 1;
  const decimals = decimalsForStep(step);
  const [from, to] = scale.domain() as [number, number];
  return {
    scale,
    domain: [from, to],
    ticks: tickValues.map((value) => ({ value, position: scale(value), label: formatChartNumber(value, decimals) })),
  };
}

/** Room for the longest tick label left of the axis, and a little space before the axis line. */
export function valueLabelRoom(ticks: readonly AxisTick[], charWidth = tickCharWidth): number {
  const longest = Math.max(1, ...ticks.map((tick) => tick.label.length));
  return Math.ceil(longest * charWidth + 12);
}

/**
 * Every how many categories to label, so that labels of this length do not run into each
 * other across the plot's width: 1 labels them all.
 */
export function categoryLabelStep(labels: readonly string[], plotWidth: number, charWidth = tickCharWidth, gap = 10): number {
  if (labels.length === 0 || plotWidth <= 0) return 1;
  const longest = Math.max(1, ...labels.map((label) => label.length));
  const perLabel = longest * charWidth + gap;
  const fitting = Math.max(1, Math.floor(plotWidth / perLabel));
  return Math.max(1, Math.ceil(labels.length / fitting));
}

export interface LegendEntry<Kind extends string> {
  kind: Kind;
  label: string;
  /** Where the swatch starts; the label follows it. */
  x: number;
  y: number;
}

/** The width of the sample line or box drawn before a legend label. */
export const legendSwatchWidth = 28;

/**
 * A legend across the top of the chart, one entry after another, wrapping onto a new row
 * when the next would run past the right edge.
 */
export function layoutLegend<Kind extends string>(
  entries: readonly { kind: Kind; label: string }[],
  width: number,
  options: { left?: number; top?: number; rowHeight?: number; charWidth?: number } = {},
): { items: LegendEntry<Kind>[]; height: number } {
  const left = options.left ?? 8;
  const rowHeight = options.rowHeight ?? 20;
  const charWidth = options.charWidth ?? tickCharWidth;
  let x = left;
  let y = (options.top ?? 0) + rowHeight / 2;
  let rows = entries.length > 0 ? 1 : 0;
  const items: LegendEntry<Kind>[] = [];
  for (const entry of entries) {
    const entryWidth = legendSwatchWidth + 8 + entry.label.length * charWidth + 24;
    if (x > left && x + entryWidth > width) {
      x = left;
      y += rowHeight;
      rows += 1;
    }
    items.push({ ...entry, x, y });
    x += entryWidth;
  }
  return { items, height: rows * rowHeight };
}
