import { WorkbenchError } from '../result';
import type { MatrixDefinition } from './matrix-definition';
import type { Judgement, OffenceInputs } from './matrix-input';
import { combineScores, createSideSums, prepareMatrix, rankOrder } from './prepare';
import { createSeededRandom } from './seeded-random';

/**
 * How stable each rank is when the weights move (brief §4): every draw scales every weight by
 * its own uniform factor in [1 − spread, 1 + spread], rescores and reranks. Factor scores do not
 * depend on weights, so they are computed once and each draw only reweights and sorts.
 */

export interface SensitivityOptions {
  /** How many random weightings to try. Default 2,000. */
  draws?: number;
  /** The largest relative change of a weight, 0 ≤ spread < 1. Default 0.25 (±25%). */
  spread?: number;
  /** The generator's seed: the same seed gives the same result. Default 1998. */
  seed?: number;
  /** The top-N positions to count. Default 4 (the published priorities) and 10. */
  topN?: readonly number[];
}

export const defaultSensitivityOptions = { draws: 2000, spread: 0.25, seed: 1998, topN: [4, 10] } as const;

export interface TopShare {
  n: number;
  /** The share of draws, 0–1, in which the type ranked n-th or better. */
  share: number;
}

export interface RankStability {
  key: string;
  label: string;
  /** The rank and score with the matrix's own weights. */
  rank: number;
  score: number;
  bestRank: number;
  worstRank: number;
  /** The median over the draws (the mean of the two middle ranks when the draws are even). */
  medianRank: number;
  inTop: TopShare[];
}

export interface SensitivityResult {
  draws: number;
  spread: number;
  seed: number;
  topN: number[];
  /** In the order of the matrix's own ranking. */
  offences: RankStability[];
}

function settle(options: SensitivityOptions): { draws: number; spread: number; seed: number; topN: number[] } {
  const draws = options.draws ?? defaultSensitivityOptions.draws;
  const spread = options.spread ?? defaultSensitivityOptions.spread;
  const seed = options.seed ?? defaultSensitivityOptions.seed;
  const topN = [...(options.topN ?? defaultSensitivityOptions.topN)];
  if (!Number.isInteger(draws) || draws < 1 || draws > 100_000) {
    throw new WorkbenchError('invalid-input', 'The number of draws must be a whole number from 1 to 100,000.');
  }
  if (!Number.isFinite(spread) || spread < 0 || spread >= 1) {
    throw new WorkbenchError('invalid-input', 'The spread must be at least 0 and under 1 (0.25 moves each weight by up to 25%).');
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new WorkbenchError('invalid-input', 'The seed must be a whole number from 0 to 4,294,967,295.');
  }
  if (!topN.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new WorkbenchError('invalid-input', 'Each top-N must be a whole number of 1 or more.');
  }
  return { draws, spread, seed, topN };
}

/** The rank held at the k-th smallest draw (1-based), read from one offence's rank counts. */
function rankAtDraw(counts: Uint32Array, offset: number, offenceCount: number, k: number): number {
  let seen = 0;
  for (let position = 0; position < offenceCount; position += 1) {
    seen += counts[offset + position]!;
    if (seen >= k) return position + 1;
  }
  return offenceCount;
}

export function analyseSensitivity(
  definition: MatrixDefinition,
  offences: readonly OffenceInputs[],
  judgements: readonly Judgement[],
  options: SensitivityOptions = {},
): SensitivityResult {
  const { draws, spread, seed, topN } = settle(options);
  const prepared = prepareMatrix(definition, offences, judgements);
  const count = offences.length;
  const factorCount = prepared.scoredFactors.length;
  const scores = new Float64Array(count);
  const keys = new Float64Array(count);
  const sums = createSideSums(count);
  const order: number[] = [];

  combineScores(prepared, prepared.baseWeights, scores, sums);
  const baseScores = Float64Array.from(scores);
  const baseOrder = [...rankOrder(prepared, scores, keys, order)];

  // rankCounts[offence × count + position]: how many draws put the offence at that position.
  const rankCounts = new Uint32Array(count * count);
  const weights = new Float64Array(factorCount);
  const random = createSeededRandom(seed);
  for (let draw = 0; draw < draws; draw += 1) {
    for (let factor = 0; factor < factorCount; factor += 1) {
      weights[factor] = prepared.baseWeights[factor]! * (1 + spread * (2 * random() - 1));
    }
    combineScores(prepared, weights, scores, sums);
    rankOrder(prepared, scores, keys, order);
    for (let position = 0; position < count; position += 1) {
      const offset = order[position]! * count + position;
      rankCounts[offset] = rankCounts[offset]! + 1;
    }
  }

  const lowerMiddle = Math.ceil(draws / 2);
  const upperMiddle = Math.floor(draws / 2) + 1;
  return {
    draws,
    spread,
    seed,
    topN,
    offences: baseOrder.map((offence, position): RankStability => {
      const offset = offence * count;
      let best = count;
      let worst = 1;
      for (let rankIndex = 0; rankIndex < count; rankIndex += 1) {
        if (rankCounts[offset + rankIndex]! === 0) continue;
        best = Math.min(best, rankIndex + 1);
        worst = Math.max(worst, rankIndex + 1);
      }
      const inTop = topN.map((n) => {
        let within = 0;
        for (let rankIndex = 0; rankIndex < Math.min(n, count); rankIndex += 1) within += rankCounts[offset + rankIndex]!;
        return { n, share: within / draws };
      });
      const median =
        (rankAtDraw(rankCounts, offset, count, lowerMiddle) + rankAtDraw(rankCounts, offset, count, upperMiddle)) / 2;
      const inputs = offences[offence]!;
      return {
        key: inputs.key,
        label: inputs.label,
        rank: position + 1,
        score: baseScores[offence]!,
        bestRank: best,
        worstRank: worst,
        medianRank: median,
        inTop,
      };
    }),
  };
}
