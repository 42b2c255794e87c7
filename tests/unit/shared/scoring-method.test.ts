import { describe, expect, it } from 'vitest';
import {
  compareRuns,
  freezeRun,
  partnershipTemplate,
  replayFrozenRun,
  scoreMatrix,
  type OffenceInputs,
  type PeerWorking,
} from '../../../shared/matrix';
import { compareCounts, exactConditionalTest, harmOf, harmPricing, summariseOffence, type PeriodCount } from '../../../shared/statistics';

/**
 * Scoring method 2 (brief.md, workflow 3–4): the exact conditional test, one denominator for
 * volume, peers that count and harm priced from the data, each against figures worked by hand.
 */

/**
 * The p-value the slow way, as the reference for the exact test: every binomial term as a
 * multiple of the mode's, in fixed point with 1,400 bits after the point, each from its
 * neighbour by the exact ratio (n − k) × Tc ÷ ((k + 1) × Tp) in whole-number arithmetic, then
 * the terms no more likely than the observed one (within R's 1e-7) divided by all of them.
 * Terms below 2^-1400 of the mode's become 0 and end each walk; nothing that small counts.
 */
function exactPValueByFullSum(current: number, previous: number, currentLength: number, previousLength: number): number {
  const n = current + previous;
  const [tc, tp] = [BigInt(currentLength), BigInt(previousLength)];
  const mode = Math.floor(((n + 1) * currentLength) / (currentLength + previousLength));
  const one = 1n << 1400n;
  const terms = new Map<number, bigint>([[mode, one]]);
  for (let k = mode, term = one; k < n && term > 0n; k += 1) {
    term = (term * BigInt(n - k) * tc) / (BigInt(k + 1) * tp);
    terms.set(k + 1, term);
  }
  for (let k = mode, term = one; k > 0 && term > 0n; k -= 1) {
    term = (term * BigInt(k) * tp) / (BigInt(n - k + 1) * tc);
    terms.set(k - 1, term);
  }
  const observed = terms.get(current)!;
  let all = 0n;
  let tails = 0n;
  for (const term of terms.values()) {
    all += term;
    if (term * 10_000_000n <= observed * 10_000_001n) tails += term;
  }
  // tails ÷ all as a double, scaled so that the quotient keeps 64 significant bits.
  const shift = all.toString(2).length - tails.toString(2).length + 64;
  return Number((tails << BigInt(shift)) / all) * 2 ** -shift;
}

describe('the exact conditional test', () => {
  // Two equal periods: given n, the assessment count is Binomial(n, ½), whose probabilities are
  // C(n, k) ÷ 2^n and symmetric, so the two-sided p-value is twice the tail from the observed count.
  it('does not call 1 → 5 significant, though the Poisson Z (2.47) does', () => {
    // n = 6: P(X ≥ 5) = (C(6,5) + C(6,6)) ÷ 64 = 7/64; two-sided 14/64 = 0.21875.
    const result = compareCounts(5, 1);
    expect(result.pValue).toBeCloseTo(0.21875, 12);
    expect(result.z).toBeCloseTo(2.472135955, 9);
    expect(result.significant).toBe(false);
    expect(result.verdict).toBe('no significant change');
  });

  it('calls 0 → 10 significant', () => {
    // n = 10: P(X = 10) = 1/1,024; two-sided 2/1,024 = 0.001953125.
    const result = compareCounts(10, 0);
    expect(result.pValue).toBeCloseTo(0.001953125, 14);
    expect(result.verdict).toBe('significant increase');
  });

  it('does not call 4 → 12 significant, though Z = 2.93', () => {
    // n = 16: P(X ≥ 12) = (1,820 + 560 + 120 + 16 + 1) ÷ 65,536 = 2,517/65,536; two-sided 2,517/32,768 = 0.0768127.
    const result = compareCounts(12, 4);
    expect(result.pValue).toBeCloseTo(2517 / 32768, 12);
    expect(result.z).toBeCloseTo(2.928203230, 9);
    expect(result.significant).toBe(false);
  });

  it('does not call 100 → 130 significant (p = 0.0556, as R’s binom.test(130, 230))', () => {
    // 2 × Σ_{k=130..230} C(230, k) ÷ 2^230 = 0.0556135777813924 (summed in exact rational arithmetic).
    const result = compareCounts(130, 100);
    expect(result.pValue).toBeCloseTo(0.0556135777813924, 12);
    expect(result.z).toBeCloseTo(2.803508502, 9);
    expect(result.significant).toBe(false);
  });

  it('gives the existing Z = 2.6197166 case, 10 → 20, p = 0.0987: not significant', () => {
    // 2 × Σ_{k=20..30} C(30, k) ÷ 2^30 = 0.098737146705389.
    const result = compareCounts(20, 10);
    expect(result.z).toBeCloseTo(2.6197166, 7);
    expect(result.pValue).toBeCloseTo(0.098737146705389, 12);
    expect(result.verdict).toBe('no significant change');
  });

  it('weighs periods of unequal length by their lengths', () => {
    // 10 in 12 months against 1 in 6: expected share 12/18 = 2/3 of n = 11, so 7⅓ expected. Outcomes
    // no more likely than P(X = 10) are k = 10, 11 and k ≤ 3: p = 20,155/177,147 = 0.1137756.
    const rising = compareCounts(10, 1, { current: 12, previous: 6 });
    expect(rising.pValue).toBeCloseTo(20155 / 177147, 12);
    expect(rising.significant).toBe(false);
    // 2 in 12 months against 6 in 6: 5⅓ expected of 8; p = 43/2,187 = 0.0196616: a significant fall,
    // though the count itself fell from 6 to 2 and the rates fell from 1 a month to 1/6.
    const falling = compareCounts(2, 6, { current: 12, previous: 6 });
    expect(falling.pValue).toBeCloseTo(43 / 2187, 12);
    expect(falling.verdict).toBe('significant decrease');
    // Against equal periods the same counts say something else: 2 → 6 of 8 is p = 0.2890625.
    expect(compareCounts(2, 6).pValue).toBeCloseTo(0.2890625, 12);
  });

  it('stays exact on tens of thousands and millions (SciPy’s binomtest, the same method as R, to 1e-12 relative)', () => {
    expect(exactConditionalTest(25_300, 24_700).pValue / 0.0073878345180358905).toBeCloseTo(1, 12);
    expect(exactConditionalTest(5_200, 5_000).pValue / 0.04878796312682234).toBeCloseTo(1, 12);
    expect(exactConditionalTest(20_000, 9_700, 2, 1).pValue / 0.013822191576645475).toBeCloseTo(1, 12);
    expect(exactConditionalTest(40_000, 39_000).pValue / 0.00037894900970468265).toBeCloseTo(1, 12);
    // Millions, as total recorded crime in a large force.
    expect(exactConditionalTest(2_503_000, 2_497_000).pValue / 0.007300107677080858).toBeCloseTo(1, 12);
  });

  it('agrees to 1e-12 relative with every term summed in exact arithmetic, on counts in the hundreds of thousands', () => {
    const cases: [current: number, previous: number, currentLength: number, previousLength: number][] = [
      [250_000, 251_500, 1, 1], // p ≈ 0.034: the two tails
      [251_500, 250_000, 1, 1], // the same, mirrored
      [250_500, 251_000, 1, 1], // p ≈ 0.48: one minus the outcomes between the tails
      [250_000, 260_000, 1, 1], // p ≈ 1.5e-44: far out in a tail
      [120_000, 250_000, 12, 24], // periods of unequal length
      [71_192, 71_973, 1, 1], // the counts of a five-year police.uk workspace
      [1_000, 3, 1, 1], // p ≈ 4e-294: near the smallest a double holds
    ];
    for (const [current, previous, currentLength, previousLength] of cases) {
      const reference = exactPValueByFullSum(current, previous, currentLength, previousLength);
      expect(exactConditionalTest(current, previous, currentLength, previousLength).pValue / reference).toBeCloseTo(1, 12);
    }
  });
  it('gives p = 1 for no change and for nothing at all, and refuses what is not a count', () => {
    expect(exactConditionalTest(7, 7).pValue).toBe(1);
    expect(exactConditionalTest(0, 0).pValue).toBe(1);
    expect(() => exactConditionalTest(-1, 3)).toThrow(RangeError);
    expect(() => exactConditionalTest(1, 3, 0, 12)).toThrow(RangeError);
  });
});

const periods = { current: { from: '2018-04', to: '2019-03' }, comparison: { from: '2017-04', to: '2018-03' } };
const yearOf = (from: string, to: string, count: number, offenceCode: string | null = null): PeriodCount => ({ periodFrom: from, periodTo: to, count, offenceCode });

describe('one denominator for volume', () => {
  it('ranks residential burglary per 1,000 residents, keeping per 1,000 households for display', () => {
    const counts = [yearOf('2017-04', '2018-03', 900), yearOf('2018-04', '2019-03', 1_000)];
    const withHouseholds = summariseOffence({ offenceKey: 'subgroup:residential-burglary', counts, periods, denominators: { population: 200_000, households: 80_000 } });
    // 1,000 ÷ 200,000 × 1,000 = 5 per 1,000 residents; the display rate is 1,000 ÷ 80,000 × 1,000 = 12.5 per 1,000 households.
    expect(withHouseholds.volume).toEqual({ value: 5, basis: 'per-1000-residents', population: 200_000 });
    expect(withHouseholds.current.ratePer1000).toBe(12.5);
    // Without a household figure there is no display rate, but volume still has its figure.
    const withoutHouseholds = summariseOffence({ offenceKey: 'subgroup:residential-burglary', counts, periods, denominators: { population: 200_000, households: null } });
    expect(withoutHouseholds.current.ratePer1000).toBeNull();
    expect(withoutHouseholds.volume.value).toBe(5);
  });

  it('ranks the count itself where no population is known, and is missing only without a count', () => {
    const counts = [yearOf('2017-04', '2018-03', 40), yearOf('2018-04', '2019-03', 42)];
    const noPopulation = summariseOffence({ offenceKey: 'subgroup:bicycle-theft', counts, periods, denominators: { population: null, households: null } });
    expect(noPopulation.volume).toEqual({ value: 42, basis: 'count', population: null });
    const noCount = summariseOffence({ offenceKey: 'subgroup:bicycle-theft', counts: counts.slice(0, 1), periods, denominators: { population: 1_000, households: null } });
    expect(noCount.volume.value).toBeNull();
  });

  it('says in the working when the count is ranked', () => {
    const ranking = scoreMatrix(partnershipTemplate(), [scored('a', { volume: 42, volumeBasis: 'count' }), scored('b', { volume: 7, volumeBasis: 'count' })], []);
    expect(ranking.find((row) => row.key === 'a')!.factors.volume!.note).toMatch(/^No population is known .* volume ranks the count itself/);
  });
});

describe('harm priced from the data', () => {
  const violence = [yearOf('2018-04', '2019-03', 100)];

  it('weights the subgroup’s codes by another dataset’s code-level counts for the same area, and names it', () => {
    // 90 assaults with injury (8N, 189.1538871) and 10 attempted murders (2, 4,654.298133), with an
    // endangering life (5E) ignored as it is absent: (90 × 189.1538871 + 10 × 4,654.298133) ÷ 100
    // = (17,023.849839 + 46,542.98133) ÷ 100 = 635.66831169. Unweighted it would be 1,727.547468.
    const mix = { source: 'extract.csv (Colchester, April 2018 to March 2019)', counts: new Map([['8N', 90], ['2', 10], ['30C', 7]]) };
    const harm = harmOf('subgroup:violence-with-injury', violence, mix);
    expect(harm.meanWeight).toBeCloseTo(635.66831169, 6);
    expect(harm.fallback).toMatchObject({ basis: 'code-counts', source: mix.source });
    expect(harmPricing(harm)).toEqual({
      basis: 'code-counts',
      text: 'The subgroup’s codes weighted by the code-level counts of extract.csv (Colchester, April 2018 to March 2019).',
    });
  });

  it('falls back to the unweighted mean with the caveat only when no dataset has the codes', () => {
    const harm = harmOf('subgroup:violence-with-injury', violence, { source: 'other.csv', counts: new Map([['30C', 7]]) });
    expect(harm.meanWeight).toBeCloseTo(1727.547468025, 6);
    expect(harmPricing(harm).basis).toBe('unweighted-mean');
    expect(harmPricing(harm).text).toMatch(/unweighted mean .* overstates harm/);
  });

  it('keeps the count-weighted mean of the type’s own codes when it has them', () => {
    // 3 × 189.1538871 + 1 × 4,654.298133 = 5,221.759794; ÷ 4 = 1,305.4399485.
    const harm = harmOf('subgroup:violence-with-injury', [yearOf('2018-04', '2019-03', 3, '8N'), yearOf('2018-04', '2019-03', 1, '2')], null);
    expect(harm.meanWeight).toBeCloseTo(1305.4399485, 6);
    expect(harmPricing(harm).basis).toBe('code-level');
  });
});

function scored(key: string, fields: Partial<OffenceInputs>): OffenceInputs {
  return {
    key,
    label: key.toUpperCase(),
    ratePer1000: 1,
    volume: 1,
    volumeBasis: 'per-1000-residents',
    currentCount: 100,
    previousCount: 100,
    percentChange: 0,
    significant: false,
    pValue: 1,
    meanHarmWeight: 100,
    totalHarm: 10_000,
    peerRatio: null,
    ...fields,
  };
}

describe('peer comparison', () => {
  it('divides the area’s rate by the mean of its peers’ rates, and shows them in the working', () => {
    // Peers 4 and 6 per 1,000: mean 5. The area's 6.5 ÷ 5 = 1.3, "well above" (≥ 1.25): 5.
    const peer: PeerWorking = { area: 'Essex', rate: 6.5, peers: [{ area: 'Kent', rate: 4 }, { area: 'Sussex', rate: 6 }], peerMean: 5 };
    const ranking = scoreMatrix(partnershipTemplate(), [scored('a', { peerRatio: 6.5 / 5, peer })], []);
    const working = ranking[0]!.factors.peer!;
    expect(working).toMatchObject({ input: 1.3, score: 5 });
    expect(working.note).toBe('Essex 6.5 per 1,000 residents ÷ 5, the mean rate of its peers (Kent 4, Sussex 6).');
  });

  it('says why there is no ratio', () => {
    const peer: PeerWorking = { area: 'Essex', rate: 6.5, peers: [], peerMean: null, note: 'No peers are chosen.' };
    const working = scoreMatrix(partnershipTemplate(), [scored('a', { peer })], [])[0]!.factors.peer!;
    expect(working).toMatchObject({ input: null, score: 3, note: 'No peers are chosen. No Most Similar Group figure: scored the default 3.' });
  });
});

describe('the trend cap under the exact test', () => {
  it('caps 1 → 5 at 3 and gives the p-value in the working', () => {
    const small = compareCounts(5, 1);
    const ranking = scoreMatrix(
      partnershipTemplate(),
      [scored('a', { currentCount: 5, previousCount: 1, percentChange: small.percentChange, significant: small.significant, pValue: small.pValue })],
      [],
    );
    expect(ranking[0]!.factors.trend).toMatchObject({ input: 400, score: 3 });
    expect(ranking[0]!.factors.trend!.note).toBe(
      'Capped at 3: the change is not statistically significant (exact test, p = 0.219) and rests on fewer than 20 cases (1 in the comparison period).',
    );
    // 0 → 10 is significant, so the new type keeps its 5.
    const appeared = compareCounts(10, 0);
    const fromNothing = scoreMatrix(partnershipTemplate(), [scored('b', { currentCount: 10, previousCount: 0, percentChange: null, significant: appeared.significant, pValue: appeared.pValue })], []);
    expect(fromNothing[0]!.factors.trend!.score).toBe(5);
  });
});

describe('the scoring method of a frozen run', () => {
  const offences = [scored('a', { volume: 3 }), scored('b', { volume: 1 })];

  it('records method 2 and the peers in a new run, and replays it exactly', () => {
    const run = freezeRun(partnershipTemplate(), offences, [], { areas: ['Kent'], note: null });
    expect(run).toMatchObject({ schemaVersion: 2, method: 2, peers: { areas: ['Kent'], note: null } });
    expect(replayFrozenRun(JSON.parse(JSON.stringify(run))).identical).toBe(true);
  });

  it('names the change of method, aspect by aspect, and of peers, when runs were scored differently', () => {
    const ranking = scoreMatrix(partnershipTemplate(), offences, []);
    const comparison = compareRuns(
      { definition: partnershipTemplate(), ranking, method: 1 },
      { definition: partnershipTemplate(), ranking, method: 2, peers: ['Kent', 'Sussex'] },
    );
    expect(comparison.definitionChanges[0]).toMatchObject({ kind: 'method', before: 1, after: 2 });
    const aspects = comparison.definitionChanges[0]!.kind === 'method' ? comparison.definitionChanges[0]!.aspects.map((aspect) => aspect.aspect) : [];
    expect(aspects).toEqual(['significance', 'volume', 'peer', 'harm']);
    expect(comparison.definitionChanges[1]).toEqual({ kind: 'peers', before: [], after: ['Kent', 'Sussex'] });
    expect(compareRuns({ definition: partnershipTemplate(), ranking, method: 2 }, { definition: partnershipTemplate(), ranking, method: 2 }).definitionChanges).toEqual([]);
  });
});
