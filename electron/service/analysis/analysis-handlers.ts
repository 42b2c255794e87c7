import type { AnalysisView, MatrixState, RunSource } from '../../../shared/domain/analysis';
import { analyseSensitivity, scoreMatrix, type MatrixTemplateId } from '../../../shared/matrix';
import type { ServiceHandlers } from '../workbench-handlers';
import type { WorkspaceDatabase } from '../workspace-file';
import type { WorkspaceSession } from '../workspace-session';
import { readMatrixTemplate, saveDenominators, saveMatrixTemplate, savePeriods } from './analysis-settings';
import { listJudgements, readMatrixDefinition, removeJudgement, resetMatrix, saveFactorSetting, saveJudgement } from './matrix-store';
import { buildAnalysis } from './offence-analysis';
import { freezePriority } from '../../../shared/domain/priority';
import { listPriorities } from '../priorities/priority-store';
import { compareStoredRuns, freezeScoringRun, listRuns, readRun } from './run-store';

type AnalysisChannel = Extract<keyof ServiceHandlers, `analysis/${string}` | `matrix/${string}` | `run/${string}`>;

/** The matrix as stored now, scored on the analysis as it stands (built here unless given). */
export function readMatrixState(db: WorkspaceDatabase, now: Date, template: MatrixTemplateId | null = null, analysis = buildAnalysis(db, now)): MatrixState {
  const chosen = template ?? readMatrixTemplate(db);
  const { definition, edited } = readMatrixDefinition(db, chosen);
  const judgements = listJudgements(db);
  const offences = analysis.offences.flatMap((offence) => (offence.inputs ? [offence.inputs] : []));
  return {
    template: chosen,
    definition,
    judgements,
    offences,
    periods: analysis.settings.periods,
    edited,
    ranking: scoreMatrix(definition, offences, judgements),
  };
}

/** Where each scored type's figures came from, by file name and SHA-256, for a frozen run. */
function runSources(db: WorkspaceDatabase, analysis: AnalysisView): RunSource[] {
  const file = db.prepare('SELECT id AS datasetId, source_file_name AS fileName, source_sha256 AS sha256 FROM dataset WHERE id = ?');
  return analysis.offences.flatMap((offence) =>
    offence.inputs ? [{ offenceKey: offence.key, files: offence.source.datasetIds.map((id) => file.get(id) as RunSource['files'][number]) }] : [],
  );
}

/** Analysis figures, the matrix with its edits and judgements, sensitivity and frozen runs. */
export function createAnalysisHandlers(session: WorkspaceSession, now: () => Date): Pick<ServiceHandlers, AnalysisChannel> {
  const state = (db: WorkspaceDatabase, template: MatrixTemplateId | null = null) => readMatrixState(db, now(), template);
  return {
    'analysis/get': () => buildAnalysis(session.require(), now()),
    'analysis/setPeriods': ({ periods }) =>
      session.write((db) => {
        savePeriods(db, periods);
        return buildAnalysis(db, now());
      }),
    'analysis/setDenominators': (denominators) =>
      session.write((db) => {
        saveDenominators(db, denominators);
        return buildAnalysis(db, now());
      }),
    'matrix/get': ({ template }) => state(session.require(), template ?? null),
    'matrix/setTemplate': ({ template }) =>
      session.write((db) => {
        saveMatrixTemplate(db, template);
        return state(db);
      }),
    'matrix/setFactor': (setting) =>
      session.write((db) => {
        saveFactorSetting(db, setting);
        return state(db, setting.template);
      }),
    'matrix/reset': ({ template, factor }) =>
      session.write((db) => {
        resetMatrix(db, template, factor ?? null);
        return state(db, template);
      }),
    'matrix/judge': (judgement) =>
      session.write((db) => {
        saveJudgement(db, judgement, now());
        return state(db);
      }),
    'matrix/unjudge': ({ factor, offenceKey }) =>
      session.write((db) => {
        removeJudgement(db, factor, offenceKey);
        return state(db);
      }),
    'matrix/sensitivity': ({ template, draws, spread, seed }) => {
      const current = state(session.require(), template ?? null);
      return analyseSensitivity(current.definition, current.offences, current.judgements, { draws, spread, seed });
    },
    'run/freeze': ({ name, template }) =>
      session.write((db) => {
        const at = now();
        const analysis = buildAnalysis(db, at);
        const priorities = listPriorities(db).map(freezePriority);
        return freezeScoringRun(db, name, readMatrixState(db, at, template ?? null, analysis), runSources(db, analysis), priorities, at);
      }),
    'run/list': () => listRuns(session.require()),
    'run/show': ({ id }) => readRun(session.require(), id),
    'run/compare': ({ before, after }) => compareStoredRuns(session.require(), before, after),
  };
}
