import { formatCount } from '../../../../../../shared/format/index';
import { excelSerialToDate } from '../../../../../../shared/dates';
import type { CellValue } from './source-types';

/** A sheet (an ODF table) as its start tag names it. */
export interface OdsTableInfo {
  /** 1-based, in the document's order. */
  position: number;
  name: string;
  /** False for a sheet hidden in LibreOffice (its table style has table:display="false"). */
  visible: boolean;
}

export interface OdsRow {
  table: OdsTableInfo;
  /** The row's number in its sheet, as LibreOffice shows it; for a repeated row, the first of them. */
  number: number;
  /** By column (A is 0), gaps as null; values beyond maxColumns are left out. */
  cells: CellValue[];
  /** The right-most column (1-based) with a value, counting any beyond maxColumns. */
  lastFilled: number;
  /** How many identical rows this stands for (table:number-rows-repeated). */
  repeat: number;
}

export interface OdsScannerOptions {
  /** Columns read at most: a value further right is reported by the reader, not stored. */
  maxColumns: number;
  /** Called at each sheet's start: whether to read its rows (false passes over them unread). */
  chooseTable(table: OdsTableInfo): boolean;
}

/** Why a document was refused; the reader turns it into a message naming the file. */
export class OdsContentError extends Error {
  constructor(
    readonly reason: 'doctype' | 'damaged' | 'namespaces' | 'too-many-rows' | 'text-too-long',
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Far beyond the 1,048,576 rows of a LibreOffice or Excel sheet. A row of values repeated past
 * this is not a table anyone saved, but a few bytes made to stand for billions of rows.
 */
export const maxSheetRows = 1 << 24;

/** Longer than any cell Calc or Excel holds (32,767 characters); more is damage or a bomb. */
const maxTextChars = 1 << 20;

/** The standard ODF namespaces. The scanner reads element names by their usual prefixes, so it checks that the root binds them. */
const requiredNamespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
];

const element = {
  other: 0,
  root: 1,
  body: 2,
  table: 3,
  row: 4,
  cell: 5,
  coveredCell: 6,
  p: 7,
  s: 8,
  tab: 9,
  lineBreak: 10,
  annotation: 11,
  note: 12,
  style: 13,
  tableProperties: 14,
  spreadsheet: 15,
} as const;

/** Which element a name is; only the standard prefixes (checked on the root) are recognised. */
function elementOf(text: string, start: number, end: number): number {
  switch (end - start) {
    case 6:
      if (text.startsWith('text:p', start)) return element.p;
      return text.startsWith('text:s', start) ? element.s : element.other;
    case 8:
      return text.startsWith('text:tab', start) ? element.tab : element.other;
    case 9:
      return text.startsWith('text:note', start) ? element.note : element.other;
    case 11:
      if (text.startsWith('table:table', start)) return element.table;
      if (text.startsWith('office:body', start)) return element.body;
      return text.startsWith('style:style', start) ? element.style : element.other;
    case 15:
      if (text.startsWith('table:table-row', start)) return element.row;
      return text.startsWith('text:line-break', start) ? element.lineBreak : element.other;
    case 16:
      return text.startsWith('table:table-cell', start) ? element.cell : element.other;
    case 17:
      return text.startsWith('office:annotation', start) ? element.annotation : element.other;
    case 18:
      return text.startsWith('office:spreadsheet', start) ? element.spreadsheet : element.other;
    case 22:
      return text.startsWith('style:table-properties', start) ? element.tableProperties : element.other;
    case 23:
      return text.startsWith('office:document-content', start) ? element.root : element.other;
    case 24:
      return text.startsWith('table:covered-table-cell', start) ? element.coveredCell : element.other;
    default:
      return element.other;
  }
}

/** office:value-type, and calcext:value-type="error" (LibreOffice's error cells), which mean "no value". */
const valueType = { none: 0, number: 1, date: 2, time: 3, boolean: 4, string: 5, error: 6 } as const;

function valueTypeOf(text: string, start: number, end: number): number {
  switch (text.slice(start, end)) {
    case 'float':
    case 'percentage':
    case 'currency':
      return valueType.number;
    case 'date':
      return valueType.date;
    case 'time':
      return valueType.time;
    case 'boolean':
      return valueType.boolean;
    case 'string':
      return valueType.string;
    default:
      return valueType.none;
  }
}

const entity = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(entity, (whole: string, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return namedEntities[name]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Digits as a whole number, or -1 when there are none. */
function wholeNumber(text: string, start: number, end: number): number {
  let value = -1;
  for (let at = start; at < end; at += 1) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}

const isoDateTime = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?/;

/**
 * office:date-value ("2024-04-01", or "2024-04-01T10:30:00") as the instant a spreadsheet
 * shows, read as UTC so that the calendar day never moves with the computer's time zone
 * (the xlsx reader reads Excel's serial dates the same way).
 */
function dateOf(text: string): Date | null {
  const match = isoDateTime.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction] = match;
  const time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour ?? 0),
    Number(minute ?? 0),
    Number(second ?? 0),
    fraction === undefined ? 0 : Math.round(Number(fraction) * 1000),
  );
  const date = new Date(time);
  // 31 February is not a date: Date.UTC would quietly roll it into March.
  if (Number.isNaN(time) || date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return date;
}

const isoDuration = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const millisecondsPerDay = 86_400_000;

/** A time of day on its own, counted from day 0 of a spreadsheet's calendar, as Excel's serial 0.5 is. */
function timeOf(text: string): Date | null {
  const match = isoDuration.exec(text.trim());
  if (!match) return null;
  const [, days, hours, minutes, seconds] = match;
  const milliseconds = ((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60_000 + Math.round(Number(seconds ?? 0) * 1000);
  return excelSerialToDate(milliseconds / millisecondsPerDay, false);
}

const collapsible = /[\t\n\r]| {2}/;

/**
 * The forms in which LibreOffice writes nearly every cell of a large table, byte for byte: a
 * plain string, a plain number, a run of empty cells, and the row's end. A cell in one of
 * these forms is read by one match, without walking its attributes; anything else (a style,
 * a span, an entity, white space to collapse, a repeat of a value) goes the general way. (A
 * compiled pattern is several times faster here than comparing the text piece by piece.)
 */
const usualCell =
  /<table:table-cell (?:office:value-type="string" calcext:value-type="string"><text:p>([^<&\t\n\r]*)|office:value-type="float" office:value="([-0-9.eE]+)" calcext:value-type="float"><text:p>[^<]*)<\/text:p><\/table:table-cell>|<table:table-cell table:number-columns-repeated="([0-9]{1,9})"\/>|<\/table:table-row>/y;
/** The longest form that could still be cut by a chunk's end, for deciding whether to wait for more. */
const usualCellMaxLength = 4096;

/**
 * Reads the rows of the sheets of an OpenDocument spreadsheet's content.xml, chunk by chunk,
 * straight into values, as xlsx-sheet-rows.ts reads SpreadsheetML.
 *
 * content.xml of a national table is over a gigabyte, so this reads just the dialect Calc and
 * other ODF writers use: start and end tags and the attributes that carry values
 * (office:value-type with office:value, office:date-value, office:time-value,
 * office:boolean-value and office:string-value; calcext:value-type="error"), text in each
 * cell's paragraphs (text:p, with text:s, text:tab, text:line-break, spans and links, and
 * ODF's white-space rules), table:number-rows-repeated and table:number-columns-repeated,
 * covered (merged) cells, entities, CDATA, comments and processing instructions. A document
 * type declaration, which could declare entities, is refused.
 *
 * Repeats cost nothing unless they repeat a value: a sheet declaring a million empty rows of
 * 16,384 empty cells is read as arithmetic. A row of values repeated is returned once with
 * its count, for the reader to hand out one at a time. Sheets not chosen are passed over by
 * searching for their end tag, without reading their rows. Annotations (comments) are not
 * part of a cell's text.
 */
export class OdsContentScanner {
  readonly rows: OdsRow[] = [];
  /** Every sheet met so far, read or not. */
  readonly tables: OdsTableInfo[] = [];
  private finished = false;
  private carry = '';
  private mode: 'prelude' | 'between' | 'skip' | 'read' = 'prelude';
  private readonly hiddenTableStyles = new Set<string>();
  private table: OdsTableInfo | null = null;
  private nextRow = 1;
  // The row being read.
  private inRow = false;
  private rowRepeat = 1;
  private cells: CellValue[] = [];
  private lastFilled = 0;
  private column = 0;
  // The cell being read.
  private inCell = false;
  private covered = false;
  private cellRepeat = 1;
  private type: number = valueType.none;
  private numberValue = Number.NaN;
  private dateText: string | null = null;
  private booleanValue = false;
  private stringValue: string | null = null;
  private isError = false;
  /** Elements open inside the cell: a paragraph is the cell's text only as its direct child. */
  private cellDepth = 0;
  private paragraphs = 0;
  private text = '';
  private capture = false;
  /** Elements open inside the paragraph; above zero inside a footnote or annotation, whose text is not the cell's. */
  private pDepth = 0;
  private skipFrom = -1;
  private lastWasSpace = true;
  // The last start tag's attributes that matter here.
  private selfClosing = false;
  private attrRepeat = 1;
  private attrName: string | null = null;
  private attrStyle: string | null = null;
  private attrFamilyTable = false;
  private attrDisplayFalse = false;
  private attrSpaces = 1;
  private tableStyleName: string | null = null;

  constructor(private readonly options: OdsScannerOptions) {}

  get done(): boolean {
    return this.finished;
  }

  /** The sheet being read, if any. */
  get currentTable(): OdsTableInfo | null {
    return this.mode === 'read' ? this.table : null;
  }

  /**
   * Passes over the rest of a sheet being read (rows of it already returned are the caller's
   * to drop). Nothing happens when the scanner has already moved past it.
   */
  skipTable(table: OdsTableInfo): void {
    if (this.mode !== 'read' || this.table !== table) return;
    this.inRow = false;
    this.inCell = false;
    this.capture = false;
    this.mode = 'skip';
  }

  push(chunk: string): void {
    if (this.finished) return;
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const length = text.length;
    let at = 0;
    while (at < length && !this.finished) {
      if (this.mode === 'skip') {
        const close = text.indexOf('</table:table>', at);
        if (close === -1) {
          // The end tag may be cut by the chunk's end: keep what could be its start.
          this.carry = text.slice(Math.max(at, length - 13));
          return;
        }
        this.mode = 'between';
        this.table = null;
        at = close + 14;
        continue;
      }
      const open = text.indexOf('<', at);
      if (open === -1) {
        if (this.capture) this.keep(text.slice(at));
        return;
      }
      if (open > at && this.capture && this.skipFrom < 0) this.appendText(text.slice(at, open));
      if (this.mode === 'read' && this.inRow && !this.inCell) {
        const fast = this.usualCell(text, open);
        if (fast > 0) {
          at = fast;
          continue;
        }
        if (fast === -1) {
          this.keep(text.slice(open));
          return;
        }
      }
      const end = this.markup(text, open);
      if (end === -1) {
        this.keep(text.slice(open));
        return;
      }
      at = end;
    }
  }

  /**
   * Reads a cell (or the row's end) written in one of LibreOffice's usual forms. Returns
   * where it ends; 0 when it is not in such a form (read it the general way); -1 when the
   * chunk ends before it could tell.
   */
  private usualCell(text: string, open: number): number {
    usualCell.lastIndex = open;
    const match = usualCell.exec(text);
    if (match === null) {
      // Cut off by the chunk's end, perhaps: wait for more before reading it the general way.
      return text.length - open < usualCellMaxLength && text.indexOf('>', open) === -1 ? -1 : 0;
    }
    const [whole, string, number, empties] = match;
    if (string !== undefined) {
      if (string.charCodeAt(0) === 32 || string.includes('  ')) return 0;
      this.storeOne(string);
    } else if (number !== undefined) {
      const value = Number(number);
      this.storeOne(Number.isFinite(value) ? value : null);
    } else if (empties !== undefined) {
      this.column += Number(empties);
    } else {
      this.endRow();
    }
    return open + whole.length;
  }

  /** One cell's value, in the next column. */
  private storeOne(value: CellValue): void {
    this.column += 1;
    if (value === null) return;
    if (value !== '' && this.column > this.lastFilled) this.lastFilled = this.column;
    if (this.column > this.options.maxColumns) return;
    const cells = this.cells;
    while (cells.length < this.column - 1) cells.push(null);
    cells[this.column - 1] = value;
  }

  /** Fails on a document that stops part-way through. */
  end(): void {
    if (this.finished) return;
    if (this.mode === 'prelude' && this.tables.length === 0 && this.carry === '') {
      throw new OdsContentError('damaged', 'it has no spreadsheet content');
    }
    if (this.mode === 'read' || this.mode === 'skip' || this.carry !== '') {
      throw new OdsContentError('damaged', 'it ends part-way through a sheet');
    }
    this.finished = true;
  }

  private keep(rest: string): void {
    if (rest.length > maxTextChars) throw new OdsContentError('damaged', 'it has a tag or a text far longer than a spreadsheet writes');
    this.carry = rest;
  }

  private markup(text: string, open: number): number {
    const next = text.charCodeAt(open + 1);
    if (Number.isNaN(next)) return -1;
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<![CDATA[', open)) {
        const close = text.indexOf(']]>', open + 9);
        if (close === -1) return -1;
        if (this.capture && this.skipFrom < 0) this.appendLiteral(text.slice(open + 9, close));
        return close + 3;
      }
      if (text.startsWith('<!--', open)) {
        const close = text.indexOf('-->', open + 4);
        return close === -1 ? -1 : close + 3;
      }
      if (text.length - open < 9) return -1;
      if (text.startsWith('<!DOCTYPE', open)) throw new OdsContentError('doctype', 'it has a document type declaration');
      throw new OdsContentError('damaged', 'it has markup that is not XML');
    }
    if (next === 0x3f /* ? */) {
      const close = text.indexOf('?>', open + 2);
      return close === -1 ? -1 : close + 2;
    }
    const closing = next === 0x2f; /* / */
    const nameStart = open + (closing ? 2 : 1);
    let nameEnd = nameStart;
    const length = text.length;
    for (; nameEnd < length; nameEnd += 1) {
      const code = text.charCodeAt(nameEnd);
      if (code <= 32 || code === 0x3e || code === 0x2f) break;
    }
    if (nameEnd >= length) return -1;
    const which = elementOf(text, nameStart, nameEnd);
    const end = this.tagEnd(text, nameEnd, closing ? element.other : which);
    if (end === -1) return -1;
    if (closing) this.close(which);
    else {
      if (which === element.root) this.checkNamespaces(text.slice(open, end));
      this.open(which);
      if (this.selfClosing) this.close(which);
    }
    return end;
  }

  private checkNamespaces(tag: string): void {
    for (const declaration of requiredNamespaces) {
      if (!tag.includes(declaration)) throw new OdsContentError('namespaces', `its XML does not use the standard OpenDocument names (${declaration})`);
    }
  }

  /**
   * Walks a tag's attributes to the '>' that ends it, noting the values that matter for this
   * element. Returns the index after the tag, or -1 when the chunk ends first.
   */
  private tagEnd(text: string, from: number, which: number): number {
    const length = text.length;
    this.attrRepeat = 1;
    this.attrName = null;
    this.attrStyle = null;
    this.attrFamilyTable = false;
    this.attrDisplayFalse = false;
    this.attrSpaces = 1;
    if (which === element.cell || which === element.coveredCell) this.resetCell();
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
        if (text.charCodeAt(at + 1) !== 0x3e) throw new OdsContentError('damaged', 'a tag has a stray “/”');
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
      if (text.charCodeAt(at) !== 0x3d) throw new OdsContentError('damaged', 'an attribute has no value');
      at += 1;
      while (at < length && text.charCodeAt(at) <= 32) at += 1;
      if (at >= length) return -1;
      const quote = text.charCodeAt(at);
      if (quote !== 0x22 && quote !== 0x27) throw new OdsContentError('damaged', 'an attribute value is not in quotes');
      const close = text.indexOf(quote === 0x22 ? '"' : "'", at + 1);
      if (close === -1) return -1;
      if (which !== element.other) this.attribute(which, text, nameStart, nameEnd, at + 1, close);
      at = close + 1;
    }
  }

  private attribute(which: number, text: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const nameLength = nameEnd - nameStart;
    switch (which) {
      case element.cell:
      case element.coveredCell:
        if (this.mode !== 'read') return;
        switch (nameLength) {
          case 12:
            if (text.startsWith('office:value', nameStart)) this.numberValue = Number(text.slice(valueStart, valueEnd));
            return;
          case 17:
            if (text.startsWith('office:value-type', nameStart)) this.type = valueTypeOf(text, valueStart, valueEnd);
            else if (text.startsWith('office:date-value', nameStart) || text.startsWith('office:time-value', nameStart)) this.dateText = text.slice(valueStart, valueEnd);
            return;
          case 18:
            if (text.startsWith('calcext:value-type', nameStart) && text.startsWith('error', valueStart) && valueEnd - valueStart === 5) this.isError = true;
            return;
          case 19:
            if (text.startsWith('office:string-value', nameStart)) this.stringValue = decodeEntities(text.slice(valueStart, valueEnd));
            return;
          case 20:
            if (text.startsWith('office:boolean-value', nameStart)) this.booleanValue = text.slice(valueStart, valueEnd).trim().toLowerCase() === 'true';
            return;
          case 29:
            if (text.startsWith('table:number-columns-repeated', nameStart)) this.attrRepeat = Math.max(1, wholeNumber(text, valueStart, valueEnd));
            return;
          default:
            return;
        }
      case element.row:
        if (nameLength === 26 && text.startsWith('table:number-rows-repeated', nameStart)) this.attrRepeat = Math.max(1, wholeNumber(text, valueStart, valueEnd));
        return;
      case element.table:
        if (nameLength === 10 && text.startsWith('table:name', nameStart)) this.attrName = decodeEntities(text.slice(valueStart, valueEnd));
        else if (nameLength === 16 && text.startsWith('table:style-name', nameStart)) this.attrStyle = decodeEntities(text.slice(valueStart, valueEnd));
        return;
      case element.s:
        if (nameLength === 6 && text.startsWith('text:c', nameStart)) this.attrSpaces = Math.max(1, wholeNumber(text, valueStart, valueEnd));
        return;
      case element.style:
        if (nameLength === 10 && text.startsWith('style:name', nameStart)) this.attrStyle = decodeEntities(text.slice(valueStart, valueEnd));
        else if (nameLength === 12 && text.startsWith('style:family', nameStart)) this.attrFamilyTable = text.slice(valueStart, valueEnd) === 'table';
        return;
      case element.tableProperties:
        if (nameLength === 13 && text.startsWith('table:display', nameStart)) this.attrDisplayFalse = text.slice(valueStart, valueEnd) === 'false';
        return;
      default:
        return;
    }
  }

  private resetCell(): void {
    this.type = valueType.none;
    this.numberValue = Number.NaN;
    this.dateText = null;
    this.booleanValue = false;
    this.stringValue = null;
    this.isError = false;
  }

  private open(which: number): void {
    switch (this.mode) {
      case 'prelude':
        if (which === element.style) {
          this.tableStyleName = this.attrFamilyTable ? this.attrStyle : null;
        } else if (which === element.tableProperties) {
          if (this.attrDisplayFalse && this.tableStyleName !== null) this.hiddenTableStyles.add(this.tableStyleName);
        } else if (which === element.body) {
          this.mode = 'between';
        }
        return;
      case 'between':
        if (which === element.table) this.startTable();
        return;
      case 'read':
        this.openInTable(which);
        return;
      default:
        return;
    }
  }

  private startTable(): void {
    const table: OdsTableInfo = {
      position: this.tables.length + 1,
      name: this.attrName ?? `Sheet${this.tables.length + 1}`,
      visible: this.attrStyle === null || !this.hiddenTableStyles.has(this.attrStyle),
    };
    this.tables.push(table);
    this.table = table;
    this.nextRow = 1;
    this.inRow = false;
    this.inCell = false;
    this.mode = this.selfClosing ? 'between' : this.options.chooseTable(table) ? 'read' : 'skip';
    // <table:table/> has no rows: nothing to pass over.
    if (this.selfClosing) this.table = null;
  }

  private openInTable(which: number): void {
    if (this.inCell) {
      if (this.capture) {
        // Inside a paragraph: spaces, tabs and line breaks are characters; notes are not the cell's text.
        if (this.skipFrom >= 0) {
          this.pDepth += 1;
          return;
        }
        switch (which) {
          case element.s:
            this.appendLiteral(' '.repeat(Math.min(this.attrSpaces, maxTextChars + 1)));
            break;
          case element.tab:
            this.appendLiteral('\t');
            break;
          case element.lineBreak:
            this.appendLiteral('\n');
            break;
          case element.note:
          case element.annotation:
            this.skipFrom = this.pDepth;
            break;
          default:
            break;
        }
        // close() follows for a self-closed element too, and takes it off again.
        this.pDepth += 1;
        return;
      }
      if (which === element.p && this.cellDepth === 0 && this.wantsText()) {
        if (this.paragraphs > 0) this.appendLiteral('\n');
        this.paragraphs += 1;
        this.capture = true;
        this.pDepth = 0;
        this.skipFrom = -1;
        this.lastWasSpace = true;
        return;
      }
      this.cellDepth += 1;
      return;
    }
    switch (which) {
      case element.row:
        this.inRow = true;
        this.rowRepeat = this.attrRepeat;
        this.cells = [];
        this.lastFilled = 0;
        this.column = 0;
        break;
      case element.cell:
      case element.coveredCell:
        if (!this.inRow) return;
        this.inCell = true;
        this.covered = which === element.coveredCell;
        this.cellRepeat = this.attrRepeat;
        this.cellDepth = 0;
        this.paragraphs = 0;
        this.text = '';
        break;
      default:
        break;
    }
  }

  /** Text is read only where it is the value: a number's paragraph is merely how it is shown. */
  private wantsText(): boolean {
    return !this.covered && !this.isError && (this.type === valueType.string || this.type === valueType.none) && this.stringValue === null;
  }

  private close(which: number): void {
    if (this.mode === 'read') this.closeInTable(which);
    else if (this.mode === 'between' && which === element.spreadsheet) this.finished = true;
    else if (this.mode === 'prelude' && which === element.style) this.tableStyleName = null;
  }

  private closeInTable(which: number): void {
    if (this.inCell) {
      if (this.capture) {
        if (this.pDepth === 0) {
          // The paragraph itself ends.
          this.capture = false;
          return;
        }
        this.pDepth -= 1;
        if (this.skipFrom === this.pDepth) this.skipFrom = -1;
        return;
      }
      if (which === element.cell || which === element.coveredCell) {
        if (this.cellDepth === 0) this.endCell();
        else this.cellDepth -= 1;
        return;
      }
      if (this.cellDepth > 0) this.cellDepth -= 1;
      return;
    }
    if (which === element.row) {
      if (this.inRow) this.endRow();
      return;
    }
    if (which === element.table) {
      this.mode = 'between';
      this.table = null;
    }
  }

  private endCell(): void {
    this.inCell = false;
    const repeat = this.cellRepeat;
    const first = this.column + 1;
    this.column += repeat;
    const value = this.cellValue();
    if (value === null) return;
    if (value !== '' && this.column > this.lastFilled) this.lastFilled = this.column;
    const cells = this.cells;
    const last = Math.min(this.column, this.options.maxColumns);
    if (first > last) return;
    while (cells.length < first - 1) cells.push(null);
    for (let column = first; column <= last; column += 1) cells[column - 1] = value;
  }

  private cellValue(): CellValue {
    if (this.covered || this.isError) return null;
    switch (this.type) {
      case valueType.number:
        return Number.isFinite(this.numberValue) ? this.numberValue : null;
      case valueType.date:
        return this.dateText === null ? null : dateOf(this.dateText);
      case valueType.time:
        return this.dateText === null ? null : timeOf(this.dateText);
      case valueType.boolean:
        return this.booleanValue;
      case valueType.string:
        return this.stringValue ?? this.text;
      default:
        // No value type: a writer that set only the text means it as text.
        return this.paragraphs > 0 && this.text !== '' ? this.text : null;
    }
  }

  private endRow(): void {
    this.inRow = false;
    const number = this.nextRow;
    this.nextRow += this.rowRepeat;
    if (this.lastFilled === 0) return;
    if (this.nextRow - 1 > maxSheetRows) {
      throw new OdsContentError('too-many-rows', `sheet “${this.table!.name}” has values on rows past row ${formatCount(maxSheetRows)}`);
    }
    this.rows.push({ table: this.table!, number, cells: this.cells, lastFilled: this.lastFilled, repeat: this.rowRepeat });
    this.cells = [];
  }

  /** Character data inside a paragraph, with ODF's white-space rules (ODF 1.3 part 3, §6.1.2). */
  private appendText(raw: string): void {
    let value = decodeEntities(raw);
    if (collapsible.test(value) || (this.lastWasSpace && value.charCodeAt(0) === 32)) {
      let out = '';
      let space = this.lastWasSpace;
      for (let at = 0; at < value.length; at += 1) {
        const code = value.charCodeAt(at);
        if (code === 32 || code === 9 || code === 10 || code === 13) {
          if (!space) out += ' ';
          space = true;
        } else {
          out += value[at];
          space = false;
        }
      }
      value = out;
      this.lastWasSpace = space;
    } else if (value !== '') {
      this.lastWasSpace = value.charCodeAt(value.length - 1) === 32;
    }
    this.add(value);
  }

  /** Characters that stand for themselves: text:s, text:tab, text:line-break, CDATA. */
  private appendLiteral(value: string): void {
    this.add(value);
    if (value !== '') this.lastWasSpace = false;
  }

  private add(value: string): void {
    if (this.text.length + value.length > maxTextChars) throw new OdsContentError('text-too-long', 'a cell holds far more text than a spreadsheet cell can');
    this.text += value;
  }
}
