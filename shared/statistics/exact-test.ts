import { gammaln } from 'simple-statistics';

/**
 * The exact conditional test for a change between two Poisson counts (brief.md, workflow 3).
 *
 * If offences arrive at a steady rate, then given the total n = c + p of the two periods, the
 * assessment period's count c is Binomial(n, Tc / (Tc + Tp)), Tc and Tp being the periods'
 * lengths. The test asks how surprising c is under that binomial. It is two-sided in the way
 * R's binom.test (and SciPy's binomtest) is: the p-value is the total probability of every
 * outcome no more likely than the one observed, with R's relative tolerance of 1e-7 so that
 * outcomes equally likely in exact arithmetic count as equal. It is exact on any numbers,
 * which the normal approximation behind the Poisson Z is not: on small counts Z calls 1 → 5
 * (Z = 2.47) significant, where the exact p-value is 0.22.
 */

/** A change is significant when the two-sided p-value is below this. */
export const significanceLevel = 0.05;

/** R's binom.test: outcomes within this relative distance of the observed probability count as equally likely. */
const relativeTolerance = 1 + 1e-7;

/** ln P(X = k) for X ~ Binomial(n, q), 0 < q < 1, from log-gamma: stable for n in the millions. */
function logBinomialProbability(k: number, n: number, logQ: number, log1mQ: number, logNFactorial: number): number {
  return logNFactorial - gammaln(k + 1) - gammaln(n - k + 1) + k * logQ + (n - k) * log1mQ;
}

export interface ExactTestResult {
  /** The two-sided p-value, 0 < p ≤ 1. */
  pValue: number;
  /** The share of n expected in the assessment period: Tc / (Tc + Tp). */
  expectedShare: number;
  /** n × expectedShare: the assessment period's count expected if nothing changed. */
  expected: number;
}

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`The ${name} count must be a whole number, 0 or more, not ${value}.`);
}

function assertLength(value: number, name: string): void {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`The ${name} period's length must be above 0, not ${value}.`);
}

/**
 * The exact conditional test of `current` offences over a period of length `currentLength`
 * against `previous` over `previousLength` (any unit, e.g. months).
 */
export function exactConditionalTest(current: number, previous: number, currentLength = 1, previousLength = 1): ExactTestResult {
  assertCount(current, 'current');
  assertCount(previous, 'previous');
  assertLength(currentLength, 'assessment');
  assertLength(previousLength, 'comparison');
  const n = current + previous;
  const share = currentLength / (currentLength + previousLength);
  const expected = n * share;
  if (n === 0 || current === expected) return { pValue: 1, expectedShare: share, expected };

  const logQ = Math.log(share);
  const log1mQ = Math.log1p(-share);
  const logNFactorial = gammaln(n + 1);
  const logObserved = logBinomialProbability(current, n, logQ, log1mQ, logNFactorial);
  const limit = logObserved + Math.log(relativeTolerance);
  // Every outcome no more likely than the observed one, summed relative to it so that nothing
  // underflows: p = P(X = c) × Σ exp(ln P(X = k) − ln P(X = c)). The binomial falls away on both
  // sides of its mode, so each side is walked outwards from the mode until its terms are below
  // e^−64 of the observed one (less than 1e−27 of the p-value): a few thousand steps even when n
  // is in the millions, where summing all n + 1 terms would take a noticeable time.
  const negligible = logObserved - 64;
  const mode = Math.min(n, Math.floor((n + 1) * share));
  const logOdds = logQ - log1mQ;
  const logAtMode = logBinomialProbability(mode, n, logQ, log1mQ, logNFactorial);
  let relativeSum = 0;
  // Each step is one logarithm: P(k + 1) ÷ P(k) = (n − k) ÷ (k + 1) × q ÷ (1 − q). The walk is
  // re-anchored on the observed count's own log-gamma value when it passes it.
  const add = (k: number, logProbability: number): number => {
    const anchored = k === current ? logObserved : logProbability;
    if (anchored <= limit) relativeSum += Math.exp(anchored - logObserved);
    return anchored;
  };
  let logProbability = add(mode, logAtMode);
  for (let k = mode; k > 0 && logProbability >= negligible; k -= 1) {
    logProbability = add(k - 1, logProbability + Math.log(k / (n - k + 1)) - logOdds);
  }
  logProbability = logAtMode;
  for (let k = mode; k < n && logProbability >= negligible; k += 1) {
    logProbability = add(k + 1, logProbability + Math.log((n - k) / (k + 1)) + logOdds);
  }
  return { pValue: Math.min(1, Math.exp(logObserved) * relativeSum), expectedShare: share, expected };
}
