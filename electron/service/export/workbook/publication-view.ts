import type { ExportModel } from '../../../../shared/export/export-model';
import { analyseSensitivity, scoreMatrix, type OffenceInputs } from '../../../../shared/matrix';
import { compareForTieBreak } from '../../../../shared/matrix/tie-break';

/**
 * The scoring as a workbook for publication can show it. The workbench breaks equal totals on
 * total harm (offences × mean severity weight), then mean severity weight, then offences in the
 * assessment period, then name. For a type whose count is suppressed, each of those
 * comparisons with another type says which side of a known figure its count lies, and ranks,
 * the tie-break order and rank statistics all show them: two types tied on 23 points, one of
 * them suppressed, ranked by their total harms, can pin the suppressed count down. So wherever
 * a suppressed type's count would decide an order, it takes part as if it had `threshold − 1`
 * offences: a figure that says nothing about its own. Factor scores and totals are untouched.
 *
 * With nothing suppressed the view is the model itself. Where a suppressed type ties with
 * another, the workbook can order the two the other way round from the workbench, which knows
 * the count; Notes says so.
 */
export function publicationView(model: ExportModel, suppressed: (key: string) => boolean, threshold: number): ExportModel {
  const { definition, inputs, judgements } = model.matrix;
  if (!inputs.some((offence) => suppressed(offence.key))) return model;
  const assumed = threshold - 1;
  const standIns: OffenceInputs[] = inputs.map((offence) => {
    if (!suppressed(offence.key)) return offence;
    // The trend reads the count too ("none before, some now" scores the top band): a count of
    // none beside none before keeps its none, so that no score moves. The tie-break alone sees
    // the stand-in.
    const keepsNone = offence.currentCount === 0 && offence.previousCount === 0;
    return {
      ...offence,
      currentCount: keepsNone ? 0 : assumed,
      totalHarm: offence.meanHarmWeight === null ? null : assumed * offence.meanHarmWeight,
    };
  });
  const ranking = scoreMatrix(definition, standIns, judgements);
  const rankOf = new Map(ranking.map((ranked) => [ranked.key, ranked.rank]));
  const tieOrder = Object.fromEntries([...standIns].sort(compareForTieBreak).map((offence, position) => [offence.key, position]));
  const { draws, spread, seed, topN } = model.sensitivity;
  return {
    ...model,
    matrix: { ...model.matrix, ranking, tieOrder },
    sensitivity: analyseSensitivity(definition, standIns, judgements, { draws, spread, seed, topN }),
    priorities: model.priorities.map((priority) => ({
      ...priority,
      offences: priority.offences.map((offence) => ({ ...offence, rank: rankOf.get(offence.key) ?? offence.rank })),
    })),
  };
}
