import { scaleBand, scaleLinear } from 'd3-scale';
import { chartLayout } from './chart-axis';
import { formatOrdinal, formatUpTo } from '../format/index';

/**
 * The geometry of the sensitivity analysis's rank-range chart (brief §4): one row per offence
 * type, a line from its best to its worst rank over the draws, a marker at the median, the
 * rank with the matrix's own weights marked, and the top-N zone shaded. A pure spec in plain
 * numbers, so the Matrix screen (SVG) and the PDF export draw the same chart from it.
 */

export interface RankRangeInput {
  key: string;
  label: string;
  /** The rank with the matrix's own weights. */
  rank: number;
  bestRank: number;
  worstRank: number;
  medianRank: number;
}

export interface RankRangeChartOptions {
  /** Overall width in user units (pixels on screen, points in a PDF). */
  width?: number;
  /** Height of one offence type's row. */
  rowHeight?: number;
  /** Room on the left for the offence type labels; by default enough for the longest label. */
  labelWidth?: number;
  /** The average width of one label character, for sizing the label column (13px sans-serif ≈ 7). */
  labelCharWidth?: number;
  /** How many top ranks the shaded zone covers: 4, the published priorities. */
  topZone?: number;
}

export const rankRangeChartDefaults = { width: 900, rowHeight: 28, labelCharWidth: 7, topZone: 4 } as const;

const labelPadding = 16;
const minimumLabelWidth = 120;

/** Room for the longest label, but never more than 45% of the chart, so the plot keeps its width. */
export function labelColumnWidth(labels: readonly string[], width: number, charWidth: number): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.round(Math.min(width * 0.45, Math.max(minimumLabelWidth, longest * charWidth + labelPadding)));
}

export interface RankRangeRow {
  key: string;
  label: string;
  /** The row's vertical centre, where the line and markers sit. */
  y: number;
  /** Where the label's text ends (right-aligned against the plot). */
  labelX: number;
  range: { x1: number; x2: number };
  medianX: number;
  baseX: number;
  /** The row in words, for a tooltip or a screen reader's description of the row. */
  description: string;
  /** Zebra stripe: every other row is shaded, to help the eye across. */
  striped: boolean;
  stripe: { y: number; height: number };
}

export interface RankRangeTick {
  rank: number;
  x: number;
  label: string;
}

export interface RankRangeChartSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** How many ranks the axis runs over (rank 1 on the left). */
  rankCount: number;
  ticks: RankRangeTick[];
  axisTitle: { x: number; y: number; text: string };
  /** The shaded zone covering ranks 1…topZone, or null when there are no rows. */
  topZone: { x: number; y: number; width: number; height: number; label: string; labelX: number; labelY: number } | null;
  legend: { y: number; items: { kind: 'range' | 'median' | 'base' | 'zone'; x: number; label: string }[] };
  rows: RankRangeRow[];
}

const legendHeight = 28;
const axisHeight = 44;
const topPadding = 22;
const { rightPadding } = chartLayout;

/** Whole-number ticks: every rank up to 20 types, then about ten evenly spaced, always with 1. */
function rankTicks(count: number): number[] {
  if (count <= 20) return Array.from({ length: count }, (_, index) => index + 1);
  const step = Math.ceil(count / 10 / 5) * 5;
  const ticks = [1];
  for (let rank = step; rank <= count; rank += step) ticks.push(rank);
  return ticks;
}

export function describeRankRange(row: RankRangeInput): string {
  const span = row.bestRank === row.worstRank ? `always ${formatOrdinal(row.bestRank)}` : `from ${formatOrdinal(row.bestRank)} to ${formatOrdinal(row.worstRank)}`;
  return `${row.label}: ranked ${formatOrdinal(row.rank)} with the matrix's own weights; ${span} over the draws, median ${formatUpTo(row.medianRank, 1)}.`;
}

export function rankRangeChart(rows: readonly RankRangeInput[], options: RankRangeChartOptions = {}): RankRangeChartSpec {
  const width = options.width ?? rankRangeChartDefaults.width;
  const rowHeight = options.rowHeight ?? rankRangeChartDefaults.rowHeight;
  const labelWidth =
    options.labelWidth ??
    labelColumnWidth(
      rows.map((row) => row.label),
      width,
      options.labelCharWidth ?? rankRangeChartDefaults.labelCharWidth,
    );
  const zoneRanks = options.topZone ?? rankRangeChartDefaults.topZone;
  const count = rows.length;

  const plot = {
    left: labelWidth,
    right: width - rightPadding,
    top: legendHeight + topPadding,
    bottom: legendHeight + topPadding + Math.max(1, count) * rowHeight,
  };
  // Each rank sits in the middle of its own cell, so the top-N zone can end between two ranks.
  const x = scaleLinear()
    .domain([0.5, Math.max(1, count) + 0.5])
    .range([plot.left, plot.right]);
  const y = scaleBand<string>()
    .domain(rows.map((row) => row.key))
    .range([plot.top, plot.bottom]);

  const zoneEnd = Math.min(zoneRanks, count);
  const topZone =
    count > 0 && zoneEnd > 0
      ? {
          x: x(0.5),
          y: plot.top,
          width: x(zoneEnd + 0.5) - x(0.5),
          height: plot.bottom - plot.top,
          label: `Top ${zoneEnd}`,
          labelX: (x(0.5) + x(zoneEnd + 0.5)) / 2,
          labelY: plot.top - 6,
        }
      : null;

  const legendStep = (width - 20) / 4;
  return {
    width,
    height: plot.bottom + axisHeight,
    plot,
    rankCount: count,
    ticks: count > 0 ? rankTicks(count).map((rank) => ({ rank, x: x(rank), label: String(rank) })) : [],
    axisTitle: { x: (plot.left + plot.right) / 2, y: plot.bottom + axisHeight - 6, text: 'Rank (1 = highest priority)' },
    topZone,
    legend: {
      y: legendHeight / 2,
      items: [
        { kind: 'range', x: 10, label: 'Best to worst rank' },
        { kind: 'median', x: 10 + legendStep, label: 'Median rank' },
        { kind: 'base', x: 10 + legendStep * 2, label: 'Rank as weighted' },
        { kind: 'zone', x: 10 + legendStep * 3, label: `Top ${zoneRanks} zone` },
      ],
    },
    rows: rows.map((row, index) => {
      const top = y(row.key)!;
      return {
        key: row.key,
        label: row.label,
        y: top + y.bandwidth() / 2,
        labelX: plot.left - 10,
        range: { x1: x(row.bestRank), x2: x(row.worstRank) },
        medianX: x(row.medianRank),
        baseX: x(row.rank),
        description: describeRankRange(row),
        striped: index % 2 === 1,
        stripe: { y: top, height: y.bandwidth() },
      };
    }),
  };
}
