import { z } from 'zod';
import { WorkbenchError } from '../result';
import { NumericInputField } from './matrix-input';

/**
 * A risk matrix as plain, serialisable JSON: the service stores it in the workspace (SQLite)
 * beside every frozen run, the CLI's `matrix set` edits it, and the evidence workbook prints
 * its factors, thresholds and weights (brief §4: "every factor, scale, threshold and weight is
 * editable and stored with the assessment"). All numbers here are product defaults that a
 * partnership may change, not published values (domain.md §6).
 */

export const matrixTemplateIds = ['partnership', 'morile-style', 'grid-4x4'] as const;
export const MatrixTemplateId = z.enum(matrixTemplateIds);
export type MatrixTemplateId = z.infer<typeof MatrixTemplateId>;

/**
 * How a factor turns its input into a 1…scale score:
 * - quintile: percentile rank of the input across the scored types, cut at `thresholds` (per cent);
 * - bands: the input against fixed `thresholds`;
 * - peer: bands on the Most Similar Group ratio (optional data: a missing figure scores as in line);
 * - judgement: the analyst's 1–5 judgement, read through `thresholds` onto the factor's scale.
 */
export const factorKinds = ['quintile', 'bands', 'peer', 'judgement'] as const;
export type FactorKind = (typeof factorKinds)[number];

/**
 * Where a factor goes: into the weighted sum (partnership), onto the impact or likelihood side
 * (MoRiLE-style, 4×4 grid), or beside the score, graded but never counted (organisational
 * position and confidence, domain.md §1.3 and §6).
 */
export const factorRoles = ['weighted', 'impact', 'likelihood', 'beside'] as const;
export const FactorRole = z.enum(factorRoles);
export type FactorRole = z.infer<typeof FactorRole>;

/**
 * Which band a value exactly on a threshold belongs to. The brief's trend bands put −20% in
 * the lowest band ("≤ −20") and +20% in the fourth ("> +20"): 'lower-band'. Its harm bands
 * put 10 in the second ("< 10", "10–50"): 'upper-band'.
 */
export const thresholdRules = ['lower-band', 'upper-band'] as const;
export const ThresholdRule = z.enum(thresholdRules);
export type ThresholdRule = z.infer<typeof ThresholdRule>;

/** Factor scores run 1…scale: 1–5 for the partnership and MoRiLE-style matrices, 1–4 for the grid. */
export const FactorScale = z.union([z.literal(4), z.literal(5)]);
export type FactorScale = z.infer<typeof FactorScale>;

/**
 * "A change that is not significant on fewer than 20 cases is capped at 3" (brief §4). The
 * cases counted are the comparison period's, the base of the percentage (domain.md §6).
 */
export const SmallNumbersCap = z.strictObject({
  fewerThanCases: z.number().int().min(1).max(1_000_000),
  capAt: z.number().int().min(1).max(5),
});
export type SmallNumbersCap = z.infer<typeof SmallNumbersCap>;

export const FactorId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,59}$/, 'A factor id is lower-case letters, digits and hyphens, starting with a letter.');

const factorBase = {
  id: FactorId,
  label: z.string().trim().min(1).max(120),
  /** What the factor measures and why, for the method appendix. */
  description: z.string().trim().max(2000),
  role: FactorRole,
  /** ≥ 0. A weight of 0 removes the factor's influence. Beside factors always weigh 0. */
  weight: z.number().finite().nonnegative('A weight cannot be negative.'),
  scale: FactorScale,
  /** scale − 1 cut points, strictly ascending: four thresholds make five bands. */
  thresholds: z.array(z.number().finite()).max(4),
  atThreshold: ThresholdRule,
  /** The score given when the input or judgement is missing (the working says so). */
  missingScore: z.number().int().min(1).max(5),
  /** Optional names for the bands, lowest first ("falling sharply" … "rising sharply"). */
  bandLabels: z.array(z.string().trim().min(1).max(120)).nullable(),
};

export const QuintileFactor = z.strictObject({ ...factorBase, kind: z.literal('quintile'), input: NumericInputField });
export const BandsFactor = z.strictObject({
  ...factorBase,
  kind: z.literal('bands'),
  input: NumericInputField,
  smallNumbersCap: SmallNumbersCap.nullable(),
});
export const PeerFactor = z.strictObject({ ...factorBase, kind: z.literal('peer') });
export const JudgementFactor = z.strictObject({ ...factorBase, kind: z.literal('judgement') });
export type QuintileFactor = z.infer<typeof QuintileFactor>;
export type BandsFactor = z.infer<typeof BandsFactor>;
export type PeerFactor = z.infer<typeof PeerFactor>;
export type JudgementFactor = z.infer<typeof JudgementFactor>;

export const FactorDefinition = z
  .discriminatedUnion('kind', [QuintileFactor, BandsFactor, PeerFactor, JudgementFactor])
  .superRefine((factor, context) => {
    const problem = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path });
    if (factor.thresholds.length !== factor.scale - 1) {
      problem(`${factor.label} needs ${factor.scale - 1} thresholds for ${factor.scale} bands, not ${factor.thresholds.length}.`, ['thresholds']);
    }
    if (!isStrictlyAscending(factor.thresholds)) {
      problem(`${factor.label}: thresholds must rise strictly from the lowest to the highest.`, ['thresholds']);
    }
    if (factor.kind === 'quintile' && factor.thresholds.some((cut) => cut <= 0 || cut >= 100)) {
      problem(`${factor.label}: percentile thresholds lie strictly between 0 and 100.`, ['thresholds']);
    }
    if (factor.missingScore > factor.scale) {
      problem(`${factor.label}: the score for a missing figure must be between 1 and ${factor.scale}.`, ['missingScore']);
    }
    if (factor.bandLabels !== null && factor.bandLabels.length !== factor.scale) {
      problem(`${factor.label}: give ${factor.scale} band names, one per band.`, ['bandLabels']);
    }
    if (factor.kind === 'bands' && factor.smallNumbersCap !== null) {
      if (factor.input !== 'percentChange') problem(`${factor.label}: only a percentage change can be capped on small numbers.`, ['smallNumbersCap']);
      if (factor.smallNumbersCap.capAt > factor.scale) problem(`${factor.label}: the cap must be between 1 and ${factor.scale}.`, ['smallNumbersCap', 'capAt']);
    }
    if (factor.role === 'beside') {
      if (factor.kind !== 'judgement') problem(`${factor.label} is graded beside the score, so it must be a judgement.`, ['kind']);
      if (factor.weight !== 0) problem(`${factor.label} is graded beside the score, not in it, so its weight is 0.`, ['weight']);
    }
  });
export type FactorDefinition = z.infer<typeof FactorDefinition>;

/** A named band of the final score, from `minimum` up to the next band's minimum (e.g. red from 15). */
export const ScoreBand = z.strictObject({
  label: z.string().trim().min(1).max(60),
  minimum: z.number().finite(),
});
export type ScoreBand = z.infer<typeof ScoreBand>;

export const matrixDefinitionSchemaVersion = 1;

export const MatrixDefinition = z
  .strictObject({
    schemaVersion: z.literal(matrixDefinitionSchemaVersion),
    template: MatrixTemplateId,
    name: z.string().trim().min(1).max(200),
    factors: z.array(FactorDefinition).min(1).max(20),
    /** Lowest first, minimums strictly ascending. Empty: the score has no bands. */
    scoreBands: z.array(ScoreBand).max(6),
  })
  .superRefine((definition, context) => {
    const problem = (message: string, path: (string | number)[]) => context.addIssue({ code: 'custom', message, path });
    const ids = new Set<string>();
    definition.factors.forEach((factor, index) => {
      if (ids.has(factor.id)) problem(`Two factors share the id "${factor.id}".`, ['factors', index, 'id']);
      ids.add(factor.id);
      if (!allowedRoles(definition.template).includes(factor.role)) {
        problem(`${factor.label}: a ${definition.template} matrix has no "${factor.role}" factors.`, ['factors', index, 'role']);
      }
    });
    for (const side of scoringSides(definition.template)) {
      const onSide = definition.factors.filter((factor) => factor.role === side);
      if (!onSide.some((factor) => factor.weight > 0)) {
        problem(
          side === 'weighted' ? 'At least one factor must carry a weight above 0.' : `At least one ${side} factor must carry a weight above 0.`,
          ['factors'],
        );
      }
    }
    const scales = new Set(definition.factors.filter((factor) => factor.role !== 'beside').map((factor) => factor.scale));
    if (scales.size > 1) problem('Every scored factor of one matrix uses the same scale.', ['factors']);
    if (!isStrictlyAscending(definition.scoreBands.map((band) => band.minimum))) {
      problem('Score bands must be listed lowest first, each starting above the one before.', ['scoreBands']);
    }
  });
export type MatrixDefinition = z.infer<typeof MatrixDefinition>;

/** The sides a template's score is built from: one weighted sum, or impact × likelihood. */
export function scoringSides(template: MatrixTemplateId): readonly ('weighted' | 'impact' | 'likelihood')[] {
  switch (template) {
    case 'partnership':
      return ['weighted'];
    case 'morile-style':
    case 'grid-4x4':
      return ['impact', 'likelihood'];
    default:
      return assertNever(template);
  }
}

function allowedRoles(template: MatrixTemplateId): readonly FactorRole[] {
  return [...scoringSides(template), 'beside'];
}

function isStrictlyAscending(values: readonly number[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]!);
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

function describeIssue(issue: z.ZodError['issues'][number]): string {
  if (issue.code === 'custom') return issue.message;
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Validates a stored or edited definition; throws an 'invalid-input' error an analyst can read. */
export function parseMatrixDefinition(value: unknown): MatrixDefinition {
  const parsed = MatrixDefinition.safeParse(value);
  if (!parsed.success) {
    throw new WorkbenchError('invalid-input', `The matrix is not valid. ${parsed.error.issues.map(describeIssue).join(' ')}`);
  }
  return parsed.data;
}

export function findFactor(definition: MatrixDefinition, factorId: string): FactorDefinition {
  const factor = definition.factors.find((candidate) => candidate.id === factorId);
  if (!factor) {
    const known = definition.factors.map((candidate) => candidate.id).join(', ');
    throw new WorkbenchError('invalid-input', `The matrix has no factor "${factorId}". Its factors are: ${known}.`);
  }
  return factor;
}

function replaceFactor(definition: MatrixDefinition, factorId: string, change: (factor: FactorDefinition) => FactorDefinition): MatrixDefinition {
  const target = findFactor(definition, factorId);
  return parseMatrixDefinition({
    ...definition,
    factors: definition.factors.map((factor) => (factor === target ? change(factor) : factor)),
  });
}

/** `matrix set --factor NAME --weight W`: a new definition, the old one untouched. */
export function setFactorWeight(definition: MatrixDefinition, factorId: string, weight: number): MatrixDefinition {
  const factor = findFactor(definition, factorId);
  if (factor.role === 'beside') {
    throw new WorkbenchError('invalid-input', `${factor.label} is graded beside the score, not in it, so it has no weight.`);
  }
  if (!Number.isFinite(weight) || weight < 0) {
    throw new WorkbenchError('invalid-input', `A weight is a number of 0 or more; ${factor.label} was given ${String(weight)}.`);
  }
  return replaceFactor(definition, factorId, (current) => ({ ...current, weight }));
}

/** `matrix set --factor NAME --thresholds a,b,c,d`: scale − 1 thresholds, strictly ascending. */
export function setFactorThresholds(definition: MatrixDefinition, factorId: string, thresholds: readonly number[]): MatrixDefinition {
  const factor = findFactor(definition, factorId);
  const needed = factor.scale - 1;
  if (thresholds.length !== needed) {
    throw new WorkbenchError(
      'invalid-input',
      `${factor.label} has ${factor.scale} bands, so it needs ${needed} thresholds; ${thresholds.length} were given.`,
    );
  }
  if (!thresholds.every(Number.isFinite)) {
    throw new WorkbenchError('invalid-input', `${factor.label}: every threshold must be a number.`);
  }
  if (!isStrictlyAscending(thresholds)) {
    throw new WorkbenchError('invalid-input', `${factor.label}: thresholds must rise strictly, lowest first (for example 10,50,200,1000).`);
  }
  return replaceFactor(definition, factorId, (current) => ({ ...current, thresholds: [...thresholds] }));
}

/** Edits the named bands of the final score (the red/amber/green thresholds). */
export function setScoreBands(definition: MatrixDefinition, scoreBands: readonly ScoreBand[]): MatrixDefinition {
  return parseMatrixDefinition({ ...definition, scoreBands: scoreBands.map((band) => ({ ...band })) });
}

/**
 * The most a type can score: every counted factor at the top of its scale. Charts run their
 * axis to it, so a bar is read against the whole range.
 */
export function highestPossibleScore(definition: MatrixDefinition): number {
  const counted = definition.factors.filter((factor) => factor.role !== 'beside');
  if (definition.template === 'partnership') return counted.reduce((total, factor) => total + factor.weight * factor.scale, 0);
  const scale = Math.max(1, ...counted.map((factor) => factor.scale));
  return scale * scale;
}
