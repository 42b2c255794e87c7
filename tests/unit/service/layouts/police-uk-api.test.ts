import { describe, expect, it } from 'vitest';
import { policeUkApiLayout } from '../../../../electron/service/features/dataset/import/layouts/police-uk-api';

describe('the police.uk API layout', () => {
  it('reads a category slug as the police.uk type it names, one crime a row', () => {
    const bound = policeUkApiLayout.bind(['category', 'persistent_id', 'month', 'location_type', 'id'])!;
    expect(bound.format).toBe('police-uk-api');
    expect(bound.convert(['violent-crime', 'p1', '2024-03', 'Force', '42'])).toEqual({
      kind: 'observations',
      observations: [{ crimeId: 'p1', periodFrom: '2024-03', periodTo: '2024-03', label: 'Violence and sexual offences', offenceCode: null, areaCode: null, areaName: null, count: 1 }],
    });
  });

  it('needs the category, the month and the persistent ID', () => {
    expect(policeUkApiLayout.bind(['category', 'month'])).toBeNull();
  });
});
