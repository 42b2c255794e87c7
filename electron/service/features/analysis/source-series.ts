import { monthsBetween } from '../../../../shared/dates';
import type { Period, PeriodCount } from '../../../../shared/statistics';
import type { WorkspaceDatabase } from '../../workspace-file';
import { cachedStatement } from '../../statement-cache';

/**
 * The in-area totals grouped into source series: the files one partner shared in one layout
 * (sixty monthly police.uk downloads, or two editions of an ONS table). Within a series the
 * files add up: street-level files are de-duplicated by crime ID on import, and for tables a
 * newer file's periods replace an older one's. Different series are never added together,
 * because an ONS table and police.uk files for the same months would count each crime twice.
 */

/** dataset_id, offence_key, offence_code, period_from, period_to, count: read raw, as arrays, for speed. */
type TotalRow = [datasetId: number, offenceKey: string | null, offenceCode: string | null, periodFrom: string, periodTo: string, count: number];

export interface DatasetRow {
  id: number;
  fileName: string;
  partner: string;
  format: string;
  area: string | null;
  firstMonth: string | null;
  lastMonth: string | null;
}

export interface SourceSeries {
  partner: string;
  format: string;
  area: string | null;
  /** Newest first. */
  datasets: DatasetRow[];
  /** "street.csv", or "60 files, 2020-01 to 2024-12". */
  files: string;
  /** Every period any file of the series reports on: where a type has no row there, it had none. */
  reportedPeriods: Period[];
  byKey: Map<string, PeriodCount[]>;
}

/** Layouts whose rows are single crimes with IDs, de-duplicated across files on import. */
const recordLevelFormats = new Set(['police-uk-street', 'police-uk-api']);

function seriesKey(dataset: DatasetRow): string {
  return `${dataset.partner}\u0000${dataset.format}\u0000${dataset.area ?? ''}`;
}

/**
 * The series, with the rows of the months the Analysis reads (`window`, from historyPeriodOf):
 * a workspace of many years then costs no more to analyse than one of three.
 */
export function readSourceSeries(db: WorkspaceDatabase, window: Period): SourceSeries[] {
  const datasets = cachedStatement(
    db,
      `SELECT id, source_file_name AS fileName, partner_name AS partner, format, area, first_month AS firstMonth, last_month AS lastMonth
       FROM dataset ORDER BY id DESC`,
    )
    .all() as DatasetRow[];
  const rowsByDataset = new Map<number, TotalRow[]>();
  const rows = cachedStatement(db, 'SELECT dataset_id, offence_key, offence_code, period_from, period_to, count FROM offence_total WHERE period_to >= ? AND period_from <= ?')
    .raw()
    .all(window.from, window.to) as TotalRow[];
  for (const row of rows) {
    const list = rowsByDataset.get(row[0]);
    if (list) list.push(row);
    else rowsByDataset.set(row[0], [row]);
  }

  const series = new Map<string, SourceSeries>();
  for (const dataset of datasets) {
    const key = seriesKey(dataset);
    const entry: SourceSeries = series.get(key) ?? { partner: dataset.partner, format: dataset.format, area: dataset.area, datasets: [], files: '', reportedPeriods: [], byKey: new Map() };
    series.set(key, entry);
    entry.datasets.push(dataset);
  }
  for (const entry of series.values()) {
    entry.files = describeSeriesFiles(entry.datasets);
    addSeriesRows(entry, rowsByDataset);
  }
  return [...series.values()];
}

/** Newest file first: for a table, a month an earlier file already gave is left to the newer one. */
function addSeriesRows(series: SourceSeries, rowsByDataset: ReadonlyMap<number, readonly TotalRow[]>): void {
  const additive = recordLevelFormats.has(series.format);
  const claimedMonths = new Set<string>();
  // Keyed by the span's two ends joined, to list each reported period once.
  const reported = new Set<string>();
  for (const dataset of series.datasets) {
    const rows = rowsByDataset.get(dataset.id) ?? [];
    const monthsOfThisFile: string[] = [];
    for (const [, offenceKey, offenceCode, periodFrom, periodTo, total] of rows) {
      if (!additive) {
        const months = monthsBetween(periodFrom, periodTo);
        if (months.some((month) => claimedMonths.has(month))) continue;
        monthsOfThisFile.push(...months);
      }
      const periodKey = `${periodFrom}/${periodTo}`;
      if (!reported.has(periodKey)) {
        reported.add(periodKey);
        series.reportedPeriods.push({ from: periodFrom, to: periodTo });
      }
      if (offenceKey === null) continue;
      const counts = series.byKey.get(offenceKey);
      const count: PeriodCount = { periodFrom, periodTo, count: total, offenceCode };
      if (counts) counts.push(count);
      else series.byKey.set(offenceKey, [count]);
    }
    for (const month of monthsOfThisFile) claimedMonths.add(month);
  }
}

/** The offence keys with figures only outside the window: listed, so that nothing vanishes unexplained. */
export function keysOutsideWindow(db: WorkspaceDatabase, window: Period, inWindow: ReadonlySet<string>): string[] {
  const all = cachedStatement(db, 'SELECT DISTINCT offence_key FROM offence_total WHERE offence_key IS NOT NULL').pluck().all() as string[];
  return all.filter((key) => !inWindow.has(key)).sort();
}

function describeSeriesFiles(datasets: readonly DatasetRow[]): string {
  if (datasets.length === 1) return datasets[0]!.fileName;
  const firsts = datasets.map((dataset) => dataset.firstMonth).filter((month): month is string => month !== null).sort();
  const lasts = datasets.map((dataset) => dataset.lastMonth).filter((month): month is string => month !== null).sort();
  const span = firsts.length > 0 ? `, ${firsts[0]} to ${lasts[lasts.length - 1]}` : '';
  return `${datasets.length} files${span}`;
}
