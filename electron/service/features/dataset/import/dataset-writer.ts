import { formatCount } from '../../../../../shared/format/index';
import type { MappableField } from '../../../../../shared/domain/dataset';
import type { WorkspaceDatabase } from '../../../workspace-file';
import type { AreaVerdict } from './area-filter';
import { BatchedInsert } from './batched-insert';
import { addPackedKeys, crimeIdKey, CrimeIdSet, keysPerBlock, packKeys } from './crime-id-set';
import type { Observation, RowOutcome } from './layouts';
import type { OffenceResolver } from './offence-resolver';
import { rowFlags, type DecodedRow } from './pipeline/record-batch';
import { detached } from './readers/detached';
import type { CellValue } from './readers/source-types';
import { cellText } from './cells';

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
  /** The header row: its length is the number of fields every record must have. */
  header: readonly string[];
  /** Whether a record with more or fewer fields than the header is rejected (delimited text). */
  checkFieldCount: boolean;
  /** Whether to list the areas the rows name (areasSeen), to ask which one to import. */
  collectAreas: boolean;
  /** The layout's identifier column (BoundLayout.identifierColumn): rows are keyed by it, not by Observation.crimeId. */
  identifierColumn: number | null;
}

/** Rejection reasons without their values, so that like is counted with like. */
function reasonKind(reason: string): string {
  return reason.replace(/“[^”]*”/g, '“…”').replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
}

function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

interface Aggregate {
  /** Its offence_count.id, which the imported rows refer to. */
  id: number;
  observation: Observation;
  inArea: boolean;
  count: number;
  /** The imported rows counted in it. */
  rows: number;
}

type AggregateIndex = Map<string, AggregateIndex | Aggregate>;

/**
 * The next level of the aggregates' index. Levels rather than one joined key: the strings
 * are mostly the same few objects row after row, whose hashes V8 keeps, so no key is built.
 */
function subIndex(level: AggregateIndex, key: string): AggregateIndex {
  let next = level.get(key) as AggregateIndex | undefined;
  if (next === undefined) {
    next = new Map();
    level.set(detached(key), next);
  }
  return next;
}

/**
 * Writes one dataset's rows inside the import's transaction and accounts for every row read:
 * imported, rejected (with its reason), a duplicate crime, or outside the area. It also keeps
 * the per-offence, period and area aggregates that analysis reads instead of the rows.
 */
export class DatasetWriter {
  readonly tally: Tally = { read: 0, imported: 0, rejected: 0, duplicates: 0, outOfArea: 0, blankArea: 0 };
  readonly areasSeen = new Set<string>();
  /** By kind of reason: the first row's reason, with its real values, and how many rows gave that kind. */
  private readonly reasons = new Map<string, { example: string; row: number; rows: number }>();
  private storedRejections = 0;
  private readonly otherAreas = new Map<string, number>();
  /** Other areas that are no area at all ("Unassigned"), never kept as comparators. */
  private readonly notAreas = new Set<string>();
  /** The aggregates, and an index to them by label, code, period and area, one level each. */
  private readonly aggregates: Aggregate[] = [];
  private readonly aggregateIndex: AggregateIndex = new Map();
  private readonly crimeIds = new CrimeIdSet();
  private readonly importedRows: BatchedInsert;
  /** This import's new crime keys, written a block at a time. */
  private readonly pendingKeys = new Int32Array(keysPerBlock * 2);
  private pendingKeyCount = 0;
  private keysWritten = 0;
  private readonly insertKeyBlock;
  private readonly insertRejection;
  /** The id the next new aggregate takes: offence_count's ids are given here, so that rows can refer to them before they are written. */
  private nextAggregateId: number;
  /** The sheet the rows handled now are from, for a dataset read from several sheets (null: the dataset's only sheet, or a CSV): rejections name it. */
  sheetPosition: number | null = null;
  /** The id the first imported row takes: a dataset's rows take consecutive ids (see migration 0010). */
  readonly firstImportedRowId: number;
  /** Imported rows so far, written or waiting. */
  importedRowCount = 0;
  /** The crime key of the row being handled (see identifierOf). */
  private keyHigh = 0;
  private keyLow = 0;

  constructor(
    private readonly db: WorkspaceDatabase,
    private readonly datasetId: number,
    private readonly options: DatasetWriterOptions,
  ) {
    this.importedRows = new BatchedInsert(db, 'imported_row', ['row_number', 'offence_count_id', 'count'], 256);
    this.insertKeyBlock = db.prepare('INSERT INTO crime_key_block (dataset_id, keys) VALUES (?, ?)');
    this.insertRejection = db.prepare('INSERT INTO dataset_rejection (dataset_id, row_number, sheet_position, reason) VALUES (?, ?, ?, ?)');
    // Inside the import's transaction (BEGIN IMMEDIATE), so no other writer can take these ids.
    this.nextAggregateId = db.prepare('SELECT ifnull(max(id), 0) + 1 FROM offence_count').pluck().get() as number;
    this.firstImportedRowId = db.prepare('SELECT ifnull(max(id), 0) + 1 FROM imported_row').pluck().get() as number;
    // Crimes already in the workspace, so that a later file repeating them is caught.
    for (const block of db.prepare('SELECT keys FROM crime_key_block').pluck().iterate() as Iterable<Uint8Array>) {
      addPackedKeys(this.crimeIds, block);
    }
  }

  handle(row: DecodedRow): void {
    this.tally.read += 1;
    if (row.flags & rowFlags.nul) {
      this.reject(row.rowNumber, 'The row contains a NUL character (a zero byte), which is not text: the file may be damaged here. Look at the row in a text editor.');
      return;
    }
    const fields = this.options.header.length;
    if (this.options.checkFieldCount && row.fieldCount !== fields) {
      this.reject(
        row.rowNumber,
        `The row has ${plural(row.fieldCount, 'field')} but the header has ${plural(fields, 'field')}, so its values cannot be matched to the columns. A value may hold an unquoted delimiter, or the row may be cut short.`,
      );
      return;
    }
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
        if (this.keep(row.rowNumber, outcome.observations, this.identifierOf(row))) {
          for (const reason of outcome.rejectedCells ?? []) this.recordRejection(row.rowNumber, reason);
        }
        return;
    }
  }

  /**
   * The row's crime key from the layout's identifier column, into keyHigh and keyLow: worked
   * out by the reader for the rows it sent so, or here from the cell (the first rows, sent
   * whole). Returns whether the row has one; undefined when the layout has no such column, so
   * that its observations carry their own identifiers. No array a row: this runs for each.
   */
  private identifierOf(row: DecodedRow): boolean | undefined {
    const column = this.options.identifierColumn;
    if (column === null) return undefined;
    if (row.flags & rowFlags.keyed) {
      if (!(row.flags & rowFlags.hasKey)) return false;
      this.keyHigh = row.keyHigh;
      this.keyLow = row.keyLow;
      return true;
    }
    const text = cellText(row.cells[column]);
    if (text === '') return false;
    [this.keyHigh, this.keyLow] = crimeIdKey(text);
    return true;
  }

  /** True when the row was imported. */
  private keep(rowNumber: number, observations: readonly Observation[], identified: boolean | undefined): boolean {
    let kept = 0;
    let duplicate = false;
    let outside = false;
    for (const observation of observations) {
      const verdict = this.options.judgeArea(observation);
      if (verdict.blank) this.tally.blankArea += 1;
      if (this.options.collectAreas && observation.areaName && !verdict.notAnArea && !this.areasSeen.has(observation.areaName)) {
        this.areasSeen.add(detached(observation.areaName));
      }
      if (!verdict.inArea) {
        this.countOtherArea(verdict.otherArea!);
        if (verdict.notAnArea && !this.notAreas.has(verdict.otherArea!)) this.notAreas.add(detached(verdict.otherArea!));
        if (!this.options.keepComparators || verdict.notAnArea) {
          outside = true;
          continue;
        }
      }
      let keyed = identified === true;
      if (identified === undefined && observation.crimeId !== null) {
        [this.keyHigh, this.keyLow] = crimeIdKey(observation.crimeId);
        keyed = true;
      }
      if (keyed) {
        const high = this.keyHigh;
        const low = this.keyLow;
        if (!this.crimeIds.add(high, low)) {
          duplicate = true;
          continue;
        }
        this.pendingKeys[this.pendingKeyCount * 2] = high;
        this.pendingKeys[this.pendingKeyCount * 2 + 1] = low;
        this.pendingKeyCount += 1;
        if (this.pendingKeyCount === keysPerBlock) this.writeKeyBlock();
      }
      this.write(rowNumber, observation, verdict.inArea);
      kept += 1;
    }
    if (kept > 0) this.tally.imported += 1;
    else if (duplicate) this.tally.duplicates += 1;
    else if (outside) this.tally.outOfArea += 1;
    return kept > 0;
  }

  private write(rowNumber: number, observation: Observation, inArea: boolean): void {
    // Whether a row is in the area follows from its area, and a code not given by the source
    // from its label, so neither needs to be in the key.
    const byArea = subIndex(
      subIndex(subIndex(subIndex(subIndex(this.aggregateIndex, observation.label), observation.offenceCode ?? ''), observation.periodFrom), observation.periodTo),
      observation.areaCode ?? '',
    );
    const areaName = observation.areaName ?? '';
    let aggregate = byArea.get(areaName) as Aggregate | undefined;
    if (aggregate) {
      aggregate.count += observation.count;
      aggregate.rows += 1;
    } else {
      const offenceCode = observation.offenceCode ?? this.options.resolver.codeOf(observation.label);
      // Kept for the whole import: copied, so that it holds on to none of the batch's text.
      const kept: Observation = {
        crimeId: null,
        periodFrom: detached(observation.periodFrom),
        periodTo: detached(observation.periodTo),
        label: detached(observation.label),
        offenceCode: offenceCode === null ? null : detached(offenceCode),
        areaCode: observation.areaCode === null ? null : detached(observation.areaCode),
        areaName: observation.areaName === null ? null : detached(observation.areaName),
        count: observation.count,
      };
      aggregate = { id: this.nextAggregateId++, observation: kept, inArea, count: observation.count, rows: 1 };
      byArea.set(detached(areaName), aggregate);
      this.aggregates.push(aggregate);
    }
    // The row itself: where it is in the file, and which aggregate it counts towards.
    const rows = this.importedRows;
    rows.push(rowNumber);
    rows.push(aggregate.id);
    rows.push(observation.count);
    rows.added();
    this.importedRowCount += 1;
  }

  private reject(rowNumber: number, reason: string): void {
    this.tally.rejected += 1;
    this.recordRejection(rowNumber, reason);
  }

  /** A rejected row, or a rejected cell of a row that was otherwise imported. */
  private recordRejection(rowNumber: number, reason: string): void {
    this.storedRejections += 1;
    if (this.storedRejections <= storedRejectionLimit) this.insertRejection.run(this.datasetId, rowNumber, this.sheetPosition, reason);
    const kind = reasonKind(reason);
    const group = this.reasons.get(kind);
    if (group) group.rows += 1;
    else this.reasons.set(detached(kind), { example: detached(reason), row: rowNumber, rows: 1 });
  }

  private countOtherArea(area: string): void {
    const rows = this.otherAreas.get(area);
    if (rows === undefined) this.otherAreas.set(detached(area), 1);
    else this.otherAreas.set(area, rows + 1);
  }

  /**
   * Sizes the crime-key set for the whole file once a sample of it has been read: rows so
   * far scaled by the share of the file read, with a twentieth to spare (rows vary little in
   * length; a table that still fills grows on its own).
   */
  reserveCrimeKeys(shareRead: number): void {
    if (shareRead <= 0 || shareRead >= 1) return;
    const keysSoFar = this.keysWritten + this.pendingKeyCount;
    this.crimeIds.reserve(this.crimeIds.size + ((keysSoFar / shareRead) * 1.05 - keysSoFar));
  }

  private writeKeyBlock(): void {
    if (this.pendingKeyCount === 0) return;
    this.insertKeyBlock.run(this.datasetId, packKeys(this.pendingKeys, this.pendingKeyCount));
    this.keysWritten += this.pendingKeyCount;
    this.pendingKeyCount = 0;
  }

  /** Writes rows still waiting in the batches. */
  flush(): void {
    this.importedRows.flush();
    this.writeKeyBlock();
  }

  /**
   * The ids the rows took, first and last (null when none were imported). SQLite gives each
   * new row the next id after the largest, so the rows of one transaction are consecutive;
   * this checks it, since removing a dataset removes its range.
   */
  importedRowRange(): { from: number; to: number } | null {
    if (this.importedRowCount === 0) return null;
    const range = { from: this.firstImportedRowId, to: this.firstImportedRowId + this.importedRowCount - 1 };
    const last = this.db.prepare('SELECT max(id) FROM imported_row').pluck().get() as number;
    const first = this.db.prepare('SELECT id FROM imported_row WHERE id >= ? ORDER BY id LIMIT 1').pluck().get(range.from) as number;
    if (first !== range.from || last !== range.to) throw new Error(`The imported rows took ids ${first}–${last}, not ${range.from}–${range.to}.`);
    return range;
  }

  /** Why an import with nothing to keep failed, in words an analyst can act on. */
  whyNothingWasImported(targetArea: string | null): string {
    const others = [...this.otherAreas.keys()].slice(0, 5);
    if (this.tally.outOfArea > 0 && others.length > 0) {
      const more = this.otherAreas.size > others.length ? ' and others' : '';
      return `none of its rows is for ${targetArea}. It covers ${others.join(', ')}${more}. Choose one of those as the area to import, or check the partnership's area.`;
    }
    if (this.tally.duplicates > 0) return `all ${this.tally.duplicates} of its rows repeat crimes already in the workspace.`;
    const first = [...this.reasons.values()][0];
    if (!first) return 'every row was rejected.';
    return `every row was rejected. The first reason, on row ${formatCount(first.row)}: ${/[.!?]$/.test(first.example) ? first.example : `${first.example}.`}`;
  }

  /** The aggregates, the accounting and the data-quality records, once every row is in. */
  writeRecords(mapping: Partial<Record<MappableField, string>>, ignoredColumns: readonly string[]): void {
    const { db, datasetId, tally } = this;
    const insertAggregate = db.prepare(
      `INSERT INTO offence_count (id, dataset_id, source_label, offence_key, offence_code, period_from, period_to, area_code, area_name, in_area, count, rows)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let firstMonth: string | null = null;
    let lastMonth: string | null = null;
    for (const { id, observation, inArea, count, rows } of this.aggregates) {
      insertAggregate.run(
        id,
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
        rows,
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
    for (const { example, rows } of this.reasons.values()) insertReason.run(datasetId, example, rows);
    const insertOtherArea = db.prepare('INSERT INTO dataset_other_area (dataset_id, area, rows, kept) VALUES (?, ?, ?, ?)');
    for (const [area, rows] of this.otherAreas) insertOtherArea.run(datasetId, area, rows, this.options.keepComparators && !this.notAreas.has(area) ? 1 : 0);
  }
}
