import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportFormat, LabelMapping, QualityReport } from '../../../shared/domain/dataset';
import { WorkbenchError } from '../../../shared/result';
import { throwIfCancelled, type OperationContext } from '../operation-context';
import type { WorkspaceDatabase } from '../workspace-file';
import { areaFilter } from './area-filter';
import { readQualityReport } from './dataset-store';
import { DatasetWriter } from './dataset-writer';
import { sha256OfFile } from './file-digest';
import { detectHeader, headerSearchRows } from './header-detection';
import { OffenceResolver } from './offence-resolver';
import { openSourceTable } from './readers/source-table';
import type { SourceRow } from './readers/source-table';
import { refreshOffenceTotals } from '../analysis/offence-totals';

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

function findExistingImport(db: WorkspaceDatabase, sha256: string) {
  return db
    .prepare('SELECT id, partner_name AS partner, imported_at AS importedAt FROM dataset WHERE source_sha256 = ?')
    .get(sha256) as { id: number; partner: string; importedAt: string } | undefined;
}

function partnershipArea(db: WorkspaceDatabase): string | null {
  return (db.prepare('SELECT area FROM partnership WHERE id = 1').get() as { area: string | null } | undefined)?.area ?? null;
}

/**
 * Imports one file as a dataset, in one transaction: a failure, a cancel or a killed
 * process leaves the workspace exactly as it was. Every row read is accounted for as
 * imported, rejected (with its reason), a duplicate, or outside the area.
 */
export async function importDataset(
  db: WorkspaceDatabase,
  request: ImportRequest,
  context: OperationContext,
  now: () => Date = () => new Date(),
): Promise<QualityReport> {
  const fileName = basename(request.path);
  let bytes: number;
  try {
    bytes = statSync(request.path).size;
  } catch {
    throw new WorkbenchError('file-not-found', `There is no file at ${request.path}. It may have been moved or renamed.`);
  }
  const sha256 = await sha256OfFile(request.path, bytes, context);
  const earlier = findExistingImport(db, sha256);
  if (earlier) {
    throw new WorkbenchError(
      'duplicate-file',
      `${fileName} has already been imported (dataset ${earlier.id}, from ${earlier.partner}, on ${earlier.importedAt.slice(0, 10)}). Nothing was imported. Remove that dataset first if you mean to import the file again.`,
    );
  }

  const table = await openSourceTable(request.path, {
    ...(request.sheet ? { sheet: request.sheet } : {}),
    signal: context.signal,
  });
  try {
    const iterator = table.rows()[Symbol.asyncIterator]();
    const buffered: SourceRow[] = [];
    while (buffered.length < headerSearchRows) {
      const next = await iterator.next();
      if (next.done) break;
      buffered.push(next.value);
    }
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
    const targetArea = request.area ?? partnershipArea(db);
    const judgeArea = areaFilter(layout.areaRule, targetArea);
    const resolver = new OffenceResolver(db, request.partner, request.labels);

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
            sha256,
            bytes,
            format: layout.format,
            sheet: table.details.sheet ?? null,
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
      });
      const tally = writer.tally;

      const headerRow = detected.headerRow ?? 0;
      const report = () =>
        context.progress({ stage: `Importing ${fileName}`, done: table.bytesRead(), total: table.bytesTotal, unit: 'bytes', rows: tally.read });
      for (const row of buffered) if (row.rowNumber > headerRow) writer.handle(row);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        writer.handle(next.value);
        if (tally.read % progressEveryRows === 0) {
          throwIfCancelled(context);
          report();
        }
      }
      throwIfCancelled(context);
      writer.flush();
      report();

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
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    await table.close();
  }
}
