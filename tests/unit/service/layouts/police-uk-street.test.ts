import { describe, expect, it } from 'vitest';
import { policeUkStreetLayout } from '../../../../electron/service/features/dataset/import/layouts/police-uk-street';

const header = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context'];

describe('the police.uk street-level layout', () => {
  it('binds to the bulk file’s header, judging the area by the LSOA’s name', () => {
    const bound = policeUkStreetLayout.bind(header)!;
    expect(bound.format).toBe('police-uk-street');
    expect(bound.areaRule).toBe('lsoa');
  });

  it('reads one crime a row, with its month, LSOA and type as written; its Crime ID crosses from the reader as a key', () => {
    const row = ['abc123', '2018-01', 'Essex Police', 'Essex Police', '0.9', '51.9', 'On or near High St', 'E01021988', 'Colchester 001A', 'Burglary', 'Under investigation', ''];
    const bound = policeUkStreetLayout.bind(header)!;
    // The ID is used for nothing but de-duplication, so the reader sends its key instead of its text.
    expect(bound.identifierColumn).toBe(0);
    expect(bound.columns).not.toContain(0);
    expect(bound.convert(row)).toEqual({
      kind: 'observations',
      observations: [
        { crimeId: null, periodFrom: '2018-01', periodTo: '2018-01', label: 'Burglary', offenceCode: null, areaCode: 'E01021988', areaName: 'Colchester 001A', count: 1 },
      ],
    });
  });

  it('does not bind to another layout’s header', () => {
    expect(policeUkStreetLayout.bind(['category', 'persistent_id', 'month'])).toBeNull();
  });
});
