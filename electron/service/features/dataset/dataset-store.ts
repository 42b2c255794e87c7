import { monthsBetween } from '../../../../shared/dates';
import type { CountGrouping, CountRow, DatasetSummary, MappableField, QualityReport } from '../../../../shared/domain/dataset';
import { WorkbenchError } from '../../../../shared/result';
import { readPartnershipDetails } from '../partnership/partnership-store';
import { sourceAreaOf } from '../analysis/source-area';
import type { WorkspaceDatabase } from '../../workspace-file';

const datasetColumns = `
  id, partner_name AS partner, source_file_name AS fileName, source_sha256 AS sha256, source_bytes AS bytes,
  format, sheet, imported_at AS importedAt, rows_read AS rowsRead, rows_imported AS rowsImported,
  rows_rejected AS rowsRejected, rows_duplicate AS duplicates, rows_out_of_area AS rowsOutOfArea,
  first_month AS firstMonth, last_month AS lastMonth, sharing_agreement AS sharingAgreement, area`;

type DatasetRow = Omit<DatasetSummary, 'where' | 'sheets'>;

function withArea(db: WorkspaceDatabase, row: DatasetRow, partnershipArea: string | null): DatasetSummary {
  const sheets = db
    .prepare('SELECT name FROM dataset_sheet WHERE dataset_id = ? AND skipped_reason IS NULL ORDER BY sheet_position')
    .pluck()
    .all(row.id) as string[];
  return { ...row, sheets, where: sourceAreaOf(row.area, partnershipArea) };
}

export function listDatasets(db: WorkspaceDatabase): DatasetSummary[] {
  const partnershipArea = readPartnershipDetails(db).area;
  return (db.prepare(`SELECT ${datasetColumns} FROM dataset ORDER BY id`).all() as DatasetRow[]).map((row) => withArea(db, row, partnershipArea));
}

export function readDataset(db: WorkspaceDatabase, id: number): DatasetSummary {
  const row = db.prepare(`SELECT ${datasetColumns} FROM dataset WHERE id = ?`).get(id) as DatasetRow | undefined;
  if (!row) throw new WorkbenchError('not-found', `There is no dataset ${id} in this workspace.`);
  return withArea(db, row, readPartnershipDetails(db).area);
}

/** Months inside the covered range that no in-area row covers. */
function missingMonths(db: WorkspaceDatabase, datasetId: number, first: string | null, last: string | null): string[] {
  if (!first || !last) return [];
  const covered = new Set<string>();
  const periods = db
    .prepare('SELECT DISTINCT period_from AS periodFrom, period_to AS periodTo FROM offence_count WHERE dataset_id = ? AND in_area = 1')
    .all(datasetId) as { periodFrom: string; periodTo: string }[];
  for (const period of periods) for (const month of monthsBetween(period.periodFrom, period.periodTo)) covered.add(month);
  return monthsBetween(first, last).filter((month) => !covered.has(month));
}

/** Labels no taxonomy entry matches, with their rows (each aggregate counts its own). */
function unmappedLabels(db: WorkspaceDatabase, datasetId: number): QualityReport['unmappedLabels'] {
  return db
    .prepare(
      `SELECT source_label AS label, sum(rows) AS rows FROM offence_count
       WHERE dataset_id = ? AND offence_key IS NULL
       GROUP BY source_label ORDER BY rows DESC, label`,
    )
    .all(datasetId) as QualityReport['unmappedLabels'];
}

export function readQualityReport(db: WorkspaceDatabase, datasetId: number): QualityReport {
  const dataset = readDataset(db, datasetId);
  const all = <T>(sql: string) => db.prepare(sql).all(datasetId) as T[];
  const mapping = Object.fromEntries(
    all<{ field: MappableField; column: string }>('SELECT field, source_column AS column FROM dataset_mapping WHERE dataset_id = ?').map(
      (row) => [row.field, row.column],
    ),
  );
  return {
    dataset,
    mapping,
    rejected: all<{ row: number; reason: string; sheet: string | null }>(
      `SELECT r.row_number AS row, r.reason, s.name AS sheet FROM dataset_rejection r
       LEFT JOIN dataset_sheet s ON s.dataset_id = r.dataset_id AND s.sheet_position = r.sheet_position
       WHERE r.dataset_id = ? ORDER BY r.sheet_position, r.row_number`,
    ).map(({ row, reason, sheet }) => (sheet === null ? { row, reason } : { row, reason, sheet })),
    rejectionReasons: all('SELECT reason, rows FROM dataset_rejection_reason WHERE dataset_id = ? ORDER BY rows DESC, reason'),
    unmappedLabels: unmappedLabels(db, datasetId),
    missingMonths: missingMonths(db, datasetId, dataset.firstMonth, dataset.lastMonth),
    blankAreaCodes: (db.prepare('SELECT rows_blank_area AS n FROM dataset WHERE id = ?').get(datasetId) as { n: number }).n,
    otherAreas: all<{ area: string; rows: number; kept: number }>(
      'SELECT area, rows, kept FROM dataset_other_area WHERE dataset_id = ? ORDER BY rows DESC, area',
    ).map((row) => ({ area: row.area, rows: row.rows, kept: row.kept === 1 })),
    ignoredColumns: all<{ name: string }>('SELECT column_name AS name FROM dataset_ignored_column WHERE dataset_id = ? ORDER BY rowid').map(
      (row) => row.name,
    ),
    sheetsRead: all<{ name: string; headerRow: number | null; rowsRead: number; skipped: string | null }>(
      'SELECT name, header_row AS headerRow, rows_read AS rowsRead, skipped_reason AS skipped FROM dataset_sheet WHERE dataset_id = ? ORDER BY sheet_position',
    ),
  };
}

/** Removes a dataset and, through the foreign keys, every row and aggregate it brought. */
export function removeDataset(db: WorkspaceDatabase, datasetId: number): void {
  readDataset(db, datasetId);
  db.prepare('DELETE FROM dataset WHERE id = ?').run(datasetId);
}

/**
 * Counts from the precomputed aggregates, inside the partnership's area: by the label the
 * source wrote, by the taxonomy entry it maps to, or by month.
 */
export function countObservations(
  db: WorkspaceDatabase,
  options: { datasetId: number | null; by: CountGrouping },
  offenceLabel: (key: string | null) => string,
): CountRow[] {
  if (options.datasetId !== null) readDataset(db, options.datasetId);
  const where = `in_area = 1${options.datasetId !== null ? ' AND dataset_id = @datasetId' : ''}`;
  const column = { category: 'source_label', offence: 'offence_key', month: 'period_from' }[options.by];
  const rows = db
    .prepare(`SELECT ${column} AS key, sum(count) AS count FROM offence_count WHERE ${where} GROUP BY ${column}`)
    .all(options.datasetId !== null ? { datasetId: options.datasetId } : {}) as { key: string | null; count: number }[];
  const labelled = options.by === 'offence' ? mergeByLabel(rows.map((row) => ({ key: offenceLabel(row.key), count: row.count }))) : rows;
  const ordered = labelled.map((row) => ({ key: row.key ?? '', count: row.count }));
  return options.by === 'month'
    ? ordered.sort((a, b) => a.key.localeCompare(b.key))
    : ordered.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function mergeByLabel(rows: { key: string; count: number }[]): CountRow[] {
  const merged = new Map<string, number>();
  for (const row of rows) merged.set(row.key, (merged.get(row.key) ?? 0) + row.count);
  return [...merged].map(([key, count]) => ({ key, count }));
}
