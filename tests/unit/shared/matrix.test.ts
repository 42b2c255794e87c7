import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MatrixDefinition,
  analyseSensitivity,
  compareRuns,
  createMatrixTemplate,
  freezeRun,
  grid4x4Template,
  matrixTemplateIds,
  matrixTemplates,
  morileStyleTemplate,
  parseMatrixDefinition,
  partnershipTemplate,
  replayFrozenRun,
  scoreMatrix,
  setFactorThresholds,
  setFactorWeight,
  setScoreBands,
  type Judgement,
  type JudgementScore,
  type MatrixTemplateId,
  type NumericInputField,
  type OffenceInputs,
  type RankedOffence,
} from '../../../shared/matrix';
import { WorkbenchError } from '../../../shared/result';

function offence(key: string, label: string, fields: Partial<Omit<OffenceInputs, 'key' | 'label'>>): OffenceInputs {
  return {
    key,
    label,
    ratePer1000: 1,
    currentCount: 100,
    previousCount: 100,
    percentChange: 0,
    significant: false,
    meanHarmWeight: 100,
    totalHarm: 10_000,
    peerRatio: 1,
    ...fields,
    // The volume factor ranks `volume` (per 1,000 residents for every type); in these tables it is the rate.
    volume: fields.volume !== undefined ? fields.volume : (fields.ratePer1000 ?? 1),
  };
}

const judge = (factor: string, offenceKey: string, score: JudgementScore): Judgement => ({
  factor,
  offenceKey,
  score,
  rationale: `${factor} judged ${score} for ${offenceKey}`,
});

/**
 * Six offence types worked by hand. Rates sorted: D 0.5 < B 0.9 < F 2 < C 4 < E 5 < A 6, so with
 * six distinct rates the mid-rank percentile is 100 × (2 × below + 1) / 12:
 * D 8.3, B 25, F 41.7, C 58.3, E 75, A 91.7.
 * The significance flags are the matrix's inputs as given (the Analysis sets them from the exact
 * conditional test); the small-number cap reads them only below 20 comparison cases.
 */
const handOffences: OffenceInputs[] = [
  offence('a', 'Violence with injury', {
    ratePer1000: 6,
    currentCount: 900,
    previousCount: 800,
    percentChange: 12.5,
    significant: true,
    meanHarmWeight: 250,
    totalHarm: 225_000,
    peerRatio: 1.3,
  }),
  offence('b', 'Rape', {
    ratePer1000: 0.9,
    currentCount: 130,
    previousCount: 100,
    percentChange: 30,
    significant: true,
    meanHarmWeight: 1100,
    totalHarm: 143_000,
    peerRatio: 1.05,
  }),
  offence('c', 'Shoplifting', {
    ratePer1000: 4,
    currentCount: 600,
    previousCount: 640,
    percentChange: -6.25,
    significant: false,
    meanHarmWeight: 12,
    totalHarm: 7200,
    peerRatio: 0.85,
  }),
  offence('d', 'Possession of weapons', {
    ratePer1000: 0.5,
    currentCount: 15,
    previousCount: 10,
    percentChange: 50,
    significant: false,
    meanHarmWeight: 445,
    totalHarm: 6675,
    peerRatio: null,
  }),
  offence('e', 'Criminal damage', {
    ratePer1000: 5,
    currentCount: 750,
    previousCount: 1000,
    percentChange: -25,
    significant: true,
    meanHarmWeight: 7,
    totalHarm: 5250,
    peerRatio: 0.75,
  }),
  offence('f', 'Stalking and harassment', {
    ratePer1000: 2,
    currentCount: 300,
    previousCount: 300,
    percentChange: 0,
    significant: false,
    meanHarmWeight: 36,
    totalHarm: 10_800,
    peerRatio: 0.95,
  }),
];

/** Vulnerability A3 B5 C1 D4 E2 F5; concern A4 B3 C3 D5 E5, none for F; organisational position A2 B4; confidence A4. */
const handJudgements: Judgement[] = [
  judge('vulnerability', 'a', 3),
  judge('vulnerability', 'b', 5),
  judge('vulnerability', 'c', 1),
  judge('vulnerability', 'd', 4),
  judge('vulnerability', 'e', 2),
  judge('vulnerability', 'f', 5),
  judge('concern', 'a', 4),
  judge('concern', 'b', 3),
  judge('concern', 'c', 3),
  judge('concern', 'd', 5),
  judge('concern', 'e', 5),
  judge('organisational-position', 'a', 2),
  judge('organisational-position', 'b', 4),
  judge('confidence', 'a', 4),
];

const byKey = (ranking: readonly RankedOffence[]) => new Map(ranking.map((row) => [row.key, row]));
const factorScores = (row: RankedOffence) => Object.fromEntries(Object.entries(row.factors).map(([id, working]) => [id, working.score]));
const rankOrder = (ranking: readonly RankedOffence[]) => ranking.map((row) => row.key);

describe('the partnership matrix, against a hand-computed table', () => {
  const ranking = scoreMatrix(partnershipTemplate(), handOffences, handJudgements);
  const rows = byKey(ranking);

  it('scores every factor as worked by hand', () => {
    // volume: quintile of the percentile rank (cuts 20/40/60/80, a rank on a cut goes up).
    // trend: ≤ −20 → 1; (−20, −5] → 2; (−5, 5] → 3; (5, 20] → 4; > 20 → 5; D's +50% is not
    //   significant on 10 previous cases, so capped at 3.
    // harm: < 10 → 1; [10, 50) → 2; [50, 200) → 3; [200, 1000) → 4; ≥ 1000 → 5.
    // peer: < 0.8 → 1; [0.8, 0.9) → 2; [0.9, 1.1) → 3; [1.1, 1.25) → 4; ≥ 1.25 → 5; D has none → 3.
    // concern: F has no judgement → 3.
    expect(factorScores(rows.get('a')!)).toEqual({ volume: 5, trend: 4, harm: 4, vulnerability: 3, concern: 4, peer: 5 });
    expect(factorScores(rows.get('b')!)).toEqual({ volume: 2, trend: 5, harm: 5, vulnerability: 5, concern: 3, peer: 3 });
    expect(factorScores(rows.get('c')!)).toEqual({ volume: 3, trend: 2, harm: 2, vulnerability: 1, concern: 3, peer: 2 });
    expect(factorScores(rows.get('d')!)).toEqual({ volume: 1, trend: 3, harm: 4, vulnerability: 4, concern: 5, peer: 3 });
    expect(factorScores(rows.get('e')!)).toEqual({ volume: 4, trend: 1, harm: 1, vulnerability: 2, concern: 5, peer: 1 });
    expect(factorScores(rows.get('f')!)).toEqual({ volume: 3, trend: 3, harm: 2, vulnerability: 5, concern: 3, peer: 3 });
  });

  it('adds the contributions with harm weighted ×2 and ranks them, ties broken on total harm', () => {
    // A 5 + 4 + 2×4 + 3 + 4 + 5 = 29
    // B 2 + 5 + 2×5 + 5 + 3 + 3 = 28
    // D 1 + 3 + 2×4 + 4 + 5 + 3 = 24
    // F 3 + 3 + 2×2 + 5 + 3 + 3 = 21
    // C 3 + 2 + 2×2 + 1 + 3 + 2 = 15  ┐ tied: C's total harm 7,200 beats E's 5,250
    // E 4 + 1 + 2×1 + 2 + 5 + 1 = 15  ┘
    expect(ranking.map((row) => [row.rank, row.key, row.score])).toEqual([
      [1, 'a', 29],
      [2, 'b', 28],
      [3, 'd', 24],
      [4, 'f', 21],
      [5, 'c', 15],
      [6, 'e', 15],
    ]);
    expect(rows.get('a')!.factors.harm).toEqual({ input: 250, band: '200 to under 1,000', score: 4, weight: 2, contribution: 8 });
    expect(rows.get('e')!.tieBreak).toBe('Tied on 15 with Shoplifting; ranked below it on total harm (5,250 against 7,200).');
    expect(rows.get('c')!.tieBreak).toBeUndefined();
    expect(rows.get('a')!.band).toBeUndefined();
  });

  it('makes the score exactly the sum of the contributions, each score × weight', () => {
    for (const row of ranking) {
      const contributions = Object.values(row.factors).map((working) => working.contribution);
      expect(row.score).toBe(contributions.reduce((sum, contribution) => sum + contribution, 0));
      for (const working of Object.values(row.factors)) expect(working.contribution).toBe(working.score * working.weight);
    }
  });

  it('shows its working: bands in words, the rationale, and what was missing', () => {
    const d = rows.get('d')!;
    expect(d.factors.trend).toMatchObject({ input: 50, band: 'rising sharply (over +20%)', score: 3 });
    expect(d.factors.trend!.note).toBe(
      'Capped at 3: the change is not statistically significant and rests on fewer than 20 cases (10 in the comparison period).',
    );
    expect(d.factors.peer).toMatchObject({ input: null, band: 'no Most Similar Group figure', score: 3 });
    expect(d.factors.vulnerability).toMatchObject({ input: 4, band: 'high (judgement 4)', note: 'vulnerability judged 4 for d' });
    expect(rows.get('f')!.factors.concern).toMatchObject({
      input: null,
      band: 'no judgement recorded',
      score: 3,
      note: 'No judgement recorded: scored the default 3.',
    });
    expect(rows.get('b')!.factors.volume!.band).toBe('quintile 2 of 5 (percentile rank 25 among 6 types)');
    expect(rows.get('e')!.factors.trend!.band).toBe('falling sharply (−20% or less)');
    expect(rows.get('a')!.beside).toEqual({
      'organisational-position': { input: 2, band: 'mostly covered (judgement 2)', score: 2, note: 'organisational-position judged 2 for a' },
      confidence: { input: 4, band: 'high (judgement 4)', score: 4, note: 'confidence judged 4 for a' },
    });
    expect(rows.get('c')!.beside!.confidence).toEqual({ input: null, band: 'no judgement recorded', score: null });
  });
});

describe('the MoRiLE-style matrix, against a hand-computed table', () => {
  const ranking = scoreMatrix(morileStyleTemplate(), handOffences, handJudgements);
  const rows = byKey(ranking);

  it('multiplies the rounded impact and likelihood means and bands the risk', () => {
    // Factor scores as in the partnership table; every weight 1; each side rounded half up.
    //      impact (harm, vulnerability, concern)   likelihood (volume, trend, peer)   risk
    // A    (4 + 3 + 4) / 3 = 3.67 → 4             (5 + 4 + 5) / 3 = 4.67 → 5           20 red
    // B    (5 + 5 + 3) / 3 = 4.33 → 4             (2 + 5 + 3) / 3 = 3.33 → 3           12 amber
    // F    (2 + 5 + 3) / 3 = 3.33 → 3             (3 + 3 + 3) / 3 = 3    → 3            9 amber
    // D    (4 + 4 + 5) / 3 = 4.33 → 4             (1 + 3 + 3) / 3 = 2.33 → 2            8 amber
    // E    (1 + 2 + 5) / 3 = 2.67 → 3             (4 + 1 + 1) / 3 = 2    → 2            6 green
    // C    (2 + 1 + 3) / 3 = 2    → 2             (3 + 2 + 2) / 3 = 2.33 → 2            4 green
    expect(ranking.map((row) => [row.rank, row.key, row.sides!.impact.score, row.sides!.likelihood.score, row.score, row.band])).toEqual([
      [1, 'a', 4, 5, 20, 'red'],
      [2, 'b', 4, 3, 12, 'amber'],
      [3, 'f', 3, 3, 9, 'amber'],
      [4, 'd', 4, 2, 8, 'amber'],
      [5, 'e', 3, 2, 6, 'green'],
      [6, 'c', 2, 2, 4, 'green'],
    ]);
    expect(rows.get('a')!.sides!.impact).toEqual({
      factors: ['harm', 'vulnerability', 'concern'],
      weightedTotal: 11,
      totalWeight: 3,
      mean: 11 / 3,
      score: 4,
    });
    expect(rows.get('a')!.factors.peer).toMatchObject({ score: 5, weight: 1, contribution: 5 });
  });

  it('grades organisational position and confidence beside the score without counting them', () => {
    const withoutBeside = handJudgements.filter((judgement) => !['organisational-position', 'confidence'].includes(judgement.factor));
    const scores = scoreMatrix(morileStyleTemplate(), handOffences, withoutBeside).map((row) => row.score);
    expect(scores).toEqual(ranking.map((row) => row.score));
    expect(rows.get('b')!.beside!['organisational-position']).toMatchObject({ input: 4, score: 4, band: 'little capacity or capability (judgement 4)' });
    expect(Object.keys(rows.get('b')!.factors)).not.toContain('confidence');
  });
});

describe('the 4×4 grid, against a hand-computed table', () => {
  const ranking = scoreMatrix(grid4x4Template(), handOffences, handJudgements);
  const rows = byKey(ranking);

  it('reads the inputs onto 1–4 as documented', () => {
    // volume quartiles (cuts 25/50/75): D 8.3 → 1, B 25 → 2 (on the cut, goes up), F 41.7 → 2,
    //   C 58.3 → 3, E 75 → 4, A 91.7 → 4.
    // trend ≤ −5 → 1, (−5, 5] → 2, (5, 20] → 3, > 20 → 4; D's +50% capped at 2.
    // harm < 10 → 1, [10, 100) → 2, [100, 1000) → 3, ≥ 1000 → 4.
    // judgements 1–2 → 1, 3 → 2, 4 → 3, 5 → 4; F has no concern judgement → 2.
    expect(factorScores(rows.get('a')!)).toEqual({ harm: 3, vulnerability: 2, concern: 3, volume: 4, trend: 3 });
    expect(factorScores(rows.get('b')!)).toEqual({ harm: 4, vulnerability: 4, concern: 2, volume: 2, trend: 4 });
    expect(factorScores(rows.get('c')!)).toEqual({ harm: 2, vulnerability: 1, concern: 2, volume: 3, trend: 1 });
    expect(factorScores(rows.get('d')!)).toEqual({ harm: 3, vulnerability: 3, concern: 4, volume: 1, trend: 2 });
    expect(factorScores(rows.get('e')!)).toEqual({ harm: 1, vulnerability: 1, concern: 4, volume: 4, trend: 1 });
    expect(factorScores(rows.get('f')!)).toEqual({ harm: 2, vulnerability: 4, concern: 2, volume: 2, trend: 2 });
    expect(rows.get('d')!.factors.trend!.note).toContain('Capped at 2');
    expect(rows.get('e')!.factors.vulnerability!.band).toBe('low (judgement 1–2)');
  });

  it('multiplies impact by likelihood into 1–16, breaking the three-way tie on total harm', () => {
    //      impact                         likelihood               grid
    // A    (3 + 2 + 3) / 3 = 2.67 → 3     (4 + 3) / 2 = 3.5 → 4    12 very high
    // B    (4 + 4 + 2) / 3 = 3.33 → 3     (2 + 4) / 2 = 3   → 3     9 high
    // F    (2 + 4 + 2) / 3 = 2.67 → 3     (2 + 2) / 2 = 2   → 2     6 medium ┐ total harm
    // D    (3 + 3 + 4) / 3 = 3.33 → 3     (1 + 2) / 2 = 1.5 → 2     6 medium │ 10,800 > 6,675
    // E    (1 + 1 + 4) / 3 = 2    → 2     (4 + 1) / 2 = 2.5 → 3     6 medium ┘ > 5,250
    // C    (2 + 1 + 2) / 3 = 1.67 → 2     (3 + 1) / 2 = 2   → 2     4 medium
    expect(ranking.map((row) => [row.rank, row.key, row.sides!.impact.score, row.sides!.likelihood.score, row.score, row.band])).toEqual([
      [1, 'a', 3, 4, 12, 'very high'],
      [2, 'b', 3, 3, 9, 'high'],
      [3, 'f', 3, 2, 6, 'medium'],
      [4, 'd', 3, 2, 6, 'medium'],
      [5, 'e', 2, 3, 6, 'medium'],
      [6, 'c', 2, 2, 4, 'medium'],
    ]);
    expect(rows.get('d')!.tieBreak).toBe('Tied on 6 with Stalking and harassment; ranked below it on total harm (6,675 against 10,800).');
    expect(rows.get('e')!.tieBreak).toBe('Tied on 6 with Possession of weapons; ranked below it on total harm (5,250 against 6,675).');
    expect(Object.keys(rows.get('a')!.factors)).not.toContain('peer');
  });
});

describe('the trend cap on small numbers', () => {
  const trendOf = (template: MatrixTemplateId, fields: Partial<OffenceInputs>) => {
    const [row] = scoreMatrix(createMatrixTemplate(template), [offence('x', 'X', fields)], []);
    return row!.factors.trend!;
  };

  it('caps a change that is not significant on fewer than 20 previous cases at 3', () => {
    expect(trendOf('partnership', { percentChange: 50, previousCount: 19, currentCount: 28, significant: false })).toMatchObject({ score: 3 });
    expect(trendOf('partnership', { percentChange: 15, previousCount: 5, currentCount: 6, significant: false }).score).toBe(3);
    expect(trendOf('partnership', { percentChange: 15, previousCount: 5, currentCount: 6, significant: false }).note).toMatch(/^Capped at 3/);
  });

  it('leaves significant changes, changes on 20 or more cases, and falls uncapped', () => {
    expect(trendOf('partnership', { percentChange: 50, previousCount: 10, currentCount: 35, significant: true }).score).toBe(5);
    expect(trendOf('partnership', { percentChange: 50, previousCount: 20, currentCount: 30, significant: false }).score).toBe(5);
    expect(trendOf('partnership', { percentChange: -50, previousCount: 6, currentCount: 3, significant: false })).toMatchObject({ score: 1 });
    expect(trendOf('partnership', { percentChange: -50, previousCount: 6, currentCount: 3, significant: false }).note).toBeUndefined();
  });

  it('scores a type new this period at the top unless the cap applies', () => {
    expect(trendOf('partnership', { percentChange: null, previousCount: 0, currentCount: 30, significant: true })).toMatchObject({
      score: 5,
      band: 'new: none in the comparison period',
    });
    expect(trendOf('partnership', { percentChange: null, previousCount: 0, currentCount: 2, significant: false }).score).toBe(3);
    expect(trendOf('partnership', { percentChange: null, previousCount: 0, currentCount: 0 })).toMatchObject({ score: 3, band: 'no figure' });
  });

  it('caps at the grid’s "stable" band, 2, in the 4×4 grid', () => {
    expect(trendOf('grid-4x4', { percentChange: 50, previousCount: 8, currentCount: 12, significant: false }).score).toBe(2);
    expect(trendOf('grid-4x4', { percentChange: 50, previousCount: 8, currentCount: 12, significant: true }).score).toBe(4);
  });

  it('puts a change exactly on a threshold in the band below, as "≤ −20" and "> +20" say', () => {
    const scores = [-20, -5, 5, 20, 20.01].map((percentChange) => trendOf('partnership', { percentChange, significant: true }).score);
    expect(scores).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('tie-breaks', () => {
  // Identical factor inputs (mean harm 60 and 70 share the 50–200 band), so every score ties.
  const tied = [
    offence('w', 'Zeta', { totalHarm: 1000, meanHarmWeight: 60, currentCount: 10 }),
    offence('x', 'Yankee', { totalHarm: 2000, meanHarmWeight: 60, currentCount: 10 }),
    offence('y', 'X-ray', { totalHarm: 1000, meanHarmWeight: 70, currentCount: 10 }),
    offence('z', 'Whiskey', { totalHarm: 1000, meanHarmWeight: 60, currentCount: 20 }),
    offence('v', 'alpha', { totalHarm: 1000, meanHarmWeight: 60, currentCount: 10 }),
    offence('u', 'Beta', { totalHarm: null, meanHarmWeight: 60, currentCount: 10 }),
  ];

  it('breaks on total harm, then mean harm weight, then volume, then label; a missing figure goes last', () => {
    const ranking = scoreMatrix(partnershipTemplate(), tied, []);
    expect(new Set(ranking.map((row) => row.score)).size).toBe(1);
    expect(rankOrder(ranking)).toEqual(['x', 'y', 'z', 'v', 'w', 'u']);
    const rows = byKey(ranking);
    expect(rows.get('x')!.tieBreak).toBeUndefined();
    expect(rows.get('y')!.tieBreak).toBe('Tied on 21 with Yankee; ranked below it on total harm (1,000 against 2,000).');
    expect(rows.get('z')!.tieBreak).toBe('Tied on 21 with X-ray; ranked below it on mean harm weight (60 against 70).');
    expect(rows.get('v')!.tieBreak).toBe('Tied on 21 with Whiskey; ranked below it on volume (10 against 20).');
    expect(rows.get('w')!.tieBreak).toBe('Tied on 21 with alpha; ranked below it on label (alphabetical order).');
    expect(rows.get('u')!.tieBreak).toBe('Tied on 21 with Zeta; ranked below it on total harm (none against 1,000).');
  });

  it('gives the same order whatever order the types arrive in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(tied, { minLength: tied.length, maxLength: tied.length }), (shuffled) => {
        expect(scoreMatrix(partnershipTemplate(), shuffled, [])).toEqual(scoreMatrix(partnershipTemplate(), tied, []));
      }),
    );
  });

  it('treats float noise from decimal weights as a tie', () => {
    // Weights 0.1 and 0.2: P scores 3 × 0.1 + 3 × 0.2 = 0.9000000000000001 and Q 5 × 0.1 + 2 × 0.2
    // = 0.9, the same score to six places, so the tie-break (total harm) decides, not the noise.
    const twoFactor = parseMatrixDefinition({
      ...partnershipTemplate(),
      factors: partnershipTemplate()
        .factors.filter((factor) => factor.id === 'vulnerability' || factor.id === 'concern')
        .map((factor) => ({ ...factor, weight: factor.id === 'vulnerability' ? 0.1 : 0.2 })),
    });
    const ranking = scoreMatrix(
      twoFactor,
      [offence('p', 'Noisy', { totalHarm: 1 }), offence('q', 'Exact', { totalHarm: 2 })],
      [judge('vulnerability', 'p', 3), judge('concern', 'p', 3), judge('vulnerability', 'q', 5), judge('concern', 'q', 2)],
    );
    expect(ranking.map((row) => [row.key, row.score])).toEqual([
      ['q', 0.9],
      ['p', 0.9000000000000001],
    ]);
    expect(ranking[1]!.tieBreak).toContain('total harm');
  });
});

describe('matrix definitions', () => {
  it('ships three templates that validate and survive a JSON round trip', () => {
    expect(matrixTemplates.map((template) => template.id)).toEqual([...matrixTemplateIds]);
    for (const id of matrixTemplateIds) {
      const definition = createMatrixTemplate(id);
      expect(parseMatrixDefinition(JSON.parse(JSON.stringify(definition)))).toEqual(definition);
      expect(definition.template).toBe(id);
    }
  });

  it('never calls the MoRiLE-style template MoRiLE', () => {
    const texts = [
      ...matrixTemplates.flatMap((template) => [template.name, template.summary]),
      ...matrixTemplateIds.flatMap((id) => {
        const definition = createMatrixTemplate(id);
        return [definition.name, ...definition.factors.flatMap((factor) => [factor.label, factor.description])];
      }),
    ];
    for (const text of texts) expect(text.replaceAll('MoRiLE-style', '')).not.toContain('MoRiLE');
  });

  it('weights harm ×2 and the rest ×1 by default', () => {
    const weights = Object.fromEntries(partnershipTemplate().factors.map((factor) => [factor.id, factor.weight]));
    expect(weights).toEqual({ volume: 1, trend: 1, harm: 2, vulnerability: 1, concern: 1, peer: 1, 'organisational-position': 0, confidence: 0 });
  });

  it('sets a weight on a new definition and leaves the old one alone', () => {
    const original = partnershipTemplate();
    const edited = setFactorWeight(original, 'harm', 3);
    expect(edited.factors.find((factor) => factor.id === 'harm')!.weight).toBe(3);
    expect(original.factors.find((factor) => factor.id === 'harm')!.weight).toBe(2);
    expect(setFactorWeight(original, 'peer', 0).factors.find((factor) => factor.id === 'peer')!.weight).toBe(0);
  });

  it('refuses weights below 0, unknown factors, beside factors and a side left without weight', () => {
    const definition = morileStyleTemplate();
    expect(() => setFactorWeight(definition, 'harm', -1)).toThrow('A weight is a number of 0 or more; Harm (mean crime severity weight) was given -1.');
    expect(() => setFactorWeight(definition, 'harm', Number.NaN)).toThrow(WorkbenchError);
    expect(() => setFactorWeight(definition, 'colour', 1)).toThrow('The matrix has no factor "colour". Its factors are: harm,');
    expect(() => setFactorWeight(definition, 'confidence', 1)).toThrow('graded beside the score');
    const noHarm = setFactorWeight(setFactorWeight(definition, 'harm', 0), 'vulnerability', 0);
    expect(() => setFactorWeight(noHarm, 'concern', 0)).toThrow('At least one impact factor must carry a weight above 0.');
  });

  it('sets thresholds: scale − 1 of them, strictly ascending', () => {
    const definition = partnershipTemplate();
    const edited = setFactorThresholds(definition, 'harm', [5, 20, 100, 500]);
    expect(edited.factors.find((factor) => factor.id === 'harm')!.thresholds).toEqual([5, 20, 100, 500]);
    expect(byKey(scoreMatrix(edited, handOffences, handJudgements)).get('a')!.factors.harm!.band).toBe('100 to under 500');
    expect(() => setFactorThresholds(definition, 'harm', [10, 50, 200])).toThrow('needs 4 thresholds; 3 were given');
    expect(() => setFactorThresholds(definition, 'harm', [10, 50, 50, 1000])).toThrow('thresholds must rise strictly');
    expect(() => setFactorThresholds(definition, 'harm', [10, 50, Number.POSITIVE_INFINITY, 1000])).toThrow('must be a number');
    expect(() => setFactorThresholds(definition, 'volume', [0, 40, 60, 80])).toThrow('strictly between 0 and 100');
    expect(() => setFactorThresholds(grid4x4Template(), 'harm', [10, 100, 1000, 5000])).toThrow('needs 3 thresholds');
  });

  it('edits the red/amber/green bands, lowest first', () => {
    const definition = setScoreBands(morileStyleTemplate(), [
      { label: 'green', minimum: 1 },
      { label: 'amber', minimum: 6 },
      { label: 'red', minimum: 12 },
    ]);
    expect(byKey(scoreMatrix(definition, handOffences, handJudgements)).get('b')!.band).toBe('red');
    expect(() => setScoreBands(definition, [{ label: 'red', minimum: 15 }, { label: 'green', minimum: 1 }])).toThrow('lowest first');
  });

  it('rejects a malformed stored definition with a readable message', () => {
    expect(() => parseMatrixDefinition({ ...partnershipTemplate(), template: 'morile' })).toThrow(WorkbenchError);
    const duplicated = { ...partnershipTemplate(), factors: [...partnershipTemplate().factors, partnershipTemplate().factors[0]] };
    expect(() => parseMatrixDefinition(duplicated)).toThrow('Two factors share the id "volume".');
    const wrongRole = { ...partnershipTemplate(), factors: partnershipTemplate().factors.map((factor) => ({ ...factor, role: 'impact' })) };
    expect(() => parseMatrixDefinition(wrongRole)).toThrow('a partnership matrix has no "impact" factors');
  });

  it('refuses to score a list that names an offence type twice', () => {
    expect(() => scoreMatrix(partnershipTemplate(), [handOffences[0]!, handOffences[0]!], [])).toThrow('listed twice');
  });
});

// Property tests -----------------------------------------------------------------------------

const figure = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 6 });
const judgementScoreArb = fc.constantFrom<JudgementScore>(1, 2, 3, 4, 5);
const judgementFactorIds = ['vulnerability', 'concern', 'organisational-position', 'confidence'] as const;

const offenceFieldsArb = fc.record({
  ratePer1000: maybe(figure(0, 60)),
  currentCount: fc.nat({ max: 3000 }),
  previousCount: fc.nat({ max: 3000 }),
  percentChange: maybe(figure(-100, 400)),
  significant: fc.boolean(),
  meanHarmWeight: maybe(figure(0, 8000)),
  totalHarm: maybe(figure(0, 1e7)),
  peerRatio: maybe(figure(0, 4)),
  // Few distinct rates and labels, so that ties happen.
  tiedRate: fc.boolean(),
  judgements: fc.record({
    vulnerability: fc.option(judgementScoreArb, { nil: undefined }),
    concern: fc.option(judgementScoreArb, { nil: undefined }),
    'organisational-position': fc.option(judgementScoreArb, { nil: undefined }),
    confidence: fc.option(judgementScoreArb, { nil: undefined }),
  }),
});

interface Scenario {
  definition: MatrixDefinition;
  offences: OffenceInputs[];
  judgements: Judgement[];
}

const templateArb = fc.constantFrom<MatrixTemplateId>(...matrixTemplateIds);

/** A template, possibly with random weights (kept only when the definition stays valid). */
const definitionArb = fc
  .tuple(templateArb, fc.array(fc.oneof(fc.constant(1), fc.constant(0), figure(0, 5)), { minLength: 8, maxLength: 8 }), fc.boolean())
  .map(([template, weights, reweight]) => {
    const definition = createMatrixTemplate(template);
    if (!reweight) return definition;
    const candidate = {
      ...definition,
      factors: definition.factors.map((factor, index) => (factor.role === 'beside' ? factor : { ...factor, weight: weights[index]! })),
    };
    return MatrixDefinition.safeParse(candidate).success ? (candidate as MatrixDefinition) : definition;
  });

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .tuple(definitionArb, fc.array(offenceFieldsArb, { minLength: 1, maxLength: 12 }))
  .map(([definition, rows]) => {
    const offences = rows.map(
      (row, index): OffenceInputs => ({
        key: `offence-${index}`,
        label: `Offence ${index % 4}`,
        ratePer1000: row.tiedRate ? 2.5 : row.ratePer1000,
        currentCount: row.currentCount,
        previousCount: row.previousCount,
        percentChange: row.percentChange,
        significant: row.significant,
        meanHarmWeight: row.meanHarmWeight,
        totalHarm: row.totalHarm,
        peerRatio: row.peerRatio,
      }),
    );
    const judgements = rows.flatMap((row, index) =>
      judgementFactorIds.flatMap((factor) => {
        const score = row.judgements[factor];
        return score === undefined ? [] : [judge(factor, `offence-${index}`, score)];
      }),
    );
    return { definition, offences, judgements };
  });

const scoresByKey = (ranking: readonly RankedOffence[]) => new Map(ranking.map((row) => [row.key, row.score]));
const numericFields: readonly NumericInputField[] = ['ratePer1000', 'percentChange', 'meanHarmWeight', 'peerRatio'];

describe('properties of scoring', () => {
  it('never lowers an offence’s score when one of its factor inputs rises, the others held fixed', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.constantFrom<NumericInputField | 'vulnerability' | 'concern'>(...numericFields, 'vulnerability', 'concern'),
        figure(1e-6, 500),
        (scenario, pick, field, rise) => {
          const target = scenario.offences[pick % scenario.offences.length]!;
          let raised: Scenario;
          if (field === 'vulnerability' || field === 'concern') {
            const current = scenario.judgements.find((judgement) => judgement.factor === field && judgement.offenceKey === target.key);
            fc.pre(current !== undefined && current.score < 5);
            const higher = Math.min(5, current!.score + Math.ceil(rise % 4)) as JudgementScore;
            raised = {
              ...scenario,
              judgements: scenario.judgements.map((judgement) => (judgement === current ? { ...judgement, score: higher } : judgement)),
            };
          } else {
            const value = target[field];
            fc.pre(value !== null);
            raised = {
              ...scenario,
              offences: scenario.offences.map((row) => (row === target ? { ...row, [field]: value! + rise } : row)),
            };
          }
          const before = scoresByKey(scoreMatrix(scenario.definition, scenario.offences, scenario.judgements)).get(target.key)!;
          const after = scoresByKey(scoreMatrix(raised.definition, raised.offences, raised.judgements)).get(target.key)!;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ranks 1…n with no rank shared or skipped', () => {
    fc.assert(
      fc.property(scenarioArb, ({ definition, offences, judgements }) => {
        const ranking = scoreMatrix(definition, offences, judgements);
        expect(ranking.map((row) => row.rank)).toEqual(offences.map((_, index) => index + 1));
        expect(new Set(ranking.map((row) => row.key)).size).toBe(offences.length);
        for (let index = 1; index < ranking.length; index += 1) {
          expect(ranking[index - 1]!.score).toBeGreaterThanOrEqual(ranking[index]!.score - 1e-6);
        }
      }),
    );
  });

  it('gives identical outputs for identical inputs, whatever their order', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ definition, offences, judgements }, rotation) => {
        const first = scoreMatrix(definition, offences, judgements);
        expect(scoreMatrix(structuredClone(definition), structuredClone(offences), structuredClone(judgements))).toEqual(first);
        const turn = rotation % offences.length;
        const rotated = [...offences.slice(turn), ...offences.slice(0, turn)];
        expect(scoreMatrix(definition, rotated, [...judgements].reverse())).toEqual(first);
      }),
    );
  });

  it('removes a factor’s influence when its weight is 0', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.nat(),
        fc.array(fc.tuple(maybe(figure(-100, 8000)), fc.option(judgementScoreArb, { nil: undefined })), { minLength: 12, maxLength: 12 }),
        (scenario, pick, replacements) => {
          const scored = scenario.definition.factors.filter((factor) => factor.role !== 'beside');
          const factor = scored[pick % scored.length]!;
          let zeroed: MatrixDefinition;
          try {
            zeroed = setFactorWeight(scenario.definition, factor.id, 0);
          } catch {
            fc.pre(false);
            return;
          }
          const field: NumericInputField | null = factor.kind === 'peer' ? 'peerRatio' : factor.kind === 'judgement' ? null : factor.input;
          const offences = field
            ? scenario.offences.map((row, index) => ({ ...row, [field]: replacements[index]![0] }))
            : scenario.offences;
          const judgements = field
            ? scenario.judgements
            : [
                ...scenario.judgements.filter((judgement) => judgement.factor !== factor.id),
                ...scenario.offences.flatMap((row, index) => {
                  const score = replacements[index]![1];
                  return score === undefined ? [] : [judge(factor.id, row.key, score)];
                }),
              ];
          const before = scoresByKey(scoreMatrix(zeroed, scenario.offences, scenario.judgements));
          const after = scoresByKey(scoreMatrix(zeroed, offences, judgements));
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sensitivity analysis', () => {
  it('repeats exactly with the same seed', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ definition, offences, judgements }, seed) => {
        const options = { draws: 60, seed, spread: 0.4 };
        expect(analyseSensitivity(definition, offences, judgements, options)).toEqual(analyseSensitivity(definition, offences, judgements, options));
      }),
      { numRuns: 50 },
    );
  });

  it('with a spread of 0, keeps every offence at its own rank in every draw', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ definition, offences, judgements }, seed) => {
        const ranking = scoreMatrix(definition, offences, judgements);
        const result = analyseSensitivity(definition, offences, judgements, { draws: 25, spread: 0, seed });
        expect(result.offences.map((row) => row.key)).toEqual(rankOrder(ranking));
        for (const row of result.offences) {
          expect([row.bestRank, row.worstRank, row.medianRank]).toEqual([row.rank, row.rank, row.rank]);
          expect(row.inTop).toEqual([
            { n: 4, share: row.rank <= 4 ? 1 : 0 },
            { n: 10, share: row.rank <= 10 ? 1 : 0 },
          ]);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('reports the rank range and top-N shares of the hand-computed table over 2,000 draws of ±25%', () => {
    const result = analyseSensitivity(partnershipTemplate(), handOffences, handJudgements);
    expect(result).toMatchObject({ draws: 2000, spread: 0.25, seed: 1998, topN: [4, 10] });
    expect(result.offences.map((row) => [row.key, row.rank, row.score])).toEqual([
      ['a', 1, 29],
      ['b', 2, 28],
      ['d', 3, 24],
      ['f', 4, 21],
      ['c', 5, 15],
      ['e', 6, 15],
    ]);
    for (const row of result.offences) {
      expect(row.bestRank).toBeLessThanOrEqual(row.medianRank);
      expect(row.medianRank).toBeLessThanOrEqual(row.worstRank);
      expect(row.inTop[1]!.share).toBe(1);
      expect(row.inTop[0]!.share).toBeGreaterThanOrEqual(0);
    }
    // A and B are a point apart, so moving weights swaps them sometimes; C and E tie and swap often.
    const rows = new Map(result.offences.map((row) => [row.key, row]));
    expect([rows.get('a')!.bestRank, rows.get('a')!.worstRank]).toEqual([1, 2]);
    expect(rows.get('c')!.worstRank).toBe(6);
    expect(rows.get('e')!.bestRank).toBe(5);
    expect(analyseSensitivity(partnershipTemplate(), handOffences, handJudgements, { seed: 7 })).not.toEqual(result);
  });

  it('refuses options it cannot honour', () => {
    expect(() => analyseSensitivity(partnershipTemplate(), handOffences, [], { spread: 1 })).toThrow('under 1');
    expect(() => analyseSensitivity(partnershipTemplate(), handOffences, [], { draws: 0 })).toThrow('draws');
    expect(() => analyseSensitivity(partnershipTemplate(), handOffences, [], { seed: -1 })).toThrow('seed');
  });
});

describe('run comparison', () => {
  it('reports rank and score changes, the factors behind them, and types added or removed', () => {
    const before = { definition: partnershipTemplate(), ranking: scoreMatrix(partnershipTemplate(), handOffences, handJudgements) };
    const harmOnce = setFactorWeight(partnershipTemplate(), 'harm', 1);
    const newcomer = offence('g', 'Theft from the person', {
      ratePer1000: 10,
      currentCount: 50,
      previousCount: 40,
      percentChange: 25,
      significant: false,
      meanHarmWeight: 30,
      totalHarm: 1500,
      peerRatio: null,
    });
    const laterOffences = [...handOffences.filter((row) => row.key !== 'e'), newcomer];
    const after = { definition: harmOnce, ranking: scoreMatrix(harmOnce, laterOffences, handJudgements) };
    // With harm ×1 and G's rate (10) now the highest: A 5→4 on volume, 24; B 23; G 5+5+2+3+3+3 = 21;
    // D 20; F 19; C 13.
    const comparison = compareRuns(before, after);
    expect(comparison.sameTemplate).toBe(true);
    expect(comparison.definitionChanges).toEqual([
      { kind: 'weight', factor: 'harm', label: 'Harm (mean crime severity weight)', before: 2, after: 1 },
    ]);
    expect(comparison.added).toEqual([{ key: 'g', label: 'Theft from the person', rank: 3, score: 21 }]);
    expect(comparison.removed).toEqual([{ key: 'e', label: 'Criminal damage', rank: 6, score: 15 }]);
    expect(comparison.movements.map((row) => [row.key, row.rankBefore, row.rankAfter, row.rankChange, row.scoreChange])).toEqual([
      ['a', 1, 1, 0, -5],
      ['b', 2, 2, 0, -5],
      ['d', 3, 4, -1, -4],
      ['f', 4, 5, -1, -2],
      ['c', 5, 6, -1, -2],
    ]);
    const a = comparison.movements[0]!;
    expect(a.drivers.map((driver) => [driver.factor, driver.delta])).toEqual([
      ['harm', -4],
      ['volume', -1],
    ]);
    expect(a.drivers[1]).toMatchObject({ inputBefore: 6, inputAfter: 6, scoreBefore: 5, scoreAfter: 4, weightBefore: 1, weightAfter: 1 });
  });

  it('finds nothing to explain between a run and itself', () => {
    const run = { definition: morileStyleTemplate(), ranking: scoreMatrix(morileStyleTemplate(), handOffences, handJudgements) };
    const comparison = compareRuns(run, run);
    expect(comparison.definitionChanges).toEqual([]);
    expect(comparison.added).toEqual([]);
    expect(comparison.removed).toEqual([]);
    expect(comparison.movements.every((row) => row.rankChange === 0 && row.scoreChange === 0 && row.drivers.length === 0)).toBe(true);
  });
});

describe('frozen runs', () => {
  it('replays a stored run to identical results, and notices a tampered one', () => {
    const frozen = freezeRun(grid4x4Template(), handOffences, handJudgements);
    const stored: unknown = JSON.parse(JSON.stringify(frozen));
    expect(replayFrozenRun(stored)).toMatchObject({ identical: true, differences: [] });
    expect(replayFrozenRun(stored).ranking).toEqual(frozen.ranking);

    const tampered = structuredClone(frozen);
    tampered.ranking[0]!.score = 16;
    expect(replayFrozenRun(JSON.parse(JSON.stringify(tampered)))).toMatchObject({
      identical: false,
      differences: ['Rank 1 (Violence with injury): the stored result differs from the replay.'],
    });
    expect(() => replayFrozenRun({ ...frozen, definition: { template: 'grid-4x4' } })).toThrow(WorkbenchError);
  });
});
