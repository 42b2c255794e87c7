import { residentsRate } from './analysis-format';
import type { OffenceAnalysis } from '../../../shared/domain/analysis';
import { sortableCount } from './analysis-format';

/** The Analysis table's sortable columns, and how each one orders the offence types. */

export type SortColumnId = 'label' | 'current' | 'comparison' | 'change' | 'percent' | 'significance' | 'rate' | 'harm' | 'trend';
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: SortColumnId;
  direction: SortDirection;
}

type SortValue = number | string | null;

export const sortValues: Record<SortColumnId, (offence: OffenceAnalysis) => SortValue> = {
  label: (offence) => offence.label,
  current: (offence) => sortableCount(offence.summary.current),
  comparison: (offence) => sortableCount(offence.summary.comparison),
  change: (offence) => offence.summary.change?.change ?? null,
  percent: (offence) => offence.summary.change?.percentChange ?? null,
  // By Z, so that the most significant increases and decreases are at the ends.
  // Most significant rises first, most significant falls last: the strength of the evidence, signed.
  significance: (offence) => {
    const change = offence.summary.change;
    return change ? Math.sign(change.change) * -Math.log10(change.pValue) : null;
  },
  rate: (offence) => residentsRate(offence),
  harm: (offence) => offence.summary.harm.meanWeight,
  trend: (offence) => offence.summary.trend?.slopePercentOfMean ?? null,
};

/** Text sorts A to Z first; figures sort largest first, which is what an analyst looks for. */
export const firstDirection = (column: SortColumnId): SortDirection => (column === 'label' ? 'ascending' : 'descending');

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { sensitivity: 'base', numeric: true });
}

/**
 * The offences in the chosen order. Blanks go last whichever way the column is sorted, since a
 * type without a figure is neither the highest nor the lowest; ties keep the service's order.
 */
export function sortOffences(offences: readonly OffenceAnalysis[], sort: SortState | null): OffenceAnalysis[] {
  if (sort === null) return [...offences];
  const valueOf = sortValues[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return offences
    .map((offence, index) => ({ offence, index, value: valueOf(offence) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.offence);
}
