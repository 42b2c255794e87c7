/**
 * Statistical disclosure control for published tables (publication mode of every export).
 *
 * The rule, as UK official statistics apply it to small counts:
 * - primary: a count from 1 to threshold − 1 (default 5, so 1–4) is suppressed and shown as
 *   "[c]" (the Analysis Function's marker for confidential). A zero is shown: it names nobody,
 *   and hiding zeros would also hide the difference between "none" and "a few";
 * - secondary: no suppressed count can be worked out from what is shown. Two kinds of sum are
 *   shown beside the counts: each row's change (current − comparison) and, where a total's
 *   parts are all listed, the total (a group and its subgroups). Whenever one of those sums
 *   would have exactly one hidden term, a second term is hidden too: in a row, the change; in a
 *   total, the smallest part still shown (preferring a part at or above the threshold, so the
 *   two hidden cells are not pinned down by their bounds);
 * - derived figures (rates, percentage changes, significance) follow the counts they are
 *   computed from: a rate is hidden with its count, a percentage change with its change;
 * - optionally (`bothCounts`), beside a small count the same row's other count is hidden too:
 *   a document that also shows a score read from both counts (the matrix's trend, capped when
 *   the change is not significant) would otherwise let the shown count and the score narrow
 *   the small one. A count hidden only to protect another needs no partner: it is not small,
 *   and the score's bands are wide around it.
 *
 * Pure: the workbook and the PDF documents render the same decisions.
 */

export const defaultSuppressionThreshold = 5;
export const suppressedMarker = '[c]';

export type Shown =
  | { suppressed: false; value: number | null }
  | { suppressed: true; reason: 'primary' | 'secondary' };

export interface CountRow {
  key: string;
  /** Count in the assessment period; null when there is no figure. */
  current: number | null;
  /** Count in the comparison period; null when there is no figure. */
  comparison: number | null;
}

/** A total shown beside its parts: total = Σ parts (by row key), in every column. */
export interface TotalSet {
  total: string;
  parts: readonly string[];
}

export interface SuppressedRow {
  key: string;
  current: Shown;
  comparison: Shown;
  /** current − comparison; null when either count is missing. */
  change: Shown;
}

export interface SuppressionResult {
  threshold: number;
  rows: SuppressedRow[];
  /** How many cells were hidden, by reason. */
  primary: number;
  secondary: number;
}

export interface SuppressionOptions {
  threshold?: number;
  totals?: readonly TotalSet[];
  /** Hide the other count of a row whose count is small (see above). Off unless asked for. */
  bothCounts?: boolean;
}

const columns = ['current', 'comparison', 'change'] as const;
type Column = (typeof columns)[number];

interface WorkingCell {
  value: number | null;
  hidden: 'primary' | 'secondary' | null;
}

function changeOf(row: CountRow): number | null {
  return row.current === null || row.comparison === null ? null : row.current - row.comparison;
}

export function isPrimarySuppressed(count: number | null, threshold: number): boolean {
  return count !== null && count > 0 && count < threshold;
}

/**
 * Hides the cell of `candidates` most suited to protect the others: shown, with a figure, not
 * zero where possible, at or above the threshold where possible, then the smallest.
 */
function hideOne(candidates: readonly WorkingCell[], threshold: number): boolean {
  const shown = candidates.filter((cell) => cell.hidden === null && cell.value !== null);
  if (shown.length === 0) return false;
  const preference = (cell: WorkingCell) => {
    const value = Math.abs(cell.value!);
    return [value === 0 ? 1 : 0, value >= threshold ? 0 : 1, value] as const;
  };
  shown.sort((a, b) => {
    const [a0, a1, a2] = preference(a);
    const [b0, b1, b2] = preference(b);
    return a0 - b0 || a1 - b1 || a2 - b2;
  });
  shown[0]!.hidden = 'secondary';
  return true;
}

export function suppressCounts(rows: readonly CountRow[], options: SuppressionOptions = {}): SuppressionResult {
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error('The suppression threshold is a whole number of 1 or more.');
  const cells = new Map<string, Record<Column, WorkingCell>>();
  for (const row of rows) {
    if (cells.has(row.key)) throw new Error(`The row "${row.key}" is listed twice.`);
    const cell = (value: number | null): WorkingCell => ({ value, hidden: isPrimarySuppressed(value, threshold) ? 'primary' : null });
    cells.set(row.key, { current: cell(row.current), comparison: cell(row.comparison), change: { value: changeOf(row), hidden: null } });
  }
  const sets = (options.totals ?? [])
    .map((set) => ({ total: cells.get(set.total), parts: set.parts.map((key) => cells.get(key)) }))
    .filter((set): set is { total: Record<Column, WorkingCell>; parts: Record<Column, WorkingCell>[] } =>
      set.total !== undefined && set.parts.length > 0 && set.parts.every((part) => part !== undefined),
    );

  // Each pass hides at least one more cell or stops, so this ends within the number of cells.
  let changed = true;
  while (changed) {
    changed = false;
    for (const row of cells.values()) {
      if (options.bothCounts && (row.current.hidden === 'primary' || row.comparison.hidden === 'primary')) {
        changed = hideOne([row.current, row.comparison], threshold) || changed;
      }
      const countHidden = row.current.hidden !== null || row.comparison.hidden !== null;
      // A change is derived from its counts, so it is hidden with either of them; and a change
      // hidden (for a total's sake) beside two shown counts would be their difference, so one goes too.
      if (countHidden && row.change.hidden === null) changed = hideOne([row.change], threshold) || changed;
      if (!countHidden && row.change.hidden !== null) changed = hideOne([row.current, row.comparison], threshold) || changed;
    }
    for (const set of sets) {
      for (const column of columns) {
        const terms = [set.total[column], ...set.parts.map((part) => part[column])];
        if (terms.some((cell) => cell.value === null)) continue;
        if (terms.filter((cell) => cell.hidden !== null).length !== 1) continue;
        const parts = set.parts.map((part) => part[column]);
        changed = hideOne(parts, threshold) || hideOne([set.total[column]], threshold) || changed;
      }
    }
  }

  let primary = 0;
  let secondary = 0;
  const shown = (cell: WorkingCell): Shown => {
    if (cell.hidden === 'primary') primary += 1;
    if (cell.hidden === 'secondary') secondary += 1;
    return cell.hidden === null ? { suppressed: false, value: cell.value } : { suppressed: true, reason: cell.hidden };
  };
  return {
    threshold,
    rows: rows.map((row) => {
      const cell = cells.get(row.key)!;
      return { key: row.key, current: shown(cell.current), comparison: shown(cell.comparison), change: shown(cell.change) };
    }),
    primary,
    secondary,
  };
}

/** The figure to print, or the marker. */
export function shownValue(cell: Shown): number | null | typeof suppressedMarker {
  return cell.suppressed ? suppressedMarker : cell.value;
}

/** Whether a figure derived from these cells (a rate, a percentage, a significance test) must be hidden. */
export function derivedSuppressed(...cells: readonly Shown[]): boolean {
  return cells.some((cell) => cell.suppressed);
}

/** The sentence that Notes and the documents print when publication mode is on. */
export function suppressionRuleText(threshold: number, options: Pick<SuppressionOptions, 'bothCounts'> = {}): string {
  return (
    `Publication mode: counts from 1 to ${threshold - 1} are suppressed and shown as ${suppressedMarker}; zeros are shown. ` +
    `Further cells are suppressed where a hidden count could otherwise be worked out from a change (current − comparison) or from a total and its parts` +
    (options.bothCounts ? `; beside a small count, the other count of the same type is suppressed too; ` : ', ') +
    `and rates, percentage changes and significance computed from a suppressed count are suppressed too.`
  );
}
