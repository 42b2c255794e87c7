import { workspaceAccess, type FeatureContext, type FeatureHandlers } from '../../feature-handlers';
import { saveDenominators, savePeriods } from './analysis-settings';
import { buildAnalysis } from './offence-analysis';

/** The Analysis: every type's figures for the periods, and the periods and denominators it uses. */
export function analysisHandlers({ session, now }: FeatureContext): FeatureHandlers<'analysis'> {
  const { read, write } = workspaceAccess(session);
  return {
    'analysis/show': read((db) => buildAnalysis(db, now())),
    'analysis/setPeriods': write((db, { periods }) => {
      savePeriods(db, periods);
      return buildAnalysis(db, now());
    }),
    'analysis/setDenominators': write((db, denominators) => {
      saveDenominators(db, denominators);
      return buildAnalysis(db, now());
    }),
  };
}
