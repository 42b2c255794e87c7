import { analyseSensitivity } from '../../../../shared/matrix';
import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { saveMatrixTemplate } from '../analysis/analysis-settings';
import { readMatrixState } from './matrix-state';
import { removeJudgement, resetMatrix, saveFactorSetting, saveJudgement } from './matrix-store';

/** The risk matrix: its template, weights and thresholds, the judgements, and the sensitivity of its ranking. */
export function matrixHandlers({ session, now }: FeatureContext): FeatureHandlers<'matrix'> {
  const { read, write } = workspaceAccess(session);
  return {
    'matrix/show': read((db, { template }) => readMatrixState(db, now(), template ?? null)),
    'matrix/use': write((db, { template }) => {
      saveMatrixTemplate(db, template);
      return readMatrixState(db, now());
    }),
    'matrix/set': write((db, setting) => {
      saveFactorSetting(db, setting);
      return readMatrixState(db, now(), setting.template);
    }),
    'matrix/reset': write((db, { template, factor }) => {
      resetMatrix(db, template, factor ?? null);
      return readMatrixState(db, now(), template);
    }),
    'matrix/judge': write((db, judgement) => {
      saveJudgement(db, judgement, now());
      return readMatrixState(db, now());
    }),
    'matrix/unjudge': write((db, { factor, offenceKey }) => {
      removeJudgement(db, factor, offenceKey);
      return readMatrixState(db, now());
    }),
    'matrix/sensitivity': read((db, { template, draws, spread, seed }) => {
      const current = readMatrixState(db, now(), template ?? null);
      return analyseSensitivity(current.definition, current.offences, current.judgements, { draws, spread, seed });
    }),
  };
}
