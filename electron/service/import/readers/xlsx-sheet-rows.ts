import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { CellValue } from './source-table';

/** What a worksheet's cells refer to elsewhere in the workbook. */
export interface SheetContext {
  /** The shared strings, by index, as plain text. */
  sharedString(index: number): string | null;
  /** Whether the cell style with this index shows a number as a date. */
  isDateStyle(styleId: number): boolean;
  /** The workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
  /** Columns read at most: a value further right is reported, not stored. */
  maxColumns: number;
}

export interface SheetRow {
  /** The row's `r`, or null when the writer left it out. */
  number: number | null;
  /** By column (A is 0), gaps as null; a value beyond maxColumns is left out. */
  cells: CellValue[];
  /** The right-most column (1-based) with a value in it, counting any beyond maxColumns. */
  lastFilled: number;
}

/** The element's name without a namespace prefix ("x:row" from some writers is "row"). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** "AB12" → 28 (1-based); 0 when the reference has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  for (let at = 0; at < reference.length; at += 1) {
    const code = reference.charCodeAt(at) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

/** Excel's column letters, for messages: 1 → A, 27 → AA, 1,001 → ALM. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const millisecondsPerDay = 86_400_000;

/** An Excel serial day number as a date, to the millisecond, as Excel shows it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * millisecondsPerDay));
}

/**
 * A worksheet's rows, read from its XML with saxes (the parser exceljs itself uses) but
 * without exceljs's row and cell objects, which made most of a large workbook's reading time.
 * Each cell is its cached value with the type the file gives it, so a formula cell is read as
 * the value Excel last worked out (0, "", FALSE and dates included), an error is no value,
 * and a number in a date style is a date.
 */
export async function* sheetRows(xml: AsyncIterable<string>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  // Line and column tracking costs time on every character; errors name the row instead.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const done: SheetRow[] = [];
  let inSheetData = false;
  let row: SheetRow | null = null;
  // The cell being read: its column, style and type, and the text of its value.
  let column = 0;
  let style = 0;
  let type: string | undefined;
  let text: string | null = null;
  // Text is kept only inside <v>, or a <t> of an inline string that is not a phonetic run.
  let capture = false;
  let inPhonetic = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (!inSheetData) {
      if (name === 'sheetData' && !tag.isSelfClosing) inSheetData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const number = Number.parseInt(tag.attributes.r ?? '', 10);
        row = { number: Number.isInteger(number) && number > 0 ? number : null, cells: [], lastFilled: 0 };
        column = 0;
        break;
      }
      case 'c': {
        const reference = tag.attributes.r;
        // A cell without a reference is the one after the last.
        column = (reference === undefined ? 0 : columnOf(reference)) || column + 1;
        style = Number.parseInt(tag.attributes.s ?? '0', 10) || 0;
        type = tag.attributes.t;
        text = null;
        break;
      }
      case 'v':
        text = '';
        capture = true;
        break;
      case 'rPh':
        inPhonetic = true;
        break;
      case 't':
        if (!inPhonetic) {
          text ??= '';
          capture = true;
        }
        break;
      default:
        break;
    }
  });

  const onText = (value: string) => {
    if (capture) text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!inSheetData) return;
    switch (localName(tag.name)) {
      case 'v':
      case 't':
        capture = false;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'c':
        if (row !== null && text !== null) store(row, column, cellValue(type, text, style, context), context.maxColumns);
        text = null;
        break;
      case 'row':
        if (row !== null) done.push(row);
        row = null;
        break;
      case 'sheetData':
        inSheetData = false;
        break;
      default:
        break;
    }
  });

  for await (const chunk of xml) {
    // saxes throws on malformed XML, from write().
    parser.write(chunk);
    if (done.length > 0) yield done.splice(0);
  }
  parser.close();
  if (done.length > 0) yield done.splice(0);
}

function store(row: SheetRow, column: number, value: CellValue, maxColumns: number): void {
  if (value === null) return;
  if (value !== '' && column > row.lastFilled) row.lastFilled = column;
  if (column > maxColumns) return;
  const cells = row.cells;
  while (cells.length < column - 1) cells.push(null);
  cells[column - 1] = value;
}

function cellValue(type: string | undefined, text: string, style: number, context: SheetContext): CellValue {
  switch (type) {
    case 's': {
      const index = Number.parseInt(text, 10);
      return Number.isInteger(index) ? context.sharedString(index) : null;
    }
    case 'str':
    case 'inlineStr':
      return text;
    case 'b':
      return text.trim() === '' ? null : Number(text) !== 0;
    case 'e':
      // #N/A, #DIV/0! and the like mean "no value" for an import.
      return null;
    case 'd': {
      // An ISO 8601 date, written by a few tools instead of a serial number.
      const date = new Date(text.trim());
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      // A malformed number ("<v></v>") has no value.
      const number = Number.parseFloat(text);
      if (!Number.isFinite(number)) return null;
      return context.isDateStyle(style) ? serialToDate(number, context.date1904) : number;
    }
  }
}
