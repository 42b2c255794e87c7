/**
 * The impact × likelihood grid of the MoRiLE-style and 4×4 matrices (brief §4): one cell per
 * pair of side scores, coloured by the band its product falls in, listing the offence types
 * placed there. A pure spec in plain numbers, so the Matrix screen and the PDF draw the same
 * grid: impact rises up the rows, likelihood along the columns, as risk registers draw it.
 */

export interface RiskGridEntry {
  key: string;
  label: string;
  rank: number;
  impact: number;
  likelihood: number;
}

export interface RiskGridBand {
  label: string;
  minimum: number;
}

export interface RiskGridCell {
  impact: number;
  likelihood: number;
  /** impact × likelihood. */
  product: number;
  band: string | null;
  fill: string;
  /** Dark text on every fill: each pairing is at least 4.5:1 (WCAG AA). */
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The types placed here, highest ranked first. */
  entries: RiskGridEntry[];
}

export interface RiskGridSpec {
  /** 5 for the MoRiLE-style matrix (1–25), 4 for the 4×4 grid (1–16). */
  scale: number;
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** Rows top to bottom: the highest impact first. */
  cells: RiskGridCell[];
  impactTicks: { value: number; y: number }[];
  likelihoodTicks: { value: number; x: number }[];
  axisTitles: { impact: string; likelihood: string };
  legend: { label: string; fill: string; range: string }[];
  /** The grid in one sentence per occupied cell, for a text alternative. */
  description: string[];
}

/**
 * Band fills, lightest to darkest by severity, with the band's name written in each cell, so
 * the band never rests on colour alone. All take #0b0c0c text at 4.5:1 or better.
 */
const bandFills: Record<string, string> = {
  green: '#cce5cc',
  low: '#cce5cc',
  amber: '#ffdd99',
  medium: '#ffdd99',
  high: '#ffb380',
  red: '#f4a6a6',
  'very high': '#f4a6a6',
};
const unbandedFill = '#eeeeee';
const textColour = '#0b0c0c';

export interface RiskGridOptions {
  width?: number;
  height?: number;
}

const margin = { left: 64, top: 12, right: 12, bottom: 48 };

function bandOf(bands: readonly RiskGridBand[], product: number): string | null {
  let chosen: string | null = bands[0]?.label ?? null;
  for (const band of bands) if (product >= band.minimum) chosen = band.label;
  return chosen;
}

function bandRanges(bands: readonly RiskGridBand[], scale: number): string[] {
  return bands.map((band, index) => {
    const next = bands[index + 1];
    return next ? `${band.minimum}–${next.minimum - 1}` : `${band.minimum}–${scale * scale}`;
  });
}

export function riskGrid(entries: readonly RiskGridEntry[], scale: number, bands: readonly RiskGridBand[], options: RiskGridOptions = {}): RiskGridSpec {
  const width = options.width ?? 760;
  const height = options.height ?? 520;
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const cellWidth = (plot.right - plot.left) / scale;
  const cellHeight = (plot.bottom - plot.top) / scale;
  const cells: RiskGridCell[] = [];
  for (let impact = scale; impact >= 1; impact -= 1) {
    for (let likelihood = 1; likelihood <= scale; likelihood += 1) {
      const product = impact * likelihood;
      const band = bandOf(bands, product);
      cells.push({
        impact,
        likelihood,
        product,
        band,
        fill: band !== null ? (bandFills[band] ?? unbandedFill) : unbandedFill,
        text: textColour,
        x: plot.left + (likelihood - 1) * cellWidth,
        y: plot.top + (scale - impact) * cellHeight,
        width: cellWidth,
        height: cellHeight,
        entries: entries.filter((entry) => entry.impact === impact && entry.likelihood === likelihood).sort((a, b) => a.rank - b.rank),
      });
    }
  }
  const ranges = bandRanges(bands, scale);
  const legend = bands.map((band, index) => ({ label: band.label, fill: bandFills[band.label] ?? unbandedFill, range: ranges[index]! }));
  const description = cells
    .filter((cell) => cell.entries.length > 0)
    .map(
      (cell) =>
        `Impact ${cell.impact} × likelihood ${cell.likelihood} = ${cell.product}${cell.band ? ` (${cell.band})` : ''}: ${cell.entries.map((entry) => entry.label).join(', ')}.`,
    );
  return {
    scale,
    width,
    height,
    plot,
    cells,
    impactTicks: Array.from({ length: scale }, (_, index) => ({ value: index + 1, y: plot.top + (scale - index - 0.5) * cellHeight })),
    likelihoodTicks: Array.from({ length: scale }, (_, index) => ({ value: index + 1, x: plot.left + (index + 0.5) * cellWidth })),
    axisTitles: { impact: 'Impact', likelihood: 'Likelihood' },
    legend,
    description,
  };
}

/**
 * The heat-map shade of a 1…scale factor score: five steps from pale blue (low) to pale red
 * (high), each with #0b0c0c text at 7:1 or better, and the number always written in the cell.
 */
export const heatFills = ['#e3eef9', '#d6ecd2', '#fff2c2', '#ffd9b3', '#f9c0c0'] as const;

export function heatLevel(score: number, scale: number): 1 | 2 | 3 | 4 | 5 {
  if (scale <= 1) return 3;
  const level = Math.round(((score - 1) / (scale - 1)) * 4) + 1;
  return Math.min(5, Math.max(1, level)) as 1 | 2 | 3 | 4 | 5;
}
