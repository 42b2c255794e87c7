import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportFormat, LabelMapping, QualityReport } from '../../../../../shared/domain/dataset';
import { WorkbenchError } from '../../../../../shared/result';
import { throwIfCancelled, yieldToEventLoop, type OperationContext } from '../../../operation-context';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { areaFilter } from './area-filter';
import { normaliseHeader } from './cells';
import { readQualityReport } from '../dataset-store';
import { DatasetWriter } from './dataset-writer';
import { detectHeader, headerSearchRows } from './header-detection';
import { OffenceResolver } from './offence-resolver';
import { BatchDecoder, type DecodedRow, type RecordBatch } from './pipeline/record-batch';
import { SourcePipeline, type SourcePipelineOptions } from './pipeline/source-pipeline';
import { refreshOffenceTotals } from '../../analysis/offence-totals';

export interface ImportRequest {
  path: string;
  partner: string;
  format: ImportFormat | 'auto';
  mapping: ColumnMapping | null;
  labels: LabelMapping;
  sheet: string | null;
  /** Every sheet of a workbook that shares the first recognised sheet's header, as one dataset. */
  allSheets?: boolean;
  /** The area to import; defaults to the partnership's own. */
  area: string | null;
  /** Keep other areas' rows as comparators (for peer comparison) instead of skipping them. */
  keepComparators: boolean;
  sharingAgreement: string | null;
}

const progressEveryRows = 5000;
/**
 * Rows a batch carries from the reading thread: large enough that per-batch costs (and the
 * wake-ups of one thread by the other) stay small, small enough that the rows in flight stay
 * in V8's young generation and a Cancel is seen within a fraction of a second.
 */
const rowsPerBatch = 4096;

/** Rows read before the crime-key set is sized for the whole file from them. */
const keySampleRows = 50_000;

/**
 * The import's page cache: twice SQLite's default, so that the pages rows are appended to
 * stay in memory between batches. An imported row is a few numbers (migration 0010), so a
 * larger cache bought nothing, while its every page stays in the import's memory.
 */
const importCacheKiB = 4 * 1024;

export interface ImportHooks {
  /** Starts the reading thread; tests pass one that throws or is killed. */
  startWorker?: SourcePipelineOptions['start'];
}

/**
 * An earlier import of the same file that read any of these sheets (none: a delimited file),
 * whether it read that sheet alone or with others.
 */
function findExistingImport(db: WorkspaceDatabase, sha256: string, sheets: readonly string[]) {
  const earlier = db.prepare('SELECT id, partner_name AS partner, imported_at AS importedAt FROM dataset WHERE source_sha256 = ? AND sheet IS ?');
  type Earlier = { id: number; partner: string; importedAt: string };
  if (sheets.length === 0) {
    const found = earlier.get(sha256, null) as Earlier | undefined;
    return found ? { ...found, sheet: null } : undefined;
  }
  const bySheet = db.prepare(
    `SELECT d.id, d.partner_name AS partner, d.imported_at AS importedAt FROM dataset d
     JOIN dataset_sheet s ON s.dataset_id = d.id AND s.skipped_reason IS NULL
     WHERE d.source_sha256 = ? AND s.name = ? ORDER BY d.id LIMIT 1`,
  );
  for (const sheet of sheets) {
    const found = (earlier.get(sha256, sheet) ?? bySheet.get(sha256, sheet)) as Earlier | undefined;
    if (found) return { ...found, sheet };
  }
  return undefined;
}

/** Sheets that share a header: the same columns, whatever their case, spacing or punctuation. */
function sameHeader(first: readonly string[], other: readonly string[]): boolean {
  const columns = (header: readonly string[]) => {
    const names = header.map(normaliseHeader);
    while (names.length > 0 && names[names.length - 1] === '') names.pop();
    return names;
  };
  const a = columns(first);
  const b = columns(other);
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/** A sheet read (or passed over) for the dataset, kept in its provenance. */
interface SheetRead {
  position: number;
  name: string;
  headerRow: number | null;
  rowsRead: number;
  skippedReason: string | null;
  /** Imported rows of the dataset before this sheet's, and to the end of it. */
  importedRowsBefore: number;
  importedRowsAfter: number;
}

function partnershipArea(db: WorkspaceDatabase): string | null {
  return (db.prepare('SELECT area FROM partnership WHERE id = 1').get() as { area: string | null } | undefined)?.area ?? null;
}

/**
 * Runs work with the import's connection settings (cache_size and temp_store belong to the
 * connection; page_size is the file's, fixed once it has tables, so it is left alone), and
 * restores the connection's own afterwards.
 *
 * The commit of a large import would also copy the whole write-ahead log into the database
 * there and then (the automatic checkpoint). That copy is needed, but not before the
 * analyst sees the result: it runs straight after, on the same thread, before the next
 * request is served.
 */
function withImportSettings<T>(db: WorkspaceDatabase, work: () => Promise<T>): Promise<T> {
  const saved = ['cache_size', 'temp_store', 'wal_autocheckpoint'].map((name) => [name, Number(db.pragma(name, { simple: true }))] as const);
  db.pragma(`cache_size = -${importCacheKiB}`);
  db.pragma('temp_store = MEMORY');
  db.pragma('wal_autocheckpoint = 0');
  return work().finally(() => {
    // The service may have closed the workspace under a running import (shutting down).
    if (!db.open) return;
    for (const [name, value] of saved) db.pragma(`${name} = ${value}`);
    setImmediate(() => {
      try {
        if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy with another statement: the automatic checkpoint of a later commit does it.
      }
    });
  });
}

/**
 * Imports one file as a dataset, in one transaction: a failure, a cancel or a killed
 * process leaves the workspace exactly as it was. Every row read is accounted for as
 * imported, rejected (with its reason), a duplicate, or outside the area.
 *
 * The work runs on two threads: a worker reads, decodes and splits the file (and hashes
 * it on the way), while this thread maps, de-duplicates and inserts what it sends.
 */
export async function importDataset(
  db: WorkspaceDatabase,
  request: ImportRequest,
  context: OperationContext,
  now: () => Date = () => new Date(),
  hooks: ImportHooks = {},
): Promise<QualityReport> {
  throwIfCancelled(context);
  const fileName = basename(request.path);
  let bytes: number;
  try {
    bytes = statSync(request.path).size;
  } catch {
    throw new WorkbenchError('file-not-found', `There is no file at ${request.path}. It may have been moved or renamed.`);
  }
  context.progress({ stage: `Reading ${fileName}`, done: 0, total: bytes, unit: 'bytes' });
  const source = await SourcePipeline.open(request.path, {
    fileName,
    sheet: request.allSheets ? null : request.sheet,
    allSheets: request.allSheets === true,
    signal: context.signal,
    headRows: headerSearchRows,
    rowsPerBatch,
    ...(hooks.startWorker ? { start: hooks.startWorker } : {}),
  });
  try {
    return await withImportSettings(db, () => importRows(db, request, context, now, source, fileName));
  } finally {
    await source.close();
  }
}

async function importRows(
  db: WorkspaceDatabase,
  request: ImportRequest,
  context: OperationContext,
  now: () => Date,
  source: SourcePipeline,
  fileName: string,
): Promise<QualityReport> {
  // A delimited file has one table: all its sheets is the file.
  const allSheets = request.allSheets === true && source.kind !== 'csv';
  const sheets: SheetRead[] = [];
  const detect = (rows: DecodedRow[]) => detectHeader(rows, { format: request.format, mapping: request.mapping, fileName });
  const headRows = (batch: RecordBatch) => {
    const rows: DecodedRow[] = [];
    new BatchDecoder(null).decode(batch, (row) => rows.push(row));
    return rows;
  };

  // The first sheet whose header the workbench recognises sets the layout; with all sheets,
  // sheets before it (notes, a cover) are passed over.
  let head = await source.next();
  let buffered: DecodedRow[] = [];
  let detected: ReturnType<typeof detectHeader> | null = null;
  // The reader sends the first batch before any credit is given, and spends one on each after it.
  for (let taken = 0; head !== null; head = await source.next(), taken += 1) {
    if (taken > 0) source.credit();
    buffered = headRows(head);
    throwIfCancelled(context);
    if (!allSheets) {
      detected = detect(buffered);
      break;
    }
    let found: ReturnType<typeof detectHeader> | null = null;
    try {
      found = detect(buffered);
    } catch {
      // A sheet that is not the table (the wrong layout for --format, say) is passed over like notes.
    }
    if (found?.layout) {
      detected = found;
      break;
    }
    sheets.push({
      position: head.sheet!.position,
      name: head.sheet!.name,
      headerRow: null,
      rowsRead: 0,
      skippedReason: 'no header the workbench recognises',
      importedRowsBefore: 0,
      importedRowsAfter: 0,
    });
    source.plan(null, { skipSheet: true });
  }
  if (head === null || buffered.length === 0 || detected === null) {
    if (allSheets && sheets.length > 0) {
      throw new WorkbenchError(
        'invalid-input',
        `None of the sheets of ${fileName} (${sheets.map((sheet) => `“${sheet.name}”`).join(', ')}) has a header the workbench recognises. Import one sheet with the column-mapping step instead.`,
      );
    }
    throw new WorkbenchError('invalid-file', `${fileName} is empty. Check that you chose the right file.`);
  }
  const layout = detected.layout;
  if (!layout) {
    throw new WorkbenchError(
      'invalid-input',
      `The workbench does not recognise the layout of ${fileName}. Map its columns (offence, date or period, and count) and import it again.`,
    );
  }
  const firstHeader = detected.header;
  // Only the columns the layout reads cross between the threads.
  const columns = [...new Set(layout.columns)].sort((a, b) => a - b);
  const identifierColumn = layout.identifierColumn;
  source.plan(columns, { identifierColumn });
  let decoder = new BatchDecoder(columns);
  const targetArea = request.area ?? partnershipArea(db);
  const judgeArea = areaFilter(layout.areaRule, targetArea);
  const resolver = new OffenceResolver(db, request.partner, request.labels);
  const firstSheet = head.sheet;
  const sheet = allSheets ? null : (firstSheet?.name ?? null);

  db.exec('BEGIN IMMEDIATE');
  try {
    const datasetId = Number(
      db
        .prepare(
          `INSERT INTO dataset (partner_member_id, partner_name, source_file_name, source_sha256, source_bytes, format, sheet, area,
                                imported_at, rows_read, rows_imported, rows_rejected, sharing_agreement)
           VALUES ((SELECT id FROM member WHERE lower(name) = lower(@partner)), @partner, @fileName, @sha256, @bytes, @format, @sheet, @area,
                   @importedAt, 0, 0, 0, @sharingAgreement)`,
        )
        .run({
          partner: request.partner,
          fileName,
          // Known once the whole file has streamed past; set below, before the commit.
          sha256: '0'.repeat(64),
          bytes: source.bytesTotal,
          format: layout.format,
          sheet,
          area: targetArea,
          importedAt: now().toISOString(),
          sharingAgreement: request.sharingAgreement,
        }).lastInsertRowid,
    );

    const writer = new DatasetWriter(db, datasetId, {
      judgeArea,
      keepComparators: request.keepComparators,
      resolver,
      convert: (cells) => layout.convert(cells),
      header: detected.header,
      // A workbook places cells by column letter; only a delimited record can be cut wrongly.
      checkFieldCount: source.kind === 'csv',
      collectAreas: layout.areaRule === 'named-area' && !targetArea,
      identifierColumn: identifierColumn ?? null,
    });
    const tally = writer.tally;

    let current: SheetRead | null = null;
    let readBefore = 0;
    const endSheet = () => {
      if (!current) return;
      current.rowsRead = tally.read - readBefore;
      current.importedRowsAfter = writer.importedRowCount;
    };
    const startSheet = (batch: RecordBatch, headerRow: number | null, skippedReason: string | null) => {
      endSheet();
      readBefore = tally.read;
      current =
        batch.sheet === null
          ? null
          : { position: batch.sheet.position, name: batch.sheet.name, headerRow, rowsRead: 0, skippedReason, importedRowsBefore: writer.importedRowCount, importedRowsAfter: writer.importedRowCount };
      if (current) sheets.push(current);
      // A rejection in a dataset read from several sheets says which; one sheet is the dataset's own.
      writer.sheetPosition = allSheets && batch.sheet !== null ? batch.sheet.position : null;
    };
    startSheet(head, detected.headerRow, null);
    const handleHead = (rows: DecodedRow[], headerRow: number | null) => {
      for (const row of rows) if (row.rowNumber > (headerRow ?? 0)) writer.handle(row);
    };
    handleHead(buffered, detected.headerRow);

    const report = () =>
      context.progress({ stage: `Importing ${fileName}`, done: source.bytesRead, total: source.bytesTotal, unit: 'bytes', rows: tally.read });
    let reported = 0;
    let reserved = false;
    for (let batch = await source.next(); batch !== null; batch = await source.next()) {
      source.credit();
      if (batch.head) {
        // Another sheet: part of the dataset if it has the same header, passed over otherwise.
        const rows = headRows(batch);
        let found: ReturnType<typeof detectHeader> | null = null;
        try {
          found = detect(rows);
        } catch {
          found = null;
        }
        if (found?.layout && found.layout.format === layout.format && sameHeader(firstHeader, found.header)) {
          source.plan(columns, { identifierColumn });
          decoder = new BatchDecoder(columns);
          startSheet(batch, found.headerRow, null);
          handleHead(rows, found.headerRow);
        } else {
          source.plan(null, { skipSheet: true });
          startSheet(batch, null, found?.layout ? `its header differs from that of sheet “${firstSheet?.name ?? ''}”` : 'no header the workbench recognises');
        }
      } else {
        // The writer keeps nothing of a row's cells array once it has handled the row.
        decoder.decode(batch, (row) => writer.handle(row), true);
      }
      source.recycle(batch);
      if (!reserved && tally.read >= keySampleRows) {
        reserved = true;
        writer.reserveCrimeKeys(source.bytesRead / source.bytesTotal);
      }
      if (tally.read - reported >= progressEveryRows) {
        reported = tally.read;
        report();
      }
      throwIfCancelled(context);
      // Lets a Cancel in even when batches arrive faster than they are written.
      await yieldToEventLoop();
      throwIfCancelled(context);
    }
    endSheet();
    writer.flush();
    report();

    const sha256 = source.sha256!;
    const imported = sheets.filter((candidate) => candidate.skippedReason === null).map((candidate) => candidate.name);
    const earlier = findExistingImport(db, sha256, imported);
    if (earlier) {
      const which = earlier.sheet === null ? '' : ` (sheet “${earlier.sheet}”)`;
      throw new WorkbenchError(
        'duplicate-file',
        `${fileName}${which} has already been imported (dataset ${earlier.id}, from ${earlier.partner}, on ${earlier.importedAt.slice(0, 10)}). Nothing was imported. Remove that dataset first if you mean to import the file again.`,
      );
    }
    if (tally.read === 0) {
      throw new WorkbenchError('invalid-file', `${fileName} has a header row but no data rows. Nothing was imported.`);
    }
    if (layout.areaRule === 'named-area' && !targetArea && writer.areasSeen.size > 1) {
      throw new WorkbenchError(
        'invalid-input',
        `${fileName} covers ${writer.areasSeen.size} areas. Set the partnership's area, or choose the area to import (for example ${[...writer.areasSeen].slice(0, 3).join(', ')}).`,
      );
    }
    if (tally.imported === 0) {
      throw new WorkbenchError('invalid-file', `Nothing from ${fileName} could be imported: ${writer.whyNothingWasImported(targetArea)}`);
    }

    context.progress({ stage: `Saving ${fileName}`, done: source.bytesTotal, total: source.bytesTotal, unit: 'bytes', rows: tally.read });
    throwIfCancelled(context);
    const range = writer.importedRowRange();
    db.prepare('UPDATE dataset SET source_sha256 = ?, imported_rows_from = ?, imported_rows_to = ? WHERE id = ?').run(sha256, range?.from ?? null, range?.to ?? null, datasetId);
    writer.writeRecords(layout.mapping, layout.ignoredColumns);
    const insertSheet = db.prepare(
      `INSERT INTO dataset_sheet (dataset_id, sheet_position, name, header_row, rows_read, skipped_reason, imported_rows_from, imported_rows_to)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const read of sheets) {
      const some = range !== null && read.importedRowsAfter > read.importedRowsBefore;
      insertSheet.run(
        datasetId,
        read.position,
        read.name,
        read.headerRow,
        read.rowsRead,
        read.skippedReason,
        some ? range.from + read.importedRowsBefore : null,
        some ? range.from + read.importedRowsAfter - 1 : null,
      );
    }
    refreshOffenceTotals(db, [datasetId]);
    resolver.rememberLabels();
    if (layout.format === 'generic' && request.mapping) {
      const saveColumn = db.prepare(
        'INSERT INTO partner_column_mapping (partner_name, field, source_column) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET source_column = excluded.source_column',
      );
      db.prepare('DELETE FROM partner_column_mapping WHERE partner_name = ?').run(request.partner);
      for (const [field, column] of Object.entries(request.mapping)) if (column) saveColumn.run(request.partner, field, column);
    }

    const result = readQualityReport(db, datasetId);
    throwIfCancelled(context);
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
