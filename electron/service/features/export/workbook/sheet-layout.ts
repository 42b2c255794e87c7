import type ExcelJS from 'exceljs';
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
  weight: '0.##',
  threshold: '#,##0.##',
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
  columns: readonly ColumnSpec[];
}

/** The first table's header row: straight after the title and the intro lines. */
export function firstHeaderRow(intro: readonly string[]): number {
  return 2 + intro.length;
}

export function createSheet(book: StreamingWorkbook, plan: SheetPlan, marking: string, options: { useSharedStrings?: boolean } = {}): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(plan.name, {
    ...options,
    views: [{ state: 'frozen', xSplit: plan.freezeFirstColumn ? 1 : 0, ySplit: plan.headerRow, showGridLines: true }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${plan.headerRow}:${plan.headerRow}`,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&C&B${marking}`,
      oddFooter: `&C&B${marking}&RPage &P of &N`,
    },
  });
  sheet.columns = plan.columns.map((column) => ({ width: column.width }));
  const title = sheet.getRow(1);
  title.getCell(1).value = plan.title;
  title.getCell(1).font = { bold: true, size: 14 };
  title.commit();
  plan.intro.forEach((line, index) => {
    const row = sheet.getRow(2 + index);
    row.getCell(1).value = line;
    row.commit();
  });
  return sheet;
}

const lineHeight = 15;

/**
 * The height a row needs for its wrapped text. Spreadsheets do not fit row heights to wrapped
 * text when a file is opened, so without it long notes would be cut off or overlap on print.
 */
export function rowHeightFor(texts: readonly { text: string; width: number }[]): number | undefined {
  let lines = 1;
  for (const { text, width } of texts) {
    const perLine = Math.max(4, width - 1);
    const needed = text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return lines > 1 ? lines * lineHeight : undefined;
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
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  // Bold headers run wider than the body text.
  const headerHeight = rowHeightFor(table.columns.map((column) => ({ text: column.header, width: column.width * 0.8 })));
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
      cell.alignment = { wrapText: column.wrap ?? false, vertical: 'top' };
      if (typeof value === 'object' && value !== null && 'hyperlink' in value) cell.font = { color: { argb: 'FF1D4ED8' }, underline: true };
      decorate?.(cell, rowIndex, columnIndex);
    });
    const height = rowHeightFor(
      table.columns.flatMap((column, index) => {
        const value = values[index];
        return column.wrap && typeof value === 'string' ? [{ text: value, width: column.width }] : [];
      }),
    );
    if (height) row.height = height;
    row.commit();
  });
  book.addTable(sheet, { name: table.name, headerRow: table.headerRow, firstColumn: 1, headers: table.columns.map((column) => column.header), rows: rows.length });
  return table.headerRow + rows.length + 1;
}
