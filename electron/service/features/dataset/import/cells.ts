import { formatCount } from '../../../../../shared/format/index';
import type { CellValue } from './readers/source-types';

/**
 * Header matching ignores case, spacing, underscores and punctuation, so "LSOA code",
 * "lsoa_code" and "LSOA-Code" are the same column.
 */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

/** The text an analyst would see in the cell; dates become ISO calendar dates. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Values sources use for "no value". */
export function isMissing(text: string): boolean {
  return text === '' || /^(na|n\/a|null|-|\.\.|\[x\]|\[z\]|\[c\])$/i.test(text);
}

export type CountResult = { ok: true; count: number } | { ok: false; reason: string };

/** The largest count a JavaScript number (and so the workbench) holds exactly: 2^53 − 1. */
const largestCount = Number.MAX_SAFE_INTEGER;

function tooLarge(column: string, shown: string): CountResult {
  return {
    ok: false,
    reason: `The count in “${column}” (${shown}) is larger than the workbench can hold exactly (${formatCount(largestCount)}). Check the figure in the source.`,
  };
}

/** Counts are whole, non-negative numbers; "1,234" is read the British way. */
export function parseCount(cell: CellValue | undefined, column: string): CountResult {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > largestCount) return tooLarge(column, String(cell));
    if (Number.isInteger(cell) && cell >= 0) return { ok: true, count: cell };
    return { ok: false, reason: `The count in “${column}” (${cell}) is not a whole number of 0 or more.` };
  }
  const text = cellText(cell);
  if (isMissing(text)) return { ok: false, reason: `The count in “${column}” is blank.` };
  const plain = text.replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.0+)?$/.test(plain)) {
    return { ok: false, reason: `The count in “${column}” (“${text}”) is not a whole number of 0 or more.` };
  }
  // Compared as digits, before any conversion could round 9,007,199,254,740,993 to …992.
  const digits = plain.replace(/\.0+$/, '').replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || (digits.length === 16 && digits > String(largestCount))) return tooLarge(column, `“${text}”`);
  return { ok: true, count: Number.parseInt(digits, 10) };
}
