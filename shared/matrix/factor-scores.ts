import { bandOf, bandRanges, bandText, formatInput, formatPercentile, judgementRanges } from './bands';
import { assertNever, type FactorDefinition } from './matrix-definition';
import type { Judgement, NumericInputField, OffenceInputs, PeerWorking } from './matrix-input';
import { formatPValue } from '../statistics/change';
import { formatUpTo } from '../format/index';

/**
 * Each factor's score for every offence type, before any weight. Weights never change these,
 * which is why the sensitivity analysis computes them once and only reweights (brief §4).
 */

export type FactorScore = 1 | 2 | 3 | 4 | 5;

/** A factor's reading of one offence: what went in, which band it fell in, and why. */
export interface FactorOutcome {
  /** The figure or the analyst's 1–5 judgement; null when there was none. */
  input: number | null;
  band: string;
  score: FactorScore;
  note?: string;
}

/** A factor graded beside the score: no judgement means no grade, not an invented one. */
export interface BesideOutcome {
  input: number | null;
  band: string;
  score: FactorScore | null;
  note?: string;
}

export function toFactorScore(value: number): FactorScore {
  return Math.min(5, Math.max(1, Math.round(value))) as FactorScore;
}

/** Judgements by factor, then offence key; when one is given twice the later entry counts. */
export type JudgementIndex = ReadonlyMap<string, ReadonlyMap<string, Judgement>>;

export function indexJudgements(judgements: readonly Judgement[]): JudgementIndex {
  const index = new Map<string, Map<string, Judgement>>();
  for (const judgement of judgements) {
    let byOffence = index.get(judgement.factor);
    if (!byOffence) {
      byOffence = new Map();
      index.set(judgement.factor, byOffence);
    }
    byOffence.set(judgement.offenceKey, judgement);
  }
  return index;
}

function figure(offence: OffenceInputs, field: NumericInputField): number | null {
  const value = offence[field];
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

const missingNote = (what: string, score: number) => `${what}: scored the default ${score}.`;

/** Sorted-array positions: how many values lie below `value`, and how many equal it. */
function belowAndEqual(sorted: Float64Array, value: number): { below: number; equal: number } {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < sorted.length && sorted[end] === value) end += 1;
  return { below: low, equal: end - low };
}

/**
 * Quintiles across the scored types (domain.md §6: top 20% = 5 … bottom 20% = 1). The
 * percentile rank is the mid-rank, 100 × (below + equal / 2) / n: tied rates share a band,
 * and raising one type's rate never lowers its own band. Written as one division of whole
 * numbers so that an Excel COUNTIF formula gives the same figure.
 */
function quintileOutcomes(factor: FactorDefinition & { kind: 'quintile' }, offences: readonly OffenceInputs[]): FactorOutcome[] {
  const values = offences.map((entry) => figure(entry, factor.input));
  const present = Float64Array.from(values.filter((value): value is number => value !== null)).sort();
  const groupName = factor.scale === 5 ? 'quintile' : 'quartile';
  return values.map((value, index) => {
    if (value === null) {
      return {
        input: null,
        band: 'no figure',
        score: toFactorScore(factor.missingScore),
        note: missingNote('No figure, so it is left out of the ranking', factor.missingScore),
      };
    }
    const { below, equal } = belowAndEqual(present, value);
    const percentile = (100 * (2 * below + equal)) / (2 * present.length);
    const band = bandOf(percentile, factor.thresholds, factor.atThreshold);
    return {
      input: value,
      band: `${groupName} ${band} of ${factor.scale} (percentile rank ${formatPercentile(percentile)} among ${present.length} types)`,
      score: toFactorScore(band),
      ...(factor.input === 'volume' && offences[index]!.volumeBasis === 'count' ? { note: countBasisNote } : {}),
    };
  });
}

const countBasisNote = 'No population is known for the area this type’s source covers, so volume ranks the count itself, not a rate per 1,000 residents.';

function bandsOutcomes(
  factor: FactorDefinition & { kind: 'bands' | 'peer' },
  offences: readonly OffenceInputs[],
): FactorOutcome[] {
  const input: NumericInputField = factor.kind === 'peer' ? 'peerRatio' : factor.input;
  const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
  const ranges = bandRanges(factor.thresholds, factor.atThreshold, (value) => formatInput(input, value));
  return offences.map((offence): FactorOutcome => {
    const value = figure(offence, input);
    let outcome: FactorOutcome;
    if (value !== null) {
      const band = bandOf(value, factor.thresholds, factor.atThreshold);
      outcome = { input: value, band: bandText(factor.bandLabels, ranges, band), score: toFactorScore(band) };
    } else if (input === 'percentChange' && offence.previousCount === 0 && offence.currentCount > 0) {
      // No percentage exists from nothing, but the type has appeared: it is rising, as far as it can.
      outcome = { input: null, band: 'new: none in the comparison period', score: toFactorScore(factor.scale) };
    } else {
      const what = factor.kind === 'peer' ? 'No Most Similar Group figure' : 'No figure';
      const why = factor.kind === 'peer' && offence.peer?.note ? `${offence.peer.note} ` : '';
      return {
        input: null,
        band: factor.kind === 'peer' ? 'no Most Similar Group figure' : 'no figure',
        score: toFactorScore(factor.missingScore),
        note: `${why}${missingNote(what, factor.missingScore)}`,
      };
    }
    if (cap && !offence.significant && offence.previousCount < cap.fewerThanCases && outcome.score > cap.capAt) {
      // Brief §4: percentages on small numbers mislead, so a change that is not significant on
      // fewer than 20 cases cannot score above the middle.
      const test = offence.pValue !== undefined ? ` (exact test, ${formatPValue(offence.pValue)})` : '';
      outcome = {
        ...outcome,
        score: toFactorScore(cap.capAt),
        note: `Capped at ${cap.capAt}: the change is not statistically significant${test} and rests on fewer than ${cap.fewerThanCases} cases (${offence.previousCount} in the comparison period).`,
      };
    }
    if (factor.kind === 'peer' && offence.peer) outcome = { ...outcome, note: peerNote(offence.peer) };
    if (input === 'meanHarmWeight' && offence.harmPricing) outcome = { ...outcome, note: offence.harmPricing.text };
    return outcome;
  });
}

const rateText = (rate: number | null) => (rate === null ? 'no figure' : formatUpTo(rate, 2));

/** "8.27 per 1,000 residents ÷ 6.5, the mean of Kent 6.1, Hampshire 6.9": the peers and their rates. */
function peerNote(peer: PeerWorking): string {
  const peers = peer.peers.map((entry) => `${entry.area} ${rateText(entry.rate)}`).join(', ');
  return `${peer.area} ${rateText(peer.rate)} per 1,000 residents ÷ ${rateText(peer.peerMean)}, the mean rate of its peers (${peers}).`;
}

function judgementOutcomes(
  factor: FactorDefinition & { kind: 'judgement' },
  offences: readonly OffenceInputs[],
  judgements: JudgementIndex,
): BesideOutcome[] {
  const ranges = judgementRanges(factor.thresholds, factor.atThreshold, factor.scale);
  const byOffence = judgements.get(factor.id);
  return offences.map((offence) => {
    const judgement = byOffence?.get(offence.key);
    if (!judgement) return { input: null, band: 'no judgement recorded', score: null };
    const band = bandOf(judgement.score, factor.thresholds, factor.atThreshold);
    return { input: judgement.score, band: bandText(factor.bandLabels, ranges, band), score: toFactorScore(band), note: judgement.rationale };
  });
}

/** The factor's outcome for every offence, in the order given. */
export function scoreFactor(factor: FactorDefinition, offences: readonly OffenceInputs[], judgements: JudgementIndex): FactorOutcome[] {
  switch (factor.kind) {
    case 'quintile':
      return quintileOutcomes(factor, offences);
    case 'bands':
    case 'peer':
      return bandsOutcomes(factor, offences);
    case 'judgement':
      return judgementOutcomes(factor, offences, judgements).map((outcome) =>
        outcome.score !== null
          ? { ...outcome, score: outcome.score }
          : {
              input: null,
              band: 'no judgement recorded',
              score: toFactorScore(factor.missingScore),
              note: missingNote('No judgement recorded', factor.missingScore),
            },
      );
    default:
      return assertNever(factor);
  }
}

/** A judgement graded beside the score: missing judgements stay ungraded. */
export function gradeBeside(factor: FactorDefinition, offences: readonly OffenceInputs[], judgements: JudgementIndex): BesideOutcome[] {
  if (factor.kind !== 'judgement') throw new Error(`${factor.label} is graded beside the score but is not a judgement.`);
  return judgementOutcomes(factor, offences, judgements);
}
