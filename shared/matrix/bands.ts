import type { ThresholdRule } from './matrix-definition';
import type { NumericInputField } from './matrix-input';
import { formatSignedUpTo, formatUpTo, withTrueMinus } from '../format/index';

/**
 * Bands from thresholds: the band of a value is 1 + the number of thresholds it passes, so a
 * higher value never lands in a lower band (the monotonicity the property tests check).
 */
export function bandOf(value: number, thresholds: readonly number[], atThreshold: ThresholdRule): number {
  let band = 1;
  for (const threshold of thresholds) {
    const passes = atThreshold === 'upper-band' ? value >= threshold : value > threshold;
    if (!passes) break;
    band += 1;
  }
  return band;
}

// Formatters are built once: Intl constructors are slow, and scoring runs on every weight edit.

/** A British-formatted figure of the given input, as the working shows it (1,000; +5%; 1.1×). */
export function formatInput(field: NumericInputField, value: number): string {
  switch (field) {
    case 'percentChange':
      return withTrueMinus(`${formatSignedUpTo(value, 2)}%`);
    case 'peerRatio':
      return `${formatUpTo(value, 2)}×`;
    case 'ratePer1000':
      return `${formatUpTo(value, 2)} per 1,000`;
    case 'volume':
      return formatUpTo(value, 2);
    case 'meanHarmWeight':
      return formatUpTo(value, 2);
    default: {
      const unexpected: never = field;
      return String(unexpected);
    }
  }
}

export function formatPercentile(value: number): string {
  return formatUpTo(value, 1);
}

/** The range each band covers, in words, lowest band first ("under 10", "10 to under 50", …). */
export function bandRanges(thresholds: readonly number[], atThreshold: ThresholdRule, format: (value: number) => string): string[] {
  const cuts = thresholds.map(format);
  if (cuts.length === 0) return ['any value'];
  const last = cuts[cuts.length - 1]!;
  const middle = cuts.slice(1).map((upper, index) =>
    atThreshold === 'upper-band' ? `${cuts[index]!} to under ${upper}` : `over ${cuts[index]!} up to ${upper}`,
  );
  return atThreshold === 'upper-band'
    ? [`under ${cuts[0]!}`, ...middle, `${last} or more`]
    : [`${cuts[0]!} or less`, ...middle, `over ${last}`];
}

/** Which 1–5 judgements land in each band, in words ("judgement 1–2", "judgement 3"). */
export function judgementRanges(thresholds: readonly number[], atThreshold: ThresholdRule, bands: number): string[] {
  return Array.from({ length: bands }, (_, index) => {
    const members = [1, 2, 3, 4, 5].filter((judgement) => bandOf(judgement, thresholds, atThreshold) === index + 1);
    if (members.length === 0) return 'no judgement maps here';
    const first = members[0]!;
    const last = members[members.length - 1]!;
    return first === last ? `judgement ${first}` : `judgement ${first}–${last}`;
  });
}

/** "falling sharply (−20% or less)" when the band has a name, else the range alone. */
export function bandText(labels: readonly string[] | null, ranges: readonly string[], band: number): string {
  const range = ranges[band - 1] ?? `band ${band}`;
  const label = labels?.[band - 1];
  return label ? `${label} (${range})` : range;
}
