import { z } from 'zod';
import { WorkbenchError } from '../result';
import { MatrixDefinition, parseMatrixDefinition } from './matrix-definition';
import { Judgement, OffenceInputs } from './matrix-input';
import { scoreMatrix, type RankedOffence } from './score';

/**
 * A frozen run (brief §4): the inputs, the matrix and the results, stored read-only, so that
 * re-running it gives identical results. Scoring is a pure function of the three inputs, with
 * no clock, locale collation or Math.random, which is what makes the replay exact.
 */

export const frozenRunSchemaVersion = 1;

export interface FrozenRun {
  schemaVersion: typeof frozenRunSchemaVersion;
  definition: MatrixDefinition;
  offences: OffenceInputs[];
  judgements: Judgement[];
  ranking: RankedOffence[];
}

/** What a stored run must hold before it is replayed; the ranking is checked by the replay itself. */
const FrozenRunInputs = z.object({
  schemaVersion: z.literal(frozenRunSchemaVersion),
  definition: MatrixDefinition,
  offences: z.array(OffenceInputs).max(1000),
  judgements: z.array(Judgement).max(20_000),
  ranking: z.array(z.unknown()),
});

/** Scores and captures a run as plain JSON, detached from the caller's objects. */
export function freezeRun(definition: MatrixDefinition, offences: readonly OffenceInputs[], judgements: readonly Judgement[]): FrozenRun {
  const detached = JSON.parse(
    JSON.stringify({ definition: parseMatrixDefinition(definition), offences, judgements }),
  ) as Pick<FrozenRun, 'definition' | 'offences' | 'judgements'>;
  return {
    schemaVersion: frozenRunSchemaVersion,
    ...detached,
    ranking: scoreMatrix(detached.definition, detached.offences, detached.judgements),
  };
}

export interface ReplayResult {
  identical: boolean;
  /** The ranking scored afresh from the run's stored inputs and matrix. */
  ranking: RankedOffence[];
  /** One line per rank whose stored row differs from the replay. */
  differences: string[];
}

/** Re-scores a stored run and checks the stored ranking against it, offence by offence. */
export function replayFrozenRun(stored: unknown): ReplayResult {
  const parsed = FrozenRunInputs.safeParse(stored);
  if (!parsed.success) throw new WorkbenchError('invalid-input', 'The stored run is damaged or from another version: it cannot be replayed.');
  const run = parsed.data;
  const ranking = scoreMatrix(run.definition, run.offences, run.judgements);
  const differences: string[] = [];
  const length = Math.max(ranking.length, run.ranking.length);
  for (let index = 0; index < length; index += 1) {
    const fresh = ranking[index];
    const kept = run.ranking[index];
    if (JSON.stringify(fresh) === JSON.stringify(kept)) continue;
    const name = fresh?.label ?? 'an offence type';
    differences.push(`Rank ${index + 1} (${name}): the stored result differs from the replay.`);
  }
  return { identical: differences.length === 0, ranking, differences };
}
