import type { FactorScore } from './factor-scores';
import type { FactorDefinition, MatrixDefinition, MatrixTemplateId, ScoreBand } from './matrix-definition';
import type { RankedOffence } from './score';
import { methodChange, type MethodChange } from './scoring-method';

/**
 * Year-on-year comparison of two scoring runs (brief §4: "what moved, and why"): for each
 * offence type in both, the change of rank and score and the factors behind it, largest
 * contribution change first; the types added or dropped; and what changed in the matrix itself.
 */

export interface ScoredRun {
  definition: MatrixDefinition;
  ranking: readonly RankedOffence[];
  /** The scoring method (scoring-method.ts); 1 when not given. */
  method?: number;
  /** The comparator areas the run was scored against; none when not given. */
  peers?: readonly string[];
}

export interface FactorDriver {
  factor: string;
  label: string;
  /** null when the factor is not in that run's matrix. */
  contributionBefore: number | null;
  contributionAfter: number | null;
  /** after − before, a missing factor counting 0. */
  delta: number;
  inputBefore: number | null;
  inputAfter: number | null;
  scoreBefore: FactorScore | null;
  scoreAfter: FactorScore | null;
  weightBefore: number | null;
  weightAfter: number | null;
}

export interface OffenceMovement {
  key: string;
  label: string;
  rankBefore: number;
  rankAfter: number;
  /** rankBefore − rankAfter: positive when the type moved up the ranking. */
  rankChange: number;
  scoreBefore: number;
  scoreAfter: number;
  scoreChange: number;
  /** The factors whose contribution changed, largest change first. */
  drivers: FactorDriver[];
}

export interface RunEntry {
  key: string;
  label: string;
  rank: number;
  score: number;
}

export type DefinitionChange =
  | { kind: 'template'; before: MatrixTemplateId; after: MatrixTemplateId }
  | { kind: 'factor-added' | 'factor-removed'; factor: string; label: string }
  | { kind: 'weight'; factor: string; label: string; before: number; after: number }
  | { kind: 'thresholds'; factor: string; label: string; before: number[]; after: number[] }
  | { kind: 'score-bands'; before: ScoreBand[]; after: ScoreBand[] }
  | MethodChange
  | { kind: 'peers'; before: string[]; after: string[] };

export interface RunComparison {
  /** False when the two runs used different templates: their scores are then on different scales. */
  sameTemplate: boolean;
  definitionChanges: DefinitionChange[];
  /** Types in both runs, in the later run's rank order. */
  movements: OffenceMovement[];
  added: RunEntry[];
  removed: RunEntry[];
}

/** Contribution changes smaller than this are float noise, not a driver. */
const negligible = 1e-9;

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, index) => value === b[index]);

function definitionChanges(before: MatrixDefinition, after: MatrixDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (before.template !== after.template) changes.push({ kind: 'template', before: before.template, after: after.template });
  const afterById = new Map(after.factors.map((factor) => [factor.id, factor]));
  const beforeIds = new Set(before.factors.map((factor) => factor.id));
  for (const old of before.factors) {
    const current = afterById.get(old.id);
    if (!current) {
      changes.push({ kind: 'factor-removed', factor: old.id, label: old.label });
      continue;
    }
    if (old.weight !== current.weight) {
      changes.push({ kind: 'weight', factor: old.id, label: current.label, before: old.weight, after: current.weight });
    }
    if (!sameNumbers(old.thresholds, current.thresholds)) {
      changes.push({ kind: 'thresholds', factor: old.id, label: current.label, before: [...old.thresholds], after: [...current.thresholds] });
    }
  }
  for (const added of after.factors) {
    if (!beforeIds.has(added.id)) changes.push({ kind: 'factor-added', factor: added.id, label: added.label });
  }
  const bandsMatch =
    before.scoreBands.length === after.scoreBands.length &&
    before.scoreBands.every((band, index) => band.label === after.scoreBands[index]?.label && band.minimum === after.scoreBands[index]?.minimum);
  if (!bandsMatch) {
    changes.push({ kind: 'score-bands', before: before.scoreBands.map((band) => ({ ...band })), after: after.scoreBands.map((band) => ({ ...band })) });
  }
  return changes;
}

function drivers(before: RankedOffence, after: RankedOffence, factorLabels: ReadonlyMap<string, string>): FactorDriver[] {
  const ids = [...Object.keys(after.factors), ...Object.keys(before.factors).filter((id) => !(id in after.factors))];
  return ids
    .map((id): FactorDriver => {
      const old = before.factors[id];
      const current = after.factors[id];
      return {
        factor: id,
        label: factorLabels.get(id) ?? id,
        contributionBefore: old?.contribution ?? null,
        contributionAfter: current?.contribution ?? null,
        delta: (current?.contribution ?? 0) - (old?.contribution ?? 0),
        inputBefore: old?.input ?? null,
        inputAfter: current?.input ?? null,
        scoreBefore: old?.score ?? null,
        scoreAfter: current?.score ?? null,
        weightBefore: old?.weight ?? null,
        weightAfter: current?.weight ?? null,
      };
    })
    .filter((driver) => Math.abs(driver.delta) > negligible)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
}

const entry = (row: RankedOffence): RunEntry => ({ key: row.key, label: row.label, rank: row.rank, score: row.score });

export function compareRuns(before: ScoredRun, after: ScoredRun): RunComparison {
  const beforeByKey = new Map(before.ranking.map((row) => [row.key, row]));
  const afterKeys = new Set(after.ranking.map((row) => row.key));
  const factorLabels = new Map<string, string>(
    [...before.definition.factors, ...after.definition.factors].map((factor: FactorDefinition) => [factor.id, factor.label]),
  );
  const movements: OffenceMovement[] = [];
  const added: RunEntry[] = [];
  for (const current of [...after.ranking].sort((a, b) => a.rank - b.rank)) {
    const old = beforeByKey.get(current.key);
    if (!old) {
      added.push(entry(current));
      continue;
    }
    movements.push({
      key: current.key,
      label: current.label,
      rankBefore: old.rank,
      rankAfter: current.rank,
      rankChange: old.rank - current.rank,
      scoreBefore: old.score,
      scoreAfter: current.score,
      scoreChange: current.score - old.score,
      drivers: drivers(old, current, factorLabels),
    });
  }
  const method = methodChange(before.method ?? 1, after.method ?? 1);
  const peersBefore = [...(before.peers ?? [])];
  const peersAfter = [...(after.peers ?? [])];
  const peersChanged = !(peersBefore.length === peersAfter.length && peersBefore.every((area, index) => area === peersAfter[index]));
  return {
    sameTemplate: before.definition.template === after.definition.template,
    // A change of method or of peers comes first: it can move every type at once.
    definitionChanges: [
      ...(method ? [method] : []),
      ...(peersChanged ? [{ kind: 'peers' as const, before: peersBefore, after: peersAfter }] : []),
      ...definitionChanges(before.definition, after.definition),
    ],
    movements,
    added,
    removed: [...before.ranking]
      .sort((a, b) => a.rank - b.rank)
      .filter((row) => !afterKeys.has(row.key))
      .map(entry),
  };
}
