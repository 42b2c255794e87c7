import type { SourceEncoding } from './source-types';
import { invalidFile, quotedFileName } from './reader-messages';

/**
 * Text encodings partners' CSV files arrive in:
 * - UTF-8, with a BOM from Excel's "CSV UTF-8" and without from most systems;
 * - UTF-16LE with a BOM, from Excel's "Unicode text" (tab-delimited);
 * - Windows-1252, from Excel's plain "CSV (Comma delimited)" on English Windows, where "£"
 *   and "é" are single bytes that are not valid UTF-8.
 */
export function detectEncoding(head: Uint8Array, fileName: string): SourceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) {
    throw invalidFile(
      `${quotedFileName(fileName)} is saved as UTF-16 big-endian text, which the workbench cannot read. Open it in Excel, save it as “CSV UTF-8 (Comma delimited)”, and import it again.`,
    );
  }
  return isValidUtf8Start(head) ? 'utf-8' : 'windows-1252';
}

/** Valid UTF-8, allowing the sample to end part-way through a character. */
function isValidUtf8Start(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A streaming decoder. UTF-8 and UTF-16 are strict, so a file that changes encoding part-way
 * fails loudly instead of importing "Â£" into the workspace; Windows-1252 maps every byte.
 * The BOM is removed here (TextDecoder's default), so it never reaches the first cell.
 */
export function createTextDecoder(encoding: SourceEncoding): InstanceType<typeof TextDecoder> {
  return new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
}

/**
 * Where in a chunk that failed to decode the first bad byte falls, counted in line breaks
 * before it, so the message can point the analyst near the right row.
 */
export function lineBreaksBeforeBadByte(chunk: Uint8Array, encoding: SourceEncoding, lineBreak: '\n' | '\r'): number {
  const text = new TextDecoder(encoding).decode(chunk);
  const bad = text.indexOf('\uFFFD');
  const upTo = bad === -1 ? text.length : bad;
  let count = 0;
  for (let at = text.indexOf(lineBreak); at !== -1 && at < upTo; at = text.indexOf(lineBreak, at + 1)) count++;
  return count;
}
