import type ExcelJS from 'exceljs';
import { suppressedMarker } from '../../../../../shared/export/suppression';
import type { StreamingWorkbook } from './streaming-workbook';

/**
 * The accessible-spreadsheet conventions of the Government Analysis Function (aftables is the
 * reference implementation), applied to every sheet: the title in A1, a few lines of context,
 * then real tables with a header row and no blank rows or columns inside; numbers stored as
 * numbers with formats; frozen headers; the protective marking centred in the header and
 * footer of every printed page; landscape, fit to width, header rows repeated.
 */

/** Shown where a figure is not available, and explained in Notes. */
export const notAvailable = '[x]';

export const formats = {
  count: '#,##0',
  decimal: '#,##0.00',
  rate: '#,##0.00',
  percentChange: '+#,##0.0;−#,##0.0;0.0',
  share: '0%',
  score: '0',
  // "0.##" would show 20 as "20." in Excel; General shows 20, 0.8 and 27.5 as they are.
  weight: 'General',
  threshold: 'General',
  total: 'General',
  date: 'dd/mm/yyyy hh:mm',
} as const;

export type CellContent =
  | string
  | number
  | null
  | Date
  | { formula: string; result: number | string }
  | { text: string; hyperlink: string };

export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
  /** Wrap long text (notes, rationales). */
  wrap?: boolean;
  /** Centre short words (Yes, No) that sit between columns of figures. */
  centre?: boolean;
}

export interface SheetPlan {
  name: string;
  title: string;
  /** Lines under the title, one per row; the first table's header follows them. */
  intro: readonly string[];
  /** The header row that repeats on every printed page and stays in view. */
  headerRow: number;
  /** Freeze the first column too (offence types). */
  freezeFirstColumn?: boolean;
  /**
   * Print the header row again at the top of every page (the default). A sheet whose later
   * tables have headers of their own, and whose first table fits its first page, is better
   * without: the first table's header would stand over the others.
   */
  repeatHeaderRow?: boolean;
  columns: readonly ColumnSpec[];
}

/** The first table's header row: straight after the title and the intro lines. */
export function firstHeaderRow(intro: readonly string[]): number {
  return 2 + intro.length;
}

/**
 * Fonts are named in full: a font given only as bold would leave the typeface to the reader,
 * and LibreOffice then prints titles and headers in a serif face.
 */
export const fonts = {
  body: { name: 'Calibri', family: 2, size: 11 },
  header: { name: 'Calibri', family: 2, size: 11, bold: true },
  title: { name: 'Calibri', family: 2, size: 14, bold: true },
  caption: { name: 'Calibri', family: 2, size: 12, bold: true },
  link: { name: 'Calibri', family: 2, size: 11, color: { argb: 'FF1D4ED8' }, underline: true },
} as const satisfies Record<string, Partial<ExcelJS.Font>>;

/**
 * A character's width in Excel's column-width unit (the width of a digit), roughly, for the
 * proportional sans-serif faces a workbook is read in (Calibri in Excel; its stand-in, often
 * DejaVu Sans, in LibreOffice, whose widths scale with it). Enough to wrap text and size rows
 * and columns so that nothing is cut off; not a typesetter.
 */
function characterWidth(character: string): number {
  return characterWidths[character] ?? (/[A-Z]/.test(character) ? 1.15 : /[\s]/.test(character) ? 0.5 : 1);
}

// Lower-case letters and punctuation, the larger of DejaVu Sans's and Calibri's widths over
// their digit's; capitals are about 1.15 digits, and what is not listed counts as one.
const characterWidths: Record<string, number> = {
  a: 0.96, b: 1.04, c: 0.86, d: 1.04, e: 0.98, f: 0.6, g: 1, h: 1.04, i: 0.45, j: 0.45, k: 0.91, l: 0.45, m: 1.58,
  n: 1.04, o: 1.04, p: 1.04, q: 1.04, r: 0.69, s: 0.82, t: 0.66, u: 1.04, v: 0.93, w: 1.41, x: 0.93, y: 0.93, z: 0.83,
  I: 0.6, J: 0.6, M: 1.45, W: 1.6, ' ': 0.5, '.': 0.5, ',': 0.5, ';': 0.55, ':': 0.55, "'": 0.45, '’': 0.45, '‘': 0.45,
  '"': 0.7, '“': 0.75, '”': 0.75, '!': 0.6, '|': 0.55, '(': 0.62, ')': 0.62, '[': 0.62, ']': 0.62, '-': 0.62, '/': 0.6,
  '–': 0.8, '—': 1.6, '%': 1.5, '@': 1.6, '×': 1.3, '−': 1.3, '+': 1.3, '=': 1.3, '÷': 1.3, '<': 1.3, '>': 1.3, '&': 1.2,
};

/** The width of a run of text, in column-width units. */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return bold ? width * 1.08 : width;
}

/** Room a cell loses to its padding, in column-width units. */
const cellPadding = 0.8;

/** Lines that text wrapped on word boundaries takes in a column of this width. */
export function wrappedLines(text: string, width: number, bold = false): number {
  // Body text is estimated a little narrower than headers need: the widths above are the wider
  // face's, and a line that only just fits would otherwise be given a second.
  const room = Math.max(2, width - cellPadding) * (bold ? 1 : 1.03);
  const space = textWidth(' ', bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const size = textWidth(word, bold);
      if (line > 0 && line + space + size > room) {
        lines += 1;
        line = 0;
      }
      // A word wider than the column is broken by the spreadsheet wherever it must.
      lines += Math.max(0, Math.ceil(size / room) - 1);
      line = line === 0 ? size % room || Math.min(size, room) : line + space + size;
    }
  }
  return lines;
}

/** The narrowest a column can be for its header to wrap between words (or after a hyphen, as spreadsheets do), never inside one. */
export function headerWidth(header: string): number {
  const longest = Math.max(0, ...header.split(/\s+|(?<=-)/).map((word) => textWidth(word, true)));
  return Math.ceil((longest + cellPadding + 0.5) * 2) / 2;
}

/** A column's width: as planned, and never so narrow that its header breaks inside a word. */
export function columnWidth(column: ColumnSpec): number {
  return Math.max(column.width, headerWidth(column.header));
}

/**
 * A4 landscape with the margins below leaves 10.69 inches across. LibreOffice gives a width
 * unit about 0.09 inches when it stands DejaVu Sans in for Calibri (measured from its PDF;
 * Excel gives about 0.076): the larger figure decides, so the text prints at least as large in
 * Excel as the estimate says.
 */
const printableInches = 11.69 - 2 * 0.5;
const inchesPerWidthUnit = 0.09;
const bodyPoints = fonts.body.size;
/** The smallest print that stays legible (the Analysis Function's guidance: no smaller than 8 pt). */
export const minimumPrintPoints = 8;

export interface PrintLayout {
  /** Pages across: 1 where the sheet fits at 8 pt or more, otherwise 2 with column A repeated. */
  pagesWide: 1 | 2;
  /** The estimated size body text prints at. */
  points: number;
}

/** How a sheet of these column widths prints on A4 landscape (see printableInches). */
export function printLayout(widths: readonly number[]): PrintLayout {
  const inches = widths.reduce((total, width) => total + width, 0) * inchesPerWidthUnit;
  const onePage = Math.min(1, printableInches / inches) * bodyPoints;
  if (onePage >= minimumPrintPoints) return { pagesWide: 1, points: onePage };
  // Two pages across, each repeating column A: the columns after it split between the pages
  // at a column boundary, so the fuller page decides the scale.
  const [first = 0, ...rest] = widths;
  const total = rest.reduce((sum, width) => sum + width, 0);
  let before = 0;
  let fuller = total;
  for (const width of rest) {
    before += width;
    fuller = Math.min(fuller, Math.max(before, total - before));
  }
  const twoPages = Math.min(1, printableInches / ((first + fuller) * inchesPerWidthUnit)) * bodyPoints;
  return { pagesWide: 2, points: twoPages };
}

/**
 * The lines under a sheet's title, each split to fit across the sheet's first printed page.
 * A line is one cell in column A that runs on over the empty cells beside it; spreadsheets
 * count such text in the width they print, so one long sentence would shrink a narrow sheet's
 * every page to fit it, and across two pages it would be cut at the first page's edge.
 */
export function introLines(intro: readonly string[], columns: readonly ColumnSpec[]): string[] {
  const widths = columns.map(columnWidth);
  const layout = printLayout(widths);
  let room = widths.reduce((total, width) => total + width, 0);
  if (layout.pagesWide === 2) {
    const across = printableInches / (inchesPerWidthUnit * (layout.points / bodyPoints));
    let first = 0;
    for (const width of widths) {
      if (first + width > across) break;
      first += width;
    }
    // The lines start in column B there (see createSheet).
    room = Math.min(room, first * 0.95) - (widths[0] ?? 0);
  }
  room -= cellPadding + 1;
  return intro.flatMap((line) => {
    const lines: string[] = [];
    let current = '';
    for (const word of line.split(' ')) {
      const next = current === '' ? word : `${current} ${word}`;
      if (current !== '' && textWidth(next) > room) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    return [...lines, current];
  });
}

export function createSheet(book: StreamingWorkbook, plan: SheetPlan, marking: string, options: { useSharedStrings?: boolean } = {}): ExcelJS.Worksheet {
  const widths = plan.columns.map(columnWidth);
  const layout = printLayout(widths);
  // Printed again on the second page, column A is all of the title that page shows.
  if (layout.pagesWide === 2) widths[0] = Math.max(widths[0] ?? 0, Math.ceil(textWidth(plan.title, true) * (fonts.title.size / fonts.body.size) + cellPadding + 1));
  const sheet = book.addWorksheet(plan.name, {
    ...options,
    views: [{ state: 'frozen', xSplit: plan.freezeFirstColumn ? 1 : 0, ySplit: plan.headerRow, showGridLines: true }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: layout.pagesWide,
      fitToHeight: 0,
      ...(plan.repeatHeaderRow === false ? {} : { printTitlesRow: `${plan.headerRow}:${plan.headerRow}` }),
      // On two pages across, the first column (the offence type, the dataset) names each row on both.
      ...(layout.pagesWide === 2 ? { printTitlesColumn: 'A:A' } : {}),
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&C&B${marking}`,
      oddFooter: `&C&B${marking}&RPage &P of &N`,
    },
  });
  sheet.columns = widths.map((width) => ({ width }));
  const title = sheet.getRow(1);
  title.getCell(1).value = plan.title;
  title.getCell(1).font = fonts.title;
  title.commit();
  // Across two pages column A is printed again on the second, but only as wide as itself: a
  // sentence in A running on over the cells beside it would be cut off there. So the lines
  // start in column B, which the first page alone prints.
  const introColumn = layout.pagesWide === 2 ? 2 : 1;
  plan.intro.forEach((line, index) => {
    const row = sheet.getRow(2 + index);
    row.getCell(introColumn).value = line;
    row.getCell(introColumn).font = fonts.body;
    row.commit();
  });
  return sheet;
}

/** Calibri 11 wraps at about 14.5 points a line in Excel (DejaVu Sans in LibreOffice, about 13), plus the cell's padding. */
const lineHeight = 14.5;
const rowPadding = 1.5;
/** A row of one line: Excel's default for Calibri 11. */
export const defaultRowHeight = 15;
/** The title's row, in 14-point bold. */
export const titleHeight = 19;

/**
 * The height a row needs for its wrapped text. Spreadsheets do not fit row heights to wrapped
 * text when a file is opened, so without it long notes would be cut off or overlap on print;
 * and a height estimated too generously prints as blank lines.
 */
export function rowHeightFor(texts: readonly { text: string; width: number; bold?: boolean }[]): number | undefined {
  let lines = 1;
  for (const { text, width, bold } of texts) lines = Math.max(lines, wrappedLines(text, width, bold));
  return lines > 1 ? lines * lineHeight + rowPadding : undefined;
}

/** The printable height of an A4 landscape page with the margins above, in points. */
export const printableHeightPoints = (8.27 - 2 * 0.75) * 72;

/**
 * The height a table takes unscaled, in points: its header and its rows as writeTable sizes
 * them, a row of one line taken at 14 points (Excel's 15, LibreOffice's 13).
 */
export function tableHeight(columns: readonly ColumnSpec[], rows: readonly (readonly CellContent[])[]): number {
  const oneLine = 14;
  const header = rowHeightFor(columns.map((column) => ({ text: column.header, width: columnWidth(column), bold: true }))) ?? oneLine;
  return rows.reduce(
    (total, values) =>
      total +
      (rowHeightFor(
        columns.flatMap((column, index) => {
          const value = values[index];
          return column.wrap && typeof value === 'string' ? [{ text: value, width: textRoom(columns, index) }] : [];
        }),
      ) ?? oneLine),
    header,
  );
}

const afterFigures = (columns: readonly ColumnSpec[], index: number) => index > 0 && columns[index - 1]!.numFmt !== undefined && columns[index]!.numFmt === undefined;

/** Room a wrapped cell has for its text: an indent takes about one and a half digits. */
function textRoom(columns: readonly ColumnSpec[], index: number): number {
  return columnWidth(columns[index]!) - (afterFigures(columns, index) ? 1.5 : 0);
}

/** Writes a header row and its data rows as one Excel table; returns the next free row. */
export function writeTable(
  book: StreamingWorkbook,
  sheet: ExcelJS.Worksheet,
  table: { name: string; headerRow: number; columns: readonly ColumnSpec[]; rows: readonly (readonly CellContent[])[] },
  decorate?: (cell: ExcelJS.Cell, rowIndex: number, columnIndex: number) => void,
): number {
  const header = sheet.getRow(table.headerRow);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = fonts.header;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  const headerHeight = rowHeightFor(table.columns.map((column) => ({ text: column.header, width: columnWidth(column), bold: true })));
  if (headerHeight) header.height = headerHeight;
  header.commit();
  const rows = table.rows.length > 0 ? table.rows : [table.columns.map((_, index) => (index === 0 ? 'None' : notAvailable))];
  rows.forEach((values, rowIndex) => {
    const row = sheet.getRow(table.headerRow + 1 + rowIndex);
    table.columns.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      const value = values[columnIndex];
      cell.value = value === null || value === undefined ? notAvailable : (value as ExcelJS.CellValue);
      if (column.numFmt && typeof value !== 'string') cell.numFmt = column.numFmt;
      // A marker ([x], [c]) in a column of figures lines up with the figures; in a column of
      // words it is centred. Words straight after right-aligned figures are indented, so that
      // the two never run together ("+0.2no significant change").
      const shown = typeof value === 'object' && value !== null && 'formula' in value ? value.result : value;
      const marker = shown === notAvailable || shown === suppressedMarker;
      const figures = column.numFmt !== undefined;
      const horizontal = column.centre || (marker && !figures) ? 'center' : figures && typeof shown === 'string' ? 'right' : undefined;
      const indent = !figures && !horizontal && afterFigures(table.columns, columnIndex) ? 1 : 0;
      cell.alignment = { wrapText: column.wrap ?? false, vertical: 'top', ...(horizontal ? { horizontal } : {}), ...(indent ? { indent } : {}) };
      cell.font = typeof value === 'object' && value !== null && 'hyperlink' in value ? fonts.link : fonts.body;
      decorate?.(cell, rowIndex, columnIndex);
    });
    const height = rowHeightFor(
      table.columns.flatMap((column, index) => {
        const value = values[index];
        return column.wrap && typeof value === 'string' ? [{ text: value, width: textRoom(table.columns, index) }] : [];
      }),
    );
    if (height) row.height = height;
    row.commit();
  });
  book.addTable(sheet, { name: table.name, headerRow: table.headerRow, firstColumn: 1, headers: table.columns.map((column) => column.header), rows: rows.length });
  return table.headerRow + rows.length + 1;
}
