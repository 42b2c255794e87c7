import { rawDataSheet, simpleSheet, workbookSheets, type WorkbookContext } from '../workbook-context';

/** The Contents sheet: each sheet, linked, with what it holds. */

export function writeContents(context: WorkbookContext): void {
  const sheets = [...workbookSheets, ...(context.options.rawData ? [rawDataSheet] : [])];
  simpleSheet(
    context,
    'Contents',
    'Contents',
    ['Each sheet name links to its sheet.'],
    'Contents',
    [
      { header: 'Sheet', width: 16 },
      { header: 'What it holds', width: 104, wrap: true },
    ],
    sheets.map((sheet) => [{ text: sheet.name, hyperlink: `#'${sheet.name}'!A1` }, sheet.description]),
  );
}
