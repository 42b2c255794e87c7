import { z } from 'zod';
import type { DatasetSummary, QualityReport } from '../domain/dataset';
import type { SourceArea } from '../domain/area';
import type { Member, PartnershipDetails } from '../domain/partnership';
import type { FigureCaveat } from './figure-caveats';
import type { AssessmentPeriods } from '../statistics';
import type { Judgement, MatrixDefinition, MatrixTemplateId, OffenceInputs, RankedOffence, SensitivityResult } from '../matrix';

/**
 * Everything an export document prints, read from the workspace in one snapshot: plain,
 * serialisable data, so the evidence workbook and the PDF documents render the same figures
 * and a test can compare a document with the model it came from.
 */

/** Where the scoring comes from: the workspace as it stands, or a frozen run. */
export const ExportSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('current') }),
  z.strictObject({ kind: z.literal('run'), runId: z.number().int().positive() }),
]);
export type ExportSource = z.infer<typeof ExportSource>;

export interface ExportSourceDescription {
  kind: 'current' | 'run';
  runId: number | null;
  runName: string | null;
  /** ISO time the run was frozen; null for the current scoring. */
  frozenAt: string | null;
  /** "Current scoring" or "Frozen run 3, “Board draft”, frozen 12 March 2025 at 10:04". */
  description: string;
}

/** One offence type's statistics, as the Offences table shows them. */
export interface OffenceStatisticsRow {
  key: string;
  label: string;
  /** The offence type is in the matrix; when false, notScored says why not. */
  scored: boolean;
  notScored: string | null;
  currentCount: number | null;
  comparisonCount: number | null;
  /** current − comparison; null when either is missing. */
  change: number | null;
  percentChange: number | null;
  /** The significance verdict computed by the app; null when there is no comparison. */
  significant: boolean | null;
  verdict: string | null;
  /** The exact conditional test's two-sided p-value, which decides significance. */
  pValue: number | null;
  /** The Poisson Z = 2(√current − √previous), for reference only. */
  z: number | null;
  currentRatePer1000: number | null;
  comparisonRatePer1000: number | null;
  /** "residents" or "households". */
  rateBase: string;
  meanHarmWeight: number | null;
  totalHarm: number | null;
  /** How harm was priced, in words, with the caveat when it is the unweighted mean. */
  harmPricing: string | null;
  /** Where the figures came from, in words: partner, layout and files. */
  source: string;
  /** The area the figures are for, saying when it is not the partnership's own. */
  where: SourceArea;
  /** The residents of that area the rates are per 1,000 of. */
  population: number | null;
  populationSource: string;
  /** How harm was priced, as a kind. */
  harmBasis: 'code-level' | 'code-counts' | 'unweighted-mean' | 'not-applicable' | null;
  /** What a reader must know beside these figures, in every document alike. */
  caveats: FigureCaveat[];
}

/** Whether a dataset's figures reached the ranking, and if not why not. */
export interface DatasetUse {
  used: boolean;
  /** "Used for 12 ranked types", "Not used: January 2018 only, outside the assessment period". */
  text: string;
}

export type ExportDataset = DatasetSummary & { use: DatasetUse };

export interface ExportPriority {
  number: number;
  /** "Priority One – Protect vulnerable people…". */
  heading: string;
  title: string;
  aim: string;
  offences: { key: string; label: string; rank: number | null }[];
  lead: string | null;
  measures: string[];
  status: 'not-started' | 'red' | 'amber' | 'green' | null;
  /** "Red: off track", or "Not set". */
  statusLabel: string;
  reviewDate: string | null;
}

export interface ExportModel {
  /** ISO time the snapshot was read. */
  generatedAt: string;
  appVersion: string;
  source: ExportSourceDescription;
  partnership: PartnershipDetails;
  members: Member[];
  periods: AssessmentPeriods;
  /** "April 2023 to March 2024". */
  periodLabels: { current: string; comparison: string };
  denominators: { population: number | null; populationSource: string; households: number | null; householdsSource: string };
  offences: OffenceStatisticsRow[];
  matrix: {
    template: MatrixTemplateId;
    definition: MatrixDefinition;
    /** The scored types' inputs, in the order the matrix read them. */
    inputs: OffenceInputs[];
    judgements: Judgement[];
    ranking: RankedOffence[];
    /** Factor ids edited from the shipped template. */
    edited: string[];
    /**
     * Each scored type's place when only the tie-break decides (0 first): harm, then volume,
     * then name. Weights and thresholds never change it, so the workbook writes it as a value.
     */
    tieOrder: Record<string, number>;
  };
  sensitivity: SensitivityResult;
  /** The comparator areas the peer factor read: "other police force areas". */
  peers: { areas: string[]; note: string | null; kind: string };
  datasets: ExportDataset[];
  quality: QualityReport[];
  priorities: ExportPriority[];
  /** In-area imported rows, for the optional raw-data sheet (read as a stream, not held here). */
  rawRowCount: number;
}
