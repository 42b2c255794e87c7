import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ColumnMapping, ImportFormat, LabelMapping, QualityReport } from '../../../shared/domain/dataset';
import { WorkbenchError } from '../../../shared/result';
import { throwIfCancelled, type OperationContext } from '../operation-context';
import type { WorkspaceDatabase } from '../workspace-file';
import { areaFilter } from './area-filter';
import { BatchedInsert } from './batched-insert';
import { crimeIdKey, CrimeIdSet } from './crime-id-set';
import { readQualityReport } from './dataset-store';
import { sha256OfFile } from './file-digest';
import { detectHeader, headerSearchRows } from './header-detection';
import type { Observation } from './layouts';
import { OffenceResolver } from './offence-resolver';
import { openSourceTable } from './readers/source-table';
import type { SourceRow } from './readers/source-table';

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

/** Rejections kept row by row; the rest are still counted, by reason. */
const storedRejectionLimit = 1000;
const progressEveryRows = 5000;

interface Tally {
  read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  outOfArea: number;
  blankArea: number;
}

/** Rejection reasons without the quoted values, so that like is counted with like. */
function reasonKind(reason: string): string {
  return reason.replace(/“[^”]*”/g, '“…”').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
}

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

      const observations = new BatchedInsert(db, 'observation', [
        'dataset_id',
        'row_number',
        'crime_id',
        'period_from',
        'period_to',
        'area_code',
        'area_name',
        'in_area',
        'source_label',
        'offence_code',
        'count',
      ]);
      const insertRejection = db.prepare('INSERT INTO dataset_rejection (dataset_id, row_number, reason) VALUES (?, ?, ?)');
      const crimeKeys = new BatchedInsert(db, 'crime_key', ['dataset_id', 'high', 'low']);
      const crimeIds = new CrimeIdSet();
      for (const key of db.prepare('SELECT high, low FROM crime_key').raw().iterate() as Iterable<[number, number]>) {
        crimeIds.add(key[0], key[1]);
      }

      const tally: Tally = { read: 0, imported: 0, rejected: 0, duplicates: 0, outOfArea: 0, blankArea: 0 };
      const reasons = new Map<string, number>();
      const otherAreas = new Map<string, number>();
      const areasSeen = new Set<string>();
      const aggregates = new Map<string, { observation: Observation; inArea: boolean; count: number }>();

      const reject = (row: number, reason: string) => {
        tally.rejected += 1;
        if (tally.rejected <= storedRejectionLimit) insertRejection.run(datasetId, row, reason);
        const kind = reasonKind(reason);
        reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
      };

      const handle = (row: SourceRow) => {
        tally.read += 1;
        const outcome = layout.convert(row.cells);
        if (outcome.kind === 'rejected') {
          reject(row.rowNumber, outcome.reason);
          return;
        }
        if (outcome.kind === 'empty') {
          const verdict = judgeArea({ areaName: outcome.areaName, areaCode: null });
          if (verdict.inArea) reject(row.rowNumber, 'The row has no figures.');
          else {
            tally.outOfArea += 1;
            otherAreas.set(verdict.otherArea!, (otherAreas.get(verdict.otherArea!) ?? 0) + 1);
          }
          return;
        }
        let kept = 0;
        let duplicate = false;
        let outside = false;
        for (const observation of outcome.observations) {
          const verdict = judgeArea(observation);
          if (verdict.blank) tally.blankArea += 1;
          if (observation.areaName) areasSeen.add(observation.areaName);
          if (!verdict.inArea) {
            otherAreas.set(verdict.otherArea!, (otherAreas.get(verdict.otherArea!) ?? 0) + 1);
            if (!request.keepComparators) {
              outside = true;
              continue;
            }
          }
          if (observation.crimeId !== null) {
            const [high, low] = crimeIdKey(observation.crimeId);
            if (!crimeIds.add(high, low)) {
              duplicate = true;
              continue;
            }
            crimeKeys.add(datasetId, high, low);
          }
          const offenceCode = observation.offenceCode ?? resolver.codeOf(observation.label);
          observations.add(
            datasetId,
            row.rowNumber,
            observation.crimeId,
            observation.periodFrom,
            observation.periodTo,
            observation.areaCode,
            observation.areaName,
            verdict.inArea ? 1 : 0,
            observation.label,
            offenceCode,
            observation.count,
          );
          const key = `${observation.label}\u0000${offenceCode ?? ''}\u0000${observation.periodFrom}\u0000${observation.periodTo}\u0000${observation.areaCode ?? ''}\u0000${observation.areaName ?? ''}\u0000${verdict.inArea ? 1 : 0}`;
          const aggregate = aggregates.get(key);
          if (aggregate) aggregate.count += observation.count;
          else aggregates.set(key, { observation: { ...observation, offenceCode }, inArea: verdict.inArea, count: observation.count });
          kept += 1;
        }
        if (kept > 0) tally.imported += 1;
        else if (duplicate) tally.duplicates += 1;
        else if (outside) tally.outOfArea += 1;
      };

      const headerRow = detected.headerRow ?? 0;
      const report = () =>
        context.progress({ stage: `Importing ${fileName}`, done: table.bytesRead(), total: table.bytesTotal, unit: 'bytes', rows: tally.read });
      for (const row of buffered) if (row.rowNumber > headerRow) handle(row);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        handle(next.value);
        if (tally.read % progressEveryRows === 0) {
          throwIfCancelled(context);
          report();
        }
      }
      throwIfCancelled(context);
      observations.flush();
      crimeKeys.flush();
      report();

      if (tally.read === 0) {
        throw new WorkbenchError('invalid-file', `${fileName} has a header row but no data rows. Nothing was imported.`);
      }
      if (layout.areaRule === 'named-area' && !targetArea && areasSeen.size > 1) {
        throw new WorkbenchError(
          'invalid-input',
          `${fileName} covers ${areasSeen.size} areas. Set the partnership's area, or choose the area to import (for example ${[...areasSeen].slice(0, 3).join(', ')}).`,
        );
      }
      if (tally.imported === 0) {
        const others = [...otherAreas.keys()].slice(0, 5);
        const detail =
          tally.outOfArea > 0 && others.length > 0
            ? `none of its rows is for ${targetArea}. It covers ${others.join(', ')}${otherAreas.size > others.length ? ' and others' : ''}. Choose one of those as the area to import, or check the partnership's area.`
            : tally.duplicates > 0
              ? `all ${tally.duplicates} of its rows repeat crimes already in the workspace.`
              : `every row was rejected. The first reason: ${[...reasons.keys()][0] ?? 'unknown'}.`;
        throw new WorkbenchError('invalid-file', `Nothing from ${fileName} could be imported: ${detail}`);
      }

      const insertAggregate = db.prepare(
        `INSERT INTO offence_count (dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      let firstMonth: string | null = null;
      let lastMonth: string | null = null;
      for (const { observation, inArea, count } of aggregates.values()) {
        insertAggregate.run(
          datasetId,
          observation.label,
          resolver.keyOf(observation.label, observation.offenceCode),
          observation.offenceCode,
          observation.periodFrom,
          observation.periodTo,
          observation.areaCode,
          observation.areaName,
          inArea ? 1 : 0,
          count,
        );
        if (inArea) {
          if (firstMonth === null || observation.periodFrom < firstMonth) firstMonth = observation.periodFrom;
          if (lastMonth === null || observation.periodTo > lastMonth) lastMonth = observation.periodTo;
        }
      }

      db.prepare(
        `UPDATE dataset SET rows_read = ?, rows_imported = ?, rows_rejected = ?, rows_duplicate = ?, rows_out_of_area = ?,
                            rows_blank_area = ?, first_month = ?, last_month = ? WHERE id = ?`,
      ).run(tally.read, tally.imported, tally.rejected, tally.duplicates, tally.outOfArea, tally.blankArea, firstMonth, lastMonth, datasetId);
      const insertMapping = db.prepare('INSERT INTO dataset_mapping (dataset_id, field, source_column) VALUES (?, ?, ?)');
      for (const [field, column] of Object.entries(layout.mapping)) if (column) insertMapping.run(datasetId, field, column);
      const insertIgnored = db.prepare('INSERT OR IGNORE INTO dataset_ignored_column (dataset_id, column_name) VALUES (?, ?)');
      for (const column of layout.ignoredColumns) insertIgnored.run(datasetId, column);
      const insertReason = db.prepare('INSERT INTO dataset_rejection_reason (dataset_id, reason, rows) VALUES (?, ?, ?)');
      for (const [reason, rows] of reasons) insertReason.run(datasetId, reason, rows);
      const insertOtherArea = db.prepare('INSERT INTO dataset_other_area (dataset_id, area, rows, kept) VALUES (?, ?, ?, ?)');
      for (const [area, rows] of otherAreas) insertOtherArea.run(datasetId, area, rows, request.keepComparators ? 1 : 0);
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
