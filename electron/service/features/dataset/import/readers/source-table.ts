import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { WorkbenchError } from '../../../../../../shared/result';
import { openCsvTable } from './csv-reader';
import { classifyFileHead } from './file-signature';
import { type ReaderLimits, resolveLimits } from './reader-limits';
import { compoundFileKind } from './ole-compound';
import { openOdsTable } from './ods-reader';
import { zipSpreadsheetKind } from './ods-package';
import {
  emptyFile,
  flatOpenDocument,
  invalidFile,
  legacyExcelWorkbook,
  notTextOrSpreadsheet,
  passwordProtected,
  quotedFileName,
  throwIfAborted,
} from './reader-messages';
import { openXlsxTable } from './xlsx-reader';
import { importOpenFault } from '../../../../faults';
import type { SourceTable } from './source-types';

export interface OpenSourceTableOptions {
  /** Worksheet to read from a workbook; when left out, the first visible one that is not notes or a cover. Ignored for CSV. */
  sheet?: string;
  /** Read every sheet of a workbook, one after another (sheet is then ignored). */
  allSheets?: boolean;
  /**
   * List an OpenDocument spreadsheet's sheets (and check the one asked for) before reading.
   * On by default; the import's reader leaves it off, since listing takes a pass over all of
   * the sheets' XML and the preview has already checked the name.
   */
  listSheets?: boolean;
  signal?: AbortSignal;
  limits?: Partial<ReaderLimits>;
  /** For a CSV file, sees every byte, in order, as the rows are read (a workbook is read part by part). */
  onBytes?: (chunk: Buffer) => void;
}

/** Enough of the start of the file to recognise its type and encoding and to sniff the delimiter. */
const headBytes = 1024 * 1024;

/**
 * Opens a partner's file as a table of raw rows. The type comes from the content (a zip is
 * an .xlsx or an OpenDocument spreadsheet, an OLE compound file is encrypted or legacy Excel,
 * anything else is tried as delimited text), because partners rename files and e-mail
 * gateways mangle extensions.
 */
export async function openSourceTable(path: string, options: OpenSourceTableOptions = {}): Promise<SourceTable> {
  throwIfAborted(options.signal);
  const fileName = basename(path);
  const limits = resolveLimits(options.limits);
  const { head, size } = await readHead(path, fileName);
  if (size === 0) throw emptyFile(fileName);

  const kind = classifyFileHead(head);
  switch (kind.type) {
    case 'zip': {
      const workbook = { fileName, size, sheet: options.sheet, allSheets: options.allSheets === true, signal: options.signal, limits };
      if ((await zipSpreadsheetKind(path, head)) === 'ods') return openOdsTable(path, { ...workbook, listSheets: options.listSheets !== false });
      return openXlsxTable(path, workbook);
    }
    case 'ole':
      switch (await compoundFileKind(path)) {
        case 'legacy-excel':
          throw legacyExcelWorkbook(fileName);
        case 'legacy-word':
          throw notTextOrSpreadsheet(fileName, 'a Word document');
        case 'legacy-powerpoint':
          throw notTextOrSpreadsheet(fileName, 'a PowerPoint presentation');
        default:
          throw passwordProtected(fileName);
      }
    case 'flat-ods':
      throw flatOpenDocument(fileName);
    case 'binary':
      throw notTextOrSpreadsheet(fileName, kind.looksLike);
    case 'text':
      return openCsvTable(path, { fileName, size, head, signal: options.signal, limits, ...(options.onBytes ? { onBytes: options.onBytes } : {}) });
  }
}

async function readHead(path: string, fileName: string): Promise<{ head: Buffer; size: number }> {
  // Only ordinary files are read: opening a named pipe with no writer would wait for ever.
  let kind: Stats;
  try {
    kind = await stat(path);
  } catch (error) {
    throw importOpenFault(error, path, fileName);
  }
  if (kind.isDirectory()) throw invalidFile(`${quotedFileName(fileName)} is a folder, not a file. Choose a CSV file or a spreadsheet.`);
  if (!kind.isFile()) {
    throw invalidFile(`${quotedFileName(fileName)} is not an ordinary file (it is a pipe, socket or device), so it cannot be imported. Save the data to a CSV or Excel file and import that.`);
  }
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw importOpenFault(error, path, fileName);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw invalidFile(`${quotedFileName(fileName)} is a folder, not a file. Choose a CSV file or a spreadsheet.`);
    const head = Buffer.alloc(Math.min(headBytes, stats.size));
    let filled = 0;
    while (filled < head.length) {
      const { bytesRead } = await handle.read(head, filled, head.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { head: head.subarray(0, filled), size: stats.size };
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw importOpenFault(error, path, fileName);
  } finally {
    await handle.close();
  }
}
