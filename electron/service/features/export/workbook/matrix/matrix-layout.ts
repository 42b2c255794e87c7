import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../../spreadsheet-columns';
import { columnWidth, defaultRowHeight, fonts, printableHeightPoints, printLayout, tableHeight, titleHeight, wrappedLines, type CellContent, type ColumnSpec } from '../sheet-layout';
import { cellAddress } from '../streaming-workbook';
import type { MatrixColumn } from './matrix-scores';
import type { Validations } from './matrix-parameters';

/**
 * Where the Matrix sheet's four tables go: the scores under the intro, then the grades beside
 * the score (when the matrix has such factors), the weights and thresholds, and the score bands
 * (when it has bands), each with a caption and a blank row before it.
 */
export interface MatrixPlacement {
  scores: { headerRow: number; firstRow: number; lastRow: number };
  beside: { captionRow: number; headerRow: number; firstRow: number; lastRow: number } | null;
  factors: { captionRow: number; headerRow: number };
  bands: { captionRow: number; headerRow: number } | null;
}

export function placeMatrixTables(counts: { headerRow: number; offences: number; besideFactors: number; factors: number; bands: number }): MatrixPlacement {
  const rowsFor = Math.max(1, counts.offences);
  const headerRow = counts.headerRow;
  const scores = { headerRow, firstRow: headerRow + 1, lastRow: headerRow + rowsFor };
  const captioned = (after: number) => ({ captionRow: after + 2, headerRow: after + 3 });
  const besideAt = captioned(scores.lastRow);
  const beside = counts.besideFactors > 0 ? { ...besideAt, firstRow: besideAt.headerRow + 1, lastRow: besideAt.headerRow + rowsFor } : null;
  const factors = captioned(beside ? beside.lastRow : scores.lastRow);
  const bands = counts.bands > 0 ? captioned(factors.headerRow + counts.factors) : null;
  return { scores, beside, factors, bands };
}

/**
 * The tables share the sheet's columns, so each column is as wide as the widest need. (The
 * judgements' rationales are on the Notes sheet: a column of prose here would widen a narrow
 * column of figures past what two pages across can hold.)
 */
export function sharedWidths(scores: readonly ColumnSpec[], below: readonly (readonly ColumnSpec[])[]): number[] {
  const tables = [scores, ...below];
  return scores.map((_, index) => Math.max(...tables.map((table) => (table[index] ? columnWidth(table[index]) : 0))));
}

export function fitted<T extends ColumnSpec>(table: readonly T[], widths: readonly number[]): T[] {
  return table.map((column, index) => ({ ...column, width: widths[index] ?? columnWidth(column) }));
}

/**
 * Whether the scores fit their first printed page: then the tables below start a page of their
 * own, without the scores' header printed over them.
 */
export function scoresFitOnePage(columns: readonly ColumnSpec[], introLines: number, rows: readonly (readonly CellContent[])[]): boolean {
  const scale = printLayout(columns.map((column) => column.width)).points / fonts.body.size;
  return (titleHeight + introLines * defaultRowHeight + tableHeight(columns, rows)) * scale <= printableHeightPoints;
}

/**
 * A table's caption, in column A. Across two pages column A is printed again on the second,
 * only as wide as itself, so the caption wraps inside it rather than run on and be cut off.
 */
export function writeCaption(sheet: ExcelJS.Worksheet, rowNumber: number, text: string, width: number): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  row.getCell(1).font = fonts.caption;
  row.getCell(1).alignment = { wrapText: true, vertical: 'bottom' };
  const lines = wrappedLines(text, width * (fonts.body.size / fonts.caption.size), true);
  if (lines > 1) row.height = lines * 16 + 2;
  row.commit();
}

/** A pale-to-strong fill by score; the number stays in the cell, so colour is never the only signal. */
const heatFills = ['FFE8F1FA', 'FFC9DDF0', 'FFFCE8B2', 'FFF8C9A0', 'FFF2A7A0'];

function addHeatMap(sheet: ExcelJS.Worksheet, ranges: readonly string[]): void {
  if (ranges.length === 0) return;
  sheet.addConditionalFormatting({
    ref: ranges.join(' '),
    rules: heatFills.map((argb, index) => ({
      type: 'cellIs',
      operator: 'equal',
      formulae: [index + 1],
      priority: index + 1,
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
    })),
  });
}

/** Score columns coloured by score, and judgement cells that accept only 1 to 5. */
export function decorateScores(sheet: ExcelJS.Worksheet, validations: Validations, table: readonly MatrixColumn[], from: number, to: number): void {
  const scoreColumns = table.flatMap((column, index) => (column.role === 'score' ? [index + 1] : []));
  addHeatMap(sheet, scoreColumns.map((column) => `${columnLetter(column)}${from}:${columnLetter(column)}${to}`));
  for (const [index, column] of table.entries()) {
    if (column.role !== 'judgement') continue;
    validations.add(`${cellAddress(from, index + 1)}:${cellAddress(to, index + 1)}`, {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, 5],
      showErrorMessage: true,
      errorTitle: 'Judgement',
      error: 'A judgement is a whole number from 1 to 5.',
    });
  }
}
