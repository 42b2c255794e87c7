import { describe, expect, it } from 'vitest';
import { areaFigures, mappedValue } from '../../../shared/geo/area-figures';
import { suppressCounts } from '../../../shared/export/suppression';
import { compareCounts } from '../../../shared/statistics';

const areas = [
  { code: 'E01021637', name: 'Colchester 018A', population: 1500 },
  { code: 'E01021638', name: 'Colchester 018B', population: 2000 },
  { code: 'E01021639', name: 'Colchester 019A' },
  { code: 'E01021640', name: 'Colchester 019B', population: 1800 },
];
const counts = new Map([
  ['E01021637', { current: 30, comparison: 12 }],
  ['E01021638', { current: 3, comparison: 10 }],
  ['E01021639', { current: 40, comparison: 41 }],
  ['E99999999', { current: 7, comparison: 2 }],
]);

describe('figures per area', () => {
  const { areas: figures, unmatched } = areaFigures(areas, counts);

  it('gives counts, rates per 1,000 with a population only, change and percentage', () => {
    const [a, , c, d] = figures;
    expect(a!.current).toEqual({ suppressed: false, value: 30 });
    expect(a!.rate).toEqual({ suppressed: false, value: 20 });
    expect(a!.comparisonRate).toEqual({ suppressed: false, value: 8 });
    expect(a!.change).toEqual({ suppressed: false, value: 18 });
    expect(a!.percentChange).toEqual({ suppressed: false, value: 150 });
    expect(c!.rate).toEqual({ suppressed: false, value: null });
    // An area without counts is on the map with its zeros.
    expect(d!.current).toEqual({ suppressed: false, value: 0 });
    expect(d!.percentChange).toEqual({ suppressed: false, value: null });
    expect(d!.pValue).toEqual({ suppressed: false, value: 1 });
  });

  it('tests each area’s change with the shared exact test, the same p-value and verdict', () => {
    for (const [index, code] of ['E01021637', 'E01021638', 'E01021639'].entries()) {
      const { current, comparison } = counts.get(code)!;
      const expected = compareCounts(current, comparison);
      expect(figures[index]!.pValue).toEqual({ suppressed: false, value: expected.pValue });
      expect(figures[index]!.verdict).toBe(expected.verdict);
    }
    expect(figures[0]!.verdict).toBe('significant increase');
    // Periods of different lengths go to the test.
    const lengths = { current: 12, previous: 6 };
    const unequal = areaFigures(areas, counts, { lengths });
    expect(unequal.areas[0]!.pValue).toEqual({ suppressed: false, value: compareCounts(30, 12, lengths).pValue });
  });

  it('returns counts whose code matches no area, never dropping them', () => {
    expect(unmatched).toEqual([{ code: 'E99999999', current: 7, comparison: 2 }]);
  });

  it('suppresses small counts with the shared rule, and hides the rates and changes derived from them', () => {
    const published = areaFigures(areas, counts, { publication: {} });
    const b = published.areas[1]!;
    expect(b.current).toEqual({ suppressed: true, reason: 'primary' });
    expect(b.rate.suppressed).toBe(true);
    expect(b.change.suppressed).toBe(true);
    expect(b.percentChange.suppressed).toBe(true);
    expect(b.pValue.suppressed).toBe(true);
    expect(b.verdict).toBeNull();
    // The other count stays, with its rate.
    expect(b.comparison).toEqual({ suppressed: false, value: 10 });
    expect(b.comparisonRate).toEqual({ suppressed: false, value: 5 });
    expect(mappedValue(b.rate)).toBeNull();
    // The same decisions as suppressCounts makes for these rows as the parts of their total:
    // with 018B's 3 hidden, the total less the shown areas would give it, so a second area's
    // count goes too: the smallest shown count at or above the threshold, 018A's 30.
    const rows = areas.map((area) => ({ key: area.code, current: counts.get(area.code)?.current ?? 0, comparison: counts.get(area.code)?.comparison ?? 0 }));
    const direct = suppressCounts([...rows, { key: 'total', current: 73, comparison: 63 }], { totals: [{ total: 'total', parts: rows.map((row) => row.key) }] });
    expect(published.areas.map((area) => [area.current, area.comparison, area.change])).toEqual(direct.rows.slice(0, 4).map((row) => [row.current, row.comparison, row.change]));
    expect(published.total.current).toEqual(direct.rows[4]!.current);
    expect(published.suppressed).toEqual({ primary: direct.primary, secondary: direct.secondary });
    expect(published.suppressionThreshold).toBe(5);
    const hiddenCurrent = published.areas.filter((area) => area.current.suppressed).map((area) => area.code);
    expect(hiddenCurrent).toEqual(['E01021637', 'E01021638']);
    // Its rate and change go with it.
    expect(published.areas[0]!.rate.suppressed).toBe(true);
    expect(published.areas[0]!.percentChange.suppressed).toBe(true);
    expect(published.areas[0]!.comparisonRate).toEqual({ suppressed: false, value: 8 });
    // Without publication mode the total is the plain sum.
    expect(areaFigures(areas, counts).total.current).toEqual({ suppressed: false, value: 73 });
    expect(areaFigures(areas, counts, { publication: { threshold: 11 } }).areas[1]!.comparison.suppressed).toBe(true);
  });

  it('refuses an area listed twice', () => {
    expect(() => areaFigures([areas[0]!, areas[0]!], counts)).toThrow(/listed twice/);
  });
});
