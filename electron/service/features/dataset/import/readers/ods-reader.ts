import { stat } from 'node:fs/promises';
import { type Entry } from 'yauzl';
import { WorkbenchError } from '../../../../../../shared/result';
import { columnLetter } from '../../../../spreadsheet-columns';
import { OdsContentError, OdsContentScanner, type OdsTableInfo } from './ods-content';
import { openOdsPackage } from './ods-package';
import { type ReaderLimits } from './reader-limits';
import { cancelled, damagedOpenDocument, invalidFile, isAbortError, quotedFileName } from './reader-messages';
import { formatCount } from '../../../../../../shared/format/index';
import { isAboutTheData, listOfSheetNames, preferredSheet, sheetNamed } from './sheet-choice';
import { OnceReadTable } from './once-read-table';
import { type SheetOfRows, type SourceRow, type SourceTable } from './source-types';
import { likelyZipBomb, odsWording, type SpreadsheetPackage } from './spreadsheet-package';
import { decodedPartText } from './xlsx-part-text';

export interface OdsTableInput {
  fileName: string;
  size: number;
  sheet?: string | undefined;
  allSheets: boolean;
  /** List the sheets before reading (a pass over the whole content.xml): the preview's need, not the import's. */
  listSheets: boolean;
  signal?: AbortSignal | undefined;
  limits: ReaderLimits;
}

const contentPart = 'content.xml';
/** Rows handed out at a time at most, however many a repeated row stands for. */
const maxBatchRows = 4096;

/**
 * Opens an OpenDocument spreadsheet (.ods): checks the package (size, compression ratio, part
 * names, encryption, media type) and, when asked to, lists its sheets and settles which one
 * to read, so that a wrong sheet name is reported straight away. The package is closed again
 * before returning; rows() reopens it.
 */
export async function openOdsTable(path: string, input: OdsTableInput): Promise<SourceTable> {
  const { fileName, limits } = input;
  const pkg = await openOdsPackage(path, fileName, limits).catch((error: unknown) => {
    throw asReaderError(error, input, '');
  });
  try {
    let tables: OdsTableInfo[] | null = null;
    let chosen: OdsTableInfo | null = null;
    if (input.listSheets) {
      tables = await listTables(path, pkg, input);
      if (tables.length === 0) {
        throw invalidFile(`${quotedFileName(fileName)} has no sheets. Open it in LibreOffice Calc, check that the data is on a sheet, save it, and import it again.`);
      }
      if (!input.allSheets) chosen = input.sheet === undefined ? preferredSheet(tables)! : (sheetNamed(tables, input.sheet) ?? noSuchSheet(fileName, input.sheet, tables));
    }
    return new OdsSourceTable(path, input, tables, chosen);
  } catch (error) {
    throw asReaderError(error, input, '');
  } finally {
    pkg.close();
  }
}

/**
 * Sheet lists already read, by file: listing takes a pass over all of a file's XML (over a
 * gigabyte for a national table), and a file is previewed more than once (its first sheet,
 * then the one chosen). A file that changed since is listed again.
 */
const listed = new Map<string, { size: number; modified: number; tables: OdsTableInfo[] }>();
const listsKept = 8;

async function listTables(path: string, pkg: SpreadsheetPackage, input: OdsTableInput): Promise<OdsTableInfo[]> {
  const file = await stat(path);
  const known = listed.get(path);
  if (known && known.size === file.size && known.modified === file.mtimeMs) return known.tables;
  const tables = await scanTables(pkg, input);
  listed.delete(path);
  if (listed.size >= listsKept) listed.delete(listed.keys().next().value!);
  listed.set(path, { size: file.size, modified: file.mtimeMs, tables });
  return tables;
}

async function scanTables(pkg: SpreadsheetPackage, input: OdsTableInput): Promise<OdsTableInfo[]> {
  const scanner = new OdsContentScanner({ maxColumns: input.limits.maxColumns, chooseTable: () => false });
  for await (const chunk of decodedPartText(await pkg.openPart(contentEntry(pkg, input.fileName)), { signal: input.signal })) {
    scanner.push(chunk);
    if (scanner.done) break;
  }
  if (!scanner.done) scanner.end();
  return scanner.tables;
}

function contentEntry(pkg: SpreadsheetPackage, fileName: string): Entry {
  const entry = pkg.entries.get(contentPart);
  if (entry === undefined) throw damagedOpenDocument(fileName);
  return entry;
}

class OdsSourceTable extends OnceReadTable {
  readonly kind = 'ods';
  readonly details: SourceTable['details'];
  private progress = 0;
  private sheet: OdsTableInfo | null = null;
  private readonly skipped = new Set<number>();
  private scanner: OdsContentScanner | null = null;

  constructor(
    private readonly path: string,
    private readonly input: OdsTableInput,
    private readonly tables: OdsTableInfo[] | null,
    private readonly chosen: OdsTableInfo | null,
  ) {
    super(input.fileName, input.size, input.signal);
    const details: SourceTable['details'] = {};
    if (tables !== null) details.sheets = tables.map((table) => table.name);
    if (input.allSheets) details.allSheets = true;
    else if (chosen !== null) details.sheet = chosen.name;
    this.details = details;
  }

  bytesRead(): number {
    return Math.min(this.bytesTotal, Math.round(this.progress));
  }

  override currentSheet(): SheetOfRows | null {
    return this.sheet;
  }

  override skipSheet(sheet: SheetOfRows): void {
    this.skipped.add(sheet.position);
    if (this.scanner?.currentTable?.position === sheet.position) this.scanner.skipTable(this.scanner.currentTable);
  }

  protected async *readBatches(stopOrCancel: AbortSignal): AsyncGenerator<SourceRow[]> {
    const { fileName, limits } = this.input;
    let lastRow = 0;
    // Reopened and re-checked: the file may have changed since it was opened.
    const pkg = await openOdsPackage(this.path, fileName, limits).catch((error: unknown) => {
      throw asReaderError(error, this.input, '');
    });
    try {
      const entry = contentEntry(pkg, fileName);
      let rowsYielded = 0;
      let choice = this.tableChoice();
      for (let pass = 1; ; pass += 1) {
        this.progress = this.bytesTotal - entry.compressedSize;
        const share = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
        const scanner = new OdsContentScanner({ maxColumns: limits.maxColumns, chooseTable: choice.choose });
        this.scanner = scanner;
        const text = decodedPartText(await pkg.openPart(entry), {
          signal: stopOrCancel,
          onInflatedBytes: (bytes) => {
            this.progress += bytes * share;
          },
        });
        for await (const chunk of text) {
          scanner.push(chunk);
          if (stopOrCancel.aborted) throw cancelled();
          // Handed out a sheet at a time, and a repeated row as rows of their own (each with
          // its own cells), a bounded number at a time.
          let batch: SourceRow[] = [];
          for (const row of scanner.rows.splice(0)) {
            if (this.skipped.has(row.table.position)) continue;
            if (row.table !== this.sheet && batch.length > 0) {
              yield batch;
              rowsYielded += batch.length;
              batch = [];
              if (this.skipped.has(row.table.position)) continue;
            }
            this.sheet = row.table;
            lastRow = row.number;
            const cells = this.cellsOf(row.cells, row.lastFilled, row.number, row.table);
            for (let copy = 0; copy < row.repeat && !this.skipped.has(row.table.position); copy += 1) {
              batch.push({ rowNumber: row.number + copy, cells: copy === 0 ? cells : cells.slice() });
              if (batch.length >= maxBatchRows) {
                yield batch;
                rowsYielded += batch.length;
                batch = [];
                if (stopOrCancel.aborted) throw cancelled();
              }
            }
          }
          if (batch.length > 0) {
            yield batch;
            rowsYielded += batch.length;
          }
          if (scanner.done) break;
        }
        if (!scanner.done) scanner.end();
        const next = choice.afterPass(scanner.tables, pass);
        if (next === null) break;
        choice = next;
      }
      if (rowsYielded === 0) throw this.nothingRead();
    } catch (error) {
      if (this.closed) return;
      const where = lastRow > 0 && this.sheet !== null ? ` (near row ${formatCount(lastRow)} of sheet “${this.sheet.name}”)` : '';
      throw asReaderError(error, this.input, where);
    } finally {
      this.scanner = null;
      pkg.close();
    }
  }

  /**
   * Which sheets to read, decided as each sheet's start tag is reached (the sheets were not
   * necessarily listed first), and what to do once the XML has been read through.
   */
  private tableChoice(): { choose(table: OdsTableInfo): boolean; afterPass(tables: OdsTableInfo[], pass: number): TableChoice | null } {
    const { fileName, sheet, allSheets } = this.input;
    if (allSheets) return { choose: () => true, afterPass: () => null };
    if (this.chosen !== null) {
      const position = this.chosen.position;
      return { choose: (table) => table.position === position, afterPass: () => null };
    }
    if (sheet !== undefined) {
      // Not listed: the first sheet of that name, in any case (the preview has already chosen the exact one).
      let found = false;
      return {
        choose: (table) => {
          if (found || table.name.toLowerCase() !== sheet.toLowerCase()) return false;
          found = true;
          return true;
        },
        afterPass: (tables) => (found ? null : noSuchSheet(fileName, sheet, tables)),
      };
    }
    let found = false;
    return {
      choose: (table) => {
        if (found || !table.visible || isAboutTheData(table.name)) return false;
        found = true;
        return true;
      },
      // Every sheet is notes or hidden: read again for the first visible one (or the first).
      afterPass: (tables, pass) => {
        if (found || pass > 1 || tables.length === 0) return null;
        const position = preferredSheet(tables)!.position;
        return { choose: (table) => table.position === position, afterPass: () => null };
      },
    };
  }

  private nothingRead(): Error {
    const name = this.input.allSheets ? null : (this.sheet?.name ?? this.chosen?.name ?? this.input.sheet ?? null);
    if (name === null) {
      return invalidFile(
        `${quotedFileName(this.fileName)} has no values in any of its sheets. Check that you chose the right file, or export the data from the partner's system again.`,
      );
    }
    return invalidFile(
      `The sheet “${name}” in ${quotedFileName(this.fileName)} is empty. Check that you chose the sheet with the data, or export the data from the partner's system again.`,
    );
  }

  /** Cells by position (column A is index 0), as the xlsx reader gives them. */
  private cellsOf(cells: SourceRow['cells'], lastFilled: number, rowNumber: number, table: OdsTableInfo): SourceRow['cells'] {
    const maxColumns = this.input.limits.maxColumns;
    if (lastFilled > maxColumns) {
      throw invalidFile(
        `Row ${formatCount(rowNumber)} of sheet “${table.name}” in ${quotedFileName(this.fileName)} has a value in column ${columnLetter(lastFilled)} (${formatCount(lastFilled)} columns across); the workbench reads at most ${formatCount(maxColumns)} columns. Delete the stray values far to the right, save, and import it again.`,
      );
    }
    cells.length = lastFilled;
    return cells;
  }
}

interface TableChoice {
  choose(table: OdsTableInfo): boolean;
  afterPass(tables: OdsTableInfo[], pass: number): TableChoice | null;
}

function noSuchSheet(fileName: string, requested: string, tables: readonly OdsTableInfo[]): never {
  const names = tables.map((table) => table.name);
  throw invalidFile(
    `${quotedFileName(fileName)} has no sheet called “${requested}”. Its ${names.length === 1 ? 'only sheet is' : 'sheets are'} ${listOfSheetNames(names)}. Choose one of those.`,
  );
}

/** Anything that is not already a message for the analyst means the document is damaged. */
function asReaderError(error: unknown, input: OdsTableInput, where: string): Error {
  if (error instanceof WorkbenchError) return error;
  if (input.signal?.aborted || isAbortError(error)) return cancelled();
  const file = quotedFileName(input.fileName);
  if (error instanceof OdsContentError) {
    switch (error.reason) {
      case 'doctype':
        return invalidFile(
          `${file} contains an XML document type declaration (<!DOCTYPE …>), which can declare entities: it is how an attack on the program reading a file begins, and an OpenDocument spreadsheet never has one. It has not been imported. If you trust the sender, open it in LibreOffice Calc, save it as a new .ods file, and import that copy.`,
        );
      case 'too-many-rows':
        return invalidFile(
          `${file} does not look like a genuine OpenDocument spreadsheet: its ${error.message}, far more than any spreadsheet holds, which is typical of a file made to exhaust the computer. It has not been imported. If you trust the sender, ${odsWording.resave}, and import that copy.`,
        );
      case 'namespaces':
        return invalidFile(
          `${file} cannot be read: ${error.message}. Open it in LibreOffice Calc, save it as a new .ods file, and import that copy.`,
        );
      default:
        return damagedOpenDocument(input.fileName, `${where} (${error.message})`);
    }
  }
  // yauzl's validateEntrySizes: a part inflating past its declared size is forged.
  if (error instanceof Error && /too many bytes in the stream/.test(error.message)) {
    return likelyZipBomb(input.fileName, undefined, input.limits, odsWording);
  }
  return damagedOpenDocument(input.fileName, where);
}
