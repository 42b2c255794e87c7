import { basename } from 'node:path';
import { formatUpTo } from '../../../../../../shared/format/index';
import { WorkbenchError } from '../../../../../../shared/result';

/**
 * Sentences for the analyst. Each names the file (and the row where it helps) and says what
 * to do next, because the person reading it is holding a partner's spreadsheet, not a stack
 * trace.
 */

export function quotedFileName(fileName: string): string {
  return `“${basename(fileName)}”`;
}


/** Sizes as Windows Explorer shows them (1 KB = 1,024 bytes), which is what analysts compare against. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || value >= 10 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${formatUpTo(shown, 1)} ${units[unit]!}`;
}

export function invalidFile(message: string): WorkbenchError {
  return new WorkbenchError('invalid-file', message);
}

export function cancelled(): WorkbenchError {
  return new WorkbenchError('cancelled', 'Cancelled. Nothing was changed.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** An abort that surfaced from a Node stream (fs.createReadStream with `signal`). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as NodeJS.ErrnoException).code === 'ABORT_ERR');
}

export function emptyFile(fileName: string): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is empty. Check that you chose the right file, or export the data from the partner's system again.`,
  );
}

export function notTextOrSpreadsheet(fileName: string, looksLike?: string): WorkbenchError {
  const what = looksLike === undefined ? '' : ` (it looks like ${looksLike})`;
  return invalidFile(
    `${quotedFileName(fileName)} is not a text or spreadsheet file${what}. Choose a CSV file, an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods).`,
  );
}

export function passwordProtected(fileName: string): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is password-protected (or an old .xls file). Remove the password in Excel, or save it as .xlsx, and import it again.`,
  );
}

export function damagedWorkbook(fileName: string, where = ''): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is damaged or not a complete Excel file${where}. The download or copy may have been cut short: open it in Excel to check, save it again, and import the new copy.`,
  );
}

/** An Excel 97–2003 file (.xls), which partners rename to .xlsx or .ods when asked for one. */
export function legacyExcelWorkbook(fileName: string): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is an old Excel 97–2003 workbook (.xls), whatever its name says, which the workbench cannot read. Open it in Excel or LibreOffice Calc, save it as an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods), and import that.`,
  );
}

/** An OpenDocument spreadsheet saved with a password: its manifest lists how each part is encrypted. */
export function encryptedOpenDocument(fileName: string): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is password-protected. In LibreOffice Calc, open it with the password, choose File › Save As, untick “Save with password”, save it, and import the new copy.`,
  );
}

/** A flat OpenDocument spreadsheet: the whole document as one XML file, which the workbench does not read. */
export function flatOpenDocument(fileName: string): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is a flat OpenDocument spreadsheet (.fods, one XML file), which the workbench does not read. Open it in LibreOffice Calc, save it as an OpenDocument spreadsheet (.ods), and import that.`,
  );
}

export function damagedOpenDocument(fileName: string, where = ''): WorkbenchError {
  return invalidFile(
    `${quotedFileName(fileName)} is damaged or not a complete OpenDocument spreadsheet${where}. The download or copy may have been cut short: open it in LibreOffice Calc to check, save it again, and import the new copy.`,
  );
}
