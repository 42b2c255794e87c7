import { throwIfCancelled, yieldToEventLoop } from '../../../operation-context';
import type { ExportTarget } from '../export-job';
import { createSheet, firstHeaderRow, fonts, formats, introLines, type ColumnSpec } from './sheet-layout';
import type { StreamingWorkbook } from './streaming-workbook';
import { columnLetter } from '../../../spreadsheet-columns';

/**
 * The in-area imported rows, for partners who want them: streamed from the export's snapshot
 * straight into the streaming writer, a batch at a time, so memory stays flat however many rows
 * there are. Inline strings, not shared ones: a million area names in a shared-string table
 * would be held in memory until the end. Crime identifiers are not kept after import (only
 * their 64-bit keys, for duplicates); the dataset and row number lead back to the record in the
 * file, whose SHA-256 the Datasets sheet gives.
 */

const columns: ColumnSpec[] = [
  { header: 'Dataset', width: 9, numFmt: formats.count },
  { header: 'Row in file', width: 10, numFmt: formats.count },
  { header: 'From', width: 9 },
  { header: 'To', width: 9 },
  { header: 'Area code', width: 12 },
  { header: 'Area name', width: 24 },
  { header: 'Offence as recorded', width: 36 },
  { header: 'Offence code', width: 10 },
  { header: 'Count', width: 8, numFmt: formats.count },
];

type RawRow = [number, number, string, string, string | null, string | null, string, string | null, number];

const columnLetters = columns.map((_, index) => columnLetter(index + 1));

/** Text as XML character data: markup escaped, and characters XML cannot hold left out. */
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids, and markup
const needsEscaping = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function xmlText(text: string): string {
  // Most labels need nothing done: one test instead of four replacements per cell.
  if (!needsEscaping.test(text)) return text;
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * One row of sheet XML. Written straight into the sheet's stream rather than through exceljs's
 * row and cell objects, which cost several objects and a style lookup per cell: with a million
 * rows that was most of the export's time. Numbers are numbers with the count format; text is
 * always an inline string, so a label such as "=1+1" can never become a formula.
 */
function rowXml(rowNumber: number, values: RawRow, countStyleId: number): string {
  let xml = `<row r="${rowNumber}">`;
  values.forEach((value, index) => {
    if (value === null) return;
    const ref = `${columnLetters[index]}${rowNumber}`;
    xml +=
      typeof value === 'number'
        ? `<c r="${ref}" s="${countStyleId}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is>${/^\s|\s$/.test(value) ? '<t xml:space="preserve">' : '<t>'}${xmlText(value)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

const batchRows = 5_000;

export async function writeRawDataSheet(book: StreamingWorkbook, target: ExportTarget, marking: string): Promise<void> {
  const { snapshot, context, model } = target;
  const intro = ['Every imported row inside the partnership’s area, as the files gave it. Dataset numbers refer to the Datasets sheet.'];
  const lines = introLines(intro, columns);
  const headerRow = firstHeaderRow(lines);
  const sheet = createSheet(book, { name: 'Raw data', title: 'Raw data', intro: lines, headerRow, columns }, marking, { useSharedStrings: false });
  const header = sheet.getRow(headerRow);
  columns.forEach((column, index) => {
    header.getCell(index + 1).value = column.header;
    header.getCell(index + 1).font = fonts.header;
  });
  header.commit();
  const total = model.rawRowCount;
  const rows = snapshot
    .prepare(
      `SELECT dataset_id, row_number, period_from, period_to, area_code, area_name, source_label, offence_code, count
       FROM observation WHERE in_area = 1 ORDER BY id`,
    )
    .raw(true)
    .iterate() as IterableIterator<RawRow>;
  // The writer's own private members: the sheet's XML stream and where its next row goes. exceljs
  // is pinned (see streaming-workbook.ts), so they are stable.
  const writer = sheet as unknown as { _write(text: string): void; _rowZero: number };
  const countStyleId = (book.writer as unknown as { styles: { addStyleModel(style: object, type: number): number } }).styles.addStyleModel(
    { numFmt: formats.count },
    2, // exceljs's ValueType.Number
  );
  let written = 0;
  let rowNumber = headerRow;
  let pending = '';
  for (const values of rows) {
    rowNumber += 1;
    pending += rowXml(rowNumber, values, countStyleId);
    written += 1;
    if (written % batchRows === 0) {
      writer._write(pending);
      pending = '';
      context.progress({ stage: 'Writing the raw data', done: written, total, unit: 'rows', rows: written });
      await book.drain(sheet);
      await yieldToEventLoop();
      throwIfCancelled(context);
    }
  }
  if (pending) writer._write(pending);
  writer._rowZero = rowNumber + 1;
  if (written === 0) {
    const row = sheet.getRow(headerRow + 1);
    row.getCell(1).value = 'None';
    row.commit();
  }
  context.progress({ stage: 'Writing the raw data', done: written, total, unit: 'rows', rows: written });
  book.addTable(sheet, { name: 'Raw_data', headerRow, firstColumn: 1, headers: columns.map((column) => column.header), rows: Math.max(1, written) });
  sheet.commit();
}
