import type { SourceArea } from '../domain/area';
import { monthCount } from '../dates';
import type { AssessmentPeriods } from '../statistics';

/**
 * The caveats a figure carries wherever it is printed. The workbook, the plan and the board
 * paper all read them from here, so a caveat the workbook gives a figure is never lost on the
 * way into a PDF.
 */

export type CaveatKind = 'wider-area' | 'unweighted-harm' | 'small-count' | 'partial-year';

export interface FigureCaveat {
  kind: CaveatKind;
  /** A short phrase for a table's notes column: "harm may be overstated". */
  short: string;
  /** The caveat in a sentence, for a note under a table or chart. */
  sentence: string;
}

/** Below this many offences in either period a change is uncertain (the trend factor's cap uses the same figure). */
export const smallCountBelow = 20;

export interface CaveatInputs {
  where: SourceArea;
  harmBasis: 'code-level' | 'code-counts' | 'unweighted-mean' | 'not-applicable' | null;
  currentCount: number | null;
  comparisonCount: number | null;
  periods: AssessmentPeriods;
}

export function figureCaveats(inputs: CaveatInputs): FigureCaveat[] {
  const caveats: FigureCaveat[] = [];
  if (inputs.where.relation !== 'partnership') {
    caveats.push({
      kind: 'wider-area',
      short: `figures for the ${inputs.where.phrase}`,
      sentence: `The figures are for the ${inputs.where.phrase}, and rates use that area’s population.`,
    });
  }
  if (inputs.harmBasis === 'unweighted-mean') {
    caveats.push({
      kind: 'unweighted-harm',
      short: 'harm may be overstated',
      sentence:
        'Harm is priced at the plain average of the severity weights of the offence codes in the type, because no data in the workspace gives counts by code: rare, grave offences count as much as common ones, so harm may be overstated.',
    });
  }
  const counts = [inputs.currentCount, inputs.comparisonCount].filter((count): count is number => count !== null);
  if (counts.some((count) => count < smallCountBelow)) {
    caveats.push({
      kind: 'small-count',
      short: `under ${smallCountBelow} offences`,
      sentence: `Fewer than ${smallCountBelow} offences in a period: the change could be chance, so its trend score is capped unless the change is significant.`,
    });
  }
  const months = monthCount(inputs.periods.current.from, inputs.periods.current.to);
  if (months < 12) {
    caveats.push({
      kind: 'partial-year',
      short: `${months} months, not a full year`,
      sentence: `The assessment period is ${months} months, not a full year, so the counts are not annual figures.`,
    });
  }
  return caveats;
}
