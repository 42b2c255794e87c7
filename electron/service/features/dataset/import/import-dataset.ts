import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportFormat, LabelMapping, QualityReport } from '../../../../../shared/domain/dataset';
import { WorkbenchError } from '../../../../../shared/result';
import { throwIfCancelled, yieldToEventLoop, type OperationContext } from '../../../operation-context';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { areaFilter } from './area-filter';
import { readQualityReport } from '../dataset-store';
import { DatasetWriter } from './dataset-writer';
import { detectHeader, headerSearchRows } from './header-detection';
import { OffenceResolver } from './offence-resolver';
import { BatchDecoder, type DecodedRow } from './pipeline/record-batch';
import { SourcePipeline, type SourcePipelineOptions } from './pipeline/source-pipeline';
import { refreshOffenceTotals } from '../../analysis/offence-totals';

export interface ImportRequest {
  path: string;
  partner: string;
  format: ImportFormat | 'auto';
  mapping: ColumnMapping | null;
  labels: LabelMapping;
  sheet: string | null;
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
 * The import's page cache: eight times SQLite's default, so that the pages rows are appended
 * to stay in memory between batches, yet small enough to keep the import's memory flat.
 */
const importCacheKiB = 16 * 1024;

export interface ImportHooks {
  /** Starts the reading thread; tests pass one that throws or is killed. */
  startWorker?: SourcePipelineOptions['start'];
}

function findExistingImport(db: WorkspaceDatabase, sha256: string, sheet: string | null) {
  return db
    .prepare('SELECT id, partner_name AS partner, imported_at AS importedAt FROM dataset WHERE source_sha256 = ? AND sheet IS ?')
    .get(sha256, sheet) as { id: number; partner: string; importedAt: string } | undefined;
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
    sheet: request.sheet,
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
  const buffered: DecodedRow[] = [];
  const head = await source.next();
  if (head) new BatchDecoder(null).decode(head, (row) => buffered.push(row));
  throwIfCancelled(context);
  if (buffered.length === 0) {
    throw new WorkbenchError('invalid-file', `${fileName} is empty. Check that you chose the right file.`);
  }
  const detected = detectHeader(buffered, { format: request.format, mapping: request.mapping, fileName });
  const layout = detected.layout;
  if (!layout) {
    throw new WorkbenchError(
      'invalid-input',
      `The workbench does not recognise the layout of ${fileName}. Map its columns (offence, date or period, and count) and import it again.`,
    );
  }
  // Only the columns the layout reads cross between the threads.
  const columns = [...new Set(layout.columns)].sort((a, b) => a - b);
  source.plan(columns);
  const decoder = new BatchDecoder(columns);
  const targetArea = request.area ?? partnershipArea(db);
  const judgeArea = areaFilter(layout.areaRule, targetArea);
  const resolver = new OffenceResolver(db, request.partner, request.labels);
  const sheet = source.details.sheet ?? null;

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
    });
    const tally = writer.tally;

    const headerRow = detected.headerRow ?? 0;
    const report = () =>
      context.progress({ stage: `Importing ${fileName}`, done: source.bytesRead, total: source.bytesTotal, unit: 'bytes', rows: tally.read });
    for (const row of buffered) if (row.rowNumber > headerRow) writer.handle(row);
    let reported = 0;
    let reserved = false;
    for (let batch = await source.next(); batch !== null; batch = await source.next()) {
      source.credit();
      // The writer keeps nothing of a row's cells array once it has handled the row.
      decoder.decode(batch, (row) => writer.handle(row), true);
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
    writer.flush();
    report();

    const sha256 = source.sha256!;
    const earlier = findExistingImport(db, sha256, sheet);
    if (earlier) {
      const which = sheet === null ? '' : ` (sheet “${sheet}”)`;
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
    db.prepare('UPDATE dataset SET source_sha256 = ? WHERE id = ?').run(sha256, datasetId);
    writer.writeRecords(layout.mapping, layout.ignoredColumns);
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
