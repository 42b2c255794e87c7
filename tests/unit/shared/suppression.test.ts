import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  derivedSuppressed,
  shownValue,
  suppressCounts,
  suppressedMarker,
  type CountRow,
  type Shown,
  type SuppressionResult,
  type TotalSet,
} from '../../../shared/export/suppression';

/**
 * An attacker's view: every shown figure is known, every hidden one unknown, and the sums the
 * table shows hold (change = current − comparison in each row; total = Σ parts in each column).
 * A hidden cell is recoverable when those linear equations pin it down: when its unit vector
 * lies in the row space of the equations' coefficients over the unknowns.
 */
function recoverableCells(rows: readonly CountRow[], totals: readonly TotalSet[], result: SuppressionResult): string[] {
  const unknowns = new Map<string, number>();
  const byKey = new Map(result.rows.map((row) => [row.key, row]));
  const values = new Map(rows.map((row) => [row.key, row]));
  const cellOf = (key: string, column: 'current' | 'comparison' | 'change'): { shown: Shown; exists: boolean } => {
    const source = values.get(key)!;
    const exists = column === 'change' ? source.current !== null && source.comparison !== null : source[column] !== null;
    return { shown: byKey.get(key)![column], exists };
  };
  const variable = (key: string, column: string) => {
    const name = `${key}.${column}`;
    if (!unknowns.has(name)) unknowns.set(name, unknowns.size);
    return unknowns.get(name)!;
  };
  // Each equation: coefficients over the hidden cells (shown cells move to the constant side).
  const equations: Map<number, number>[] = [];
  const addEquation = (terms: { key: string; column: 'current' | 'comparison' | 'change'; sign: number }[]) => {
    if (terms.some((term) => !cellOf(term.key, term.column).exists)) return;
    const equation = new Map<number, number>();
    for (const term of terms) {
      if (cellOf(term.key, term.column).shown.suppressed) equation.set(variable(term.key, term.column), term.sign);
    }
    equations.push(equation);
  };
  for (const row of rows) {
    addEquation([
      { key: row.key, column: 'change', sign: 1 },
      { key: row.key, column: 'current', sign: -1 },
      { key: row.key, column: 'comparison', sign: 1 },
    ]);
  }
  for (const set of totals) {
    for (const column of ['current', 'comparison', 'change'] as const) {
      addEquation([{ key: set.total, column, sign: 1 }, ...set.parts.map((key) => ({ key, column, sign: -1 }))]);
    }
  }
  for (const row of result.rows) {
    for (const column of ['current', 'comparison', 'change'] as const) {
      if (row[column].suppressed) variable(row.key, column);
    }
  }
  const size = unknowns.size;
  const matrix = equations.map((equation) => Array.from({ length: size }, (_, index) => equation.get(index) ?? 0));
  const rank = (rowsOf: number[][]) => {
    const work = rowsOf.map((row) => [...row]);
    let found = 0;
    for (let column = 0; column < size && found < work.length; column += 1) {
      const pivot = work.findIndex((row, index) => index >= found && Math.abs(row[column]!) > 1e-9);
      if (pivot < 0) continue;
      [work[found], work[pivot]] = [work[pivot]!, work[found]!];
      for (let index = 0; index < work.length; index += 1) {
        if (index === found) continue;
        const factor = work[index]![column]! / work[found]![column]!;
        if (factor !== 0) work[index] = work[index]!.map((value, at) => value - factor * work[found]![at]!);
      }
      found += 1;
    }
    return found;
  };
  const base = rank(matrix);
  return [...unknowns].filter(([, index]) => rank([...matrix, Array.from({ length: size }, (_, at) => (at === index ? 1 : 0))]) === base).map(([name]) => name);
}

const count = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 500 }));

/** A table of parts and, sometimes, their total (the parts' sum, as a group and its subgroups). */
const table = fc
  .record({
    parts: fc.array(fc.record({ current: count, comparison: count }), { minLength: 1, maxLength: 7 }),
    withTotal: fc.boolean(),
    threshold: fc.integer({ min: 2, max: 10 }),
  })
  .map(({ parts, withTotal, threshold }) => {
    const rows: CountRow[] = parts.map((part, index) => ({ key: `part-${index}`, ...part }));
    const totals: TotalSet[] = [];
    if (withTotal) {
      const sum = (column: 'current' | 'comparison') =>
        rows.some((row) => row[column] === null) ? null : rows.reduce((total, row) => total + row[column]!, 0);
      rows.push({ key: 'total', current: sum('current'), comparison: sum('comparison') });
      totals.push({ total: 'total', parts: parts.map((_, index) => `part-${index}`) });
    }
    return { rows, totals, threshold };
  });

describe('suppression for publication', () => {
  it('hides counts of 1 to 4 as [c], shows zeros, and hides the change beside a hidden count', () => {
    const result = suppressCounts([
      { key: 'a', current: 3, comparison: 40 },
      { key: 'b', current: 0, comparison: 12 },
      { key: 'c', current: 5, comparison: 4 },
    ]);
    const [a, b, c] = result.rows;
    expect(shownValue(a!.current)).toBe(suppressedMarker);
    expect(shownValue(a!.comparison)).toBe(40);
    expect(a!.change.suppressed).toBe(true);
    expect(shownValue(b!.current)).toBe(0);
    expect(shownValue(b!.change)).toBe(-12);
    expect(shownValue(c!.current)).toBe(5);
    expect(c!.comparison).toEqual({ suppressed: true, reason: 'primary' });
    expect(derivedSuppressed(c!.comparison)).toBe(true);
    expect(result.primary).toBe(2);
  });

  it('hides a second part when a total would give one hidden part away', () => {
    const rows = [
      { key: 'group', current: 60, comparison: 50 },
      { key: 'small', current: 2, comparison: 10 },
      { key: 'middle', current: 18, comparison: 15 },
      { key: 'large', current: 40, comparison: 25 },
    ];
    const totals = [{ total: 'group', parts: ['small', 'middle', 'large'] }];
    const result = suppressCounts(rows, { totals });
    const hiddenCurrent = result.rows.filter((row) => row.current.suppressed).map((row) => row.key);
    expect(hiddenCurrent).toEqual(['small', 'middle']);
    expect(recoverableCells(rows, totals, result)).toEqual([]);
  });

  it('honours another threshold', () => {
    const result = suppressCounts([{ key: 'a', current: 9, comparison: 10 }], { threshold: 10 });
    expect(result.rows[0]!.current.suppressed).toBe(true);
    expect(result.rows[0]!.comparison.suppressed).toBe(false);
  });

  it('with bothCounts, hides the other count beside a small one (a zero too), but not beside a count hidden only to protect another', () => {
    const rows = [
      { key: 'small-now', current: 3, comparison: 40 },
      { key: 'small-before', current: 12, comparison: 2 },
      { key: 'none-before', current: 1, comparison: 0 },
      { key: 'large', current: 500, comparison: 480 },
    ];
    const plain = suppressCounts(rows);
    expect(plain.rows.map((row) => [row.current.suppressed, row.comparison.suppressed])).toEqual([
      [true, false],
      [false, true],
      [true, false],
      [false, false],
    ]);
    const both = suppressCounts(rows, { bothCounts: true });
    expect(both.rows.map((row) => [row.current.suppressed, row.comparison.suppressed])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [false, false],
    ]);
    expect(both.rows[0]!.comparison).toEqual({ suppressed: true, reason: 'secondary' });
    // A part hidden to protect a total's small part is not small itself: its partner stays shown.
    const totals = [{ total: 'group', parts: ['small', 'middle', 'large'] }];
    const grouped = suppressCounts(
      [
        { key: 'group', current: 60, comparison: 50 },
        { key: 'small', current: 2, comparison: 10 },
        { key: 'middle', current: 18, comparison: 15 },
        { key: 'large', current: 40, comparison: 25 },
      ],
      { totals, bothCounts: true },
    );
    const middle = grouped.rows.find((row) => row.key === 'middle')!;
    expect(middle.current).toEqual({ suppressed: true, reason: 'secondary' });
    expect(grouped.rows.find((row) => row.key === 'small')!.comparison.suppressed).toBe(true);
  });

  it('with bothCounts too, leaves no count under the threshold shown and no hidden cell recoverable', () => {
    fc.assert(
      fc.property(table, ({ rows, totals, threshold }) => {
        const result = suppressCounts(rows, { threshold, totals, bothCounts: true });
        result.rows.forEach((row, index) => {
          for (const column of ['current', 'comparison'] as const) {
            const value = rows[index]![column];
            if (value !== null && value > 0 && value < threshold) {
              expect(row[column].suppressed).toBe(true);
              const other = column === 'current' ? 'comparison' : 'current';
              if (rows[index]![other] !== null) expect(row[other].suppressed).toBe(true);
            }
          }
        });
        expect(recoverableCells(rows, totals, result)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no count under the threshold shown, and no hidden cell recoverable from what is shown', () => {
    fc.assert(
      fc.property(table, ({ rows, totals, threshold }) => {
        const result = suppressCounts(rows, { threshold, totals });
        result.rows.forEach((row, index) => {
          for (const column of ['current', 'comparison'] as const) {
            const value = rows[index]![column];
            if (value !== null && value > 0 && value < threshold) expect(row[column].suppressed).toBe(true);
            if (!row[column].suppressed) expect((row[column] as { value: number | null }).value).toBe(value);
          }
          const both = rows[index]!.current !== null && rows[index]!.comparison !== null;
          if (both && (row.current.suppressed || row.comparison.suppressed)) expect(row.change.suppressed).toBe(true);
        });
        expect(recoverableCells(rows, totals, result)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
