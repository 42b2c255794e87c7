import type { AnalysisView, MatrixState } from '../../../shared/domain/analysis';
import { offenceDisplayLabel } from '../../../shared/domain/offence-key';
import type { Priority } from '../../../shared/domain/priority';

/** An offence type or indicator a priority may address, with its place in the current ranking. */
export interface OffenceChoice {
  key: string;
  label: string;
  /** Null for an indicator with figures that the matrix does not rank. */
  rank: number | null;
  score: number | null;
}

/**
 * What a priority can address: the ranked types, highest first, then the indicators with
 * figures that are not ranked (ASB incidents with a month of data, say), then anything a
 * priority already names that is neither, so that it can still be seen and removed.
 */
export function offenceChoices(state: MatrixState, analysis: AnalysisView, priorities: readonly Priority[]): OffenceChoice[] {
  const choices: OffenceChoice[] = state.ranking.map((row) => ({ key: row.key, label: row.label, rank: row.rank, score: row.score }));
  const known = new Set(choices.map((choice) => choice.key));
  for (const offence of analysis.offences) {
    if (offence.kind === 'indicator' && !known.has(offence.key)) {
      choices.push({ key: offence.key, label: offence.label, rank: null, score: null });
      known.add(offence.key);
    }
  }
  for (const priority of priorities) {
    for (const offence of priority.offences) {
      if (!known.has(offence.key)) {
        choices.push({ key: offence.key, label: offenceDisplayLabel(offence.key), rank: null, score: null });
        known.add(offence.key);
      }
    }
  }
  return choices;
}

/** The keys chosen, in the order of the choices: by rank, then the unranked. */
export function inChoiceOrder(keys: ReadonlySet<string>, choices: readonly OffenceChoice[]): string[] {
  return choices.filter((choice) => keys.has(choice.key)).map((choice) => choice.key);
}
