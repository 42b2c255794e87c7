import type { ExportModel } from './export-model';
import { offenceTotalSets } from './offence-total-sets';
import { suppressCounts, type SuppressedRow } from './suppression';
import { analyseSensitivity, scoreMatrix, type OffenceInputs } from '../matrix';
import { compareForTieBreak } from '../matrix/tie-break';

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

/**
 * What every document for publication shows: one set of suppression decisions over every
 * offence type (both counts of a type go together, as the Matrix's trend score reads both), and
 * the model as seen with those counts hidden. The workbook and the PDFs both start here.
 */
export function publishedModel(model: ExportModel, threshold: number): { suppression: Map<string, SuppressedRow>; model: ExportModel } {
  const suppression = publicationSuppression(model, threshold);
  return { suppression, model: publicationView(model, (key) => suppression.get(key)?.current.suppressed ?? false, threshold) };
}

/** The suppression decisions for every offence type of the model, by key. */
export function publicationSuppression(model: Pick<ExportModel, 'offences'>, threshold: number): Map<string, SuppressedRow> {
  const totals = offenceTotalSets(model.offences.map((row) => row.key));
  const decided = suppressCounts(
    model.offences.map((row) => ({ key: row.key, current: row.currentCount, comparison: row.comparisonCount })),
    { threshold, totals, bothCounts: true },
  );
  return new Map(decided.rows.map((row) => [row.key, row]));
}
