import type { AnalysisView, RunSource } from '../../../../shared/domain/analysis';
import { analyseSensitivity, type MatrixTemplateId } from '../../../../shared/matrix';
import type { ServiceHandlers } from '../../service-handlers';
import type { WorkspaceDatabase } from '../../workspace-file';
import type { WorkspaceSession } from '../../workspace-session';
import { saveDenominators, saveMatrixTemplate, savePeriods } from './analysis-settings';
import { removeJudgement, resetMatrix, saveFactorSetting, saveJudgement } from '../matrix/matrix-store';
import { buildAnalysis } from './offence-analysis';
import { readMatrixState } from '../matrix/matrix-state';
import { freezePriority } from '../../../../shared/domain/priority';
import { listPriorities } from '../priority/priority-store';
import { readPeers, savePeers } from '../peers/peer-store';
import { compareStoredRuns, freezeScoringRun, listRuns, readRun } from '../run/run-store';

type AnalysisChannel = Extract<keyof ServiceHandlers, `analysis/${string}` | `matrix/${string}` | `run/${string}` | `peers/${string}`>;

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
    'analysis/show': () => buildAnalysis(session.require(), now()),
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
    'matrix/show': ({ template }) => state(session.require(), template ?? null),
    'matrix/use': ({ template }) =>
      session.write((db) => {
        saveMatrixTemplate(db, template);
        return state(db);
      }),
    'matrix/set': (setting) =>
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
        const state = readMatrixState(db, at, template ?? null, analysis);
        return freezeScoringRun(db, name, state, runSources(db, analysis), priorities, at, { areas: state.peers.areas, note: state.peers.note });
      }),
    'run/list': () => listRuns(session.require()),
    'peers/show': () => readPeers(session.require()),
    'peers/set': (input) =>
      session.write((db) => {
        savePeers(db, input);
        return readMatrixState(db, now());
      }),
    'run/show': ({ id }) => readRun(session.require(), id),
    'run/compare': ({ before, after }) => compareStoredRuns(session.require(), before, after),
  };
}
