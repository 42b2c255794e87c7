import { z } from 'zod';
import { WorkbenchError } from '../result';
import { MatrixDefinition, parseMatrixDefinition } from './matrix-definition';
import { Judgement, OffenceInputs } from './matrix-input';
import { scoreMatrix, type RankedOffence } from './score';
import { currentScoringMethod, scoringMethods } from './scoring-method';

/**
 * A frozen run (brief §4): the inputs, the matrix and the results, stored read-only, so that
 * re-running it gives identical results. Scoring is a pure function of the three inputs, with
 * no clock, locale collation or Math.random, which is what makes the replay exact.
 */

/**
 * 1: runs frozen before the scoring method was versioned (method 1, no peers stored).
 * 2: the run names its scoring method and the comparator areas it was scored against.
 */
export const frozenRunSchemaVersion = 2;

/** The comparator areas (Most Similar Group) a run was scored against, as the analyst chose them. */
export const RunPeers = z.strictObject({
  areas: z.array(z.string().max(200)).max(100),
  note: z.string().max(500).nullable(),
});
export type RunPeers = z.infer<typeof RunPeers>;

export interface FrozenRun {
  schemaVersion: 1 | typeof frozenRunSchemaVersion;
  /** Absent in schema 1 runs, which were all scored with method 1. */
  method?: number;
  peers?: RunPeers;
  definition: MatrixDefinition;
  offences: OffenceInputs[];
  judgements: Judgement[];
  ranking: RankedOffence[];
}

const knownMethods = scoringMethods.map((method) => method.version);

/** What a stored run must hold before it is replayed; the ranking is checked by the replay itself. */
const FrozenRunInputs = z.union([
  z.object({
    schemaVersion: z.literal(1),
    definition: MatrixDefinition,
    offences: z.array(OffenceInputs).max(1000),
    judgements: z.array(Judgement).max(20_000),
    ranking: z.array(z.unknown()),
  }),
  z.object({
    schemaVersion: z.literal(frozenRunSchemaVersion),
    method: z.number().int().refine((version) => knownMethods.includes(version), 'a scoring method this version does not know'),
    peers: RunPeers,
    definition: MatrixDefinition,
    offences: z.array(OffenceInputs).max(1000),
    judgements: z.array(Judgement).max(20_000),
    ranking: z.array(z.unknown()),
  }),
]);

/** The scoring method a stored run was scored with: schema 1 runs predate versioning and are method 1. */
export function methodOfRun(run: Pick<FrozenRun, 'method'>): number {
  return run.method ?? 1;
}

/** Scores and captures a run as plain JSON, detached from the caller's objects. */
export function freezeRun(
  definition: MatrixDefinition,
  offences: readonly OffenceInputs[],
  judgements: readonly Judgement[],
  peers: RunPeers = { areas: [], note: null },
): FrozenRun {
  const detached = JSON.parse(
    JSON.stringify({ peers, definition: parseMatrixDefinition(definition), offences, judgements }),
  ) as Pick<FrozenRun, 'definition' | 'offences' | 'judgements'> & { peers: RunPeers };
  return {
    schemaVersion: frozenRunSchemaVersion,
    method: currentScoringMethod,
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
