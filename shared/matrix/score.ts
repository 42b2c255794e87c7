import type { BesideOutcome, FactorScore } from './factor-scores';
import { assertNever, type MatrixDefinition, type ScoreBand } from './matrix-definition';
import type { Judgement, OffenceInputs } from './matrix-input';
import {
  combineScores,
  createSideSums,
  impactSide,
  likelihoodSide,
  prepareMatrix,
  rankingKey,
  rankOrder,
  sideScore,
  type PreparedMatrix,
  type SideSums,
} from './prepare';
import { tieBreakReason } from './tie-break';
import { formatUpTo } from '../format/index';

/** One factor's working for one offence type (brief §4: "inputs, band, weight, contribution"). */
export interface FactorWorking {
  input: number | null;
  band: string;
  score: FactorScore;
  weight: number;
  /** score × weight. In the partnership matrix the offence's score is the sum of these. */
  contribution: number;
  note?: string;
}

/** How one side of impact × likelihood was reached: Σ contributions ÷ Σ weights, rounded half up. */
export interface SideWorking {
  factors: string[];
  weightedTotal: number;
  totalWeight: number;
  mean: number;
  score: number;
}

export type BesideGrade = BesideOutcome;

export interface RankedOffence {
  /** 1…n, no shared ranks: ties are broken (harm, then volume, then label). */
  rank: number;
  key: string;
  label: string;
  score: number;
  /** The score's named band (red/amber/green, or the grid's), when the matrix has bands. */
  band?: string;
  /** The scored factors, in the definition's order. */
  factors: Record<string, FactorWorking>;
  /** Impact and likelihood, for the MoRiLE-style and grid matrices. */
  sides?: { impact: SideWorking; likelihood: SideWorking };
  /** Judgements graded beside the score and not counted in it (organisational position, confidence). */
  beside?: Record<string, BesideGrade>;
  /** Set when the score tied with the type above: what placed it below. */
  tieBreak?: string;
  /** How harm was priced (method 2 on): 'code-level', 'code-counts', 'unweighted-mean' or 'not-applicable'. */
  harmMethod?: string;
}


/** The named band a score falls in: the last band whose minimum it reaches (the lowest if none). */
export function bandForScore(scoreBands: readonly ScoreBand[], score: number): string | undefined {
  let chosen = scoreBands[0]?.label;
  for (const band of scoreBands) {
    // The tolerance absorbs float noise from decimal weights, as rankingKey does.
    if (score + 1e-9 >= band.minimum) chosen = band.label;
  }
  return chosen;
}

function sideWorking(prepared: PreparedMatrix, sums: SideSums, offence: number, side: number): SideWorking {
  const weightedTotal = sums.totals[offence * 3 + side]!;
  const totalWeight = sums.weights[offence * 3 + side]!;
  const mean = weightedTotal / totalWeight;
  return {
    factors: prepared.scoredFactors.filter((_, factor) => prepared.sideOfFactor[factor] === side).map((factor) => factor.id),
    weightedTotal,
    totalWeight,
    mean,
    score: sideScore(mean, prepared.sideScale),
  };
}

function factorWorking(prepared: PreparedMatrix, weights: Float64Array, offence: number): Record<string, FactorWorking> {
  const working: Record<string, FactorWorking> = {};
  prepared.scoredFactors.forEach((factor, index) => {
    const outcome = prepared.outcomes[index]![offence]!;
    const weight = weights[index]!;
    working[factor.id] = {
      input: outcome.input,
      band: outcome.band,
      score: outcome.score,
      weight,
      contribution: outcome.score * weight,
      ...(outcome.note !== undefined ? { note: outcome.note } : {}),
    };
  });
  return working;
}

function besideWorking(prepared: PreparedMatrix, offence: number): Record<string, BesideGrade> {
  const grades: Record<string, BesideGrade> = {};
  prepared.besideFactors.forEach((factor, index) => {
    grades[factor.id] = { ...prepared.besideGrades[index]![offence]! };
  });
  return grades;
}

/** The ranking with its working, for a prepared matrix and a set of weights (by default its own). */
export function rankPrepared(prepared: PreparedMatrix, weights: Float64Array = prepared.baseWeights): RankedOffence[] {
  const count = prepared.offences.length;
  const scores = new Float64Array(count);
  const sums = createSideSums(count);
  combineScores(prepared, weights, scores, sums);
  const order = rankOrder(prepared, scores, new Float64Array(count), []);
  const { definition } = prepared;

  return order.map((offence, position): RankedOffence => {
    const inputs = prepared.offences[offence]!;
    const score = scores[offence]!;
    const band = bandForScore(definition.scoreBands, score);
    const row: RankedOffence = {
      rank: position + 1,
      key: inputs.key,
      label: inputs.label,
      score,
      ...(band !== undefined ? { band } : {}),
      factors: factorWorking(prepared, weights, offence),
    };
    switch (definition.template) {
      case 'partnership':
        break;
      case 'morile-style':
      case 'grid-4x4':
        row.sides = { impact: sideWorking(prepared, sums, offence, impactSide), likelihood: sideWorking(prepared, sums, offence, likelihoodSide) };
        break;
      default:
        assertNever(definition.template);
    }
    if (prepared.besideFactors.length > 0) row.beside = besideWorking(prepared, offence);
    if (inputs.harmPricing) row.harmMethod = inputs.harmPricing.basis;
    const above = position > 0 ? order[position - 1]! : null;
    if (above !== null && rankingKey(scores[above]!) === rankingKey(score)) {
      const upper: OffenceInputs = prepared.offences[above]!;
      row.tieBreak = `Tied on ${formatUpTo(score, 2)} with ${upper.label}; ranked below it on ${tieBreakReason(upper, inputs)}.`;
    }
    return row;
  });
}

/**
 * Scores and ranks offence types with a matrix, showing every score's working (brief §4). The
 * definition is trusted as valid: stored and edited definitions pass parseMatrixDefinition.
 * Judgements for factors the matrix does not have, or offences not being scored, are ignored,
 * since one set of judgements serves every template.
 */
export function scoreMatrix(
  definition: MatrixDefinition,
  offences: readonly OffenceInputs[],
  judgements: readonly Judgement[],
): RankedOffence[] {
  return rankPrepared(prepareMatrix(definition, offences, judgements));
}
