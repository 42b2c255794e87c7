import { chartLayout, formatChartValue, tickCharWidth, valueAxis, type AxisTick } from './chart-axis';

/**
 * The geometry of the ranking chart: the top-scoring offence types as horizontal bars, highest
 * first, each labelled with its rank and name and its score at the bar's end, with a rule under
 * the top N (the types the priorities are drawn from). A pure spec in plain numbers, so the
 * screen (SVG) and the PDF export draw the same chart from it. The bars start at zero, so a
 * bar's length is proportional to the score.
 */

export interface RankingChartRow {
  key: string;
  label: string;
  rank: number;
  /** null where the score is withheld (small-number suppression): no bar, a note instead. */
  score: number | null;
}

export interface RankingChartOptions {
  width?: number;
  rowHeight?: number;
  /** How many of the top ranks sit above the rule: 4, as the published plans name. */
  topCount?: number;
  /** The width of a label in user units; by default an estimate from its length. */
  measure?: (text: string) => number;
  /** Written at the end of a row whose score is withheld. */
  withheldLabel?: string;
  /** The highest score the matrix can give: the axis runs to it and its title names it. */
  maximum?: number;
}

export interface RankingBar {
  key: string;
  rank: number;
  /** '1. Violence with injury', shortened with '…' to fit the label column; the full name is in `fullLabel`. */
  label: string;
  fullLabel: string;
  /** The row's vertical centre. */
  y: number;
  labelX: number;
  bar: { x: number; y: number; width: number; height: number } | null;
  valueLabel: { x: number; y: number; text: string };
  inTop: boolean;
}

export interface RankingChartSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  ticks: AxisTick[];
  axisTitle: { x: number; y: number; text: string };
  rows: RankingBar[];
  /**
   * The rule under the top N (whose labels are also bold, so colour never marks them alone);
   * null when every row is in the top N. The figure's caption says what the rule means.
   */
  topRule: { y: number; x1: number; x2: number } | null;
  hasData: boolean;
}

export const rankingChartDefaults = { width: 480, rowHeight: 20, topCount: 4, withheldLabel: 'Score withheld' } as const;

const axisHeight = 34;
const topPadding = 8;
const labelGap = 8;
/** Room right of the longest bar for its score. */
const valueRoom = 34;

/** Shortens text with '…' until it fits the width, by the given measure. */
export function fitLabel(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  const characters = Array.from(text);
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${characters.slice(0, middle).join('').trimEnd()}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join('').trimEnd()}…`;
}

export function rankingChart(rows: readonly RankingChartRow[], options: RankingChartOptions = {}): RankingChartSpec {
  const width = options.width ?? rankingChartDefaults.width;
  const rowHeight = options.rowHeight ?? rankingChartDefaults.rowHeight;
  const topCount = options.topCount ?? rankingChartDefaults.topCount;
  const measure = options.measure ?? ((text: string) => Array.from(text).length * tickCharWidth);
  const labels = rows.map((row) => `${row.rank}. ${row.label}`);
  const labelWidth = Math.min(width * 0.45, Math.max(80, ...labels.map(measure)));
  const plot = {
    left: labelWidth + labelGap,
    right: width - chartLayout.rightPadding - valueRoom,
    top: topPadding,
    bottom: topPadding + Math.max(1, rows.length) * rowHeight,
  };
  const axis = valueAxis(
    [...rows.map((row) => row.score), options.maximum ?? null],
    plot.left,
    plot.right,
  );
  const barHeight = Math.round(rowHeight * 0.62);
  const bars = rows.map((row, index): RankingBar => {
    const y = plot.top + index * rowHeight + rowHeight / 2;
    const fullLabel = labels[index]!;
    if (row.score === null) {
      return {
        key: row.key,
        rank: row.rank,
        label: fitLabel(fullLabel, labelWidth, measure),
        fullLabel,
        y,
        labelX: labelWidth,
        bar: null,
        valueLabel: { x: plot.left + 4, y, text: options.withheldLabel ?? rankingChartDefaults.withheldLabel },
        inTop: row.rank <= topCount,
      };
    }
    const end = axis.scale(Math.max(0, row.score));
    return {
      key: row.key,
      rank: row.rank,
      label: fitLabel(fullLabel, labelWidth, measure),
      fullLabel,
      y,
      labelX: labelWidth,
      bar: { x: plot.left, y: y - barHeight / 2, width: Math.max(0, end - plot.left), height: barHeight },
      valueLabel: { x: end + 4, y, text: formatChartValue(row.score) },
      inTop: row.rank <= topCount,
    };
  });
  const lastTop = bars.findLastIndex((bar) => bar.inTop);
  const ruleY = plot.top + (lastTop + 1) * rowHeight;
  return {
    width,
    height: plot.bottom + axisHeight,
    plot,
    ticks: axis.ticks,
    axisTitle: {
      x: (plot.left + plot.right) / 2,
      y: plot.bottom + axisHeight - 4,
      text: options.maximum === undefined ? 'Score' : `Score (the highest possible is ${formatChartValue(options.maximum)})`,
    },
    rows: bars,
    topRule: lastTop >= 0 && lastTop < bars.length - 1 ? { y: ruleY, x1: 0, x2: width - chartLayout.rightPadding } : null,
    hasData: bars.some((bar) => bar.bar !== null),
  };
}

/** The chart in words, for a figure's alternative text: the types in rank order with their scores. */
export function describeRanking(rows: readonly RankingChartRow[], withheld = 'score withheld'): string {
  if (rows.length === 0) return 'A bar chart of offence types by score, with no types to show.';
  const listed = rows.map((row) => `${row.rank}. ${row.label}, ${row.score === null ? withheld : formatChartValue(row.score)}`).join('; ');
  return `A bar chart of the ${rows.length} highest-scoring offence types by risk-matrix score, highest first: ${listed}.`;
}
