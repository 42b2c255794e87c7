import { posix } from 'node:path';
import { type Entry } from 'yauzl';
import { WorkbenchError } from '../../../../../../shared/result';
import { columnLetter } from '../../../../spreadsheet-columns';
import { type ReaderLimits } from './reader-limits';
import { cancelled, damagedWorkbook, invalidFile, isAbortError, quotedFileName } from './reader-messages';
import { formatCount } from '../../../../../../shared/format/index';
import { OnceReadTable } from './once-read-table';
import { listOfSheetNames, preferredSheet, sheetNamed } from './sheet-choice';
import type { CellValue, SheetOfRows, SourceRow, SourceTable } from './source-types';
import { likelyZipBomb, openXlsxPackage, type XlsxPackage } from './xlsx-package';
import { decodedPartText } from './xlsx-part-text';
import { readSharedStrings, sheetRows, type SheetRow } from './xlsx-sheet-rows';
import { type WorkbookSheet, WorkbookParts } from './xlsx-workbook-parts';

export interface XlsxTableInput {
  fileName: string;
  size: number;
  sheet?: string | undefined;
  /** Read every worksheet, one after another. */
  allSheets?: boolean;
  signal?: AbortSignal | undefined;
  limits: ReaderLimits;
}

const workbookPart = 'xl/workbook.xml';
const relationshipsPart = 'xl/_rels/workbook.xml.rels';
const sharedStringsPart = 'xl/sharedstrings.xml';
const stylesPart = 'xl/styles.xml';

/**
 * Opens an .xlsx: checks the package (size, compression ratio, encryption), reads the sheet
 * list and settles which sheet to read, so a wrong sheet name is reported straight away.
 * The package is closed again before returning; rows() reopens it.
 */
export async function openXlsxTable(path: string, input: XlsxTableInput): Promise<SourceTable> {
  const { fileName, signal, limits } = input;
  const pkg = await openXlsxPackage(path, fileName, limits);
  try {
    const parts = new WorkbookParts(path);
    await parts.readWorkbook(partText(pkg, requiredEntry(pkg, workbookPart, fileName), { signal }));
    await parts.readRelationships(partText(pkg, requiredEntry(pkg, relationshipsPart, fileName), { signal }));
    const worksheets = parts.sheets().filter((sheet) => sheet.isWorksheet);
    if (worksheets.length === 0) {
      throw invalidFile(
        `${quotedFileName(fileName)} has no worksheets (only charts, or none at all). Open it in Excel, check that the data is on a worksheet, save it, and import it again.`,
      );
    }
    const chosen = input.allSheets ? worksheets : [chooseSheet(worksheets, input.sheet, fileName)];
    const reading = chosen.map((sheet) => {
      const partName = sheetPartName(sheet.target);
      requiredEntry(pkg, partName, fileName);
      return { sheet, partName, of: { position: worksheets.indexOf(sheet) + 1, name: sheet.name } };
    });
    return new XlsxSourceTable(path, input, parts, worksheets, reading);
  } catch (error) {
    throw asReaderError(error, input, '');
  } finally {
    pkg.close();
  }
}

interface SheetToRead {
  sheet: WorkbookSheet;
  partName: string;
  of: SheetOfRows;
}

class XlsxSourceTable extends OnceReadTable {
  readonly kind = 'xlsx';
  readonly details: SourceTable['details'];
  /** Progress in bytes of the file, counting a part's share of its compressed size as it inflates. */
  private progress = 0;
  private current: SheetOfRows | null = null;
  private skipping: SheetOfRows | null = null;

  constructor(
    private readonly path: string,
    private readonly input: XlsxTableInput,
    private readonly parts: WorkbookParts,
    worksheets: WorkbookSheet[],
    private readonly sheetsToRead: SheetToRead[],
  ) {
    super(input.fileName, input.size, input.signal);
    const sheets = worksheets.map((candidate) => candidate.name);
    this.details = input.allSheets ? { sheets, allSheets: true } : { sheets, sheet: sheetsToRead[0]!.sheet.name };
  }

  bytesRead(): number {
    return Math.min(this.bytesTotal, Math.round(this.progress));
  }

  override currentSheet(): SheetOfRows | null {
    return this.current;
  }

  override skipSheet(sheet: SheetOfRows): void {
    if (this.current === sheet) this.skipping = sheet;
  }

  protected async *readBatches(stopOrCancel: AbortSignal): AsyncGenerator<SourceRow[]> {
    const { fileName, limits } = this.input;
    let lastRowNumber = 0;
    let rowsYielded = 0;
    let sheetName = '';
    // Reopened and re-checked: the file may have changed since it was opened.
    const pkg = await openXlsxPackage(this.path, fileName, limits).catch((error: unknown) => {
      throw asReaderError(error, this.input, '');
    });
    try {
      const sharedStrings = pkg.entries.get(sharedStringsPart);
      const styles = pkg.entries.get(stylesPart);
      const sheetEntries = this.sheetsToRead.map((sheet) => requiredEntry(pkg, sheet.partName, fileName));
      // Parts we skip (other sheets, images) count as read from the start.
      const toRead = [sharedStrings, styles, ...sheetEntries].filter((entry) => entry !== undefined);
      this.progress = this.bytesTotal - toRead.reduce((sum, entry) => sum + entry.compressedSize, 0);

      const strings = sharedStrings === undefined ? [] : await readSharedStrings(this.partText(pkg, sharedStrings, stopOrCancel));
      if (styles !== undefined) await this.parts.readStyles(this.partText(pkg, styles, stopOrCancel));
      const context = this.parts.sheetContext(limits.maxColumns, strings);
      for (const [index, sheetEntry] of sheetEntries.entries()) {
        const sheet = this.sheetsToRead[index]!;
        this.current = sheet.of;
        lastRowNumber = 0;
        sheetName = sheet.sheet.name;
        const before = this.progress;
        for await (const rows of sheetRows(this.partText(pkg, sheetEntry, stopOrCancel), context)) {
          if (stopOrCancel.aborted) throw cancelled();
          const batch: SourceRow[] = [];
          for (const row of rows) {
            // Excel always numbers rows; a writer that leaves `r` out gets the next number.
            const rowNumber = row.number ?? lastRowNumber + 1;
            lastRowNumber = rowNumber;
            const cells = this.cellsOf(row, rowNumber, sheet.sheet.name);
            if (cells !== undefined) batch.push({ rowNumber, cells });
          }
          if (batch.length > 0) {
            yield batch;
            rowsYielded += batch.length;
          }
          if (this.skipping === sheet.of) break;
        }
        // A sheet passed over counts as read.
        this.progress = before + sheetEntry.compressedSize;
      }
      if (rowsYielded === 0) {
        throw invalidFile(
          this.input.allSheets
            ? `${quotedFileName(fileName)} has no values in any of its sheets. Check that you chose the right file, or export the data from the partner's system again.`
            : `The sheet “${this.sheetsToRead[0]!.sheet.name}” in ${quotedFileName(fileName)} is empty. Check that you chose the sheet with the data, or export the data from the partner's system again.`,
        );
      }
    } catch (error) {
      // close() while reading: the caller asked for it, so just stop.
      if (this.closed) return;
      const where = lastRowNumber > 0 ? ` (near row ${formatCount(lastRowNumber)} of sheet “${sheetName}”)` : '';
      throw asReaderError(error, this.input, where);
    } finally {
      pkg.close();
    }
  }

  private partText(pkg: XlsxPackage, entry: Entry, signal: AbortSignal): AsyncIterable<string> {
    const share = entry.uncompressedSize > 0 ? entry.compressedSize / entry.uncompressedSize : 0;
    return partText(pkg, entry, {
      signal,
      onInflatedBytes: (bytes) => {
        this.progress += bytes * share;
      },
    });
  }

  /**
   * Cells by position (column A is index 0), with gaps as null so hidden or empty columns
   * keep every later column in place; undefined for a row with nothing in it.
   */
  private cellsOf(row: SheetRow, rowNumber: number, sheetName: string): CellValue[] | undefined {
    const { lastFilled, cells } = row;
    if (lastFilled === 0) return undefined;
    const maxColumns = this.input.limits.maxColumns;
    if (lastFilled > maxColumns) {
      throw invalidFile(
        `Row ${formatCount(rowNumber)} of sheet “${sheetName}” in ${quotedFileName(this.fileName)} has a value in column ${columnLetter(lastFilled)} (${formatCount(lastFilled)} columns across); the workbench reads at most ${formatCount(maxColumns)} columns. Delete the stray values far to the right, save, and import it again.`,
      );
    }
    cells.length = lastFilled;
    return cells;
  }
}

async function* partText(
  pkg: XlsxPackage,
  entry: Entry,
  options: { signal?: AbortSignal; onInflatedBytes?: (bytes: number) => void },
): AsyncGenerator<string> {
  yield* decodedPartText(await pkg.openPart(entry), options);
}

function requiredEntry(pkg: XlsxPackage, partName: string, fileName: string): Entry {
  const entry = pkg.entries.get(partName.toLowerCase());
  if (entry === undefined) throw damagedWorkbook(fileName);
  return entry;
}

/** Relationship targets are relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/…"). */
function sheetPartName(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
  return posix.normalize(path).toLowerCase();
}

function chooseSheet(worksheets: WorkbookSheet[], requested: string | undefined, fileName: string): WorkbookSheet {
  const candidates = worksheets.map((sheet) => ({ sheet, name: sheet.name, visible: sheet.state === 'visible' }));
  // Partners hide lookup and working sheets, and publishers put notes first.
  if (requested === undefined) return preferredSheet(candidates)!.sheet;
  // Excel treats sheet names case-insensitively, so the analyst may too.
  const found = sheetNamed(candidates, requested);
  if (found !== undefined) return found.sheet;
  const names = listOfSheetNames(worksheets.map((sheet) => sheet.name));
  throw invalidFile(
    `${quotedFileName(fileName)} has no sheet called “${requested}”. Its ${worksheets.length === 1 ? 'only sheet is' : 'sheets are'} ${names}. Choose one of those.`,
  );
}

/** Anything that is not already a message for the analyst means the workbook is damaged. */
function asReaderError(error: unknown, input: XlsxTableInput, where: string): Error {
  if (error instanceof WorkbenchError) return error;
  if (input.signal?.aborted || isAbortError(error)) return cancelled();
  // yauzl's validateEntrySizes: a part inflating past its declared size is forged.
  if (error instanceof Error && /too many bytes in the stream/.test(error.message)) {
    return likelyZipBomb(input.fileName, undefined, input.limits);
  }
  return damagedWorkbook(input.fileName, where);
}
