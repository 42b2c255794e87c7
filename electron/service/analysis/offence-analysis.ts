import type { AnalysisView, OffenceAnalysis, OffenceKind, OffenceSource } from '../../../shared/domain/analysis';
import { offenceDisplayLabel, totalRecordedCrimeKey } from '../../../shared/domain/offence-key';
import type { OffenceInputs } from '../../../shared/matrix';
import { offenceMatchFromKey, subgroupIdsCovered } from '../../../shared/taxonomy';
import {
  countInPeriod,
  summariseOffence,
  withReportedZeros,
  type AssessmentPeriods,
  type OffenceSummary,
  type Period,
  type PeriodCount,
} from '../../../shared/statistics';
import type { WorkspaceDatabase } from '../workspace-file';
import { householdsFigure, populationFor, readAnalysisSettings } from './analysis-settings';

interface TotalRow {
  datasetId: number;
  offenceKey: string | null;
  offenceCode: string | null;
  periodFrom: string;
  periodTo: string;
  count: number;
}

interface DatasetRow {
  id: number;
  fileName: string;
  partner: string;
  area: string | null;
}

interface DatasetCounts {
  dataset: DatasetRow;
  /** Every period the dataset reports on, for any offence: where a type has no row, it had none. */
  reportedPeriods: Period[];
  byKey: Map<string, PeriodCount[]>;
}

/** Reads the in-area totals, a few hundred rows, grouped by dataset and offence key. */
function readDatasetCounts(db: WorkspaceDatabase): DatasetCounts[] {
  const datasets = db
    .prepare("SELECT id, source_file_name AS fileName, partner_name AS partner, area FROM dataset ORDER BY id")
    .all() as DatasetRow[];
  const byDataset = new Map<number, DatasetCounts>(
    datasets.map((dataset) => [dataset.id, { dataset, reportedPeriods: [], byKey: new Map() }]),
  );
  const seenPeriods = new Map<number, Set<string>>();
  const rows = db
    .prepare(
      `SELECT dataset_id AS datasetId, offence_key AS offenceKey, offence_code AS offenceCode,
              period_from AS periodFrom, period_to AS periodTo, count FROM offence_total`,
    )
    .all() as TotalRow[];
  for (const row of rows) {
    const entry = byDataset.get(row.datasetId);
    if (!entry) continue;
    const periodKey = `${row.periodFrom}/${row.periodTo}`;
    const seen = seenPeriods.get(row.datasetId) ?? new Set<string>();
    seenPeriods.set(row.datasetId, seen);
    if (!seen.has(periodKey)) {
      seen.add(periodKey);
      entry.reportedPeriods.push({ from: row.periodFrom, to: row.periodTo });
    }
    if (row.offenceKey === null) continue;
    const counts = entry.byKey.get(row.offenceKey) ?? [];
    entry.byKey.set(row.offenceKey, counts);
    counts.push({ periodFrom: row.periodFrom, periodTo: row.periodTo, count: row.count, offenceCode: row.offenceCode });
  }
  return [...byDataset.values()];
}

function kindOf(key: string): OffenceKind {
  const prefix = key.slice(0, key.indexOf(':'));
  switch (prefix) {
    case 'subgroup':
    case 'group':
    case 'police-uk':
    case 'indicator':
      return prefix;
    default:
      return 'total';
  }
}

/** How well a dataset serves a type: months of both periods covered, then history, then the newest. */
function coverageRank(counts: readonly PeriodCount[], periods: AssessmentPeriods): number {
  return countInPeriod(counts, periods.current).monthsCovered * 1000 + countInPeriod(counts, periods.comparison).monthsCovered;
}

/**
 * One dataset per offence type: two sources for the same months (police.uk street files and an
 * ONS table, say) would otherwise be added together and double the count. The dataset that
 * covers most of the two periods wins; the others are named as not used.
 */
function chooseSource(key: string, candidates: readonly DatasetCounts[], periods: AssessmentPeriods) {
  let best: { entry: DatasetCounts; counts: PeriodCount[]; rank: number } | null = null;
  for (const entry of candidates) {
    const counts = withReportedZeros(entry.byKey.get(key)!, entry.reportedPeriods);
    const rank = coverageRank(counts, periods);
    if (!best || rank > best.rank || (rank === best.rank && entry.dataset.id > best.entry.dataset.id)) best = { entry, counts, rank };
  }
  return best!;
}

/**
 * A group or broad police.uk type whose subgroups are scored itself would count the same
 * offences twice in the ranking, so it is scored through those subgroups instead.
 */
function scoredSubgroupsWithin(key: string, scoredSubgroups: ReadonlyMap<string, string>): string[] {
  const match = offenceMatchFromKey(key);
  if (!match || match.kind === 'subgroup' || match.kind === 'indicator') return [];
  return subgroupIdsCovered(match).flatMap((id) => scoredSubgroups.get(`subgroup:${id}`) ?? []);
}

function whyNotScored(key: string, summary: OffenceSummary, scoredSubgroups: ReadonlyMap<string, string>): string | null {
  if (key === totalRecordedCrimeKey) return 'Total recorded crime is the sum of the offence types, not one of them.';
  const within = scoredSubgroupsWithin(key, scoredSubgroups);
  if (within.length > 0) return `Scored through its subgroups, which have their own figures: ${within.join(', ')}.`;
  if (summary.current.coverage === 'none') return `There are no figures for ${summary.current.label}.`;
  if (summary.current.coverage === 'partial') {
    return `The figures cover only ${summary.current.monthsCovered} of the ${summary.current.monthsInPeriod} months of ${summary.current.label}.`;
  }
  return null;
}

/** What the matrix reads for a type with a complete assessment period. */
export function matrixInputsOf(key: string, label: string, summary: OffenceSummary): OffenceInputs {
  return {
    key,
    label,
    ratePer1000: summary.current.ratePer1000,
    currentCount: summary.current.count,
    previousCount: summary.change?.previous ?? 0,
    percentChange: summary.change?.percentChange ?? null,
    significant: summary.change?.significant ?? false,
    meanHarmWeight: summary.harm.meanWeight,
    totalHarm: summary.harm.totalHarm,
    // Most Similar Group figures are not imported yet: the optional peer factor scores as in line.
    peerRatio: null,
  };
}

const kindOrder: Record<OffenceKind, number> = { subgroup: 0, group: 1, 'police-uk': 2, indicator: 3, total: 4 };

/**
 * The Analysis table (brief.md, workflow 3): every offence type and indicator with in-area
 * figures, summarised for the workspace's periods, with what the matrix will read.
 */
export function buildAnalysis(db: WorkspaceDatabase, now: Date): AnalysisView {
  const settings = readAnalysisSettings(db, now);
  const { periods } = settings;
  const datasets = readDatasetCounts(db);
  const keys = new Set(datasets.flatMap((entry) => [...entry.byKey.keys()]));
  const households = householdsFigure(db).value;
  const populationByArea = new Map<string, number | null>();

  const summaries: { key: string; label: string; entry: DatasetCounts; otherDatasets: number; summary: OffenceSummary }[] = [];
  for (const key of keys) {
    const candidates = datasets.filter((entry) => entry.byKey.has(key));
    const { entry, counts } = chooseSource(key, candidates, periods);
    const areaName = entry.dataset.area ?? '';
    if (!populationByArea.has(areaName)) {
      populationByArea.set(areaName, populationFor(db, entry.dataset.area, periods.current.to).value);
    }
    const summary = summariseOffence({
      offenceKey: key,
      counts,
      periods,
      denominators: { population: populationByArea.get(areaName)!, households },
    });
    summaries.push({ key, label: offenceDisplayLabel(key), entry, otherDatasets: candidates.length - 1, summary });
  }
  const scoredSubgroups = new Map(
    summaries.filter(({ key, summary }) => key.startsWith('subgroup:') && summary.current.coverage === 'complete').map(({ key, label }) => [key, label]),
  );
  const offences = summaries.map(({ key, label, entry, otherDatasets, summary }): OffenceAnalysis => {
    const notScored = whyNotScored(key, summary, scoredSubgroups);
    const { id: datasetId, fileName, partner, area } = entry.dataset;
    const source: OffenceSource = { datasetId, fileName, partner, area, otherDatasets };
    return { key, label, kind: kindOf(key), source, summary, inputs: notScored === null ? matrixInputsOf(key, label, summary) : null, notScored };
  });
  offences.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.label.localeCompare(b.label, 'en-GB'));
  return { settings, offences };
}
