/** What every reader gives: a file seen as raw rows of cell values, whatever its format. */

export type CellValue = string | number | boolean | Date | null;

export interface SourceRow {
  /** 1-based, as the analyst sees it: the spreadsheet's row number in its sheet, or for CSV the record's first line. */
  rowNumber: number;
  cells: CellValue[];
  /** Set when cells were left out (selectColumns) and the record holds a NUL character somewhere. */
  nul?: true;
}

/** A sheet of a workbook, as rows are read from it. */
export interface SheetOfRows {
  /** 1-based, in the workbook's order of sheets. */
  position: number;
  name: string;
}

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';
export type SourceDelimiter = ',' | ';' | '\t';

export interface SourceTableDetails {
  encoding?: SourceEncoding;
  delimiter?: SourceDelimiter;
  /**
   * Worksheet names in workbook order (chart sheets left out). Left out for an OpenDocument
   * spreadsheet opened without listing its sheets, which takes a pass over all of its XML.
   */
  sheets?: string[];
  /** The worksheet being read, when known before reading (one sheet, not all). */
  sheet?: string;
  /** Every sheet is read, one after another. */
  allSheets?: boolean;
}

/**
 * A file seen as raw rows, title rows included: header detection is the caller's job. Rows
 * are streamed, so a file far larger than memory (or than Excel's 1,048,576 rows) is fine.
 */
export interface SourceTable {
  /** Base name, for messages. */
  fileName: string;
  kind: 'csv' | 'xlsx' | 'ods';
  /** File size in bytes. */
  bytesTotal: number;
  /** Progress so far, on the same scale as bytesTotal. */
  bytesRead(): number;
  /** Fully empty rows are skipped; the row numbers of the others stay as in the file. May be iterated once. */
  rows(): AsyncIterable<SourceRow>;
  /** The same rows, as many at a time as the reader has them (each batch from one sheet): rows() or this, once. */
  rowBatches(): AsyncIterable<SourceRow[]>;
  /**
   * From the next rows on, only these cells are needed (null: all). A delimited file's
   * reader then leaves the others out; a row's cells array keeps its length, the number of
   * fields in the record, and says whether the record holds a NUL character (see nul).
   */
  selectColumns(columns: readonly number[] | null): void;
  /** Releases the file, also when iteration stopped early. Safe to call more than once. */
  close(): Promise<void>;
  details: SourceTableDetails;
  /** The sheet the row just yielded came from (null for CSV). The same object for every row of a sheet. */
  currentSheet(): SheetOfRows | null;
  /** Reading every sheet: passes over the rest of this sheet, which does not belong to the table. */
  skipSheet(sheet: SheetOfRows): void;
}
