import { z } from 'zod';

/**
 * What the risk matrix scores, per offence type. Deliberately decoupled from where the numbers
 * come from (imports, the statistics module, an analyst's spreadsheet): the matrix only ranks
 * what it is given, so the same inputs always give the same ranking (brief §4, frozen runs).
 */

/** A number the matrix can read, or null when there is no figure. Infinity and NaN are refused. */
const OptionalFigure = z.number().finite().nullable();
const Count = z.number().int().nonnegative();

/** The area's rate, and each chosen peer's, per 1,000 residents for the same type and period. */
export const PeerWorking = z.strictObject({
  area: z.string().max(200),
  rate: z.number().finite().nullable(),
  peers: z
    .array(z.strictObject({ area: z.string().max(200), rate: z.number().finite().nullable(), note: z.string().max(300).optional() }))
    .max(100),
  /** The mean of the peers' rates that exist; null when none does. */
  peerMean: z.number().finite().nullable(),
  /** Why there is no ratio, when there is none. */
  note: z.string().max(300).optional(),
});
export type PeerWorking = z.infer<typeof PeerWorking>;

export const OffenceInputs = z.strictObject({
  /** A stable identifier such as 'subgroup:violence-with-injury'. Unique within one scoring. */
  key: z.string().trim().min(1).max(200),
  /** What the analyst reads: 'Violence with injury'. */
  label: z.string().trim().min(1).max(200),
  /**
   * The rate shown beside the type: per 1,000 residents (per 1,000 households for residential
   * burglary). Runs scored before volume had one denominator ranked volume on it.
   */
  ratePer1000: OptionalFigure,
  /**
   * Volume (method 2 on): offences per 1,000 residents of the area the type's source covers,
   * for every type, or the count itself where no population is known (volumeBasis says which).
   */
  volume: OptionalFigure.optional(),
  volumeBasis: z.enum(['per-1000-residents', 'count']).optional(),
  /** Offences in the assessment period. */
  currentCount: Count,
  /** Offences in the comparison period: the base of the percentage change. */
  previousCount: Count,
  /** Change on the comparison period, in per cent (+12.5 for a rise of 12.5%). */
  percentChange: OptionalFigure,
  /**
   * Whether the change is significant: from method 2 the exact conditional test's p < 0.05;
   * in runs scored before it, the Poisson test |2(√current − √previous)| > 1.96.
   */
  significant: z.boolean(),
  /** The exact conditional test's two-sided p-value (method 2 on). */
  pValue: z.number().min(0).max(1).optional(),
  /** The mean ONS Crime Severity Score weight per offence (domain.md §2.1). */
  meanHarmWeight: OptionalFigure,
  /** Σ count × weight: the first tie-break. */
  totalHarm: OptionalFigure,
  /** The partnership's rate divided by its Most Similar Group's average rate (1 = in line). */
  peerRatio: OptionalFigure,
  /** How the peer ratio was worked out, for the working (method 2 on). */
  peer: PeerWorking.optional(),
  /** How harm was priced (method 2 on): the basis and the sentence the working shows. */
  harmPricing: z
    .strictObject({ basis: z.enum(['code-level', 'code-counts', 'unweighted-mean', 'not-applicable']), text: z.string().max(600) })
    .optional(),
});
export type OffenceInputs = z.infer<typeof OffenceInputs>;

/** The offence fields a data-driven factor can read. */
export const numericInputFields = ['ratePer1000', 'volume', 'percentChange', 'meanHarmWeight', 'peerRatio'] as const;
export const NumericInputField = z.enum(numericInputFields);
export type NumericInputField = z.infer<typeof NumericInputField>;

export const judgementScores = [1, 2, 3, 4, 5] as const;
export const JudgementScore = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type JudgementScore = z.infer<typeof JudgementScore>;

/**
 * An analyst's graded judgement of one factor for one offence type, with the written rationale
 * the brief asks for (vulnerability / hidden harm, public concern, organisational position,
 * confidence). Judgements are shared between templates through the factor id.
 */
export const Judgement = z.strictObject({
  factor: z.string().trim().min(1).max(60),
  offenceKey: z.string().trim().min(1).max(200),
  score: JudgementScore,
  rationale: z.string().trim().min(1, 'Give a rationale for the judgement.').max(4000),
});
export type Judgement = z.infer<typeof Judgement>;
