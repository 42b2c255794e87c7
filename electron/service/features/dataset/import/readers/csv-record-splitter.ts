import { parse as parseCsvText } from 'csv-parse/sync';
import type { SourceDelimiter, SourceRow } from './source-types';
import { formatSize, invalidFile, quotedFileName } from './reader-messages';
import { formatCount } from '../../../../../../shared/format/index';

export interface CsvSplitterSettings {
  fileName: string;
  delimiter: SourceDelimiter;
  /** '\n' also covers Windows CRLF; '\r' is for old Mac files, whose lines end in CR alone. */
  lineBreak: '\n' | '\r';
  maxColumns: number;
  maxRecordBytes: number;
  /**
   * With '\n' line breaks, what a carriage return that is not followed by a line feed means
   * outside quotes: 'text' keeps it in the field (csv-parse's reading), 'line-break' ends the
   * record there, as Excel does, so that a stray one never joins two records into one.
   */
  bareCarriageReturn?: 'text' | 'line-break';
}

interface QuotedRecord {
  startLine: number;
  text: string;
}

const quoteCode = 0x22;
const carriageReturnCode = 0x0d;

/**
 * Turns decoded CSV text, chunk by chunk, into records with the line number they start on.
 *
 * Why not hand every byte to csv-parse: its byte-by-byte loop tops out near 250,000
 * police.uk rows a second on a two-core laptop, while most lines in partner files have no
 * quote at all, and a line without a quote can only be its fields joined by the delimiter.
 * Those lines are split with String.split (several times faster), and so are lines quoted
 * the way Excel quotes. Any other line with a quote goes, with the lines its quoted field
 * runs on to, through csv-parse, which does the hard quoting work (line breaks inside
 * fields, stray quotes kept as text). A property test checks this gives exactly what
 * csv-parse gives for the whole file.
 *
 * Quoting rules follow csv-parse with `relax_quotes`: a quote opens a quoted field only at
 * the start of a field, `""` inside one is a literal quote, and any other quote closes it.
 */
export class CsvRecordSplitter {
  /** Line number, 1-based, of the line that the pending text belongs to. */
  private line = 1;
  /** The unfinished last line of the text so far. */
  private carry = '';
  /** A record whose quoted field runs over a line break, gathered until the quote closes. */
  private open: { startLine: number; pieces: string[]; length: number } | undefined;
  /** Complete records with quotes, parsed together by csv-parse when the run ends. */
  private run: QuotedRecord[] = [];
  private readonly delimiterCode: number;
  private readonly csvParseOptions;
  private readonly bareCrBreaks: boolean;
  /** By position, whether the caller needs the cell (null: every cell). */
  private wanted: Uint8Array | null = null;
  /** Look for NUL characters in the records whose cells are left out (the file has shown one). */
  checksNul = false;

  constructor(private readonly settings: CsvSplitterSettings) {
    this.delimiterCode = settings.delimiter.charCodeAt(0);
    this.bareCrBreaks = settings.lineBreak === '\n' && settings.bareCarriageReturn === 'line-break';
    this.csvParseOptions = {
      delimiter: settings.delimiter,
      record_delimiter: settings.lineBreak === '\n' ? (this.bareCrBreaks ? ['\r\n', '\n', '\r'] : ['\r\n', '\n']) : ['\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: false,
      // Length is checked here, before csv-parse sees the text.
      max_record_size: 0,
    };
  }

  /**
   * From the next record on, only these cells are needed: for a record without quotes (nearly
   * every one), the others are not cut out of the line at all, only counted. The cells array
   * keeps the record's length; a record with a NUL character anywhere is marked (nul).
   */
  selectColumns(columns: readonly number[] | null): void {
    if (columns === null) {
      this.wanted = null;
      return;
    }
    const wanted = new Uint8Array(Math.max(0, ...columns) + 1);
    for (const column of columns) wanted[column] = 1;
    this.wanted = wanted;
  }

  /** The line that text pushed next starts on: where a decoding problem would be. */
  get currentLine(): number {
    return this.line;
  }

  push(chunk: string): SourceRow[] {
    const rows: SourceRow[] = [];
    const lineBreak = this.settings.lineBreak;
    const firstBreak = this.carry === '' ? -1 : chunk.indexOf(lineBreak);
    if (this.carry === '') this.scan(chunk, 0, rows);
    else if (firstBreak === -1) this.scan(this.carry + chunk, 0, rows);
    else {
      // Only the unfinished line is joined to the new text, up to its line break: joining the
      // whole chunk would copy all of its text once more (about 200 bytes a police.uk row).
      this.scan(this.carry + chunk.slice(0, firstBreak + 1), 0, rows);
      // That piece ends with a line break, so nothing of it is left over (a quoted field
      // running on waits in this.open); were anything left, it would go on with the rest.
      if (this.carry === '') this.scan(chunk, firstBreak + 1, rows);
      else this.scan(this.carry + chunk.slice(firstBreak + 1), 0, rows);
    }
    const pending = this.carry.length + (this.open?.length ?? 0);
    if (pending > this.settings.maxRecordBytes) throw this.recordTooLong();
    this.flushRun(rows);
    return rows;
  }

  /** Takes the complete lines of text from `from` on, and keeps the unfinished last one as the carry. */
  private scan(text: string, from: number, rows: SourceRow[]): void {
    const lineBreak = this.settings.lineBreak;
    let start = from;
    let nextQuote = text.indexOf('"', from);
    let nextCr = this.bareCrBreaks ? text.indexOf('\r', from) : -1;
    for (let end = text.indexOf(lineBreak, from); end !== -1 || nextCr !== -1; end = text.indexOf(lineBreak, start)) {
      if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
      // A carriage return before the next line feed, and not right before it, ends a line of its own.
      if (nextCr !== -1 && (end === -1 || nextCr < end - 1) && nextCr + 1 < text.length) {
        end = nextCr;
        nextCr = text.indexOf('\r', nextCr + 1);
      } else if (end === -1) break;
      const contentEnd =
        lineBreak === '\n' && end > start && text.charCodeAt(end) !== carriageReturnCode && text.charCodeAt(end - 1) === carriageReturnCode ? end - 1 : end;
      if (nextQuote !== -1 && nextQuote < start) nextQuote = text.indexOf('"', start);
      const hasQuote = nextQuote !== -1 && nextQuote < contentEnd;
      this.takeLine(text, start, contentEnd, end + 1, hasQuote, rows);
      start = end + 1;
      this.line++;
    }
    this.carry = start === 0 ? text : text.slice(start);
  }

  /** The last line needs no line break after it. */
  end(tail: string): SourceRow[] {
    const rows = this.push(tail);
    const last = this.carry;
    this.carry = '';
    const contentEnd = this.bareCrBreaks && last.endsWith('\r') ? last.length - 1 : last.length;
    if (last !== '') this.takeLine(last, 0, contentEnd, last.length, last.slice(0, contentEnd).includes('"'), rows);
    if (this.open !== undefined) throw this.unclosedQuote(this.open.startLine);
    this.flushRun(rows);
    return rows;
  }

  private takeLine(text: string, start: number, contentEnd: number, next: number, hasQuote: boolean, rows: SourceRow[]): void {
    const open = this.open;
    if (open !== undefined) {
      const piece = text.slice(start, next);
      open.pieces.push(piece);
      open.length += piece.length;
      if (open.length > this.settings.maxRecordBytes) throw this.recordTooLong();
      if (!this.quotingAtLineEnd(text, start, contentEnd, true)) {
        this.run.push({ startLine: open.startLine, text: open.pieces.join('') });
        this.open = undefined;
      }
      return;
    }
    if (contentEnd - start > this.settings.maxRecordBytes) throw this.recordTooLong();
    if (!hasQuote) {
      // Rows already gathered come first, to keep the file's order.
      this.flushRun(rows);
      if (contentEnd > start) {
        if (this.wanted === null) this.accept(this.line, text.slice(start, contentEnd).split(this.settings.delimiter), rows);
        else this.acceptWanted(text, start, contentEnd, rows);
      }
      return;
    }
    const cells = this.splitWellQuotedLine(text, start, contentEnd);
    if (cells !== undefined) {
      this.flushRun(rows);
      this.accept(this.line, cells, rows);
      return;
    }
    const piece = text.slice(start, next);
    if (this.quotingAtLineEnd(text, start, contentEnd, false)) {
      this.open = { startLine: this.line, pieces: [piece], length: piece.length };
    } else {
      this.run.push({ startLine: this.line, text: piece });
    }
  }

  /**
   * Splits a line the way Excel writes quotes (each quoted field wholly quoted, `""` for a
   * quote inside, closed on the same line), which is what nearly every quoted line is.
   * Anything else returns undefined and goes to csv-parse. For such lines the result is
   * csv-parse's by construction; the property test checks it.
   */
  private splitWellQuotedLine(text: string, start: number, end: number): string[] | undefined {
    const delimiter = this.settings.delimiter;
    const cells: string[] = [];
    let at = start;
    let nextQuote = text.indexOf('"', at);
    for (;;) {
      if (at < end && text.charCodeAt(at) === quoteCode) {
        let value = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1 || quote >= end) return undefined; // runs on to the next line
          if (quote + 1 < end && text.charCodeAt(quote + 1) === quoteCode) {
            value += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += text.slice(from, quote);
          at = quote + 1;
          break;
        }
        cells.push(value);
        if (at === end) return cells;
        if (text.charCodeAt(at) !== this.delimiterCode) return undefined; // text after the closing quote
        at++;
        nextQuote = text.indexOf('"', at);
      } else {
        const delimiterAt = text.indexOf(delimiter, at);
        const fieldEnd = delimiterAt === -1 || delimiterAt > end ? end : delimiterAt;
        if (nextQuote !== -1 && nextQuote < fieldEnd) return undefined; // a stray quote inside the field
        cells.push(text.slice(at, fieldEnd));
        if (fieldEnd === end) return cells;
        at = fieldEnd + 1;
      }
    }
  }

  /** Whether a quoted field is still open at the end of the line (csv-parse's rules, relaxed quotes). */
  private quotingAtLineEnd(text: string, from: number, to: number, quoting: boolean): boolean {
    let fieldEmpty = !quoting;
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at);
      if (quoting) {
        if (code === quoteCode) {
          if (at + 1 < to && text.charCodeAt(at + 1) === quoteCode) at++;
          else {
            quoting = false;
            fieldEmpty = false;
          }
        }
      } else if (code === this.delimiterCode) fieldEmpty = true;
      else if (code === quoteCode && fieldEmpty) quoting = true;
      else fieldEmpty = false;
    }
    return quoting;
  }

  private flushRun(rows: SourceRow[]): void {
    if (this.run.length === 0) return;
    const run = this.run;
    this.run = [];
    let records: string[][] | undefined;
    try {
      records = parseCsvText(run.map((record) => record.text).join(''), this.csvParseOptions);
    } catch {
      records = undefined;
    }
    if (records !== undefined && records.length === run.length) {
      records.forEach((cells, index) => this.accept(run[index]!.startLine, cells, rows));
      return;
    }
    // Our reading of the quotes disagreed with csv-parse's; parse record by record so that
    // each keeps its own row number (and a problem is reported on the right row).
    for (const record of run) {
      let parsed: string[][];
      try {
        parsed = parseCsvText(record.text, this.csvParseOptions);
      } catch {
        throw this.unclosedQuote(record.startLine);
      }
      for (const cells of parsed) this.accept(record.startLine, cells, rows);
    }
  }

  private accept(rowNumber: number, cells: string[], rows: SourceRow[]): void {
    if (cells.length > this.settings.maxColumns) {
      throw invalidFile(
        `Row ${formatCount(rowNumber)} of ${quotedFileName(this.settings.fileName)} has ${formatCount(cells.length)} columns; the workbench reads at most ${formatCount(this.settings.maxColumns)}. Check that the file is a table with one record per row (and that it uses commas, semicolons or tabs between columns), remove any unused columns, and import it again.`,
      );
    }
    // Fully empty rows (blank lines, or Excel's ",,,,") carry nothing; the next row keeps its number.
    if (cells[0] === '' && cells.every((cell) => cell === '')) return;
    rows.push({ rowNumber, cells });
  }

  /** A record without quotes, cutting out only the cells wanted and counting the rest. */
  private acceptWanted(text: string, start: number, end: number, rows: SourceRow[]): void {
    const wanted = this.wanted!;
    const delimiter = this.settings.delimiter;
    const cells: string[] = [];
    let field = 0;
    let at = start;
    for (;;) {
      const next = text.indexOf(delimiter, at);
      const fieldEnd = next === -1 || next >= end ? end : next;
      if (field < wanted.length && wanted[field] === 1) cells[field] = text.slice(at, fieldEnd);
      field += 1;
      if (fieldEnd === end) break;
      at = fieldEnd + 1;
    }
    // Too many fields: accept() says so, with the row.
    if (field > this.settings.maxColumns) return this.accept(this.line, text.slice(start, end).split(delimiter), rows);
    // Fully empty: nothing but delimiters.
    if (end - start === field - 1) return;
    cells.length = field;
    const row: SourceRow = { rowNumber: this.line, cells };
    if (this.checksNul) {
      const nul = text.indexOf('\u0000', start);
      if (nul !== -1 && nul < end) row.nul = true;
    }
    rows.push(row);
  }

  private recordTooLong(): Error {
    const startLine = this.open?.startLine ?? this.line;
    return invalidFile(
      `Row ${formatCount(startLine)} of ${quotedFileName(this.settings.fileName)} is longer than ${formatSize(this.settings.maxRecordBytes)}. This usually means a quote (") on that row is never closed, or the file is not a table of records. Look at that row in a text editor, correct it, and import the file again.`,
    );
  }

  private unclosedQuote(startLine: number): Error {
    return invalidFile(
      `Row ${formatCount(startLine)} of ${quotedFileName(this.settings.fileName)} opens a quote (") that is never closed, so everything after it would be read as one cell. Add the missing closing quote (or remove the stray one) in a text editor, and import the file again.`,
    );
  }
}
