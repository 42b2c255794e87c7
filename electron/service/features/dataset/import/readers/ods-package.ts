import { type Entry } from 'yauzl';
import yauzl from 'yauzl';
import { type ReaderLimits } from './reader-limits';
import { damagedOpenDocument, encryptedOpenDocument, invalidFile, notTextOrSpreadsheet, quotedFileName } from './reader-messages';
import { odsWording, openSpreadsheetPackage, type SpreadsheetPackage } from './spreadsheet-package';

const spreadsheetMediaTypes = new Set(['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet-template']);

/** The parts of a package read whole: small by nature, and refused when they are not. */
const maxSmallPartBytes = 4 * 1024 * 1024;

/**
 * Which kind of spreadsheet a zip is. An OpenDocument file starts with an uncompressed
 * "mimetype" entry (ODF 1.3 part 2, §3.3), so its first bytes say so; a writer that left it
 * out is recognised by its content.xml.
 */
export async function zipSpreadsheetKind(path: string, head: Uint8Array): Promise<'xlsx' | 'ods'> {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 256)).toString('latin1');
  if (text.startsWith('mimetype', 30) && text.includes('application/vnd.oasis.opendocument.')) return 'ods';
  try {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: true, strictFileNames: false });
    try {
      let odf = false;
      for await (const entry of zip.eachEntry()) {
        const name = entry.fileName.toLowerCase();
        if (name === 'xl/workbook.xml') return 'xlsx';
        if (name === 'content.xml' || name === 'meta-inf/manifest.xml') odf = true;
      }
      return odf ? 'ods' : 'xlsx';
    } finally {
      zip.close();
    }
  } catch {
    // The xlsx reader reports a damaged zip, with the checks it makes first.
    return 'xlsx';
  }
}

/**
 * An OpenDocument spreadsheet opened as a zip and checked, as an .xlsx is (size, compression
 * ratio, part names), and for what ODF adds: a media type that says spreadsheet, and no
 * encryption (ODF 1.3 part 2, §4.8: an encrypted part is listed with manifest:encryption-data,
 * its bytes unreadable without the password).
 */
export async function openOdsPackage(path: string, fileName: string, limits: ReaderLimits): Promise<SpreadsheetPackage> {
  const pkg = await openSpreadsheetPackage(path, fileName, limits, { maxInflatedBytes: limits.maxOdsInflatedBytes, wording: odsWording });
  try {
    const mimetype = pkg.entries.get('mimetype');
    if (mimetype !== undefined) {
      const mediaType = (await smallPartText(pkg, mimetype, fileName)).trim();
      if (!spreadsheetMediaTypes.has(mediaType)) throw notASpreadsheet(fileName, mediaType);
    }
    const manifest = pkg.entries.get('meta-inf/manifest.xml');
    if (manifest !== undefined) {
      const text = await smallPartText(pkg, manifest, fileName);
      if (/<(?:[\w-]+:)?(?:encryption-data|keyinfo)[\s/>]/.test(text)) throw encryptedOpenDocument(fileName);
    }
    if (!pkg.entries.has('content.xml')) throw damagedOpenDocument(fileName);
    return pkg;
  } catch (error) {
    pkg.close();
    throw error;
  }
}

async function smallPartText(pkg: SpreadsheetPackage, entry: Entry, fileName: string): Promise<string> {
  if (entry.uncompressedSize > maxSmallPartBytes) throw damagedOpenDocument(fileName);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of await pkg.openPart(entry)) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length > maxSmallPartBytes) throw new Error('too large');
    }
  } catch {
    throw damagedOpenDocument(fileName);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function notASpreadsheet(fileName: string, mediaType: string): Error {
  const kinds: Record<string, string> = {
    'application/vnd.oasis.opendocument.text': 'an OpenDocument text document (from LibreOffice Writer, say)',
    'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation',
    'application/vnd.oasis.opendocument.graphics': 'an OpenDocument drawing',
  };
  const what = kinds[mediaType];
  if (what === undefined) return notTextOrSpreadsheet(fileName, 'a zip archive');
  return invalidFile(`${quotedFileName(fileName)} is ${what}, not a spreadsheet. Put the table in a spreadsheet, save it as .ods, .xlsx or CSV, and import that.`);
}
