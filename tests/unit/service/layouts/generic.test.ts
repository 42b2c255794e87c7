import { describe, expect, it } from 'vitest';
import { bindGenericLayout, suggestMapping } from '../../../../electron/service/features/dataset/import/layouts/generic';
import { WorkbenchError } from '../../../../shared/result';

const header = ['Incident category', 'Date reported', 'Number', 'Ward'];

describe('the generic layout', () => {
  it('reads the columns the analyst mapped, UK dates included', () => {
    const bound = bindGenericLayout(header, { offence: 'Incident category', period: 'Date reported', count: 'Number', area: 'Ward', identifier: null }, 'partner.csv');
    expect(bound.format).toBe('generic');
    expect(bound.areaRule).toBe('named-area');
    const outcome = bound.convert(['Fly-tipping', '03/02/2019', '4', 'Castle']);
    expect(outcome).toMatchObject({ kind: 'observations', observations: [{ label: 'Fly-tipping', periodFrom: '2019-02', periodTo: '2019-02', areaName: 'Castle', count: 4 }] });
  });

  it('names the file and its columns when the mapping names a column it does not have', () => {
    expect(() => bindGenericLayout(header, { offence: 'Crime', period: 'Date reported', count: null, area: null, identifier: null }, 'partner.csv')).toThrow(WorkbenchError);
    expect(() => bindGenericLayout(header, { offence: 'Crime', period: 'Date reported', count: null, area: null, identifier: null }, 'partner.csv')).toThrow(
      /partner\.csv has no such column\. Its columns are: Incident category, Date reported, Number, Ward\./,
    );
  });

  it('suggests a mapping from the header', () => {
    expect(suggestMapping(['Offence', 'Month', 'Count'])).toMatchObject({ offence: 'Offence', period: 'Month', count: 'Count' });
  });
});
