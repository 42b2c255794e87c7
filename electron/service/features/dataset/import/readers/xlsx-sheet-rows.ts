import { excelSerialToDate } from '../../../../../../shared/dates';
import { detached } from './detached';
import type { CellValue } from './source-types';

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


/** A cell's text may be at most 32,767 characters in Excel; far more than that between two tags is damage. */
const maxTextChars = 1 << 20;

const entity = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text as the characters it stands for: line ends normalised, then entities decoded. */
function xmlText(raw: string): string {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(entity, (whole: string, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return namedEntities[name]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The elements the scanner acts on; any other is passed over. */
const element = { other: 0, row: 1, c: 2, v: 3, t: 4, rPh: 5, sheetData: 6, si: 7 } as const;

/** Which element a name is, ignoring a namespace prefix ("x:row", from some writers, is a row). */
function elementOf(text: string, start: number, end: number): number {
  for (let at = end - 1; at > start; at -= 1) {
    if (text.charCodeAt(at) === 0x3a /* : */) {
      start = at + 1;
      break;
    }
  }
  switch (end - start) {
    case 1: {
      const code = text.charCodeAt(start);
      return code === 0x63 ? element.c : code === 0x76 ? element.v : code === 0x74 ? element.t : element.other;
    }
    case 2:
      return text.startsWith('si', start) ? element.si : element.other;
    case 3:
      return text.startsWith('row', start) ? element.row : text.startsWith('rPh', start) ? element.rPh : element.other;
    case 9:
      return text.startsWith('sheetData', start) ? element.sheetData : element.other;
    default:
      return element.other;
  }
}

/** A cell's t attribute: how its value is written. */
const cellType = { number: 0, shared: 1, text: 2, boolean: 3, error: 4, isoDate: 5 } as const;

function cellTypeOf(text: string, start: number, end: number): number {
  if (start < 0) return cellType.number;
  const value = text.slice(start, end);
  switch (value) {
    case 's':
      return cellType.shared;
    case 'str':
    case 'inlineStr':
      return cellType.text;
    case 'b':
      return cellType.boolean;
    case 'e':
      return cellType.error;
    case 'd':
      return cellType.isoDate;
    default:
      return cellType.number;
  }
}

/** Digits from `start` as a whole number, or -1 when there are none. */
function wholeNumber(text: string, start: number, end: number): number {
  let value = -1;
  for (let at = start; at < end; at += 1) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}

/** "AB12" → 28 (1-based); 0 when the reference has no letters. */
function columnOf(text: string, start: number, end: number): number {
  let column = 0;
  for (let at = start; at < end && column <= 0x7fffff; at += 1) {
    const code = text.charCodeAt(at) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

function damaged(detail: string): Error {
  return new Error(`The XML of a part of the workbook is damaged: ${detail}.`);
}

/**
 * Reads the rows of a worksheet, or the strings of the shared-string table, from their XML,
 * chunk by chunk, straight into values.
 *
 * These are the two large parts of a workbook, and both are a narrow dialect of XML. Read
 * with a general XML parser into exceljs's row and cell objects, a 100,000-row sheet took
 * longer than the rest of the import together, so this scanner reads just that dialect:
 * start and end tags, the r, s and t attributes, text with XML's entities and line ends,
 * CDATA, comments and processing instructions, and namespace prefixes. A document type
 * declaration, which neither part ever has, is refused. Everything after the sheet data
 * (merged cells, hyperlinks, drawings) is passed over unread.
 *
 * Each cell is its cached value with the type the file gives it, so a formula cell is read
 * as the value Excel last worked out (0, "", FALSE and dates included), an error is no
 * value, and a number in a date style is a date. Phonetic runs (furigana) are not text.
 */
class SpreadsheetXmlScanner {
  readonly rows: SheetRow[] = [];
  readonly strings: string[] = [];
  /** The start of a tag (or text being kept) cut off by the end of the last chunk. */
  private carry = '';
  /** Inside the sheet data; the shared-string table is all "inside". */
  private active: boolean;
  private finished = false;
  private row: SheetRow | null = null;
  // The cell being read: its column, style and type, and the text of its value.
  private column = 0;
  private style = 0;
  private type: number = cellType.number;
  private text: string | null = null;
  private capture = false;
  private inPhonetic = false;
  // The last start tag: whether it closed itself, and where its r, s and t values lie (-1: absent).
  private selfClosing = false;
  private rStart = -1;
  private rEnd = -1;
  private sStart = -1;
  private sEnd = -1;
  private tStart = -1;
  private tEnd = -1;

  constructor(
    part: 'sheet' | 'sharedStrings',
    private readonly context: SheetContext | null,
  ) {
    this.active = part === 'sharedStrings';
  }

  push(chunk: string): void {
    if (this.finished) return;
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const length = text.length;
    let at = 0;
    while (at < length && !this.finished) {
      const open = text.indexOf('<', at);
      if (open === -1) {
        // Text running to the end of the chunk is kept whole, so that an entity cut in two
        // ("&am" + "p;") is read as one.
        if (this.capture) this.keep(text.slice(at));
        return;
      }
      if (open > at && this.capture) this.text += xmlText(text.slice(at, open));
      const end = this.markup(text, open);
      if (end === -1) {
        this.keep(text.slice(open));
        return;
      }
      at = end;
    }
  }

  /** Fails on a part that stops part-way through a tag. */
  end(): void {
    if (this.carry !== '' && !this.finished) throw damaged('it ends part-way through a tag');
  }

  private keep(rest: string): void {
    if (rest.length > maxTextChars) throw damaged('it has a tag or a text far longer than Excel writes');
    this.carry = rest;
  }

  /** Reads the markup that starts at `open`; returns where it ends, or -1 when the chunk ends first. */
  private markup(text: string, open: number): number {
    const next = text.charCodeAt(open + 1);
    if (Number.isNaN(next)) return -1;
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<![CDATA[', open)) {
        const close = text.indexOf(']]>', open + 9);
        if (close === -1) return -1;
        if (this.capture) this.text += text.slice(open + 9, close);
        return close + 3;
      }
      if (text.startsWith('<!--', open)) {
        const close = text.indexOf('-->', open + 4);
        return close === -1 ? -1 : close + 3;
      }
      if (text.length - open < 9) return -1;
      throw damaged('it has a document type declaration');
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', open + 2);
      return close === -1 ? -1 : close + 2;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = open + (closing ? 2 : 1);
    let nameEnd = nameStart;
    for (; nameEnd < text.length; nameEnd += 1) {
      const code = text.charCodeAt(nameEnd);
      if (code <= 32 || code === 0x3e || code === 0x2f) break;
    }
    const end = this.tagEnd(text, nameEnd);
    if (end === -1) return -1;
    const which = elementOf(text, nameStart, nameEnd);
    if (closing) this.close(which);
    else {
      this.open(which, text);
      if (this.selfClosing) this.close(which);
    }
    return end;
  }

  /**
   * Walks a tag's attributes to the '>' that ends it (one inside a quoted value does not),
   * noting where the r, s and t values lie. Returns the index after the tag, or -1.
   */
  private tagEnd(text: string, from: number): number {
    const length = text.length;
    this.rStart = this.sStart = this.tStart = -1;
    let at = from;
    for (;;) {
      while (at < length && text.charCodeAt(at) <= 32) at += 1;
      if (at >= length) return -1;
      const code = text.charCodeAt(at);
      if (code === 0x3e) {
        this.selfClosing = false;
        return at + 1;
      }
      if (code === 0x2f) {
        if (at + 1 >= length) return -1;
        if (text.charCodeAt(at + 1) !== 0x3e) throw damaged('a tag has a stray “/”');
        this.selfClosing = true;
        return at + 2;
      }
      const nameStart = at;
      while (at < length) {
        const char = text.charCodeAt(at);
        if (char === 0x3d || char <= 32 || char === 0x3e || char === 0x2f) break;
        at += 1;
      }
      const nameEnd = at;
      while (at < length && text.charCodeAt(at) <= 32) at += 1;
      if (at >= length) return -1;
      if (text.charCodeAt(at) !== 0x3d) throw damaged('an attribute has no value');
      at += 1;
      while (at < length && text.charCodeAt(at) <= 32) at += 1;
      if (at >= length) return -1;
      const quote = text.charCodeAt(at);
      if (quote !== 0x22 && quote !== 0x27) throw damaged('an attribute value is not in quotes');
      const close = text.indexOf(quote === 0x22 ? '"' : "'", at + 1);
      if (close === -1) return -1;
      if (nameEnd - nameStart === 1) {
        switch (text.charCodeAt(nameStart)) {
          case 0x72 /* r */:
            this.rStart = at + 1;
            this.rEnd = close;
            break;
          case 0x73 /* s */:
            this.sStart = at + 1;
            this.sEnd = close;
            break;
          case 0x74 /* t */:
            this.tStart = at + 1;
            this.tEnd = close;
            break;
          default:
            break;
        }
      }
      at = close + 1;
    }
  }

  private open(which: number, text: string): void {
    if (which === element.sheetData) {
      if (!this.selfClosing) this.active = true;
      return;
    }
    if (!this.active) return;
    switch (which) {
      case element.row: {
        const number = this.rStart < 0 ? -1 : wholeNumber(text, this.rStart, this.rEnd);
        this.row = { number: number > 0 ? number : null, cells: [], lastFilled: 0 };
        this.column = 0;
        break;
      }
      case element.c:
        // A cell without a reference is the one after the last.
        this.column = (this.rStart < 0 ? 0 : columnOf(text, this.rStart, this.rEnd)) || this.column + 1;
        this.style = this.sStart < 0 ? 0 : Math.max(0, wholeNumber(text, this.sStart, this.sEnd));
        this.type = cellTypeOf(text, this.tStart, this.tEnd);
        this.text = null;
        break;
      case element.si:
        this.text = '';
        break;
      case element.v:
        this.text = '';
        this.capture = true;
        break;
      case element.rPh:
        this.inPhonetic = true;
        break;
      case element.t:
        if (!this.inPhonetic) {
          this.text ??= '';
          this.capture = true;
        }
        break;
      default:
        break;
    }
  }

  private close(which: number): void {
    if (!this.active) return;
    switch (which) {
      case element.v:
      case element.t:
        this.capture = false;
        break;
      case element.rPh:
        this.inPhonetic = false;
        break;
      case element.c:
        if (this.row !== null && this.text !== null && this.context !== null) {
          store(this.row, this.column, cellValue(this.type, this.text, this.style, this.context), this.context.maxColumns);
        }
        this.text = null;
        this.capture = false;
        break;
      case element.si:
        // Kept for the whole import: copied off the chunk it was cut from.
        this.strings.push(detached(this.text ?? ''));
        this.text = null;
        this.capture = false;
        break;
      case element.row:
        if (this.row !== null) this.rows.push(this.row);
        this.row = null;
        break;
      case element.sheetData:
        this.active = false;
        this.finished = true;
        break;
      default:
        break;
    }
  }
}

/** The worksheet's rows, a chunk's worth at a time. */
export async function* sheetRows(xml: AsyncIterable<string>, context: SheetContext): AsyncGenerator<SheetRow[]> {
  const scanner = new SpreadsheetXmlScanner('sheet', context);
  for await (const chunk of xml) {
    scanner.push(chunk);
    if (scanner.rows.length > 0) yield scanner.rows.splice(0);
  }
  scanner.end();
  if (scanner.rows.length > 0) yield scanner.rows.splice(0);
}

/** The shared-string table (xl/sharedStrings.xml): each string's text, rich text runs joined. */
export async function readSharedStrings(xml: AsyncIterable<string>): Promise<string[]> {
  const scanner = new SpreadsheetXmlScanner('sharedStrings', null);
  for await (const chunk of xml) scanner.push(chunk);
  scanner.end();
  return scanner.strings;
}

function store(row: SheetRow, column: number, value: CellValue, maxColumns: number): void {
  if (value === null) return;
  if (value !== '' && column > row.lastFilled) row.lastFilled = column;
  if (column > maxColumns) return;
  const cells = row.cells;
  while (cells.length < column - 1) cells.push(null);
  cells[column - 1] = value;
}

function cellValue(type: number, text: string, style: number, context: SheetContext): CellValue {
  switch (type) {
    case cellType.shared: {
      const index = Number.parseInt(text, 10);
      return Number.isInteger(index) ? context.sharedString(index) : null;
    }
    case cellType.text:
      return text;
    case cellType.boolean:
      return text.trim() === '' ? null : Number(text) !== 0;
    case cellType.error:
      // #N/A, #DIV/0! and the like mean "no value" for an import.
      return null;
    case cellType.isoDate: {
      // An ISO 8601 date, written by a few tools instead of a serial number.
      const date = new Date(text.trim());
      return Number.isNaN(date.getTime()) ? null : date;
    }
    default: {
      // A malformed number ("<v></v>") has no value.
      const number = Number.parseFloat(text);
      if (!Number.isFinite(number)) return null;
      return context.isDateStyle(style) ? excelSerialToDate(number, context.date1904) : number;
    }
  }
}
