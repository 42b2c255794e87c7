/** What every reader gives: a file seen as raw rows of cell values, whatever its format. */

export type CellValue = string | number | boolean | Date | null;

export interface SourceRow {
  /** 1-based, as the analyst sees it: Excel's row number, or for CSV the record's first line. */
  rowNumber: number;
  cells: CellValue[];
}

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';
export type SourceDelimiter = ',' | ';' | '\t';

export interface SourceTableDetails {
  encoding?: SourceEncoding;
  delimiter?: SourceDelimiter;
  /** Worksheet names in workbook order (chart sheets left out). */
  sheets?: string[];
  /** The worksheet being read. */
  sheet?: string;
}

/**
 * A file seen as raw rows, title rows included: header detection is the caller's job. Rows
 * are streamed, so a file far larger than memory (or than Excel's 1,048,576 rows) is fine.
 */
export interface SourceTable {
  /** Base name, for messages. */
  fileName: string;
  kind: 'csv' | 'xlsx';
  /** File size in bytes. */
  bytesTotal: number;
  /** Progress so far, on the same scale as bytesTotal. */
  bytesRead(): number;
  /** Fully empty rows are skipped; the row numbers of the others stay as in the file. May be iterated once. */
  rows(): AsyncIterable<SourceRow>;
  /** Releases the file, also when iteration stopped early. Safe to call more than once. */
  close(): Promise<void>;
  details: SourceTableDetails;
}
