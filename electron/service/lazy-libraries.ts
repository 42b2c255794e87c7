import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

/*
 * exceljs and pdfkit are loaded when first needed, not when the service starts. Together they
 * add about 30 MB to a process that may never export, and exceljs about 20 MB more to each
 * import's reading thread, where a CSV file never needs it.
 */

/** Both are CommonJS: imported dynamically, the module itself is the default export. */
function commonJsExports<T>(module: { default?: T }): T {
  return module.default ?? (module as T);
}

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return commonJsExports<typeof ExcelJS>(await import('exceljs'));
}

export async function loadPdfKit(): Promise<typeof PDFDocument> {
  return commonJsExports<typeof PDFDocument>(await import('pdfkit'));
}
