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
 *
 * The Analysis runs it for every offence type on every load, on counts in the hundreds of
 * thousands, so it is computed in few steps: each probability from Loader's saddle-point form
 * (accurate to a few units in the last place at any n), the far end of the other tail by
 * bisection, then the two tails, or one minus the few outcomes between them, each term from
 * its neighbour by one multiplication.
 */

/** A change is significant when the two-sided p-value is below this. */
export const significanceLevel = 0.05;

/** R's binom.test: outcomes within this relative distance of the observed probability count as equally likely. */
const relativeTolerance = 1 + 1e-7;
const logRelativeTolerance = Math.log(relativeTolerance);

/** A tail is summed until what is left of it is below this share of the sum: beyond a double's precision. */
const negligibleShare = 1e-17;

/**
 * Stirling's error, ln k! − (k + ½) ln k + k − ½ ln 2π, for a whole k ≥ 1: exact values up to 15,
 * then its asymptotic series, which is accurate to a double's precision from there on.
 */
const stirlingErrorTable = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093, 0.016644691189821193, 0.013876128823070748,
  0.01189670994589177, 0.010411265261972096, 0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
  0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

function stirlingError(k: number): number {
  if (k <= 15) return stirlingErrorTable[k]!;
  const kk = k * k;
  if (k > 500) return (1 / 12 - 1 / 360 / kk) / k;
  if (k > 80) return (1 / 12 - (1 / 360 - 1 / 1260 / kk) / kk) / k;
  if (k > 35) return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / 1680 / kk) / kk) / kk) / k;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / 1188 / kk) / kk) / kk) / kk) / k;
}

/**
 * x ln(x / m) + m − x, the deviance term, without the cancellation that the formula as written
 * suffers when x is near m (then it is a fast-converging series in (x − m) / (x + m)).
 */
function deviance(x: number, m: number): number {
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x;
  let v = (x - m) / (x + m);
  let sum = (x - m) * v;
  let term = 2 * x * v;
  v *= v;
  for (let j = 1; ; j += 1) {
    term *= v;
    const next = sum + term / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
}

/**
 * ln P(X = k) for X ~ Binomial(n, q), with q1 = 1 − q given separately so that neither is
 * rounded by the subtraction. Loader's saddle-point form (the one R's dbinom uses): the
 * log-gamma form subtracts numbers near n ln n, and so loses digits as n grows; this one is
 * accurate to a few units in the last place for any n.
 */
function logBinomialProbability(k: number, n: number, q: number, q1: number): number {
  if (k === 0) return q < 0.1 ? -deviance(n, n * q1) - n * q : n * Math.log(q1);
  if (k === n) return q1 < 0.1 ? -deviance(n, n * q) - n * q1 : n * Math.log(q);
  const exponent = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - deviance(k, n * q) - deviance(n - k, n * q1);
  return exponent - 0.5 * (Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n));
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
  const previousShare = previousLength / (currentLength + previousLength);
  const expected = n * share;
  if (n === 0 || current === expected) return { pValue: 1, expectedShare: share, expected };

  // The binomial for n − c with the shares swapped is the same test, so the observed count is
  // taken to lie below the mode.
  const below = current < expected;
  const c = below ? current : n - current;
  const q = below ? share : previousShare;
  const q1 = below ? previousShare : share;
  const odds = below ? currentLength / previousLength : previousLength / currentLength;
  const logP = (k: number) => logBinomialProbability(k, n, q, q1);

  const mode = Math.min(n, Math.floor((n + 1) * q));
  const limit = logP(c) + logRelativeTolerance;
  if (logP(mode) <= limit) return { pValue: 1, expectedShare: share, expected };
  // The outcomes no more likely than the observed one are two tails, 0..lower and upper..n: the
  // binomial rises to its mode and falls after it. lower is c, or just above it on a tie within
  // the tolerance; upper is found by bisection, the probabilities after the mode being ordered.
  let lower = c;
  while (lower + 1 < mode && logP(lower + 1) <= limit) lower += 1;
  let upper = n + 1;
  if (logP(n) <= limit) {
    let above = mode;
    upper = n;
    while (upper - above > 1) {
      const middle = Math.floor((above + upper) / 2);
      if (logP(middle) <= limit) upper = middle;
      else above = middle;
    }
  }
  // Each tail, or when the tails are long and the outcomes between them few (a change within
  // about one and a half standard deviations, p above about 0.13), 1 − the outcomes between.
  // Neighbouring probabilities differ by a ratio, so each step is a multiplication and a
  // division; a walk of s steps carries about s units in the last place, which on these
  // short walks is far below the 1e-12 that matters.
  const pValue =
    upper - lower - 1 <= 3 * Math.sqrt(n * q * q1)
      ? 1 - betweenTails(lower, upper, mode, n, odds, Math.exp(logP(mode)))
      : lowerTail(lower, n, odds, Math.exp(logP(lower))) + upperTail(upper, n, odds, upper > n ? 0 : Math.exp(logP(upper)));
  return { pValue: Math.min(1, pValue), expectedShare: share, expected };
}

/** P(X ≤ k), from P(X = k): P(X = j − 1) = P(X = j) × j ÷ ((n − j + 1) × odds). */
function lowerTail(k: number, n: number, odds: number, probability: number): number {
  let sum = 0;
  let term = probability;
  for (let j = k; j >= 0 && term > 0; j -= 1) {
    sum += term;
    const ratio = j / ((n - j + 1) * odds);
    term *= ratio;
    // The ratios shrink away from the mode, so what is left is below term ÷ (1 − ratio).
    if (ratio < 1 && term < negligibleShare * sum * (1 - ratio)) break;
  }
  return sum;
}

/** P(X ≥ k), from P(X = k): P(X = j + 1) = P(X = j) × (n − j) × odds ÷ (j + 1). */
function upperTail(k: number, n: number, odds: number, probability: number): number {
  let sum = 0;
  let term = probability;
  for (let j = k; j <= n && term > 0; j += 1) {
    sum += term;
    const ratio = ((n - j) * odds) / (j + 1);
    term *= ratio;
    if (ratio < 1 && term < negligibleShare * sum * (1 - ratio)) break;
  }
  return sum;
}

/** P(lower < X < upper), walking out from the mode both ways. */
function betweenTails(lower: number, upper: number, mode: number, n: number, odds: number, atMode: number): number {
  let sum = atMode;
  let term = atMode;
  for (let j = mode; j - 1 > lower; j -= 1) {
    term *= j / ((n - j + 1) * odds);
    sum += term;
  }
  term = atMode;
  for (let j = mode; j + 1 < upper; j += 1) {
    term *= ((n - j) * odds) / (j + 1);
    sum += term;
  }
  return sum;
}
