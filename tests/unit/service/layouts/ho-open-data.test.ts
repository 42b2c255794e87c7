import { describe, expect, it } from 'vitest';
import { homeOfficeOpenDataLayout } from '../../../../electron/service/features/dataset/import/layouts/ho-open-data';

const header = ['Financial Year', 'Financial Quarter', 'Force Name', 'CSP Name', 'Offence Description', 'Offence Group', 'Offence Subgroup', 'Offence Code', 'Offence Count'];

describe('the Home Office open data layout', () => {
  it('reads a CSP’s count for an offence code in a financial quarter', () => {
    const bound = homeOfficeOpenDataLayout.bind(header)!;
    expect(bound.format).toBe('ho-open-data');
    expect(bound.areaRule).toBe('named-area');
    // Quarter 1 of 2019/20 is April to June 2019.
    expect(bound.convert(['2019/20', '1', 'Essex', 'Colchester', 'Burglary - residential', 'Theft offences', 'Residential burglary', '28E', '12'])).toEqual({
      kind: 'observations',
      observations: [{ crimeId: null, periodFrom: '2019-04', periodTo: '2019-06', label: 'Burglary - residential', offenceCode: '28E', areaCode: null, areaName: 'Colchester', count: 12 }],
    });
  });

  it('refuses a row without its area', () => {
    expect(homeOfficeOpenDataLayout.bind(header)!.convert(['2019/20', '1', 'Essex', '', 'Burglary - residential', 'Theft offences', 'Residential burglary', '28E', '12'])).toMatchObject({ kind: 'rejected' });
  });
});
