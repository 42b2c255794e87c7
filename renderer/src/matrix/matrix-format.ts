import type { FactorDriver, DefinitionChange, FactorDefinition, MatrixDefinition, MatrixTemplateId, OffenceMovement } from '../../../shared/matrix';
import { formatUpTo } from '../../../shared/format';
import { createMatrixTemplate, formatInput, matrixTemplates } from '../../../shared/matrix';

/** A score, weight or contribution as the analyst reads it: 30, 2.5, 1,727.55, with a typographic minus. */
export function formatScore(value: number): string {
  return formatUpTo(value, 2).replace('-', '−');
}

export function templateName(template: MatrixTemplateId): string {
  return matrixTemplates.find((entry) => entry.id === template)?.name ?? template;
}

/** "Harm (mean crime severity weight)" → "Harm": the factor's name without its explanation. */
export function shortLabel(factor: Pick<FactorDefinition, 'label'>): string {
  return factor.label.replace(/\s*\(.*\)\s*$/, '');
}

/** A column heading for the factor: "Vulnerability", "Concern", "Peer" (the id, in words). */
export function columnName(factor: Pick<FactorDefinition, 'id'>): string {
  const words = factor.id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function roleText(factor: FactorDefinition): string {
  switch (factor.role) {
    case 'weighted':
      return 'Counts in the score';
    case 'impact':
      return 'Counts towards impact';
    case 'likelihood':
      return 'Counts towards likelihood';
    case 'beside':
      return 'Graded beside the score, not counted';
    default:
      return factor.role;
  }
}

/** What a factor reads, in words: the figure behind it and how it is banded. */
export function readsText(factor: FactorDefinition): string {
  switch (factor.kind) {
    case 'quintile':
      return `${inputName(factor.input)}, by ${factor.scale === 5 ? 'quintile' : 'quartile'} across the types scored`;
    case 'bands':
      return `${inputName(factor.input)}, in fixed bands`;
    case 'peer':
      return 'Rate against the Most Similar Group average';
    case 'judgement':
      return "The analyst's 1–5 judgement, with a rationale";
    default:
      return '';
  }
}

function inputName(field: string): string {
  switch (field) {
    case 'ratePer1000':
      return 'Rate per 1,000';
    case 'volume':
      return 'Offences per 1,000 residents (or the count where no population is known)';
    case 'percentChange':
      return 'Change on the comparison period (%)';
    case 'meanHarmWeight':
      return 'Mean crime severity weight';
    case 'peerRatio':
      return 'Ratio to the Most Similar Group average';
    default:
      return field;
  }
}

/** What the thresholds are measured in, for the field's hint. */
export function thresholdUnit(factor: FactorDefinition): string {
  switch (factor.kind) {
    case 'quintile':
      return 'percentile ranks between 0 and 100';
    case 'bands':
      return factor.input === 'percentChange' ? 'per cent change' : inputName(factor.input).toLowerCase();
    case 'peer':
      return 'ratios to the MSG average';
    case 'judgement':
      return 'judgements 1–5';
    default:
      return '';
  }
}

/** The factor's input as the working shows it: "10.26 per 1,000", "+10.31%", "judgement 4". */
export function formatFactorInput(factor: FactorDefinition | undefined, value: number | null): string {
  if (value === null) return 'none';
  if (!factor) return formatScore(value);
  switch (factor.kind) {
    case 'quintile':
    case 'bands':
      return formatInput(factor.input, value);
    case 'peer':
      return formatInput('peerRatio', value);
    case 'judgement':
      return `judgement ${value}`;
    default:
      return formatScore(value);
  }
}

/** Thresholds as the analyst types them: plain numbers separated by commas, no thousands separators. */
export function thresholdsText(thresholds: readonly number[]): string {
  return thresholds.map(String).join(', ');
}

/** Reads "10, 50, 200, 1000" (a typographic minus is accepted); a message when it cannot. */
export function parseThresholds(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const parts = text.split(',').map((part) => part.trim().replace(/^[−–]/, '-'));
  const values = parts.map((part) => (part === '' ? Number.NaN : Number(part)));
  if (values.some((value) => !Number.isFinite(value))) {
    return { ok: false, message: 'Give the thresholds as numbers separated by commas, for example 10, 50, 200, 1000.' };
  }
  return { ok: true, value: values };
}

/** Reads a weight as typed; a message when it is not a number of 0 or more. */
export function parseWeight(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: 'Give the weight as a number, for example 1 or 2.5.' };
  if (value < 0) return { ok: false, message: 'A weight cannot be negative.' };
  if (value > 1000) return { ok: false, message: 'A weight is 1,000 or less.' };
  return { ok: true, value };
}

/** The factors whose weight or thresholds differ from the shipped template. */
export function factorsChangedFromTemplate(definition: MatrixDefinition): Set<string> {
  const shipped = createMatrixTemplate(definition.template);
  const changed = new Set<string>();
  for (const factor of definition.factors) {
    const original = shipped.factors.find((candidate) => candidate.id === factor.id);
    if (!original || original.weight !== factor.weight || thresholdsText(original.thresholds) !== thresholdsText(factor.thresholds)) {
      changed.add(factor.id);
    }
  }
  return changed;
}

export function describeDefinitionChange(change: DefinitionChange): string {
  switch (change.kind) {
    case 'template':
      return `Template: ${templateName(change.before)} → ${templateName(change.after)}`;
    case 'factor-added':
      return `Factor added: ${change.label}`;
    case 'factor-removed':
      return `Factor removed: ${change.label}`;
    case 'weight':
      return `Weight of ${shortLabel(change)}: ${formatScore(change.before)} → ${formatScore(change.after)}`;
    case 'thresholds':
      return `Thresholds of ${shortLabel(change)}: ${change.before.map(formatScore).join(', ')} → ${change.after.map(formatScore).join(', ')}`;
    case 'score-bands': {
      const bands = (list: typeof change.before) => (list.length === 0 ? 'none' : list.map((band) => `${band.label} from ${formatScore(band.minimum)}`).join(', '));
      return `Score bands: ${bands(change.before)} → ${bands(change.after)}`;
    }
    case 'method':
      return `Scoring method ${change.before} → ${change.after}, which can move every type: ${change.aspects
        .map((aspect) => `${aspect.label.toLowerCase()}, ${aspect.before} → ${aspect.after}`)
        .join('; ')}`;
    case 'peers':
      return `Peers: ${change.before.join(', ') || 'none'} → ${change.after.join(', ') || 'none'}`;
    default:
      return '';
  }
}

export function describeRankChange(movement: OffenceMovement): string {
  if (movement.rankChange === 0) return `No change: still ${movement.rankAfter}`;
  const places = Math.abs(movement.rankChange) === 1 ? '1 place' : `${Math.abs(movement.rankChange)} places`;
  return `${movement.rankChange > 0 ? 'Up' : 'Down'} ${places}, from ${movement.rankBefore} to ${movement.rankAfter}`;
}

export function describeScoreChange(movement: OffenceMovement): string {
  if (Math.abs(movement.scoreChange) < 1e-9) return `Unchanged at ${formatScore(movement.scoreAfter)}`;
  return `${formatScore(movement.scoreBefore)} → ${formatScore(movement.scoreAfter)}`;
}

const signed = (value: number) => `${value > 0 ? '+' : '−'}${formatScore(Math.abs(value))}`;
const orNone = (value: number | null) => (value === null ? 'none' : formatScore(value));

/** "Harm −10: contributed 10, now 0 (weight 2 → 0)" — the change in the factor's contribution and why. */
export function describeDriver(driver: FactorDriver): string {
  const reasons: string[] = [];
  if (driver.scoreBefore !== driver.scoreAfter) reasons.push(`score ${orNone(driver.scoreBefore)} → ${orNone(driver.scoreAfter)}`);
  if (driver.weightBefore !== driver.weightAfter) reasons.push(`weight ${orNone(driver.weightBefore)} → ${orNone(driver.weightAfter)}`);
  if (driver.inputBefore !== driver.inputAfter && driver.scoreBefore !== driver.scoreAfter) {
    reasons.push(`input ${orNone(driver.inputBefore)} → ${orNone(driver.inputAfter)}`);
  }
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return `${shortLabel(driver)} ${signed(driver.delta)}: contributed ${orNone(driver.contributionBefore)}, now ${orNone(driver.contributionAfter)}${why}`;
}
