import type { MatrixState } from '../../../../shared/domain/analysis';
import { currentScoringMethod, scoreMatrix, type MatrixTemplateId } from '../../../../shared/matrix';
import type { WorkspaceDatabase } from '../../workspace-file';
import { readMatrixTemplate } from '../analysis/analysis-settings';
import { listJudgements, readMatrixDefinition } from './matrix-store';
import { buildAnalysis } from '../analysis/offence-analysis';

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
    peers: analysis.peers,
    method: currentScoringMethod,
  };
}
