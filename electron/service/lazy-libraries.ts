import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

/*
 * exceljs and pdfkit are loaded when first needed, not when the service starts. Together they
 * add about 30 MB to a process that may never export, and exceljs about 20 MB more to each
 * import's reading thread, where a CSV file never needs it.
 *
 * Loaded with require, as the bundle's other modules are: it reads from the packaged app's
 * asar archive as every require does.
 */

export function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs') as typeof ExcelJS;
}

export function loadPdfKit(): typeof PDFDocument {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pdfkit') as typeof PDFDocument;
}
