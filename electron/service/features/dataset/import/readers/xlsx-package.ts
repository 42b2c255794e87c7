import { type Entry } from 'yauzl';
import { type ReaderLimits } from './reader-limits';
import { invalidFile, notTextOrSpreadsheet, quotedFileName } from './reader-messages';
import { openSpreadsheetPackage, xlsxWording, type SpreadsheetPackage } from './spreadsheet-package';

export { likelyZipBomb } from './spreadsheet-package';

/** An .xlsx opened as a zip (an Open Packaging Conventions package): see spreadsheet-package.ts. */
export type XlsxPackage = SpreadsheetPackage;

export async function openXlsxPackage(path: string, fileName: string, limits: ReaderLimits): Promise<XlsxPackage> {
  const pkg = await openSpreadsheetPackage(path, fileName, limits, { maxInflatedBytes: limits.maxInflatedBytes, wording: xlsxWording });
  if (!pkg.entries.has('xl/workbook.xml')) {
    pkg.close();
    throw notAWorkbook(pkg.entries, fileName);
  }
  return pkg;
}

/** A zip, but not an .xlsx: say what it is, because the fix differs. */
export function notAWorkbook(entries: ReadonlyMap<string, Entry>, fileName: string): Error {
  if (entries.has('xl/workbook.bin')) {
    return invalidFile(
      `${quotedFileName(fileName)} is an Excel binary workbook (.xlsb), which the workbench cannot read. Open it in Excel, save it as “Excel Workbook (*.xlsx)”, and import it again.`,
    );
  }
  if (entries.has('word/document.xml')) return notTextOrSpreadsheet(fileName, 'a Word document');
  if ([...entries.keys()].some((name) => name.endsWith('.csv'))) {
    return notTextOrSpreadsheet(fileName, 'a zip archive holding CSV files: extract them and import each one');
  }
  return notTextOrSpreadsheet(fileName, 'a zip archive');
}
