import type ExcelJS from 'exceljs';
import { type CellValue } from './source-table';

/**
 * One exceljs cell value as a plain value. Formulas never get here as formulas (their
 * elements are taken out of the XML first, see withoutFormulas), but a `result` is still
 * honoured in case they do.
 */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // A malformed number ("<v></v>") parses to NaN: there is no value.
      return Number.isFinite(value) ? value : null;
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  // #N/A, #DIV/0! and the like mean "no value" for an import.
  if ('error' in value) return null;
  if ('richText' in value) return richTextOf(value.richText);
  if ('hyperlink' in value) return toCellValue(value.text);
  if ('result' in value) return toCellValue(value.result);
  return null;
}

function richTextOf(runs: unknown): string {
  if (!Array.isArray(runs)) return '';
  let text = '';
  for (const run of runs) {
    // An empty run (<t/>) has text null in exceljs.
    if (typeof run === 'object' && run !== null && 'text' in run && typeof run.text === 'string') text += run.text;
  }
  return text;
}

/** Excel's column letters, for messages: 1 → A, 27 → AA, 1,001 → ALM. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
