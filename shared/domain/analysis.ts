import { z } from 'zod';
import type { AssessmentPeriods, OffenceSummary, Period } from '../statistics';
import {
  FactorId,
  Judgement,
  MatrixTemplateId,
  type MatrixDefinition,
  type OffenceInputs,
  type PeerWorking,
  type RankedOffence,
  type RunComparison,
  type FrozenRun,
} from '../matrix';
import { AssessmentPeriod } from './partnership';
import type { FrozenPriority } from './priority';
import type { PeerSelection } from './peers';
import { monthCount } from '../dates';
import type { SourceArea } from './area';

/**
 * What the Analysis and Matrix steps exchange between the service and the screens (brief.md,
 * workflow 3 and 4): the settings the workspace stores, the figures per offence type, the
 * matrix with its judgements, and frozen runs.
 */

/** The two periods the analyst chose; the comparison defaults to the one before the assessment period. */
export const PeriodsInput = z
  .strictObject({ current: AssessmentPeriod, comparison: AssessmentPeriod.nullable() })
  .superRefine(({ current, comparison }, context) => {
    if (!comparison) return;
    // A change between periods of different lengths, or overlapping ones, would mislead.
    const length = (period: { from: string; to: string }) => monthCount(period.from, period.to);
    if (length(comparison) !== length(current)) {
      context.addIssue({
        code: 'custom',
        path: ['comparison'],
        message: `The comparison period must be as long as the assessment period (${length(current)} months), so that the change compares like with like.`,
      });
    } else if (comparison.from <= current.to && comparison.to >= current.from) {
      context.addIssue({ code: 'custom', path: ['comparison'], message: 'The comparison period must not overlap the assessment period.' });
    }
  })
  .nullable()
  .describe('null: use the latest 12 complete months and the 12 before');
export type PeriodsInput = z.infer<typeof PeriodsInput>;

const Denominator = z.number().int('Give a whole number.').positive('Give a number above 0.').max(100_000_000).nullable();
export const DenominatorsInput = z.strictObject({ population: Denominator, households: Denominator });
export type DenominatorsInput = z.infer<typeof DenominatorsInput>;

export interface DenominatorFigure {
  value: number | null;
  /** Where it came from: "entered by hand", or the ONS estimate's area and year. */
  source: string;
}

export interface AnalysisSettings {
  periods: AssessmentPeriods;
  /** 'default': the latest 12 complete months and the 12 before; 'chosen': set by the analyst. */
  periodsChosen: boolean;
  /** The last month of in-area data that is complete, or null without data. */
  latestCompleteMonth: string | null;
  population: DenominatorFigure;
  households: DenominatorFigure;
}

/** The kind of entry an offence key is, for grouping and for the overlap warning. */
export type OffenceKind = 'subgroup' | 'group' | 'police-uk' | 'indicator' | 'total';

/**
 * Where an offence type's figures come from: one source series, the files one partner shared
 * in one layout, so that two sources for the same months are never added together.
 */
export interface OffenceSource {
  partner: string;
  /** The import layout, e.g. 'police-uk-street' or 'ons-wide'. */
  format: string;
  /** "street.csv", or "60 files, 2020-01 to 2024-12". */
  fileName: string;
  /** The datasets used, newest first. */
  datasetIds: number[];
  area: string | null;
  /** The area named for a reader, saying when it is not the partnership's own. */
  where: SourceArea;
  /** The residents of that area the rate is per 1,000 of. */
  population: DenominatorFigure;
  /** Datasets of other series that also carry the type, not used for it. */
  otherDatasets: number;
}

export interface OffenceAnalysis {
  key: string;
  label: string;
  kind: OffenceKind;
  source: OffenceSource;
  summary: OffenceSummary;
  /** What the matrix reads, or null when the type cannot be scored (see notScored). */
  inputs: OffenceInputs | null;
  notScored: string | null;
  /** The area's rate against its chosen peers' (the peer factor's working). */
  peer: PeerWorking;
}

export interface AnalysisView {
  settings: AnalysisSettings;
  offences: OffenceAnalysis[];
  /** Types whose figures all lie outside the three years the Analysis reads, by label. */
  outsidePeriods: string[];
  /** The comparator areas chosen for the peer factor, and those that can be chosen. */
  peers: PeerSelection;
}

export const JudgementInput = Judgement;
export type JudgementInput = z.infer<typeof JudgementInput>;

export const RemoveJudgementInput = z.strictObject({
  factor: z.string().trim().min(1).max(60),
  offenceKey: z.string().trim().min(1).max(200),
});

export const FactorSettingInput = z
  .strictObject({
    template: MatrixTemplateId,
    factor: FactorId,
    weight: z.number().finite().nonnegative('A weight cannot be negative.').max(1000).optional(),
    thresholds: z.array(z.number().finite()).min(1).max(4).optional(),
  })
  .refine((value) => value.weight !== undefined || value.thresholds !== undefined, 'Give a weight, thresholds or both.');
export type FactorSettingInput = z.infer<typeof FactorSettingInput>;

/** The matrix as the workspace holds it now, with everything needed to score it anywhere. */
export interface MatrixState {
  template: MatrixTemplateId;
  definition: MatrixDefinition;
  /** Every judgement recorded, for any template. */
  judgements: Judgement[];
  /** The offence types scored, from the analysis. */
  offences: OffenceInputs[];
  periods: AssessmentPeriods;
  /** Where the matrix differs from the shipped template (factor ids). */
  edited: string[];
  ranking: RankedOffence[];
  /** The comparator areas the peer factor reads, and those that can be chosen. */
  peers: PeerSelection;
  /** The scoring method the ranking was worked out with (shared/matrix scoring-method). */
  method: number;
}

export const SensitivityInput = z.strictObject({
  template: MatrixTemplateId.optional(),
  draws: z.number().int().min(1).max(100_000).default(2000),
  spread: z.number().min(0).max(0.95).default(0.25),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1998),
});

export const RunName = z.string().trim().min(1, 'Give the run a name.').max(200, 'A run name is 200 characters or fewer.');
export const RunId = z.number().int().positive();

export interface RunSummary {
  id: number;
  name: string;
  createdAt: string;
  template: MatrixTemplateId;
  periods: AssessmentPeriods;
  offences: number;
  /** The four highest-ranked types, as the seed plan's priorities are four. */
  top: string[];
}

/** Where each scored type's figures came from when the run was frozen. */
export interface RunSource {
  offenceKey: string;
  /** The files the type's figures came from, by name and SHA-256, newest first. */
  files: { datasetId: number; fileName: string; sha256: string }[];
}

export interface StoredRun extends RunSummary {
  run: FrozenRun;
  sources: RunSource[];
  /** The priorities set when the run was frozen; null for a run frozen before priorities were recorded. */
  priorities: FrozenPriority[] | null;
  /** True when re-scoring the stored inputs gives the stored results exactly. */
  identical: boolean;
  differences: string[];
}

export interface NamedRunComparison extends RunComparison {
  before: RunSummary;
  after: RunSummary;
}

/** One factor's working in the CLI's `matrix show --json` shape. */
export interface ReportedFactor {
  input: number | null;
  score: number;
  weight: number;
  contribution: number;
}

/** The CLI contract of `matrix show --json` and `run show --json`. */
export interface ScoreReport {
  template: MatrixTemplateId;
  period: { current: Period; comparison: Period };
  /** The scoring method; absent for runs frozen before methods were versioned (method 1). */
  method?: number;
  /** The comparator areas; absent for runs frozen before peers could be chosen. */
  peers?: string[];
  ranking: {
    rank: number;
    offence: string;
    score: number;
    factors: Record<string, ReportedFactor>;
    /** How harm was priced: 'code-level', 'code-counts', 'unweighted-mean' or 'not-applicable' (method 2 on). */
    harmMethod?: string;
  }[];
}

/**
 * The report of a ranking. A run frozen before methods were versioned has no method, peers or
 * harm method, and its report is exactly what it was when frozen.
 */
export function scoreReport(
  template: MatrixTemplateId,
  periods: AssessmentPeriods,
  ranking: readonly RankedOffence[],
  scoring?: { method: number; peers: readonly string[] },
): ScoreReport {
  return {
    template,
    period: { current: { ...periods.current }, comparison: { ...periods.comparison } },
    ...(scoring ? { method: scoring.method, peers: [...scoring.peers] } : {}),
    ranking: ranking.map((row) => ({
      rank: row.rank,
      offence: row.label,
      score: row.score,
      factors: Object.fromEntries(
        Object.entries(row.factors).map(([id, working]) => [
          id,
          { input: working.input, score: working.score, weight: working.weight, contribution: working.contribution },
        ]),
      ),
      ...(row.harmMethod !== undefined ? { harmMethod: row.harmMethod } : {}),
    })),
  };
}

