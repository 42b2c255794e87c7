import type { OffenceInputs } from './matrix-input';
import { formatUpTo } from '../format/index';

/**
 * Equal scores break on harm (total harm, then mean harm weight), then volume (offences this
 * period, currentCount), then label (brief §4: "ties break on harm, then volume"). Labels compare by code
 * unit, not by locale, so a frozen run ranks the same on any machine and any ICU version; the
 * key comes last, so the order is total and the sort is deterministic.
 */

interface Criterion {
  name: string;
  /** Negative when a ranks above b. */
  compare: (a: OffenceInputs, b: OffenceInputs) => number;
  describe?: (offence: OffenceInputs) => string;
}


function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Higher first; a missing figure ranks below any figure. */
function higherFirst(read: (offence: OffenceInputs) => number | null): (a: OffenceInputs, b: OffenceInputs) => number {
  return (a, b) => {
    const left = finiteOrNull(read(a));
    const right = finiteOrNull(read(b));
    if (left === right) return 0;
    if (left === null) return 1;
    if (right === null) return -1;
    return right - left;
  };
}

function byCodeUnits(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

const describeFigure = (read: (offence: OffenceInputs) => number | null) => (offence: OffenceInputs) => {
  const value = finiteOrNull(read(offence));
  return value === null ? 'none' : formatUpTo(value, 2);
};

const criteria: readonly Criterion[] = [
  { name: 'total harm', compare: higherFirst((offence) => offence.totalHarm), describe: describeFigure((offence) => offence.totalHarm) },
  {
    name: 'mean harm weight',
    compare: higherFirst((offence) => offence.meanHarmWeight),
    describe: describeFigure((offence) => offence.meanHarmWeight),
  },
  {
    name: 'volume',
    compare: higherFirst((offence) => offence.currentCount),
    describe: describeFigure((offence) => offence.currentCount),
  },
  { name: 'label', compare: (a, b) => byCodeUnits(a.label.toLowerCase(), b.label.toLowerCase()) || byCodeUnits(a.label, b.label) },
  { name: 'key', compare: (a, b) => byCodeUnits(a.key, b.key) },
];

export function compareForTieBreak(a: OffenceInputs, b: OffenceInputs): number {
  for (const criterion of criteria) {
    const order = criterion.compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/** Why `upper` was placed above `lower` when their scores tied, for the working. */
export function tieBreakReason(upper: OffenceInputs, lower: OffenceInputs): string {
  for (const criterion of criteria) {
    if (criterion.compare(upper, lower) === 0) continue;
    return criterion.describe
      ? `${criterion.name} (${criterion.describe(lower)} against ${criterion.describe(upper)})`
      : `${criterion.name} (alphabetical order)`;
  }
  return 'nothing: the two are identical';
}

/**
 * The rule above in words, for every document and screen that shows ranks: ties break on total
 * harm (count × weight), not on the harm score, which is why a common type of modest harm can
 * rank above a rare, grave one on the same score.
 */
export const tieBreakRule =
  'When two offence types have the same score, the one with more total harm (its number of offences multiplied by their severity weights) ranks higher; ' +
  'if that is equal too, the higher average severity weight, then the greater number of offences, then alphabetical order.';

/**
 * The same rule stated in full, for the workbook's Notes, where a reader checks the formulas:
 * the tolerance of a tie, the direction of each step and how names compare.
 */
export const tieBreakRuleInFull =
  'Equal totals (equal to six decimal places) are ranked by, in turn: total harm (offences in the assessment period × mean severity weight), higher first; the mean severity weight, higher first; offences in the assessment period, more first; and the name, in alphabetical order character by character, capitals and small letters alike. A type without a figure comes after every type with one.';
