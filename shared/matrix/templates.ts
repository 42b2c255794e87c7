import {
  assertNever,
  matrixDefinitionSchemaVersion,
  type BandsFactor,
  type JudgementFactor,
  type MatrixDefinition,
  type MatrixTemplateId,
  type PeerFactor,
  type QuintileFactor,
} from './matrix-definition';

/**
 * The three matrices the workbench ships (brief §4 "Score"). Every number is a product default
 * from domain.md §6, not a published value: no CSP publishes its thresholds, and MoRiLE's
 * scales are not public, so the second template is "MoRiLE-style" and never claims to be it.
 * Each call returns a fresh definition that the caller may edit.
 */

const fivePointJudgement = [2, 3, 4, 5];

const judgementLabels = ['very low', 'low', 'moderate', 'high', 'very high'];

/** The shape every 1–5 judgement shares: read one to one, 3 when no judgement is recorded. */
function judgementFactor(
  factor: Pick<JudgementFactor, 'id' | 'label' | 'description' | 'bandLabels' | 'role' | 'weight'>,
): JudgementFactor {
  return { ...factor, kind: 'judgement', scale: 5, thresholds: fivePointJudgement, atThreshold: 'upper-band', missingScore: 3 };
}

/**
 * Vulnerability / hidden harm: the analyst's 1–5 with rationale (DA, hate, child, repeat-victim
 * flags, partner intelligence; Colchester's "Hidden Harms"; MoRiLE's victim vulnerability).
 */
function vulnerability(role: 'weighted' | 'impact'): JudgementFactor {
  return judgementFactor({
    id: 'vulnerability',
    label: 'Vulnerability and hidden harm',
    description:
      "The analyst's judgement, 1 (none known) to 5 (very high), with a written rationale: domestic abuse, hate, child and repeat-victim flags and partner intelligence. Without a judgement the factor scores 3.",
    role,
    weight: 1,
    bandLabels: ['none known', 'low', 'moderate', 'high', 'very high'],
  });
}

/** Public concern: fear-of-crime or resident survey, or the analyst's judgement (Colchester, Maldon). */
function publicConcern(role: 'weighted' | 'impact'): JudgementFactor {
  return judgementFactor({
    id: 'concern',
    label: 'Public concern',
    description:
      "The analyst's judgement or a resident survey, 1 (very low) to 5 (very high), with a written rationale. Without a judgement the factor scores 3.",
    role,
    weight: 1,
    bandLabels: judgementLabels,
  });
}

function volumeQuintiles(role: 'weighted' | 'likelihood'): QuintileFactor {
  return {
    id: 'volume',
    label: 'Volume (rate per 1,000 residents)',
    description:
      'Offences per 1,000 residents of the area the type’s source covers, the same denominator for every type (residential burglary too: its per-1,000-households rate is shown, not scored), scored by quintile of percentile rank across the offence types being scored: the bottom 20% score 1 and the top 20% score 5. Tied rates share a percentile rank (the mid-rank). Where no population is known the count itself is ranked, with a note. Only a type without a count is left out of the quintiles and scores 3.',
    kind: 'quintile',
    input: 'volume',
    role,
    weight: 1,
    scale: 5,
    thresholds: [20, 40, 60, 80],
    atThreshold: 'upper-band',
    missingScore: 3,
    bandLabels: null,
  };
}

/** Trend: % change bands ≤−20 / −20..−5 / ±5 / +5..+20 / >+20, capped at 3 on small numbers. */
function trendBands(role: 'weighted' | 'likelihood'): BandsFactor {
  return {
    id: 'trend',
    label: 'Trend (change on the comparison period)',
    description:
      'The percentage change on the comparison period: −20% or less scores 1; over −20% up to −5% scores 2; over −5% up to +5% scores 3; over +5% up to +20% scores 4; over +20% scores 5. A change that is not statistically significant on fewer than 20 cases in the comparison period is capped at 3. Significance is the exact conditional test: given n = current + previous, current is tested against Binomial(n, Tc ÷ (Tc + Tp)), two-sided as R’s binom.test, significant when p < 0.05. A type with no cases in the comparison period but some now scores 5 (then the cap applies). Without a figure the factor scores 3.',
    kind: 'bands',
    input: 'percentChange',
    role,
    weight: 1,
    scale: 5,
    thresholds: [-20, -5, 5, 20],
    atThreshold: 'lower-band',
    missingScore: 3,
    bandLabels: ['falling sharply', 'falling', 'stable', 'rising', 'rising sharply'],
    smallNumbersCap: { fewerThanCases: 20, capAt: 3 },
  };
}

/** Harm: mean ONS CSS weight per offence, log-like bands <10 / 10–50 / 50–200 / 200–1000 / ≥1000. */
function harmBands(role: 'weighted' | 'impact', weight: number): BandsFactor {
  return {
    id: 'harm',
    label: 'Harm (mean crime severity weight)',
    description:
      'The mean ONS Crime Severity Score weight per offence: the count-weighted mean of the Home Office codes’ weights where the source gives codes; otherwise the subgroup’s codes weighted by the code-level counts of another dataset in the workspace for the same area; only without one, the unweighted mean of the subgroup’s codes, with a caveat. Under 10 scores 1; 10 to under 50 scores 2; 50 to under 200 scores 3; 200 to under 1,000 scores 4; 1,000 or more scores 5. Without a figure the factor scores 3.',
    kind: 'bands',
    input: 'meanHarmWeight',
    role,
    weight,
    scale: 5,
    thresholds: [10, 50, 200, 1000],
    atThreshold: 'upper-band',
    missingScore: 3,
    bandLabels: null,
    smallNumbersCap: null,
  };
}

/**
 * Peer comparison: the rate over the Most Similar Group average. iQuanta's "significantly
 * above/below" needs confidence intervals the workbench does not import, so the bands are
 * ratios: within 10% of the average is in line; a rate 25% above (≥ 1.25), or under four-fifths
 * of it (< 0.8, the reciprocal of 1.25), is well above or well below.
 */
function peerComparison(): PeerFactor {
  return {
    id: 'peer',
    label: 'Peer comparison (Most Similar Group)',
    description:
      "The area's rate per 1,000 residents divided by the mean rate of the comparator areas the analyst chose (its Most Similar Group), for the same type and period: under 0.8 scores 1 (well below); 0.8 to under 0.9 scores 2 (below); 0.9 to under 1.1 scores 3 (in line); 1.1 to under 1.25 scores 4 (above); 1.25 or more scores 5 (well above). Without peers chosen, or without their figures, the factor scores 3, as in line.",
    kind: 'peer',
    role: 'weighted',
    weight: 1,
    scale: 5,
    thresholds: [0.8, 0.9, 1.1, 1.25],
    atThreshold: 'upper-band',
    missingScore: 3,
    bandLabels: [
      'well below the MSG average',
      'below the MSG average',
      'in line with the MSG average',
      'above the MSG average',
      'well above the MSG average',
    ],
  };
}

/** Graded beside the score, never in it (domain.md §1.3, §6: MoRiLE's organisational position). */
function organisationalPosition(): JudgementFactor {
  return judgementFactor({
    id: 'organisational-position',
    label: 'Organisational position (capacity and capability)',
    description:
      "The partners' judgement of their capacity and capability to respond, 1 (well covered) to 5 (no capacity or capability: a gap). Shown beside the score; it does not change it.",
    role: 'beside',
    weight: 0,
    bandLabels: ['well covered', 'mostly covered', 'partly covered', 'little capacity or capability', 'no capacity or capability (a gap)'],
  });
}

/** Confidence in the evidence: shown, not summed (domain.md §6). */
function confidence(): JudgementFactor {
  return judgementFactor({
    id: 'confidence',
    label: 'Confidence in the evidence',
    description:
      "The analyst's confidence in the data behind the score, 1 (very low) to 5 (very high). Shown beside the score; it does not change it.",
    role: 'beside',
    weight: 0,
    bandLabels: ['very low', 'low', 'medium', 'high', 'very high'],
  });
}

/**
 * Partnership matrix (default): six factors scored 1–5 and summed with weights, harm ×2 and the
 * rest ×1, so the score runs 7–35 (domain.md §6 formula 1). Organisational position and
 * confidence are shown alongside.
 */
export function partnershipTemplate(): MatrixDefinition {
  return {
    schemaVersion: matrixDefinitionSchemaVersion,
    template: 'partnership',
    name: 'Partnership matrix',
    factors: [
      volumeQuintiles('weighted'),
      trendBands('weighted'),
      harmBands('weighted', 2),
      vulnerability('weighted'),
      publicConcern('weighted'),
      peerComparison(),
      organisationalPosition(),
      confidence(),
    ],
    scoreBands: [],
  };
}

/**
 * MoRiLE-style: impact (harm, vulnerability, concern) × likelihood (volume, trend, peer). Each
 * side is the weighted mean of its factors' scores, rounded half up to 1–5, so the risk runs
 * 1–25. Red/amber/green as domain.md §6: green 1–6, amber 8–12, red 15–25 (the products 7, 13
 * and 14 cannot occur). Organisational position and confidence are graded beside it.
 */
export function morileStyleTemplate(): MatrixDefinition {
  return {
    schemaVersion: matrixDefinitionSchemaVersion,
    template: 'morile-style',
    name: 'MoRiLE-style impact × likelihood',
    factors: [
      harmBands('impact', 1),
      vulnerability('impact'),
      publicConcern('impact'),
      volumeQuintiles('likelihood'),
      trendBands('likelihood'),
      { ...peerComparison(), role: 'likelihood' },
      organisationalPosition(),
      confidence(),
    ],
    scoreBands: [
      { label: 'green', minimum: 1 },
      { label: 'amber', minimum: 8 },
      { label: 'red', minimum: 15 },
    ],
  };
}

/**
 * 4×4 impact × likelihood grid, as used by Fife CSP (domain.md §1.2): impact 1–4 × likelihood
 * 1–4 gives 1–16 (grid values 1,2,3,4 / 2,4,6,8 / 3,6,9,12 / 4,8,12,16). Fife publishes the
 * grid, not how it reads the data, so the mapping is ours:
 * - impact = rounded mean of harm (CSS bands < 10 / 10–100 / 100–1,000 / ≥ 1,000, one band per
 *   order of magnitude), vulnerability and public concern (judgements 1–2 → 1, 3 → 2, 4 → 3,
 *   5 → 4, so the neutral judgement 3 reads as the grid's lower middle);
 * - likelihood = rounded mean of volume (quartiles of rate) and trend (≤ −5% falling, ±5
 *   stable, +5..+20 rising, > +20 rising sharply; capped at 2, stable, when not significant on
 *   fewer than 20 cases);
 * - no peer factor: Scottish partnerships have no Most Similar Group;
 * - missing figures and judgements score 2, the lower middle, so absent evidence never lifts a type;
 * - bands: low 1–3, medium 4–6, high 8–9, very high 12–16.
 */
export function grid4x4Template(): MatrixDefinition {
  const gridJudgement = { scale: 4 as const, thresholds: [3, 4, 5], missingScore: 2, bandLabels: ['low', 'moderate', 'high', 'very high'] };
  return {
    schemaVersion: matrixDefinitionSchemaVersion,
    template: 'grid-4x4',
    name: '4×4 impact × likelihood grid',
    factors: [
      {
        ...harmBands('impact', 1),
        description:
          'The mean ONS Crime Severity Score weight per offence: under 10 scores 1; 10 to under 100 scores 2; 100 to under 1,000 scores 3; 1,000 or more scores 4. Without a figure the factor scores 2.',
        scale: 4,
        thresholds: [10, 100, 1000],
        missingScore: 2,
      },
      {
        ...vulnerability('impact'),
        ...gridJudgement,
        description:
          "The analyst's 1–5 judgement read onto the grid: 1–2 scores 1, 3 scores 2, 4 scores 3, 5 scores 4. Without a judgement the factor scores 2.",
      },
      {
        ...publicConcern('impact'),
        ...gridJudgement,
        description:
          "The analyst's 1–5 judgement read onto the grid: 1–2 scores 1, 3 scores 2, 4 scores 3, 5 scores 4. Without a judgement the factor scores 2.",
      },
      {
        ...volumeQuintiles('likelihood'),
        description:
          'Offences per 1,000 residents of the area the type’s source covers (the count where no population is known), by quartile of percentile rank across the offence types being scored: the bottom 25% score 1 and the top 25% score 4. A type without a count scores 2.',
        scale: 4,
        thresholds: [25, 50, 75],
        missingScore: 2,
      },
      {
        ...trendBands('likelihood'),
        description:
          'The percentage change on the comparison period: −5% or less scores 1 (falling); over −5% up to +5% scores 2 (stable); over +5% up to +20% scores 3 (rising); over +20% scores 4 (rising sharply). A change that is not statistically significant on fewer than 20 cases in the comparison period is capped at 2. Without a figure the factor scores 2.',
        scale: 4,
        thresholds: [-5, 5, 20],
        missingScore: 2,
        bandLabels: ['falling', 'stable', 'rising', 'rising sharply'],
        smallNumbersCap: { fewerThanCases: 20, capAt: 2 },
      },
    ],
    scoreBands: [
      { label: 'low', minimum: 1 },
      { label: 'medium', minimum: 4 },
      { label: 'high', minimum: 8 },
      { label: 'very high', minimum: 12 },
    ],
  };
}

export interface MatrixTemplateSummary {
  id: MatrixTemplateId;
  name: string;
  summary: string;
}

export const matrixTemplates: readonly MatrixTemplateSummary[] = [
  {
    id: 'partnership',
    name: 'Partnership matrix',
    summary: 'Six factors scored 1–5 and added with weights (harm counts twice); ties break on harm, then volume.',
  },
  {
    id: 'morile-style',
    name: 'MoRiLE-style impact × likelihood',
    summary:
      'Impact (harm, vulnerability, concern) × likelihood (volume, trend, peer), 1–25 with red, amber and green bands; organisational position and confidence graded beside it. The scales are the workbench’s own.',
  },
  {
    id: 'grid-4x4',
    name: '4×4 impact × likelihood grid',
    summary: 'Impact 1–4 × likelihood 1–4, giving 1–16, as in the grid Fife Community Safety Partnership uses.',
  },
];

export function createMatrixTemplate(id: MatrixTemplateId): MatrixDefinition {
  switch (id) {
    case 'partnership':
      return partnershipTemplate();
    case 'morile-style':
      return morileStyleTemplate();
    case 'grid-4x4':
      return grid4x4Template();
    default:
      return assertNever(id);
  }
}
