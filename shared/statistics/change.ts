/**
 * Change between two periods, with the significance test analysts use for recorded crime.
 *
 * Counts of offences are treated as Poisson, whose square root has a variance of about 1/4
 * whatever the mean, so Z = 2(√current − √previous) is approximately standard normal when
 * nothing has changed. The change is significant at the 5% level when |Z| > 1.96. This is the
 * test the brief prescribes (brief.md, workflow 3: "a significance flag using the Poisson test
 * Z = 2(√current − √previous), significant when |Z| > 1.96") and the "statistically significant
 * changes" of Home Office and police performance packs such as Essex Police's (domain.md §1.1).
 * It is why a rise from 4 to 6 (+50%) is not news and one from 81 to 100 (+23%) is.
 */

import { formatCount } from '../format-count';

/** |Z| above this is significant at the 5% level (two-sided). */
export const significanceThreshold = 1.96;

export type ChangeVerdict = 'significant increase' | 'significant decrease' | 'no significant change';

export interface CountComparison {
  current: number;
  previous: number;
  /** current − previous. */
  change: number;
  /** The change as a percentage of previous; null when previous is 0, where no percentage exists. */
  percentChange: number | null;
  /** 2(√current − √previous). */
  z: number;
  /** |z| > 1.96. */
  significant: boolean;
  verdict: ChangeVerdict;
}

function assertCount(value: number, name: string): void {
  // The test is for counts of events: a rate or a harm score is not Poisson.
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`The ${name} count must be a whole number, 0 or more, not ${value}.`);
}

/** The change from `previous` to `current`, its percentage and its Poisson Z. */
export function compareCounts(current: number, previous: number): CountComparison {
  assertCount(current, 'current');
  assertCount(previous, 'previous');
  const z = 2 * (Math.sqrt(current) - Math.sqrt(previous));
  const significant = Math.abs(z) > significanceThreshold;
  const verdict: ChangeVerdict = !significant ? 'no significant change' : z > 0 ? 'significant increase' : 'significant decrease';
  return {
    current,
    previous,
    change: current - previous,
    percentChange: previous === 0 ? null : ((current - previous) / previous) * 100,
    z,
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
