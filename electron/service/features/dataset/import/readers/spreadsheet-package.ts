import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { WorkbenchError } from '../../../../../../shared/result';
import { type ReaderLimits } from './reader-limits';
import { damagedWorkbook, formatSize, invalidFile, passwordProtected, quotedFileName } from './reader-messages';
import { formatCount } from '../../../../../../shared/format/index';

/**
 * A spreadsheet package (an .xlsx, or an OpenDocument .ods) opened as a zip, checked before
 * anything is inflated. Parts are read through yauzl from the central directory, in any order
 * we like, and yauzl's `validateEntrySizes` stops a part that inflates to more than it
 * declared. That makes the declared sizes checked here binding, not a hint a forged file could
 * lie in.
 */
export interface SpreadsheetPackage {
  /** Entries by part name in lower case: OPC part names are case-insensitive, and ODF's are never mixed case in practice. */
  entries: ReadonlyMap<string, Entry>;
  openPart(entry: Entry): Promise<Readable>;
  close(): void;
}

/** How the messages name the kind of file, since the fix an analyst needs differs. */
export interface PackageWording {
  /** "an Excel workbook", "a spreadsheet". */
  what: string;
  /** What genuine files of the kind are: "an Excel file". */
  genuine: string;
  /** How to make a clean copy: "open it in Excel, save it as a new workbook". */
  resave: string;
  /** The application that reads it: "Excel". */
  application: string;
}

export const xlsxWording: PackageWording = {
  what: 'an Excel workbook',
  genuine: 'an Excel file',
  resave: 'open it in Excel, save it as a new workbook',
  application: 'Excel',
};

export const odsWording: PackageWording = {
  what: 'an OpenDocument spreadsheet',
  genuine: 'an OpenDocument spreadsheet',
  resave: 'open it in LibreOffice Calc, save it as a new .ods file',
  application: 'LibreOffice Calc',
};

export async function openSpreadsheetPackage(
  path: string,
  fileName: string,
  limits: ReaderLimits,
  options: { maxInflatedBytes: number; wording: PackageWording },
): Promise<SpreadsheetPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      decodeStrings: true,
      // Spreadsheet writers never write odd part names; we only look parts up, never write them to disk.
      strictFileNames: false,
    });
  } catch {
    throw damagedWorkbook(fileName);
  }
  try {
    const entries = await listCheckedEntries(zip, fileName, limits, options);
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

/** yauzl's own refusals of a part name that would reach outside a folder it is unpacked into. */
const escapingName = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/s;

async function listCheckedEntries(
  zip: ZipFile,
  fileName: string,
  limits: ReaderLimits,
  options: { maxInflatedBytes: number; wording: PackageWording },
): Promise<Map<string, Entry>> {
  const { wording } = options;
  if (zip.entryCount > limits.maxZipEntries) {
    throw invalidFile(
      `${quotedFileName(fileName)} has ${formatCount(zip.entryCount)} parts inside, far more than ${wording.what} has, so it has not been opened. ${capitalised(wording.resave)} (or as CSV), and import that.`,
    );
  }
  const entries = new Map<string, Entry>();
  let inflatedTotal = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw passwordProtected(fileName);
      inflatedTotal += entry.uncompressedSize;
      if (entry.uncompressedSize >= limits.ratioCheckMinBytes && entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio) {
        throw likelyZipBomb(fileName, entry.uncompressedSize, limits, wording);
      }
      entries.set(entry.fileName.toLowerCase(), entry);
    }
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    const escaping = error instanceof Error ? escapingName.exec(error.message) : null;
    if (escaping) throw escapingPart(fileName, escaping[2]!, wording);
    throw damagedWorkbook(fileName);
  }
  if (inflatedTotal > options.maxInflatedBytes) {
    throw invalidFile(
      `${quotedFileName(fileName)} would expand to ${formatSize(inflatedTotal)} when opened, more than the ${formatSize(options.maxInflatedBytes)} the workbench accepts from one workbook. If it is genuine, save the data as CSV (which has no size limit here), or split it into smaller workbooks, and import those.`,
    );
  }
  return entries;
}

/**
 * Inflated output in pieces this large: zlib's default of 16 KB made inflating a gigabyte of
 * XML cost tens of thousands of hand-offs between zlib's thread and this one, each through a
 * chain of streams. Larger pieces decode to strings too large for V8's young generation,
 * each given fresh pages by the operating system, which cost more than they saved.
 */
const inflatedChunkBytes = 64 * 1024;

/**
 * A part's bytes as they inflate. yauzl reads the compressed bytes (checking their count
 * against the central directory); the inflating is done here, in larger pieces, and held to
 * the declared size as yauzl's validateEntrySizes would, with yauzl's own words for it.
 */
async function openPart(zip: ZipFile, entry: Entry, fileName: string): Promise<Readable> {
  try {
    if (entry.compressionMethod !== 8) return await zip.openReadStreamPromise(entry);
    const compressed = await zip.openReadStreamPromise(entry, { decodeFileData: false });
    const inflate = createInflateRaw({ chunkSize: inflatedChunkBytes });
    const counted = new DeclaredSize(entry.uncompressedSize);
    const fail = (error: Error) => counted.destroy(error);
    compressed.on('error', fail);
    inflate.on('error', fail);
    counted.on('close', () => {
      compressed.unpipe(inflate);
      compressed.destroy();
      inflate.destroy();
    });
    return compressed.pipe(inflate).pipe(counted);
  } catch {
    throw damagedWorkbook(fileName);
  }
}

/** Passes bytes on while there are no more than declared, and fails if the total differs. */
class DeclaredSize extends Transform {
  private seen = 0;

  constructor(private readonly declared: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.declared) callback(new Error(`too many bytes in the stream. expected ${this.declared}. got at least ${this.seen}`));
    else callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.seen < this.declared) callback(new Error(`not enough bytes in the stream. expected ${this.declared}. got only ${this.seen}`));
    else callback();
  }
}

/** "a genuine Excel file". */
function genuine(wording: PackageWording): string {
  return `a genuine ${wording.genuine.replace(/^an? /, '')}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A part named "../../something" or "/etc/something" is what a "zip slip" attack uses to
 * write outside the folder a tool unpacks into. The workbench never unpacks to disk, but no
 * spreadsheet writer makes such a name, so the file is not what it claims to be.
 */
function escapingPart(fileName: string, partName: string, wording: PackageWording): WorkbenchError {
  const shown = partName.length > 80 ? `${partName.slice(0, 77)}…` : partName;
  return invalidFile(
    `${quotedFileName(fileName)} does not look like ${genuine(wording)}: it contains a part named “${shown}”, which points outside the file, as a malicious archive does. It has not been imported. If you trust the sender, ${wording.resave}, and import that copy.`,
  );
}

export function likelyZipBomb(fileName: string, inflatedBytes: number | undefined, limits: ReaderLimits, wording: PackageWording = xlsxWording): Error {
  const how =
    inflatedBytes === undefined
      ? 'one part of it expands to more than its own header says'
      : `one part of it expands more than ${formatCount(limits.maxCompressionRatio)} times (to ${formatSize(inflatedBytes)})`;
  return invalidFile(
    `${quotedFileName(fileName)} does not look like ${genuine(wording)}: ${how}, which is typical of a “zip bomb” made to exhaust the computer's memory. It has not been imported. If you trust the sender, ${wording.resave}, and import that copy.`,
  );
}
