import type { ExportModel } from '../../../../../../shared/export/export-model';
import { formatList, formatSignedUpTo, formatUpTo, withTrueMinus } from '../../../../../../shared/format/index';
import { bandOf } from '../../../../../../shared/matrix/bands';
import type { FactorDefinition, MatrixDefinition, RankedOffence } from '../../../../../../shared/matrix/index';
import { nameOf } from '../matrix/matrix-inputs';

/** The matrix's method in words for the Notes sheet: each factor's thresholds and weight, a tie and the judgements. */

const asThreshold = (value: number) => formatUpTo(value, 2);
const asPercentChange = (value: number) => withTrueMinus(`${formatSignedUpTo(value, 2)}%`);

/** A factor's thresholds in words, with their unit and what a value on a threshold does. */
export function thresholdText(factor: FactorDefinition): string {
  const onThreshold = factor.atThreshold === 'upper-band' ? 'a value exactly on a threshold goes to the higher band' : 'a value exactly on a threshold stays in the lower band';
  const kind = factor.kind;
  if (kind === 'quintile') return `thresholds at percentile ranks ${formatList(factor.thresholds.map(asThreshold))} (percentile ranks run from 0 to 100; ${onThreshold})`;
  if (kind === 'peer') return `thresholds at ${formatList(factor.thresholds.map(asThreshold))} times the peers’ mean rate (${onThreshold})`;
  if (kind === 'judgement') {
    const scores = [1, 2, 3, 4, 5].map((judgement) => bandOf(judgement, factor.thresholds, factor.atThreshold));
    const mapping = scores.every((score, index) => score === index + 1)
      ? 'so each judgement from 1 to 5 scores itself'
      : `so ${formatList(scores.map((score, index) => `a judgement of ${index + 1} scores ${score}`))}`;
    return `thresholds at judged scores of ${formatList(factor.thresholds.map(asThreshold))}: a judgement (1 to 5) scores 1 plus the number of thresholds it reaches, ${mapping}`;
  }
  if (factor.input === 'percentChange') return `thresholds at ${formatList(factor.thresholds.map(asPercentChange))} change on the comparison period (${onThreshold})`;
  if (factor.input === 'meanHarmWeight') {
    return `thresholds at mean severity weights of ${formatList(factor.thresholds.map(asThreshold))} (days of imprisonment equivalent per offence; ${onThreshold})`;
  }
  return `thresholds at ${formatList(factor.thresholds.map(asThreshold))} (${onThreshold})`;
}

export function weightText(definition: MatrixDefinition, factor: FactorDefinition): string {
  if (factor.role === 'beside') return 'Graded beside the score, so its weight is 0';
  if (definition.template === 'partnership') {
    return `Weight ${formatUpTo(factor.weight, 2)}: each point of its 1–${factor.scale} score adds ${formatUpTo(factor.weight, 2)} ${factor.weight === 1 ? 'point' : 'points'} to the total`;
  }
  return `Weight ${formatUpTo(factor.weight, 2)} in the weighted mean of the ${factor.role} factors’ scores`;
}

/** A tie in this ranking that the harm score alone would break the other way, to show the rule at work. */
export function tieExample(ranking: readonly RankedOffence[], suppressed: (key: string) => boolean): string {
  const byRank = [...ranking].sort((a, b) => a.rank - b.rank);
  for (let index = 1; index < byRank.length; index += 1) {
    const upper = byRank[index - 1]!;
    const lower = byRank[index]!;
    const upperHarm = upper.factors['harm']?.score;
    const lowerHarm = lower.factors['harm']?.score;
    if (suppressed(upper.key) || suppressed(lower.key)) continue;
    if (Math.round(upper.score * 1e6) !== Math.round(lower.score * 1e6) || upperHarm === undefined || lowerHarm === undefined || upperHarm >= lowerHarm) continue;
    return ` So ${upper.label} (harm score ${upperHarm}) ranks above ${lower.label} (harm score ${lowerHarm}) on ${formatUpTo(upper.score, 2)} points: its total harm is higher.`;
  }
  return '';
}

/** Each judgement's rationale, as the analyst wrote it, under the type, factor and judgement it explains. */
export function judgementNotes(model: ExportModel): [string, string][] {
  const factors = new Map(model.matrix.definition.factors.filter((factor) => factor.kind === 'judgement').map((factor) => [factor.id, factor]));
  const judgementOf = new Map(model.matrix.judgements.map((judgement) => [`${judgement.factor}\u0000${judgement.offenceKey}`, judgement]));
  return model.matrix.ranking.flatMap((ranked) =>
    [...factors.values()].flatMap((factor): [string, string][] => {
      const judgement = judgementOf.get(`${factor.id}\u0000${ranked.key}`);
      return judgement ? [[`Judgement: ${ranked.label}, ${nameOf(factor).toLowerCase()} (${judgement.score} of 5)`, judgement.rationale]] : [];
    }),
  );
}
