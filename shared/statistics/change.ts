import { exactConditionalTest, significanceLevel } from './exact-test';
import { formatCount } from '../format-count';

/**
 * Change between two periods, with its significance.
 *
 * Significance comes from the exact conditional test (exact-test.ts; brief.md, workflow 3):
 * given n = current + previous, current is tested against Binomial(n, Tc / (Tc + Tp)),
 * two-sided as R's binom.test, and the change is significant when p < 0.05. The verdict, the
 * matrix's small-number cap and every "significant" the app prints come from that p-value.
 *
 * The familiar Poisson Z = 2(√current − √previous) is kept beside it, labelled, because
 * analysts know it from police performance packs (domain.md §1.1); it no longer decides
 * anything. On small numbers it misleads: 1 → 5 gives Z = 2.47, yet p = 0.22.
 */

export type ChangeVerdict = 'significant increase' | 'significant decrease' | 'no significant change';

/** How the significance of a change was decided: the exact conditional binomial test. */
export const changeTestMethod =
  'Exact conditional test: given n = current + previous, current is tested against Binomial(n, Tc ÷ (Tc + Tp)), Tc and Tp being the two periods’ lengths in months. Two-sided as R’s binom.test: the p-value is the total probability of every outcome no more likely than the one observed. A change is significant when p < 0.05. The Poisson Z = 2(√current − √previous) is shown beside it for reference only.';

export interface CountComparison {
  current: number;
  previous: number;
  /** current − previous. */
  change: number;
  /** The change as a percentage of previous; null when previous is 0, where no percentage exists. */
  percentChange: number | null;
  /** 2(√current − √previous): shown for reference, never deciding. */
  z: number;
  /** The exact conditional test's two-sided p-value. */
  pValue: number;
  /** pValue < 0.05. */
  significant: boolean;
  verdict: ChangeVerdict;
}

/** The lengths of the two periods, in months; equal unless given. */
export interface PeriodLengths {
  current: number;
  previous: number;
}

/** 2(√current − √previous): the familiar Poisson Z, for reference only. */
export function poissonZ(current: number, previous: number): number {
  return 2 * (Math.sqrt(current) - Math.sqrt(previous));
}

/**
 * The verdict in words for a change already tested: a significant change is an increase when
 * the current count is above what the periods' lengths would lead one to expect.
 */
export function changeVerdict(significant: boolean, current: number, previous: number, lengths: PeriodLengths = { current: 1, previous: 1 }): ChangeVerdict {
  if (!significant) return 'no significant change';
  const expected = ((current + previous) * lengths.current) / (lengths.current + lengths.previous);
  return current > expected ? 'significant increase' : 'significant decrease';
}

/** The change from `previous` to `current`, its percentage, its exact p-value and its Poisson Z. */
export function compareCounts(current: number, previous: number, lengths: PeriodLengths = { current: 1, previous: 1 }): CountComparison {
  const { pValue } = exactConditionalTest(current, previous, lengths.current, lengths.previous);
  const z = poissonZ(current, previous);
  const significant = pValue < significanceLevel;
  const verdict = changeVerdict(significant, current, previous, lengths);
  return {
    current,
    previous,
    change: current - previous,
    percentChange: previous === 0 ? null : ((current - previous) / previous) * 100,
    z,
    pValue,
    significant,
    verdict,
  };
}

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export { formatCount };

/** '50%', or 'less than 1%' when rounding would say 0% of a real change. */
function formatPercentMagnitude(percent: number): string {
  const magnitude = Math.abs(percent);
  if (magnitude > 0 && magnitude < 0.5) return 'less than 1%';
  return `${wholeNumber.format(magnitude)}%`;
}

function verdictPhrase(verdict: ChangeVerdict): string {
  switch (verdict) {
    case 'significant increase':
      return 'a significant increase';
    case 'significant decrease':
      return 'a significant decrease';
    case 'no significant change':
      return 'not a significant change';
    default:
      return unreachable(verdict);
  }
}

/**
 * One sentence to show beside every percentage, so that a percentage on a small number is
 * never read alone: "Up 50% (from 4 to 6): not a significant change".
 */
export function describeChange(comparison: CountComparison): string {
  const { current, previous, percentChange } = comparison;
  const verdict = verdictPhrase(comparison.verdict);
  if (current === previous) {
    return previous === 0 ? 'None in either period: no change' : `No change (${formatCount(current)} in both periods): ${verdict}`;
  }
  if (percentChange === null) {
    return `Up from 0 to ${formatCount(current)} (no percentage, as there were none before): ${verdict}`;
  }
  const direction = current > previous ? 'Up' : 'Down';
  return `${direction} ${formatPercentMagnitude(percentChange)} (from ${formatCount(previous)} to ${formatCount(current)}): ${verdict}`;
}

function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

const pValueDigits = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** 'p = 0.219', or 'p < 0.001' where three decimals would show 0.000. */
export function formatPValue(pValue: number): string {
  return pValue < 0.0005 ? 'p < 0.001' : `p = ${pValueDigits.format(pValue)}`;
}
