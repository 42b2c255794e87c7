import { WorkbenchError } from '../result';
import { gradeBeside, indexJudgements, scoreFactor, type BesideOutcome, type FactorOutcome } from './factor-scores';
import { assertNever, type FactorDefinition, type FactorRole, type MatrixDefinition } from './matrix-definition';
import type { Judgement, OffenceInputs } from './matrix-input';
import { compareForTieBreak } from './tie-break';

/**
 * The part of scoring that weights cannot change: every factor score, the working text and the
 * tie-break order. scoreMatrix prepares once per call; the sensitivity analysis prepares once
 * for 2,000 draws and then only reweights and sorts (brief §4, ≤ 500 ms for 2,000 draws).
 */
export interface PreparedMatrix {
  definition: MatrixDefinition;
  offences: readonly OffenceInputs[];
  /** The factors in the score, in the definition's order. */
  scoredFactors: readonly ScoredFactor[];
  /** outcomes[factor][offence], for the scored factors. */
  outcomes: readonly (readonly FactorOutcome[])[];
  besideFactors: readonly FactorDefinition[];
  besideGrades: readonly (readonly BesideOutcome[])[];
  /** Factor scores, offence-major: factorScores[offence × scoredFactors.length + factor]. */
  factorScores: Float64Array;
  /** Which sum each scored factor feeds: 0 the weighted sum, 1 impact, 2 likelihood. */
  sideOfFactor: Uint8Array;
  baseWeights: Float64Array;
  /** The highest side score: the factors' common scale. */
  sideScale: number;
  /** Each offence's place when only the tie-break decides; unique, so ranking is a total order. */
  tieOrder: Int32Array;
}

type ScoredFactor = FactorDefinition & { role: Exclude<FactorRole, 'beside'> };

function isScored(factor: FactorDefinition): factor is ScoredFactor {
  return factor.role !== 'beside';
}

export const weightedSum = 0;
export const impactSide = 1;
export const likelihoodSide = 2;

function sideIndex(role: Exclude<FactorRole, 'beside'>): number {
  switch (role) {
    case 'weighted':
      return weightedSum;
    case 'impact':
      return impactSide;
    case 'likelihood':
      return likelihoodSide;
    default:
      return assertNever(role);
  }
}

export function prepareMatrix(
  definition: MatrixDefinition,
  offences: readonly OffenceInputs[],
  judgements: readonly Judgement[],
): PreparedMatrix {
  const keys = new Set<string>();
  for (const offence of offences) {
    if (keys.has(offence.key)) throw new WorkbenchError('invalid-input', `The offence type "${offence.key}" is listed twice.`);
    keys.add(offence.key);
  }
  const judgementIndex = indexJudgements(judgements);
  const scoredFactors = definition.factors.filter(isScored);
  const besideFactors = definition.factors.filter((factor) => factor.role === 'beside');
  const outcomes = scoredFactors.map((factor) => scoreFactor(factor, offences, judgementIndex));

  const factorCount = scoredFactors.length;
  const factorScores = new Float64Array(offences.length * factorCount);
  outcomes.forEach((perOffence, factor) => {
    perOffence.forEach((outcome, offence) => {
      factorScores[offence * factorCount + factor] = outcome.score;
    });
  });

  const tieOrder = new Int32Array(offences.length);
  offences
    .map((_, index) => index)
    .sort((a, b) => compareForTieBreak(offences[a]!, offences[b]!) || a - b)
    .forEach((offence, position) => {
      tieOrder[offence] = position;
    });

  return {
    definition,
    offences,
    scoredFactors,
    outcomes,
    besideFactors,
    besideGrades: besideFactors.map((factor) => gradeBeside(factor, offences, judgementIndex)),
    factorScores,
    sideOfFactor: Uint8Array.from(scoredFactors, (factor) => sideIndex(factor.role)),
    baseWeights: Float64Array.from(scoredFactors, (factor) => factor.weight),
    sideScale: Math.max(1, ...scoredFactors.map((factor) => factor.scale)),
    tieOrder,
  };
}

/**
 * Sums per offence for one set of weights, in the definition's factor order, so that the
 * weighted sum equals the sum of the working's contributions exactly: sums[offence × 3 + side].
 */
export interface SideSums {
  totals: Float64Array;
  weights: Float64Array;
}

export function createSideSums(offenceCount: number): SideSums {
  return { totals: new Float64Array(offenceCount * 3), weights: new Float64Array(offenceCount * 3) };
}

/**
 * A side's score: the weighted mean rounded half up, onto 1…scale (domain.md §6: round(mean)).
 * Floating-point noise is cleared at 1e-9 first, so 2.4999999999 from decimal weights still
 * rounds as the 2.5 it stands for, and Excel's ROUND(ROUND(mean, 9), 0) agrees.
 */
export function sideScore(mean: number, scale: number): number {
  const cleared = Math.round(mean * 1e9) / 1e9;
  return Math.min(scale, Math.max(1, Math.floor(cleared + 0.5)));
}

/** Every offence's score for the given weights, written into `scores` (and the side sums into `sums`). */
export function combineScores(prepared: PreparedMatrix, weights: Float64Array, scores: Float64Array, sums: SideSums): void {
  const factorCount = prepared.scoredFactors.length;
  const { factorScores, sideOfFactor, sideScale } = prepared;
  const { totals, weights: sideWeights } = sums;
  const template = prepared.definition.template;
  for (let offence = 0; offence < prepared.offences.length; offence += 1) {
    const base = offence * 3;
    totals[base] = 0;
    totals[base + 1] = 0;
    totals[base + 2] = 0;
    sideWeights[base] = 0;
    sideWeights[base + 1] = 0;
    sideWeights[base + 2] = 0;
    const row = offence * factorCount;
    for (let factor = 0; factor < factorCount; factor += 1) {
      const weight = weights[factor]!;
      const side = base + sideOfFactor[factor]!;
      totals[side] = totals[side]! + factorScores[row + factor]! * weight;
      sideWeights[side] = sideWeights[side]! + weight;
    }
    switch (template) {
      case 'partnership':
        scores[offence] = totals[base]!;
        break;
      case 'morile-style':
      case 'grid-4x4':
        scores[offence] =
          sideScore(totals[base + 1]! / sideWeights[base + 1]!, sideScale) * sideScore(totals[base + 2]! / sideWeights[base + 2]!, sideScale);
        break;
      default:
        assertNever(template);
    }
  }
}

/**
 * Scores equal to six decimal places tie, so that float noise from decimal weights (1.1 × 3
 * against 3.3) never overrides the documented tie-break.
 */
export function rankingKey(score: number): number {
  return Math.round(score * 1e6);
}

/** Offence indices in rank order: score descending, then the tie-break. `order` is reused scratch. */
export function rankOrder(prepared: PreparedMatrix, scores: Float64Array, keys: Float64Array, order: number[]): number[] {
  const { tieOrder } = prepared;
  for (let offence = 0; offence < scores.length; offence += 1) keys[offence] = rankingKey(scores[offence]!);
  order.length = scores.length;
  for (let offence = 0; offence < scores.length; offence += 1) order[offence] = offence;
  return order.sort((a, b) => keys[b]! - keys[a]! || tieOrder[a]! - tieOrder[b]!);
}
