import { describe, expect, it } from 'vitest';
import { areaFilter, isUnassignedArea, normaliseArea, sameArea } from '../../../electron/service/features/dataset/import/area-filter';

describe('recognising an area by name', () => {
  it('knows a CSP however a table names it', () => {
    for (const name of ['Colchester', 'COLCHESTER', 'Colchester CSP', 'Colchester Community Safety Partnership', 'Safer Colchester Partnership', ' Colchester ']) {
      expect(normaliseArea(name), name).toBe('colchester');
    }
    expect(sameArea('Bristol, City of', 'Bristol')).toBe(true);
    expect(sameArea('Basildon & Thurrock', 'Basildon and Thurrock CSP')).toBe(true);
    // Only the words that dress a name are taken off: different places stay different.
    expect(sameArea('Colchester', 'Chelmsford')).toBe(false);
    expect(sameArea('North Essex', 'Essex')).toBe(false);
    expect(sameArea('City of London', 'London')).toBe(false);
  });

  it('counts rows under no area outside every area, even with no area to compare against', () => {
    expect(isUnassignedArea('Unassigned')).toBe(true);
    expect(isUnassignedArea('unassigned CSP')).toBe(true);
    expect(isUnassignedArea('Uttlesford')).toBe(false);
    for (const target of ['Colchester', null]) {
      const judge = areaFilter('named-area', target);
      expect(judge({ areaCode: null, areaName: 'Unassigned' })).toEqual({ inArea: false, otherArea: 'Unassigned', blank: false, notAnArea: true });
      expect(judge({ areaCode: null, areaName: 'Colchester CSP' }).inArea).toBe(true);
    }
    expect(areaFilter('named-area', 'Colchester')({ areaCode: null, areaName: 'Tendring' })).toEqual({ inArea: false, otherArea: 'Tendring', blank: false });
  });
});
