import { describe, expect, it } from 'vitest';
import { onsWideLayout } from '../../../../electron/service/features/dataset/import/layouts/ons-wide';

describe('the ONS wide layout', () => {
  it('reads one figure per offence column, a “year ending September 2019” as October 2018 to September 2019', () => {
    const bound = onsWideLayout.bind(['Year ending September', 'Area name', 'Homicide', 'Robbery', 'Shoplifting'])!;
    expect(bound.format).toBe('ons-wide');
    const outcome = bound.convert([2019, 'Essex', 19, 1867, 9000]);
    expect(outcome).toEqual({
      kind: 'observations',
      rejectedCells: [],
      observations: ['Homicide', 'Robbery', 'Shoplifting'].map((label, index) => ({
        crimeId: null,
        periodFrom: '2018-10',
        periodTo: '2019-09',
        label,
        offenceCode: null,
        areaCode: null,
        areaName: 'Essex',
        count: [19, 1867, 9000][index],
      })),
    });
  });

  it('needs an area, a period and at least three offence columns', () => {
    expect(onsWideLayout.bind(['Year ending September', 'Area name', 'Homicide', 'Robbery'])).toBeNull();
    expect(onsWideLayout.bind(['a', 'b'])).toBeNull();
  });
});
