import { type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WorkbenchError } from '../../../../../../shared/result';
import { type ReaderLimits } from './reader-limits';
import {
  damagedWorkbook,
  formatCount,
  formatSize,
  invalidFile,
  notTextOrSpreadsheet,
  passwordProtected,
  quotedFileName,
} from './reader-messages';

/**
 * An .xlsx opened as a zip (an Open Packaging Conventions package), checked before anything
 * is inflated. Parts are read through yauzl from the central directory, in any order we
 * like, and yauzl's `validateEntrySizes` stops a part that inflates to more than it declared.
 * That makes the declared sizes checked here binding, not a hint a forged file could lie in.
 */
export interface XlsxPackage {
  /** Entries by part name in lower case: OPC part names are case-insensitive. */
  entries: ReadonlyMap<string, Entry>;
  openPart(entry: Entry): Promise<Readable>;
  close(): void;
}

export async function openXlsxPackage(path: string, fileName: string, limits: ReaderLimits): Promise<XlsxPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      decodeStrings: true,
      // Excel never writes odd part names; we only look parts up, never write them to disk.
      strictFileNames: false,
    });
  } catch {
    throw damagedWorkbook(fileName);
  }
  try {
    const entries = await listCheckedEntries(zip, fileName, limits);
    return {
      entries,
      openPart: (entry) => openPart(zip, entry, fileName),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function listCheckedEntries(zip: ZipFile, fileName: string, limits: ReaderLimits): Promise<Map<string, Entry>> {
  if (zip.entryCount > limits.maxZipEntries) {
    throw invalidFile(
      `${quotedFileName(fileName)} has ${formatCount(zip.entryCount)} parts inside, far more than an Excel workbook has, so it has not been opened. Open it in Excel, save it as a new .xlsx (or as CSV), and import that.`,
    );
  }
  const entries = new Map<string, Entry>();
  let inflatedTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw passwordProtected(fileName);
      inflatedTotal += entry.uncompressedSize;
      if (entry.uncompressedSize >= limits.ratioCheckMinBytes && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
        throw likelyZipBomb(fileName, entry.uncompressedSize, limits);
      }
      entries.set(entry.fileName.toLowerCase(), entry);
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw damagedWorkbook(fileName);
  }
  if (inflatedTotal > limits.maxInflatedBytes) {
    throw invalidFile(
      `${quotedFileName(fileName)} would expand to ${formatSize(inflatedTotal)} when opened, more than the ${formatSize(limits.maxInflatedBytes)} the workbench accepts from one workbook. If it is genuine, save the data as CSV (which has no size limit here), or split it into smaller workbooks, and import those.`,
    );
  }
  if (!entries.has('xl/workbook.xml')) throw notAWorkbook(entries, fileName);
  return entries;
}

function openPart(zip: ZipFile, entry: Entry, fileName: string): Promise<Readable> {
  return zip.openReadStreamPromise(entry).catch(() => {
    throw damagedWorkbook(fileName);
  });
}

export function likelyZipBomb(fileName: string, inflatedBytes: number | undefined, limits: ReaderLimits): Error {
  const how =
    inflatedBytes === undefined
      ? 'one part of it expands to more than its own header says'
      : `one part of it expands more than ${formatCount(limits.maxCompressionRatio)} times (to ${formatSize(inflatedBytes)})`;
  return invalidFile(
    `${quotedFileName(fileName)} does not look like a genuine Excel file: ${how}, which is typical of a “zip bomb” made to exhaust the computer's memory. It has not been imported. If you trust the sender, open it in Excel, save it as a new workbook, and import that copy.`,
  );
}

/** A zip, but not an .xlsx: say what it is, because the fix differs. */
function notAWorkbook(entries: ReadonlyMap<string, Entry>, fileName: string): Error {
  if (entries.has('xl/workbook.bin')) {
    return invalidFile(
      `${quotedFileName(fileName)} is an Excel binary workbook (.xlsb), which the workbench cannot read. Open it in Excel, save it as “Excel Workbook (*.xlsx)”, and import it again.`,
    );
  }
  if (entries.has('mimetype') && entries.has('content.xml')) {
    return invalidFile(
      `${quotedFileName(fileName)} is an OpenDocument file (for example from LibreOffice), which the workbench cannot read. Save it as “Excel 2007-365 (.xlsx)” or as CSV, and import it again.`,
    );
  }
  if (entries.has('word/document.xml')) return notTextOrSpreadsheet(fileName, 'a Word document');
  if ([...entries.keys()].some((name) => name.endsWith('.csv'))) {
    return notTextOrSpreadsheet(fileName, 'a zip archive holding CSV files: extract them and import each one');
  }
  return notTextOrSpreadsheet(fileName, 'a zip archive');
}
