import type ExcelJS from 'exceljs';
import { throwIfCancelled, yieldToEventLoop } from '../../operation-context';
import type { ExportTarget } from '../export-job';
import { createSheet, firstHeaderRow, formats, type ColumnSpec } from './sheet-layout';
import type { StreamingWorkbook } from './streaming-workbook';

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

/**
 * One style object per kind of cell, shared by every row: the streaming writer caches a style
 * by object identity, so a shared object costs one lookup, where a fresh one per cell would be
 * worked out again a million times.
 */
const countStyle: Partial<ExcelJS.Style> = { numFmt: formats.count };
const textStyle: Partial<ExcelJS.Style> = {};
const cellStyles = columns.map((column) => (column.numFmt ? countStyle : textStyle));

type RawRow = [number, number, string, string, string | null, string | null, string, string | null, number];

const batchRows = 5_000;

export async function writeRawDataSheet(book: StreamingWorkbook, target: ExportTarget, marking: string): Promise<void> {
  const { snapshot, context, model } = target;
  const intro = ['Every imported row inside the partnership’s area, as the files gave it. Dataset numbers refer to the Datasets sheet.'];
  const headerRow = firstHeaderRow(intro);
  const sheet = createSheet(book, { name: 'Raw data', title: 'Raw data', intro, headerRow, columns }, marking, { useSharedStrings: false });
  const header = sheet.getRow(headerRow);
  columns.forEach((column, index) => {
    header.getCell(index + 1).value = column.header;
    header.getCell(index + 1).font = { bold: true };
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
  let written = 0;
  let rowNumber = headerRow;
  for (const values of rows) {
    rowNumber += 1;
    const row = sheet.getRow(rowNumber);
    // Numbers stay numbers; text goes in as text (a label such as "=1+1" is never a formula).
    row.values = values;
    cellStyles.forEach((style, index) => (row.getCell(index + 1).style = style));
    row.commit();
    written += 1;
    if (written % batchRows === 0) {
      context.progress({ stage: 'Writing the raw data', done: written, total, unit: 'rows', rows: written });
      await book.drain(sheet);
      await yieldToEventLoop();
      throwIfCancelled(context);
    }
  }
  if (written === 0) {
    const row = sheet.getRow(headerRow + 1);
    row.getCell(1).value = 'None';
    row.commit();
  }
  context.progress({ stage: 'Writing the raw data', done: written, total, unit: 'rows', rows: written });
  book.addTable(sheet, { name: 'Raw_data', headerRow, firstColumn: 1, headers: columns.map((column) => column.header), rows: Math.max(1, written) });
  sheet.commit();
}
