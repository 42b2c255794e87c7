import type { AnalysisView, RunSource } from '../../../../shared/domain/analysis';
import { freezePriority } from '../../../../shared/domain/priority';
import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import type { WorkspaceDatabase } from '../../workspace-file';
import { buildAnalysis } from '../analysis/offence-analysis';
import { readMatrixState } from '../matrix/matrix-state';
import { listPriorities } from '../priority/priority-store';
import { compareStoredRuns, freezeScoringRun, listRuns, readRun } from './run-store';

/** Where each scored type's figures came from, by file name and SHA-256, for a frozen run. */
function runSources(db: WorkspaceDatabase, analysis: AnalysisView): RunSource[] {
  const file = db.prepare('SELECT id AS datasetId, source_file_name AS fileName, source_sha256 AS sha256 FROM dataset WHERE id = ?');
  return analysis.offences.flatMap((offence) =>
    offence.inputs ? [{ offenceKey: offence.key, files: offence.source.datasetIds.map((id) => file.get(id) as RunSource['files'][number]) }] : [],
  );
}

/** Frozen runs: the scoring kept read-only, shown and compared as it was. */
export function runHandlers({ session, now }: FeatureContext): FeatureHandlers<'run'> {
  const { read, write } = workspaceAccess(session);
  return {
    'run/freeze': write((db, { name, template }) => {
      const at = now();
      const analysis = buildAnalysis(db, at);
      const priorities = listPriorities(db).map(freezePriority);
      const state = readMatrixState(db, at, template ?? null, analysis);
      return freezeScoringRun(db, name, state, runSources(db, analysis), priorities, at, { areas: state.peers.areas, note: state.peers.note });
    }),
    'run/list': read((db) => listRuns(db)),
    'run/show': read((db, { id }) => readRun(db, id)),
    'run/compare': read((db, { before, after }) => compareStoredRuns(db, before, after)),
  };
}
