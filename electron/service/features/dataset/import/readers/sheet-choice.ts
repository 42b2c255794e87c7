import { formatList } from '../../../../../../shared/format/index';
/**
 * Sheets that hold words about the data rather than the data: publishers put a cover, notes
 * or contents first (the Home Office's open data tables start with a Notes sheet), and
 * partners hide lookup sheets. Without a sheet named, the data is on the first visible sheet
 * that is not one of these.
 */
const aboutTheData = /^(?:notes?|cover(?: ?sheet| ?page)?|contents|table of contents|read ?me|about(?: this (?:file|data|workbook))?|information|metadata|definitions|glossary)$/i;

export function isAboutTheData(name: string): boolean {
  return aboutTheData.test(name.trim().replace(/[_\s]+/g, ' '));
}

export interface SheetCandidate {
  name: string;
  visible: boolean;
}

/** The sheet to read when none is named. */
export function preferredSheet<T extends SheetCandidate>(sheets: readonly T[]): T | undefined {
  return sheets.find((sheet) => sheet.visible && !isAboutTheData(sheet.name)) ?? sheets.find((sheet) => sheet.visible) ?? sheets[0];
}

/** A sheet asked for by name: exactly, or else in any case, as Excel and Calc treat sheet names. */
export function sheetNamed<T extends SheetCandidate>(sheets: readonly T[], requested: string): T | undefined {
  return sheets.find((sheet) => sheet.name === requested) ?? sheets.find((sheet) => sheet.name.toLowerCase() === requested.toLowerCase());
}

export function listOfSheetNames(names: readonly string[]): string {
  return formatList(names.map((name) => `“${name}”`));
}
