import type { MappableField } from '../../../shared/domain/dataset';
import type { WorkspaceDatabase } from '../workspace-file';
import type { AreaVerdict } from './area-filter';
import { BatchedInsert } from './batched-insert';
import { crimeIdKey, CrimeIdSet } from './crime-id-set';
import type { Observation, RowOutcome } from './layouts';
import type { OffenceResolver } from './offence-resolver';
import type { CellValue, SourceRow } from './readers/source-table';

/** Rejections kept row by row; the rest are still counted, by reason. */
const storedRejectionLimit = 1000;

export interface Tally {
  read: number;
  imported: number;
  rejected: number;
  duplicates: number;
  outOfArea: number;
  blankArea: number;
}

export interface DatasetWriterOptions {
  convert(cells: readonly CellValue[]): RowOutcome;
  judgeArea(place: Pick<Observation, 'areaCode' | 'areaName'>): AreaVerdict;
  keepComparators: boolean;
  resolver: OffenceResolver;
}

/** Rejection reasons without the quoted values, so that like is counted with like. */
function reasonKind(reason: string): string {
  return reason.replace(/“[^”]*”/g, '“…”').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
}

/**
 * Writes one dataset's rows inside the import's transaction and accounts for every row read:
 * imported, rejected (with its reason), a duplicate crime, or outside the area. It also keeps
 * the per-offence, period and area aggregates that analysis reads instead of the rows.
 */
export class DatasetWriter {
  readonly tally: Tally = { read: 0, imported: 0, rejected: 0, duplicates: 0, outOfArea: 0, blankArea: 0 };
  readonly areasSeen = new Set<string>();
  private readonly reasons = new Map<string, number>();
  private readonly otherAreas = new Map<string, number>();
  private readonly aggregates = new Map<string, { observation: Observation; inArea: boolean; count: number }>();
  private readonly crimeIds = new CrimeIdSet();
  private readonly observations: BatchedInsert;
  private readonly crimeKeys: BatchedInsert;
  private readonly insertRejection;

  constructor(
    private readonly db: WorkspaceDatabase,
    private readonly datasetId: number,
    private readonly options: DatasetWriterOptions,
  ) {
    this.observations = new BatchedInsert(db, 'observation', [
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
    this.crimeKeys = new BatchedInsert(db, 'crime_key', ['dataset_id', 'high', 'low']);
    this.insertRejection = db.prepare('INSERT INTO dataset_rejection (dataset_id, row_number, reason) VALUES (?, ?, ?)');
    // Crimes already in the workspace, so that a later file repeating them is caught.
    for (const [high, low] of db.prepare('SELECT high, low FROM crime_key').raw().iterate() as Iterable<[number, number]>) {
      this.crimeIds.add(high, low);
    }
  }

  handle(row: SourceRow): void {
    this.tally.read += 1;
    const outcome = this.options.convert(row.cells);
    switch (outcome.kind) {
      case 'rejected':
        this.reject(row.rowNumber, outcome.reason);
        return;
      case 'empty': {
        const verdict = this.options.judgeArea({ areaName: outcome.areaName, areaCode: null });
        if (verdict.inArea) {
          this.reject(row.rowNumber, 'The row has no figures.');
        } else {
          this.tally.outOfArea += 1;
          this.countOtherArea(verdict.otherArea!);
        }
        return;
      }
      case 'observations':
        this.keep(row.rowNumber, outcome.observations);
        return;
    }
  }

  private keep(rowNumber: number, observations: readonly Observation[]): void {
    let kept = 0;
    let duplicate = false;
    let outside = false;
    for (const observation of observations) {
      const verdict = this.options.judgeArea(observation);
      if (verdict.blank) this.tally.blankArea += 1;
      if (observation.areaName) this.areasSeen.add(observation.areaName);
      if (!verdict.inArea) {
        this.countOtherArea(verdict.otherArea!);
        if (!this.options.keepComparators) {
          outside = true;
          continue;
        }
      }
      if (observation.crimeId !== null) {
        const [high, low] = crimeIdKey(observation.crimeId);
        if (!this.crimeIds.add(high, low)) {
          duplicate = true;
          continue;
        }
        this.crimeKeys.add(this.datasetId, high, low);
      }
      this.write(rowNumber, observation, verdict.inArea);
      kept += 1;
    }
    if (kept > 0) this.tally.imported += 1;
    else if (duplicate) this.tally.duplicates += 1;
    else if (outside) this.tally.outOfArea += 1;
  }

  private write(rowNumber: number, observation: Observation, inArea: boolean): void {
    const offenceCode = observation.offenceCode ?? this.options.resolver.codeOf(observation.label);
    this.observations.add(
      this.datasetId,
      rowNumber,
      observation.crimeId,
      observation.periodFrom,
      observation.periodTo,
      observation.areaCode,
      observation.areaName,
      inArea ? 1 : 0,
      observation.label,
      offenceCode,
      observation.count,
    );
    const key = `${observation.label}\u0000${offenceCode ?? ''}\u0000${observation.periodFrom}\u0000${observation.periodTo}\u0000${observation.areaCode ?? ''}\u0000${observation.areaName ?? ''}\u0000${inArea ? 1 : 0}`;
    const aggregate = this.aggregates.get(key);
    if (aggregate) aggregate.count += observation.count;
    else this.aggregates.set(key, { observation: { ...observation, offenceCode }, inArea, count: observation.count });
  }

  private reject(rowNumber: number, reason: string): void {
    this.tally.rejected += 1;
    if (this.tally.rejected <= storedRejectionLimit) this.insertRejection.run(this.datasetId, rowNumber, reason);
    const kind = reasonKind(reason);
    this.reasons.set(kind, (this.reasons.get(kind) ?? 0) + 1);
  }

  private countOtherArea(area: string): void {
    this.otherAreas.set(area, (this.otherAreas.get(area) ?? 0) + 1);
  }

  /** Writes rows still waiting in the batches. */
  flush(): void {
    this.observations.flush();
    this.crimeKeys.flush();
  }

  /** Why an import with nothing to keep failed, in words an analyst can act on. */
  whyNothingWasImported(targetArea: string | null): string {
    const others = [...this.otherAreas.keys()].slice(0, 5);
    if (this.tally.outOfArea > 0 && others.length > 0) {
      const more = this.otherAreas.size > others.length ? ' and others' : '';
      return `none of its rows is for ${targetArea}. It covers ${others.join(', ')}${more}. Choose one of those as the area to import, or check the partnership's area.`;
    }
    if (this.tally.duplicates > 0) return `all ${this.tally.duplicates} of its rows repeat crimes already in the workspace.`;
    return `every row was rejected. The first reason: ${[...this.reasons.keys()][0] ?? 'unknown'}.`;
  }

  /** The aggregates, the accounting and the data-quality records, once every row is in. */
  writeRecords(mapping: Partial<Record<MappableField, string>>, ignoredColumns: readonly string[]): void {
    const { db, datasetId, tally } = this;
    const insertAggregate = db.prepare(
      `INSERT INTO offence_count (dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let firstMonth: string | null = null;
    let lastMonth: string | null = null;
    for (const { observation, inArea, count } of this.aggregates.values()) {
      insertAggregate.run(
        datasetId,
        observation.label,
        this.options.resolver.keyOf(observation.label, observation.offenceCode),
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
    for (const [field, column] of Object.entries(mapping)) if (column) insertMapping.run(datasetId, field, column);
    const insertIgnored = db.prepare('INSERT OR IGNORE INTO dataset_ignored_column (dataset_id, column_name) VALUES (?, ?)');
    for (const column of ignoredColumns) insertIgnored.run(datasetId, column);
    const insertReason = db.prepare('INSERT INTO dataset_rejection_reason (dataset_id, reason, rows) VALUES (?, ?, ?)');
    for (const [reason, rows] of this.reasons) insertReason.run(datasetId, reason, rows);
    const insertOtherArea = db.prepare('INSERT INTO dataset_other_area (dataset_id, area, rows, kept) VALUES (?, ?, ?, ?)');
    for (const [area, rows] of this.otherAreas) insertOtherArea.run(datasetId, area, rows, this.options.keepComparators ? 1 : 0);
  }
}
