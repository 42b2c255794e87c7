import { Readable } from 'node:stream';
import { loadExcelJs } from '../../../../lazy-libraries';
import type { SheetContext } from './xlsx-sheet-rows';

/**
 * exceljs's streaming WorkbookReader, driven part by part.
 *
 * Its public `for await (worksheet of reader)` reads the zip front to back with unzipper.
 * Excel (and exceljs itself) store the shared strings and styles *after* the worksheets, so
 * that route first copies every worksheet, inflated, to a temporary file, with a file handle
 * that stays open if reading stops early; it also inflates every sheet, not only the chosen
 * one, and trusts the sizes each zip entry declares. Feeding the same reader its parts
 * ourselves (workbook and styles, from yauzl) avoids all of that while exceljs still does
 * their XML work. The two large parts, the shared strings and the chosen sheet's rows, are
 * read by xlsx-sheet-rows.ts.
 *
 * The part parsers are underscore methods of WorkbookReader (exceljs 4.4.0,
 * lib/stream/xlsx/workbook-reader.js). They are checked for at run time, so an exceljs
 * upgrade that changes them fails with a clear message (and a failing test), not silently.
 */
interface WorkbookReaderInternals {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  model?: unknown;
  workbookRels?: unknown;
  /** Filled by _parseStyles. */
  styles?: { getStyleModel?(id: number): unknown };
  /** Filled by _parseWorkbook: workbookPr. */
  properties?: { model?: { date1904?: unknown } };
}

export interface WorkbookSheet {
  name: string;
  state: string;
  /** Relationship target, e.g. "worksheets/sheet1.xml". */
  target: string;
  isWorksheet: boolean;
}

const worksheetRelationship = /\/worksheet$/;

export class WorkbookParts {
  private readonly reader: WorkbookReaderInternals;

  constructor(path: string) {
    const reader: unknown = new (loadExcelJs().stream.xlsx.WorkbookReader)(path, {
      sharedStrings: 'ignore',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    if (!hasPartParsers(reader)) {
      throw new Error('This version of exceljs no longer has the WorkbookReader part parsers the xlsx reader relies on.');
    }
    this.reader = reader;
  }

  /** xl/workbook.xml: sheet names, order and visibility, and the 1900/1904 date system. */
  readWorkbook(text: AsyncIterable<string>): Promise<void> {
    return this.reader._parseWorkbook(Readable.from(text));
  }

  /** xl/_rels/workbook.xml.rels: which part holds each sheet. */
  readRelationships(text: AsyncIterable<string>): Promise<void> {
    return this.reader._parseRels(Readable.from(text));
  }

  /** xl/styles.xml: number formats, which is how exceljs knows a number is a date. */
  readStyles(text: AsyncIterable<string>): Promise<void> {
    return this.reader._parseStyles(Readable.from(text));
  }

  /** Sheets in workbook order, joined to the parts that hold them. */
  sheets(): WorkbookSheet[] {
    const model = this.reader.model;
    const sheets = isRecord(model) && Array.isArray(model.sheets) ? model.sheets : [];
    const relationships = Array.isArray(this.reader.workbookRels) ? this.reader.workbookRels : [];
    const out: WorkbookSheet[] = [];
    for (const sheet of sheets) {
      if (!isRecord(sheet) || typeof sheet.name !== 'string') continue;
      const relationship = relationships.find((candidate) => isRecord(candidate) && candidate.Id === sheet.rId);
      if (!isRecord(relationship) || typeof relationship.Target !== 'string') continue;
      out.push({
        name: sheet.name,
        state: typeof sheet.state === 'string' ? sheet.state : 'visible',
        target: relationship.Target,
        isWorksheet: typeof relationship.Type === 'string' && worksheetRelationship.test(relationship.Type),
      });
    }
    return out;
  }

  /** What the worksheet's cells refer to: shared strings (read by xlsx-sheet-rows.ts), date styles and the date system. */
  sheetContext(maxColumns: number, sharedStrings: readonly string[]): SheetContext {
    const styles = this.reader.styles;
    const dateStyles = new Map<number, boolean>();
    return {
      sharedString: (index) => sharedStrings[index] ?? null,
      isDateStyle: (styleId) => {
        let isDate = dateStyles.get(styleId);
        if (isDate === undefined) {
          const model = styles?.getStyleModel?.(styleId);
          isDate = isRecord(model) && typeof model.numFmt === 'string' && isDateFormat(model.numFmt);
          dateStyles.set(styleId, isDate);
        }
        return isDate;
      },
      date1904: this.reader.properties?.model?.date1904 === true,
      maxColumns,
    };
  }
}

/** A number format that shows a date or time: y, m, d, h, s or b outside quotes and brackets (as exceljs decides). */
function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasPartParsers(reader: unknown): reader is WorkbookReaderInternals {
  return (
    isRecord(reader) &&
    typeof reader._parseRels === 'function' &&
    typeof reader._parseWorkbook === 'function' &&
    typeof reader._parseStyles === 'function'
  );
}
