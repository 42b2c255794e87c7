/**
 * The colours, line widths and dash patterns of every chart, in one place, so that the screen's
 * SVG and the PDF export draw the same chart in the same ink. Every line and bar has at least
 * 3:1 contrast with the white background (WCAG 1.4.11); series differ by dash and marker shape
 * as well as colour, so colour never carries meaning alone (WCAG 1.4.1).
 */

export interface StrokeStyle {
  colour: string;
  width: number;
  /** Dash and gap lengths in user units; empty for a solid line. */
  dash: readonly number[];
}

export interface SeriesStyle {
  colour: string;
  width: number;
  marker: MarkerStyle;
}

export interface MarkerStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
}

/** Dash patterns, in user units (pixels on screen, points on paper). */
export const chartDashes = {
  solid: [] as readonly number[],
  dashed: [7, 4] as readonly number[],
  zone: [4, 3] as readonly number[],
} as const;

const ink = '#1b1d1f';
const muted = '#505a5f';
const blue = '#1d4f91';
const white = '#ffffff';

export const chartPalette = {
  background: white,
  text: ink,
  /** Tick labels and missing-value notes. */
  muted,
  grid: { colour: '#dcdedf', width: 1, dash: chartDashes.solid } satisfies StrokeStyle,
  axis: { colour: muted, width: 1, dash: chartDashes.solid } satisfies StrokeStyle,
  /**
   * Series in order: the assessment period (dark blue, 8.1:1, filled markers), the comparison
   * (dark orange, 6.8:1, open markers). A series' dash comes from its spec's line style.
   */
  series: [
    { colour: blue, width: 2.5, marker: { fill: blue, stroke: blue, strokeWidth: 1 } },
    { colour: '#8a4b00', width: 2.5, marker: { fill: white, stroke: '#8a4b00', strokeWidth: 2 } },
  ] as readonly SeriesStyle[],
  bar: blue,
  /** A value written inside the foot of a bar. */
  valueInside: white,
  /** A line over the bars (the trend): near-black with a white halo stands out on both. */
  overlay: {
    line: { colour: ink, width: 2, dash: chartDashes.dashed } satisfies StrokeStyle,
    halo: { colour: white, width: 5, dash: chartDashes.solid } satisfies StrokeStyle,
    marker: { fill: ink, stroke: white, strokeWidth: 1.5 } satisfies MarkerStyle,
  },
  /** The ranking chart's rule under the top four. */
  topRule: { colour: muted, width: 1, dash: [3, 2] } satisfies StrokeStyle,
  /** The sensitivity analysis's rank-range chart. */
  rankRange: {
    stripe: '#f4f4f2',
    zoneFill: '#dbe6f4',
    zoneStroke: { colour: blue, width: 1, dash: chartDashes.zone } satisfies StrokeStyle,
    zoneLabel: '#123563',
    grid: { colour: '#dcdedf', width: 1, dash: chartDashes.solid } satisfies StrokeStyle,
    axis: { colour: ink, width: 1.5, dash: chartDashes.solid } satisfies StrokeStyle,
    range: { colour: ink, width: 2.5, dash: chartDashes.solid } satisfies StrokeStyle,
    median: { fill: blue, stroke: white, strokeWidth: 1 } satisfies MarkerStyle,
    /** The rank as weighted: an open red diamond. */
    base: { fill: 'none', stroke: '#b3261e', strokeWidth: 2.5 } satisfies MarkerStyle,
  },
} as const;

/** The palette entry for the nth series; series beyond the palette reuse it in turn. */
export function seriesStyle(index: number): SeriesStyle {
  return chartPalette.series[index % chartPalette.series.length]!;
}

/** An SVG stroke-dasharray value: '7 4', or undefined for a solid line. */
export function dashArray(stroke: StrokeStyle): string | undefined {
  return stroke.dash.length > 0 ? stroke.dash.join(' ') : undefined;
}
