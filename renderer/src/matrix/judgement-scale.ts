import { createMatrixTemplate, type FactorDefinition } from '../../../shared/matrix';

/**
 * The words for a 1–5 judgement of a factor ("4 – high"). The grid reads judgements onto its
 * own four bands, so the words come from whichever five-point template defines the factor.
 */
export function judgementWords(factorId: string): readonly string[] | null {
  for (const template of ['partnership', 'morile-style'] as const) {
    const factor = createMatrixTemplate(template).factors.find((candidate) => candidate.id === factorId);
    if (factor && factor.scale === 5 && factor.bandLabels) return factor.bandLabels;
  }
  return null;
}

export function describeJudgement(factorId: string, score: number): string {
  const word = judgementWords(factorId)?.[score - 1];
  return word ? `${score} – ${word}` : String(score);
}

/** What an offence type scores on a judged factor that has no judgement yet. */
export function notJudgedText(factor: FactorDefinition): string {
  return factor.role === 'beside' ? 'Not graded' : `Not judged: scores ${factor.missingScore}`;
}
