/**
 * The risk matrix (brief §4 "Score"): three templates, scores that show their working, a seeded
 * sensitivity analysis, frozen runs and run comparison. Pure TypeScript, fast enough to re-rank
 * in the renderer while weights are edited.
 */
export {
  Judgement,
  JudgementScore,
  NumericInputField,
  OffenceInputs,
  PeerWorking,
  judgementScores,
  numericInputFields,
} from './matrix-input';
export {
  BandsFactor,
  FactorDefinition,
  FactorId,
  FactorRole,
  FactorScale,
  JudgementFactor,
  MatrixDefinition,
  MatrixTemplateId,
  PeerFactor,
  QuintileFactor,
  ScoreBand,
  SmallNumbersCap,
  ThresholdRule,
  factorKinds,
  factorRoles,
  findFactor,
  highestPossibleScore,
  matrixDefinitionSchemaVersion,
  matrixTemplateIds,
  parseMatrixDefinition,
  scoringSides,
  setFactorThresholds,
  setFactorWeight,
  setScoreBands,
  thresholdRules,
  type FactorKind,
} from './matrix-definition';
export {
  createMatrixTemplate,
  grid4x4Template,
  matrixTemplates,
  morileStyleTemplate,
  partnershipTemplate,
  type MatrixTemplateSummary,
} from './templates';
export type { FactorScore } from './factor-scores';
export {
  bandForScore,
  scoreMatrix,
  type BesideGrade,
  type FactorWorking,
  type RankedOffence,
  type SideWorking,
} from './score';
export {
  analyseSensitivity,
  defaultSensitivityOptions,
  type RankStability,
  type SensitivityOptions,
  type SensitivityResult,
  type TopShare,
} from './sensitivity';
export { createSeededRandom } from './seeded-random';
export { formatInput } from './bands';
export {
  compareRuns,
  type DefinitionChange,
  type FactorDriver,
  type OffenceMovement,
  type RunComparison,
  type RunEntry,
  type ScoredRun,
} from './compare-runs';
export {
  RunPeers,
  freezeRun,
  frozenRunSchemaVersion,
  methodOfRun,
  replayFrozenRun,
  type FrozenRun,
  type ReplayResult,
} from './frozen-run';
export {
  currentScoringMethod,
  methodChange,
  scoringAspectLabels,
  scoringMethod,
  scoringMethods,
  type MethodChange,
  type ScoringAspect,
  type ScoringMethod,
} from './scoring-method';
export { compareForTieBreak, tieBreakReason, tieBreakRule, tieBreakRuleInFull } from './tie-break';
