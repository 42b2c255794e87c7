/**
 * The look of every PDF the workbench writes: A4 portrait, one typeface in three styles, one
 * type scale and one spacing rhythm, so that the plan and the board paper read as a set. Sizes
 * are in points. DejaVu Sans is a large-eyed face: 10.5 pt reads like 12 pt Arial, the size
 * the GOV.UK guidance for accessible documents asks for.
 */

export const page = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  margins: { top: 78, bottom: 78, left: 66, right: 66 },
  /** The baselines of the running header and footer, inside the top and bottom margins. */
  headerY: 34,
  footerY: 841.89 - 50,
};

export const bodyWidth = page.width - page.margins.left - page.margins.right;

export type FontStyle = 'regular' | 'bold' | 'italic';

export const fontFiles: Record<FontStyle, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
};

export interface TextStyle {
  font: FontStyle;
  size: number;
  /**
   * Extra space between lines, in points: at least 0.22 of the size, so that Arabic letters
   * with their marks, the tallest DejaVu draws, never touch the line below.
   */
  lineGap: number;
  colour: string;
  /** Space above and below the block. */
  before: number;
  after: number;
}

const ink = '#1b1d1f';
const accent = '#1d4f91';
const muted = '#505a5f';

export const colours = {
  ink,
  accent,
  muted,
  rule: '#b1b4b6',
  lightRule: '#dcdedf',
  tableHeader: '#e8eef6',
  panel: '#f4f4f2',
  marking: '#1b1d1f',
};

export const textStyles = {
  title: { font: 'bold', size: 26, lineGap: 6, colour: accent, before: 0, after: 10 },
  subtitle: { font: 'regular', size: 15, lineGap: 3.5, colour: ink, before: 0, after: 6 },
  h1: { font: 'bold', size: 18, lineGap: 4, colour: accent, before: 14, after: 10 },
  h2: { font: 'bold', size: 13.5, lineGap: 3, colour: accent, before: 14, after: 6 },
  h3: { font: 'bold', size: 11.5, lineGap: 2.5, colour: ink, before: 10, after: 4 },
  body: { font: 'regular', size: 10.5, lineGap: 3.5, colour: ink, before: 0, after: 8 },
  bodyBold: { font: 'bold', size: 10.5, lineGap: 3.5, colour: ink, before: 0, after: 8 },
  note: { font: 'italic', size: 9.5, lineGap: 2.5, colour: muted, before: 0, after: 8 },
  small: { font: 'regular', size: 9.5, lineGap: 2.5, colour: ink, before: 0, after: 6 },
  tableCell: { font: 'regular', size: 9, lineGap: 2, colour: ink, before: 0, after: 0 },
  tableHeader: { font: 'bold', size: 9, lineGap: 2, colour: ink, before: 0, after: 0 },
  caption: { font: 'bold', size: 9.5, lineGap: 2.5, colour: ink, before: 4, after: 5 },
  marking: { font: 'bold', size: 9.5, lineGap: 0, colour: colours.marking, before: 0, after: 0 },
  running: { font: 'regular', size: 8.5, lineGap: 0, colour: muted, before: 0, after: 0 },
} satisfies Record<string, TextStyle>;

export type TextStyleName = keyof typeof textStyles;

/** Padding inside a table cell. */
export const cellPadding = { x: 5, y: 3.5 };
