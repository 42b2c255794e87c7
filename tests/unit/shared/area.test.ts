import { describe, expect, it } from 'vitest';
import { describePeerAreas, describeSourceArea } from '../../../shared/domain/area';
import { figureCaveats } from '../../../shared/export/figure-caveats';

const periods = { current: { from: '2018-10', to: '2019-09' }, comparison: { from: '2017-10', to: '2018-09' } };

describe('the area a source covers', () => {
  it('is the partnership’s own when the names agree, whatever their case', () => {
    expect(describeSourceArea('COLCHESTER', 'local-authority', 'Colchester')).toEqual({
      name: 'COLCHESTER',
      level: 'partnership',
      relation: 'partnership',
      label: 'COLCHESTER',
      phrase: 'COLCHESTER',
    });
  });

  it('says when a force area is wider than the partnership’s', () => {
    const essex = describeSourceArea('Essex', 'police-force-area', 'Colchester');
    expect(essex.relation).toBe('wider');
    expect(essex.label).toBe('Essex police force area');
    expect(essex.phrase).toBe('Essex police force area, not Colchester');
  });

  it('names another district as other, not wider, and a region or country by its name', () => {
    expect(describeSourceArea('Braintree', 'local-authority', 'Colchester')).toMatchObject({ relation: 'other', phrase: 'Braintree local authority, not Colchester' });
    expect(describeSourceArea('EAST OF ENGLAND', 'region', 'Colchester')).toMatchObject({ relation: 'wider', label: 'East of England region' });
    expect(describeSourceArea('ENGLAND AND WALES', 'country', 'Colchester')).toMatchObject({ relation: 'wider', label: 'England and Wales' });
  });

  it('says when the data name no area', () => {
    expect(describeSourceArea(null, 'unknown', 'Colchester')).toMatchObject({ relation: 'unknown', phrase: 'area not stated (taken as Colchester)' });
  });

  it('describes peers for what they are', () => {
    expect(describePeerAreas(['police-force-area', 'police-force-area'])).toBe('other police force areas');
    expect(describePeerAreas(['local-authority'])).toBe('other local authorities');
    expect(describePeerAreas(['police-force-area', 'local-authority'])).toBe('other areas');
    expect(describePeerAreas([])).toBe('other areas');
  });
});

describe('the caveats a figure carries', () => {
  const essex = describeSourceArea('Essex', 'police-force-area', 'Colchester');
  const colchester = describeSourceArea('Colchester', 'local-authority', 'Colchester');

  it('carries none for the partnership’s own, code-priced, large, full-year figures', () => {
    expect(figureCaveats({ where: colchester, harmBasis: 'code-level', currentCount: 400, comparisonCount: 380, periods })).toEqual([]);
  });

  it('names a wider area, harm priced by the unweighted mean, and a small count', () => {
    const caveats = figureCaveats({ where: essex, harmBasis: 'unweighted-mean', currentCount: 19, comparisonCount: 18, periods });
    expect(caveats.map((caveat) => caveat.kind)).toEqual(['wider-area', 'unweighted-harm', 'small-count']);
    expect(caveats[0]!.short).toBe('figures for the Essex police force area, not Colchester');
    expect(caveats[1]!.sentence).toMatch(/harm may be overstated/);
  });

  it('treats 20 offences as enough, and 19 in either period as small', () => {
    const kinds = (current: number, comparison: number) =>
      figureCaveats({ where: colchester, harmBasis: 'code-level', currentCount: current, comparisonCount: comparison, periods }).map((caveat) => caveat.kind);
    expect(kinds(20, 20)).toEqual([]);
    expect(kinds(20, 19)).toEqual(['small-count']);
  });

  it('says when the assessment period is not a full year', () => {
    const short = { current: { from: '2019-04', to: '2019-09' }, comparison: { from: '2018-10', to: '2019-03' } };
    const [caveat] = figureCaveats({ where: colchester, harmBasis: null, currentCount: 100, comparisonCount: 100, periods: short });
    expect(caveat).toMatchObject({ kind: 'partial-year', short: '6 months, not a full year' });
  });
});
