import { formatUkDateTime } from '../../../../shared/format/index';
import type { AnalysisView, OffenceAnalysis, StoredRun } from '../../../../shared/domain/analysis';
import type { ExportDataset, ExportModel, ExportPriority, ExportSource, ExportSourceDescription, OffenceStatisticsRow } from '../../../../shared/export/export-model';
import { analyseSensitivity, type Judgement, type MatrixDefinition, type OffenceInputs, type RankedOffence } from '../../../../shared/matrix';
import { compareForTieBreak } from '../../../../shared/matrix/tie-break';
import { changeVerdict, describePeriod, harmPricing, poissonZ, rateBaseFor, type AssessmentPeriods, type PeriodLengths } from '../../../../shared/statistics';
import { monthCount } from '../../../../shared/dates';

const periodLengths = (periods: AssessmentPeriods): PeriodLengths => ({
  current: monthCount(periods.current.from, periods.current.to),
  previous: monthCount(periods.comparison.from, periods.comparison.to),
});
import { version as appVersion } from '../../../../package.json';
import { freezePriority, priorityHeading, ragStatusLabels, type FrozenPriority } from '../../../../shared/domain/priority';
import { readMatrixState } from '../matrix/matrix-state';
import { listPriorities } from '../priority/priority-store';
import { buildAnalysis } from '../analysis/offence-analysis';
import { readRun } from '../run/run-store';
import { listDatasets, readQualityReport } from '../dataset/dataset-store';
import { readPartnershipDetails } from '../partnership/partnership-store';
import { listMembers } from '../member/member-store';
import type { WorkspaceDatabase } from '../../workspace-file';
import type { DatasetSummary } from '../../../../shared/domain/dataset';
import type { SourceArea } from '../../../../shared/domain/area';
import { describePeerAreas } from '../../../../shared/domain/area';
import type { DenominatorFigure } from '../../../../shared/domain/analysis';
import { figureCaveats } from '../../../../shared/export/figure-caveats';
import { populationFor } from '../analysis/analysis-settings';
import { readPeers } from '../peers/peer-store';
import { bundledAreaLevel } from '../analysis/population-estimates';
import { sourceAreaOf } from '../analysis/source-area';

/** The comparator areas the peer factor read, described for what they are. */
function peerDescription(db: WorkspaceDatabase, run: StoredRun | null, analysis: AnalysisView | null): ExportModel['peers'] {
  const chosen = run ? (run.run.peers ?? { areas: [], note: null }) : (analysis?.peers ?? readPeers(db));
  const areas = [...chosen.areas];
  return { areas, note: chosen.note ?? null, kind: describePeerAreas(areas.map(bundledAreaLevel)) };
}


function describeSource(run: StoredRun | null): ExportSourceDescription {
  if (!run) return { kind: 'current', runId: null, runName: null, frozenAt: null, description: 'Current scoring' };
  return {
    kind: 'run',
    runId: run.id,
    runName: run.name,
    frozenAt: run.createdAt,
    description: `Frozen run ${run.id}, “${run.name}”, frozen ${formatUkDateTime(run.createdAt)}`,
  };
}

function fromAnalysis(offence: OffenceAnalysis, periods: AssessmentPeriods): OffenceStatisticsRow {
  const { summary, source } = offence;
  const currentCount = summary.current.coverage === 'complete' ? summary.current.count : null;
  const comparisonCount = summary.comparison.coverage === 'complete' ? summary.comparison.count : null;
  const harm = harmPricing(summary.harm);
  return {
    key: offence.key,
    label: offence.label,
    scored: offence.inputs !== null,
    notScored: offence.notScored,
    currentCount,
    comparisonCount,
    change: summary.change?.change ?? null,
    percentChange: summary.change?.percentChange ?? null,
    significant: summary.change?.significant ?? null,
    verdict: summary.change?.verdict ?? null,
    pValue: summary.change?.pValue ?? null,
    z: summary.change?.z ?? null,
    currentRatePer1000: summary.current.ratePer1000,
    comparisonRatePer1000: summary.comparison.ratePer1000,
    rateBase: summary.rateBase,
    meanHarmWeight: summary.harm.meanWeight,
    totalHarm: summary.harm.totalHarm,
    harmPricing: harm.text,
    source: `${source.partner}: ${source.fileName}`,
    where: source.where,
    population: source.population.value,
    populationSource: source.population.source,
    harmBasis: harm.basis,
    caveats: figureCaveats({ where: source.where, harmBasis: harm.basis, currentCount, comparisonCount, periods }),
  };
}

/** A frozen run keeps the matrix's inputs, not the Analysis: its statistics come from those. */
function fromRunInputs(inputs: OffenceInputs, run: StoredRun, areaOf: (datasetIds: number[]) => { where: SourceArea; population: DenominatorFigure }): OffenceStatisticsRow {
  const files = run.sources.find((entry) => entry.offenceKey === inputs.key)?.files ?? [];
  const { where, population } = areaOf(files.map((file) => file.datasetId));
  const harmBasis = inputs.harmPricing?.basis ?? null;
  return {
    key: inputs.key,
    label: inputs.label,
    scored: true,
    notScored: null,
    currentCount: inputs.currentCount,
    comparisonCount: inputs.previousCount,
    change: inputs.currentCount - inputs.previousCount,
    percentChange: inputs.percentChange,
    significant: inputs.significant,
    verdict: changeVerdict(inputs.significant, inputs.currentCount, inputs.previousCount, periodLengths(run.periods)),
    pValue: inputs.pValue ?? null,
    z: poissonZ(inputs.currentCount, inputs.previousCount),
    currentRatePer1000: inputs.ratePer1000,
    comparisonRatePer1000: null,
    rateBase: rateBaseFor(inputs.key),
    meanHarmWeight: inputs.meanHarmWeight,
    totalHarm: inputs.totalHarm,
    harmPricing: inputs.harmPricing?.text ?? null,
    source: files.length > 0 ? files.map((file) => file.fileName).join(', ') : 'as frozen',
    where,
    population: population.value,
    populationSource: population.source,
    harmBasis,
    caveats: figureCaveats({ where, harmBasis, currentCount: inputs.currentCount, comparisonCount: inputs.previousCount, periods: run.periods }),
  };
}

/**
 * A frozen run names its files, not their area: the area is the datasets' as the workspace
 * holds them now, or "not stated" once they are removed.
 */
function runAreaLookup(db: WorkspaceDatabase, datasets: readonly DatasetSummary[], periodEnd: string, partnershipArea: string | null) {
  const byId = new Map(datasets.map((dataset) => [dataset.id, dataset]));
  return (datasetIds: number[]) => {
    const dataset = datasetIds.map((id) => byId.get(id)).find((found) => found !== undefined);
    const where = dataset?.where ?? sourceAreaOf(null, partnershipArea);
    return { where, population: populationFor(db, dataset?.area ?? null, periodEnd) };
  };
}

/**
 * Whether each dataset's figures reached the ranking: a file whose series scored no type, or
 * whose months fall outside the periods, is listed as not used, and says why.
 */
function datasetUses(datasets: readonly DatasetSummary[], usedBy: ReadonlyMap<number, number>, periods: AssessmentPeriods): ExportDataset[] {
  const overlaps = (dataset: DatasetSummary, period: { from: string; to: string }) =>
    dataset.firstMonth !== null && dataset.lastMonth !== null && dataset.firstMonth <= period.to && dataset.lastMonth >= period.from;
  return datasets.map((dataset) => {
    const types = usedBy.get(dataset.id) ?? 0;
    if (types > 0) return { ...dataset, use: { used: true, text: `Used: figures for ${types} ranked offence ${types === 1 ? 'type' : 'types'}` } };
    const months = dataset.firstMonth && dataset.lastMonth ? describePeriod({ from: dataset.firstMonth, to: dataset.lastMonth }) : 'no months';
    let why: string;
    if (dataset.firstMonth === null) why = 'no rows were imported from it';
    else if (!overlaps(dataset, periods.current)) why = `it covers ${months}, outside the assessment period (${describePeriod(periods.current)})`;
    else why = `it covers ${months}, only part of the periods, so no offence type could be scored from it`;
    return { ...dataset, use: { used: false, text: `Not used: ${why}` } };
  });
}

function tieOrderOf(inputs: readonly OffenceInputs[]): Record<string, number> {
  const sorted = [...inputs].sort(compareForTieBreak);
  return Object.fromEntries(sorted.map((offence, position) => [offence.key, position]));
}

/** The priorities as a frozen run recorded them, or as the workspace holds them now; each type with its rank. */
function exportPriorities(priorities: readonly FrozenPriority[], ranking: readonly RankedOffence[]): ExportPriority[] {
  const rankOf = new Map(ranking.map((row) => [row.key, row.rank]));
  return priorities.map((priority) => ({
    number: priority.number,
    heading: priorityHeading(priority),
    title: priority.title,
    aim: priority.aim,
    offences: priority.offences.map((offence) => ({ key: offence.key, label: offence.label, rank: rankOf.get(offence.key) ?? null })),
    lead: priority.lead,
    measures: [...priority.measures],
    status: priority.status,
    statusLabel: priority.status ? ragStatusLabels[priority.status] : 'Not set',
    reviewDate: priority.reviewDate,
  }));
}

interface Scoring {
  periods: AssessmentPeriods;
  definition: MatrixDefinition;
  template: MatrixDefinition['template'];
  inputs: OffenceInputs[];
  judgements: Judgement[];
  ranking: RankedOffence[];
  edited: string[];
}

/**
 * Reads everything a document prints. Call it inside one read transaction (see
 * readExportSnapshot) so that every figure comes from the same state of the workspace.
 */
export function gatherExportModel(db: WorkspaceDatabase, source: ExportSource, now: Date): ExportModel {
  const partnership = readPartnershipDetails(db);
  const run = source.kind === 'run' ? readRun(db, source.runId) : null;
  let analysis: AnalysisView | null = null;
  let scoring: Scoring;
  if (run) {
    scoring = {
      periods: run.periods,
      definition: run.run.definition,
      template: run.template,
      inputs: run.run.offences,
      judgements: run.run.judgements,
      ranking: run.run.ranking,
      edited: [],
    };
  } else {
    analysis = buildAnalysis(db, now);
    const state = readMatrixState(db, now, null, analysis);
    scoring = {
      periods: state.periods,
      definition: state.definition,
      template: state.template,
      inputs: state.offences,
      judgements: state.judgements,
      ranking: state.ranking,
      edited: state.edited,
    };
  }
  const settings = analysis?.settings ?? buildAnalysis(db, now).settings;
  const allDatasets = listDatasets(db);
  const offences = analysis
    ? analysis.offences.map((offence) => fromAnalysis(offence, scoring.periods))
    : scoring.inputs.map((inputs) => fromRunInputs(inputs, run!, runAreaLookup(db, allDatasets, scoring.periods.current.to, partnership.area)));
  const rankedKeys = new Set(scoring.ranking.map((row) => row.key));
  const usedBy = new Map<number, number>();
  const sourceIds = (key: string) =>
    analysis
      ? (analysis.offences.find((offence) => offence.key === key)?.source.datasetIds ?? [])
      : (run!.sources.find((entry) => entry.offenceKey === key)?.files.map((file) => file.datasetId) ?? []);
  for (const key of rankedKeys) for (const id of new Set(sourceIds(key))) usedBy.set(id, (usedBy.get(id) ?? 0) + 1);
  const datasets = datasetUses(allDatasets, usedBy, scoring.periods);
  const rawRowCount = (db.prepare('SELECT count(*) AS rows FROM observation WHERE in_area = 1').get() as { rows: number }).rows;
  return {
    generatedAt: now.toISOString(),
    appVersion,
    source: describeSource(run),
    partnership,
    members: listMembers(db),
    periods: scoring.periods,
    periodLabels: { current: describePeriod(scoring.periods.current), comparison: describePeriod(scoring.periods.comparison) },
    denominators: {
      population: settings.population.value,
      populationSource: settings.population.source,
      households: settings.households.value,
      householdsSource: settings.households.source,
    },
    offences,
    matrix: {
      template: scoring.template,
      definition: scoring.definition,
      inputs: scoring.inputs,
      judgements: scoring.judgements,
      ranking: scoring.ranking,
      edited: scoring.edited,
      tieOrder: tieOrderOf(scoring.inputs),
    },
    sensitivity: analyseSensitivity(scoring.definition, scoring.inputs, scoring.judgements),
    peers: peerDescription(db, run, analysis),
    datasets,
    quality: datasets.map((dataset) => readQualityReport(db, dataset.id)),
    priorities: exportPriorities(run ? (run.priorities ?? []) : listPriorities(db).map(freezePriority), scoring.ranking),
    rawRowCount,
  };
}
