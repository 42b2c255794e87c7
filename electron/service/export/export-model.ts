import type { AnalysisView, OffenceAnalysis, StoredRun } from '../../../shared/domain/analysis';
import type { ExportModel, ExportPriority, ExportSource, ExportSourceDescription, OffenceStatisticsRow } from '../../../shared/export/export-model';
import { analyseSensitivity, type Judgement, type MatrixDefinition, type OffenceInputs, type RankedOffence } from '../../../shared/matrix';
import { compareForTieBreak } from '../../../shared/matrix/tie-break';
import { describePeriod, type AssessmentPeriods } from '../../../shared/statistics';
import { version as appVersion } from '../../../package.json';
import { freezePriority, priorityHeading, ragStatusLabels, type FrozenPriority } from '../../../shared/domain/priority';
import { readMatrixState } from '../analysis/analysis-handlers';
import { listPriorities } from '../priorities/priority-store';
import { buildAnalysis } from '../analysis/offence-analysis';
import { readRun } from '../analysis/run-store';
import { listDatasets, readQualityReport } from '../import/dataset-store';
import { listMembers, readPartnershipDetails } from '../partnership-store';
import type { WorkspaceDatabase } from '../workspace-file';

const frozenAtFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

function describeSource(run: StoredRun | null): ExportSourceDescription {
  if (!run) return { kind: 'current', runId: null, runName: null, frozenAt: null, description: 'Current scoring' };
  return {
    kind: 'run',
    runId: run.id,
    runName: run.name,
    frozenAt: run.createdAt,
    description: `Frozen run ${run.id}, “${run.name}”, frozen ${frozenAtFormat.format(new Date(run.createdAt))}`,
  };
}

function fromAnalysis(offence: OffenceAnalysis): OffenceStatisticsRow {
  const { summary, source } = offence;
  return {
    key: offence.key,
    label: offence.label,
    scored: offence.inputs !== null,
    notScored: offence.notScored,
    currentCount: summary.current.coverage === 'complete' ? summary.current.count : null,
    comparisonCount: summary.comparison.coverage === 'complete' ? summary.comparison.count : null,
    change: summary.change?.change ?? null,
    percentChange: summary.change?.percentChange ?? null,
    significant: summary.change?.significant ?? null,
    verdict: summary.change?.verdict ?? null,
    currentRatePer1000: summary.current.ratePer1000,
    comparisonRatePer1000: summary.comparison.ratePer1000,
    rateBase: summary.rateBase,
    meanHarmWeight: summary.harm.meanWeight,
    totalHarm: summary.harm.totalHarm,
    source: `${source.partner}: ${source.fileName}`,
  };
}

/** A frozen run keeps the matrix's inputs, not the Analysis: its statistics come from those. */
function fromRunInputs(inputs: OffenceInputs, run: StoredRun): OffenceStatisticsRow {
  const files = run.sources.find((entry) => entry.offenceKey === inputs.key)?.files ?? [];
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
    verdict: inputs.significant ? (inputs.currentCount > inputs.previousCount ? 'significant increase' : 'significant decrease') : 'no significant change',
    currentRatePer1000: inputs.ratePer1000,
    comparisonRatePer1000: null,
    rateBase: inputs.key === 'subgroup:residential-burglary' ? 'households' : 'residents',
    meanHarmWeight: inputs.meanHarmWeight,
    totalHarm: inputs.totalHarm,
    source: files.length > 0 ? files.map((file) => file.fileName).join(', ') : 'as frozen',
  };
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
  const offences = analysis ? analysis.offences.map(fromAnalysis) : scoring.inputs.map((inputs) => fromRunInputs(inputs, run!));
  const datasets = listDatasets(db);
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
    datasets,
    quality: datasets.map((dataset) => readQualityReport(db, dataset.id)),
    priorities: exportPriorities(run ? (run.priorities ?? []) : listPriorities(db).map(freezePriority), scoring.ranking),
    rawRowCount,
  };
}
