/**
 * Recognises a file from its first bytes ("magic numbers"), so that a renamed or mangled
 * file is read for what it is rather than for what its extension claims.
 */
export type FileHeadKind =
  | { type: 'zip' }
  | { type: 'ole' }
  | { type: 'binary'; looksLike?: string }
  /** A flat OpenDocument spreadsheet (.fods): the whole document as one XML file. */
  | { type: 'flat-ods' }
  | { type: 'text' };

interface Signature {
  bytes: number[];
  looksLike: string;
}

// Formats analysts are likely to pick by mistake from a shared drive or an e-mail.
const binarySignatures: Signature[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: 'a PDF document' }, // %PDF-
  { bytes: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image' }, // GIF8
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: 'an empty zip archive' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], looksLike: 'part of a split zip archive' },
  { bytes: [0x1f, 0x8b], looksLike: 'a compressed .gz archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], looksLike: 'a RAR archive' }, // Rar!
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: 'a 7-Zip archive' },
];

/** PK\x03\x04: a zip local file header, which is how every .xlsx starts. */
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: legacy .xls, and also any .xlsx saved with a password (MS-OFFCRYPTO). */
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((byte, index) => head[index] === byte);
}

export function classifyFileHead(head: Uint8Array): FileHeadKind {
  if (startsWith(head, zipMagic)) return { type: 'zip' };
  if (startsWith(head, oleMagic)) return { type: 'ole' };
  for (const signature of binarySignatures) {
    if (startsWith(head, signature.bytes)) return { type: 'binary', looksLike: signature.looksLike };
  }
  // UTF-16 text is full of NUL bytes by design; the CSV reader recognises it by its BOM.
  const utf16Bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16Bom && head.includes(0)) return { type: 'binary' };
  if (isFlatOpenDocumentSpreadsheet(head)) return { type: 'flat-ods' };
  return { type: 'text' };
}

/**
 * XML whose root is office:document with the spreadsheet media type (ODF 1.3 part 3, §3.1.3):
 * what LibreOffice saves as "Flat XML ODF Spreadsheet". Read as CSV it would be one column of
 * markup, so it is recognised for what it is.
 */
function isFlatOpenDocumentSpreadsheet(head: Uint8Array): boolean {
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 16 * 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (!start.startsWith('<')) return false;
  return /<office:document[\s>]/.test(start) && start.includes('application/vnd.oasis.opendocument.spreadsheet');
}
