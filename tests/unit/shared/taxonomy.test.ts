import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssWeightsCsvPath, cssWeightsModulePath, renderCssWeightsModule } from '../../../scripts/generate-css-weights';
import {
  countWeightedSubgroupCssWeight,
  cssCodeWeight,
  cssCodeWeights,
  cssWeightForCode,
  cssWeightSource,
  indicators,
  matchHomeOfficeCode,
  matchOffence,
  matchPoliceUkCategory,
  normaliseLabel,
  offenceGroupIds,
  offenceGroups,
  offenceKey,
  offenceMatchFromKey,
  offenceSubgroupById,
  offenceSubgroupIds,
  offenceSubgroups,
  openGovernmentLicenceAttribution,
  policeUkCategories,
  policeUkCategoryForSlug,
  subgroupCssWeight,
  subgroupIdsCovered,
  subgroupsOfGroup,
  type OffenceGroupId,
  type OffenceMatch,
} from '../../../shared/taxonomy';

const projectRoot = path.resolve(__dirname, '../../..');
const readProjectFile = (relative: string) => readFileSync(path.join(projectRoot, relative), 'utf8');
const readCsv = (relative: string): Record<string, string>[] => parse(readProjectFile(relative), { columns: true, bom: true });

const weightRows = readCsv(cssWeightsCsvPath);
const hierarchyRows = readCsv('resources/reference/ons-offence-hierarchy-2017-18.csv');

/** What matchOffence says a name means, as "kind:id", for compact assertions. */
const keyOf = (text: string) => {
  const match = matchOffence(text);
  return match ? offenceKey(match) : null;
};

describe('offence groups and subgroups', () => {
  it('has the 23 Home Office open-data subgroups, labelled as the Home Office labels them', () => {
    // The "Offence Subgroup" values of the PFA open-data table 2024/25 (domain.md §3.1; as listed
    // with their national counts in isthisben/cbl-realcrime data/cchi_weights.csv).
    expect(offenceSubgroups).toHaveLength(23);
    expect(offenceSubgroups.map((subgroup) => subgroup.label).sort()).toEqual(
      [
        'Homicide',
        'Violence with injury',
        'Violence without injury',
        'Stalking and harassment',
        'Death or serious injury - unlawful driving',
        'Rape offences',
        'Other sexual offences',
        'Public order offences',
        'Criminal damage',
        'Arson',
        'Shoplifting',
        'Other theft offences',
        'Vehicle offences',
        'Residential burglary',
        'Non-residential burglary',
        'Possession of drugs',
        'Trafficking of drugs',
        'Theft from the person',
        'Robbery of business property',
        'Robbery of personal property',
        'Possession of weapons offences',
        'Bicycle theft',
        'Miscellaneous crimes against society',
      ].sort(),
    );
  });

  it('lists each id once, in the order of its id list, under one of the nine groups', () => {
    expect(offenceSubgroups.map((subgroup) => subgroup.id)).toEqual([...offenceSubgroupIds]);
    expect(offenceGroups.map((group) => group.id)).toEqual([...offenceGroupIds]);
    expect(offenceGroups.map((group) => group.label)).toEqual([
      'Violence against the person',
      'Sexual offences',
      'Robbery',
      'Theft offences',
      'Criminal damage and arson',
      'Drug offences',
      'Possession of weapons offences',
      'Public order offences',
      'Miscellaneous crimes against society',
    ]);
    const subgroupCounts = Object.fromEntries(offenceGroupIds.map((id) => [id, subgroupsOfGroup(id).length]));
    expect(subgroupCounts).toEqual({
      'violence-against-the-person': 5,
      'sexual-offences': 2,
      robbery: 2,
      'theft-offences': 7,
      'criminal-damage-and-arson': 2,
      'drug-offences': 2,
      'possession-of-weapons-offences': 1,
      'public-order-offences': 1,
      'miscellaneous-crimes-against-society': 1,
    });
  });

  it('gives a single-subgroup group’s subgroup the group’s own label', () => {
    for (const groupId of ['possession-of-weapons-offences', 'public-order-offences', 'miscellaneous-crimes-against-society'] as const) {
      const [only] = subgroupsOfGroup(groupId);
      expect(only?.label).toBe(offenceGroups.find((group) => group.id === groupId)?.label);
    }
  });

  it('never lists a Home Office code under two subgroups, nor reuses an id across groups and subgroups', () => {
    const codes = offenceSubgroups.flatMap((subgroup) => subgroup.homeOfficeCodes);
    expect(new Set(codes).size).toBe(codes.length);
    const ids: string[] = [...offenceGroupIds, ...offenceSubgroupIds];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Home Office codes', () => {
  // The CSS file's group column, in the file's own lower case, to the current group it means.
  const groupOfCssCategory: Record<string, OffenceGroupId> = {
    'violence against the person': 'violence-against-the-person',
    'sexual offences': 'sexual-offences',
    robbery: 'robbery',
    'theft offences': 'theft-offences',
    'criminal damage and arson': 'criminal-damage-and-arson',
    'drug offences': 'drug-offences',
    'possession of weapons offences': 'possession-of-weapons-offences',
    'public order offences': 'public-order-offences',
    'miscellaneous crimes': 'miscellaneous-crimes-against-society',
  };

  it('maps every code in the ONS CSS file back to a subgroup of the group the file gives it', () => {
    expect(weightRows).toHaveLength(134);
    const misfits = weightRows.filter((row) => {
      const subgroup = matchHomeOfficeCode(row.ONS_COUNTS_code!);
      return subgroup === null || subgroup.groupId !== groupOfCssCategory[row.ONS_COUNTS_category!];
    });
    // No code in the file falls outside the current classification.
    expect(misfits.map((row) => row.ONS_COUNTS_code)).toEqual([]);
  });

  it('maps the code ONS priced each row under to the same subgroup as the row', () => {
    for (const row of weightRows) {
      expect(matchHomeOfficeCode(row.ONS_SEVERITY_code!)?.id, row.ONS_COUNTS_code).toBe(matchHomeOfficeCode(row.ONS_COUNTS_code!)?.id);
    }
  });

  it('has a CSS weight for every code in the taxonomy except 8U, which ONS does not price', () => {
    const unpriced = offenceSubgroups.flatMap((subgroup) => subgroup.homeOfficeCodes).filter((code) => cssWeightForCode(code) === null);
    expect(unpriced).toEqual(['8U']);
  });

  it('agrees with the 2017/18 ONS hierarchy on every code’s group, and knows no fraud code', () => {
    const fraud = hierarchyRows.filter((row) => row.offence_group === 'Fraud offences');
    const crime = hierarchyRows.filter((row) => row.offence_group !== 'Fraud offences');
    expect(fraud.map((row) => row.home_office_code).sort()).toEqual(['51', '52', '53B', '53C', '53D', '53E', '53F', '55']);
    for (const row of fraud) expect(matchHomeOfficeCode(row.home_office_code!)).toBeNull();
    const groupNamed = (label: string) => offenceGroups.find((group) => normaliseLabel(group.label) === normaliseLabel(label));
    for (const row of crime) {
      const group = groupNamed(row.offence_group!);
      expect(group, row.offence_group).toBeDefined();
      expect(matchHomeOfficeCode(row.home_office_code!)?.groupId, row.home_office_code).toBe(group?.id);
    }
  });

  it('records where the 2017/18 subgroups moved to the current ones', () => {
    expect(matchHomeOfficeCode('8Q')?.id).toBe('stalking-and-harassment'); // was Violence without injury
    expect(matchHomeOfficeCode('8M')?.id).toBe('stalking-and-harassment'); // was Violence without injury
    expect(matchHomeOfficeCode('8L')?.id).toBe('stalking-and-harassment'); // was Harassment
    expect(matchHomeOfficeCode('4.4')?.id).toBe('death-or-serious-injury-unlawful-driving'); // was Violence with injury
    expect(matchHomeOfficeCode('37.1')?.id).toBe('death-or-serious-injury-unlawful-driving');
    expect(matchHomeOfficeCode('37.2')?.id).toBe('vehicle-offences'); // was Theft of a motor vehicle
    expect(matchHomeOfficeCode('28E')?.id).toBe('residential-burglary'); // was Domestic burglary
    expect(matchHomeOfficeCode('30C')?.id).toBe('non-residential-burglary'); // was Non-domestic burglary
  });

  it('looks codes up whatever their case, spacing or leading zeros, and keeps 4.1 apart from 41', () => {
    expect(matchOffence('8N')).toEqual({
      kind: 'subgroup',
      id: 'violence-with-injury',
      label: 'Violence with injury',
      groupId: 'violence-against-the-person',
      homeOfficeCode: '8N',
    });
    expect(matchOffence(' 092a ')).toMatchObject({ id: 'trafficking-of-drugs', homeOfficeCode: '92A' });
    expect(matchOffence('4.1')).toMatchObject({ id: 'homicide', homeOfficeCode: '4.1' });
    expect(matchOffence('4.10')).toMatchObject({ id: 'homicide', homeOfficeCode: '4.10' });
    expect(matchOffence('41')).toMatchObject({ id: 'other-theft-offences', homeOfficeCode: '41' });
    expect(matchOffence('46')).toMatchObject({ id: 'shoplifting', groupId: 'theft-offences' });
    expect(matchOffence('814')).toMatchObject({ id: 'miscellaneous-crimes', groupId: 'miscellaneous-crimes-against-society' });
  });

  it('reads combined codes when every part is in one subgroup, and only then', () => {
    expect(matchOffence('1/4.1/4.10/4.2')).toMatchObject({ id: 'homicide', homeOfficeCode: '1/4.1/4.10/4.2' });
    expect(matchOffence('1-4.1-4.10-4.2')).toMatchObject({ id: 'homicide' }); // the ONS hierarchy's spelling
    expect(matchOffence('1, 4.1/2/10')).toMatchObject({ id: 'homicide', homeOfficeCode: '1/4.1/4.2/4.10' }); // the CSS tool's
    expect(matchOffence('34A/34B')).toBeNull(); // two robbery subgroups: not one subgroup
    expect(matchOffence('8N/34A')).toBeNull();
  });

  it('gives null for codes it does not know, rather than the nearest one', () => {
    for (const code of ['53C', '8Z', '999', '4.5', '0', '92']) expect(matchOffence(code), code).toBeNull();
  });
});

describe('ONS Crime Severity Score weights', () => {
  it('is the module the generator makes from the shipped CSV', () => {
    const csvText = readProjectFile(cssWeightsCsvPath);
    expect(readProjectFile(cssWeightsModulePath)).toBe(renderCssWeightsModule(csvText));
    expect(cssWeightSource.sha256).toBe(createHash('sha256').update(csvText).digest('hex'));
    expect(cssCodeWeights).toHaveLength(134);
  });

  it('gives the ONS weight of a code, as published', () => {
    // Values from the CSV (and domain.md §2.1's table).
    expect(cssWeightForCode('8N')).toBe(189.1538871);
    expect(cssWeightForCode('92A')).toBe(512.9573594);
    expect(cssWeightForCode('46')).toBe(11.85553905);
    expect(cssWeightForCode('9a')).toBe(6.81175759);
    expect(cssWeightForCode('1/4.1/4.10/4.2')).toBe(7973.393423);
    expect(cssWeightForCode('1, 4.1/2/10')).toBe(7973.393423);
    expect(cssCodeWeight('30A')).toEqual({
      code: '30A',
      offence: 'Burglary in a building other than a dwelling (outcome only)',
      weight: 123.0183965,
      pricedAs: '30C',
    });
  });

  it('has no single weight for a combined code whose parts differ, nor for an unpriced code', () => {
    expect(cssWeightForCode('8N/8S')).toBeNull();
    expect(cssWeightForCode('8U')).toBeNull();
    expect(cssWeightForCode('Assault with injury')).toBeNull();
  });

  it('gives a subgroup the unweighted mean of its codes’ weights', () => {
    // (9.062218937 + 8.082043408 + 1.770623478) / 3 for 92C, 92D, 92E.
    expect(subgroupCssWeight('possession-of-drugs')).toBeCloseTo(6.304961941, 9);
    // 2, 4.3, 4.7, 5D, 5E, 8N, 8P, 8S: 13,820.379744 / 8.
    expect(subgroupCssWeight('violence-with-injury')).toBeCloseTo(1727.547468025, 6);
    expect(subgroupCssWeight('homicide')).toBeCloseTo(7973.393423, 6);
    expect(subgroupCssWeight('trafficking-of-drugs')).toBe(512.9573594);
    // 8U has no weight, so the mean is over 8L, 8M, 8Q, 8R only.
    expect(subgroupCssWeight('stalking-and-harassment')).toBeCloseTo((36.09753014 + 37.51129786 + 56.34970967 + 15.13892861) / 4, 9);
    for (const id of offenceSubgroupIds) expect(subgroupCssWeight(id), id).toBeGreaterThan(0);
  });

  it('weights counts by their code’s weight, and by the subgroup’s where the code is unknown', () => {
    // Hand-worked, possession of drugs, 100 offences:
    //   60 × 1.770623478 (92E cannabis)          = 106.23740868
    //   30 × 8.082043408 (92D excluding cannabis) = 242.46130224
    //   10 × 6.304961941 (no code: subgroup mean)  =  63.04961941
    //                                        total = 411.74833033 → 4.1174833033 per offence
    const severity = countWeightedSubgroupCssWeight('possession-of-drugs', [
      { homeOfficeCode: '92E', count: 60 },
      { homeOfficeCode: '92d', count: 30 },
      { homeOfficeCode: null, count: 10 },
    ]);
    expect(severity.subgroupId).toBe('possession-of-drugs');
    expect(severity.offences).toBe(100);
    expect(severity.severityTotal).toBeCloseTo(411.74833033, 8);
    expect(severity.meanWeight).toBeCloseTo(4.1174833033, 9);
    expect(severity.offencesAtSubgroupWeight).toBe(10);
  });

  it('prices an unpriced code at the subgroup weight, and has no mean for no offences', () => {
    const stalking = countWeightedSubgroupCssWeight('stalking-and-harassment', [
      { homeOfficeCode: '8U', count: 4 },
      { homeOfficeCode: '8Q', count: 1 },
    ]);
    expect(stalking.severityTotal).toBeCloseTo(4 * subgroupCssWeight('stalking-and-harassment') + 56.34970967, 9);
    expect(stalking.offencesAtSubgroupWeight).toBe(4);
    expect(countWeightedSubgroupCssWeight('arson', [])).toEqual({
      subgroupId: 'arson',
      offences: 0,
      severityTotal: 0,
      meanWeight: null,
      offencesAtSubgroupWeight: 0,
    });
  });

  it('refuses a code from another subgroup and a negative count', () => {
    expect(() => countWeightedSubgroupCssWeight('arson', [{ homeOfficeCode: '58A', count: 1 }])).toThrow(/58A belongs to Criminal damage/);
    expect(() => countWeightedSubgroupCssWeight('arson', [{ homeOfficeCode: '56A', count: -1 }])).toThrow(RangeError);
  });

  it('never lowers the severity total when a count grows', () => {
    const codes = [...offenceSubgroupById('violence-with-injury').homeOfficeCodes, null];
    fc.assert(
      fc.property(fc.array(fc.record({ homeOfficeCode: fc.constantFrom(...codes), count: fc.nat(1000) })), fc.nat(codes.length - 1), (counts, which) => {
        const before = countWeightedSubgroupCssWeight('violence-with-injury', counts).severityTotal;
        const after = countWeightedSubgroupCssWeight('violence-with-injury', [...counts, { homeOfficeCode: codes[which]!, count: 1 }]).severityTotal;
        expect(after).toBeGreaterThan(before);
      }),
    );
  });
});

describe('data.police.uk crime types', () => {
  const bulkCsvCrimeTypes = [
    'Violence and sexual offences',
    'Anti-social behaviour',
    'Criminal damage and arson',
    'Burglary',
    'Vehicle crime',
    'Public order',
    'Other theft',
    'Shoplifting',
    'Drugs',
    'Bicycle theft',
    'Other crime',
    'Theft from the person',
    'Robbery',
    'Possession of weapons',
  ];
  const apiSlugs = [
    'violent-crime',
    'anti-social-behaviour',
    'criminal-damage-arson',
    'other-theft',
    'possession-of-weapons',
    'public-order',
    'theft-from-the-person',
    'vehicle-crime',
    'other-crime',
    'bicycle-theft',
    'burglary',
    'drugs',
    'robbery',
    'shoplifting',
  ];
  const current = policeUkCategories.filter((category) => category.retiredAfter === null);

  it('has the 14 current types with their bulk CSV names and API slugs, and the retired public-disorder-weapons', () => {
    expect(current.map((category) => category.label).sort()).toEqual([...bulkCsvCrimeTypes].sort());
    expect(current.map((category) => category.id).sort()).toEqual([...apiSlugs].sort());
    expect(policeUkCategories.filter((category) => category.retiredAfter !== null)).toEqual([
      {
        id: 'public-disorder-weapons',
        label: 'Public disorder and weapons',
        covers: { kind: 'groups', groupIds: ['public-order-offences', 'possession-of-weapons-offences'] },
        retiredAfter: '2013-05',
      },
    ]);
  });

  it('finds every type by slug, and by name or slug in any case', () => {
    for (const category of policeUkCategories) {
      expect(policeUkCategoryForSlug(category.id)).toBe(category);
      expect(matchPoliceUkCategory(category.label.toUpperCase())).toBe(category);
      expect(matchPoliceUkCategory(category.id)).toBe(category);
    }
    expect(policeUkCategoryForSlug('all-crime')).toBeNull();
    expect(policeUkCategoryForSlug('Violence and sexual offences')).toBeNull();
    expect(matchPoliceUkCategory('Violence with injury')).toBeNull();
  });

  it('maps every name and slug to an offence, covering the subgroups of its type', () => {
    for (const category of policeUkCategories) {
      for (const name of [category.label, category.id]) {
        const match = matchOffence(name);
        expect(match, name).not.toBeNull();
        expect(subgroupIdsCovered(match!), name).toEqual(subgroupIdsCovered({ kind: 'police-uk', id: category.id, label: category.label }));
      }
    }
  });

  it('maps types to groups, subgroups or the ASB indicator as domain.md §3.2 says', () => {
    const covered = (id: string) => subgroupIdsCovered(offenceMatchFromKey(`police-uk:${id}`)!);
    expect(covered('burglary')).toEqual(['residential-burglary', 'non-residential-burglary']);
    expect(covered('violent-crime')).toEqual([
      'homicide',
      'death-or-serious-injury-unlawful-driving',
      'violence-with-injury',
      'violence-without-injury',
      'stalking-and-harassment',
      'rape',
      'other-sexual-offences',
    ]);
    expect(covered('shoplifting')).toEqual(['shoplifting']);
    expect(covered('vehicle-crime')).toEqual(['vehicle-offences']);
    expect(covered('other-crime')).toEqual(['miscellaneous-crimes']);
    expect(covered('public-disorder-weapons')).toEqual(['public-order', 'possession-of-weapons']);
    expect(covered('anti-social-behaviour')).toEqual([]);
    expect(current.find((category) => category.id === 'anti-social-behaviour')?.covers).toEqual({ kind: 'indicator', indicatorId: 'asb-incidents' });
  });

  it('shares the 23 subgroups out among the 13 current crime types, each to exactly one', () => {
    const covered = current.flatMap((category) => subgroupIdsCovered({ kind: 'police-uk', id: category.id, label: category.label }));
    expect([...covered].sort()).toEqual([...offenceSubgroupIds].sort());
  });

  it('agrees with the police.uk category the ONS CSS file gives each code', () => {
    for (const row of weightRows) {
      const category = matchPoliceUkCategory(row.POLICE_UK_CAT_MAP_category!);
      const subgroup = matchHomeOfficeCode(row.ONS_COUNTS_code!);
      expect(category, row.POLICE_UK_CAT_MAP_category).not.toBeNull();
      expect(subgroupIdsCovered({ kind: 'police-uk', id: category!.id, label: category!.label }), row.ONS_COUNTS_code).toContain(subgroup?.id);
    }
  });
});

describe('matching names', () => {
  it('normalises case, spacing, underscores, punctuation, dashes and ampersands away', () => {
    expect(normaliseLabel('  Criminal damage & arson ')).toBe('criminaldamageandarson');
    expect(normaliseLabel('criminal_damage_and_ARSON')).toBe('criminaldamageandarson');
    expect(normaliseLabel('Death or serious injury – unlawful driving')).toBe(normaliseLabel('Death or serious injury - unlawful driving'));
    expect(normaliseLabel('Death or serious injury — unlawful driving')).toBe('deathorseriousinjuryunlawfuldriving');
    expect(normaliseLabel('A&E assaults')).toBe(normaliseLabel('A and E assaults'));
    expect(normaliseLabel('Anti-social behaviour')).toBe(normaliseLabel('Antisocial Behaviour'));
  });

  it('recognises subgroup labels however a source spells them', () => {
    for (const text of ['Violence with injury', 'VIOLENCE WITH INJURY', 'violence_with_injury', ' Violence-with-injury. ']) {
      expect(keyOf(text), text).toBe('subgroup:violence-with-injury');
    }
    expect(keyOf('Death or serious injury – unlawful driving')).toBe('subgroup:death-or-serious-injury-unlawful-driving');
    expect(keyOf('Stalking & Harassment')).toBe('subgroup:stalking-and-harassment');
    expect(keyOf('Non-residential burglary')).toBe('subgroup:non-residential-burglary');
  });

  it('recognises the aliases older tables and plans use', () => {
    expect(matchOffence('Rape')).toEqual({ kind: 'subgroup', id: 'rape', label: 'Rape offences', groupId: 'sexual-offences', homeOfficeCode: null });
    expect(keyOf('Domestic burglary')).toBe('subgroup:residential-burglary');
    expect(keyOf('Non-domestic burglary')).toBe('subgroup:non-residential-burglary');
    expect(keyOf('Trafficking Drugs')).toBe('subgroup:trafficking-of-drugs'); // the Safer Colchester plan
    expect(keyOf('Trafficking of drugs')).toBe('subgroup:trafficking-of-drugs');
    expect(keyOf('Harassment')).toBe('subgroup:stalking-and-harassment');
    expect(keyOf('Death or serious injury caused by illegal driving')).toBe('subgroup:death-or-serious-injury-unlawful-driving');
  });

  it('recognises group labels, in either case convention', () => {
    expect(matchOffence('Drug Offences')).toEqual({ kind: 'group', id: 'drug-offences', label: 'Drug offences' });
    expect(keyOf('Violence against the person')).toBe('group:violence-against-the-person');
    expect(keyOf('Theft offences')).toBe('group:theft-offences');
    expect(keyOf('Criminal damage and arson')).toBe('group:criminal-damage-and-arson');
  });

  it('gives a name two schemes share to the most specific Home Office entry', () => {
    expect(keyOf('Robbery')).toBe('group:robbery');
    expect(keyOf('Shoplifting')).toBe('subgroup:shoplifting');
    expect(keyOf('Possession of weapons offences')).toBe('subgroup:possession-of-weapons');
    expect(keyOf('Public order offences')).toBe('subgroup:public-order');
    expect(keyOf('Anti-social behaviour')).toBe('indicator:asb-incidents');
    expect(keyOf('Burglary')).toBe('police-uk:burglary');
    expect(keyOf('violent-crime')).toBe('police-uk:violent-crime');
  });

  it('recognises every column of the ONS PFA offence table except the total', () => {
    // The header of ons-pfa-recorded-crime-ye-sep-2015-2024.csv (shared data), offence columns only.
    const columns = [
      'Violence against the person',
      'Homicide',
      'Death or serious injury - unlawful driving',
      'Violence with injury',
      'Violence without injury',
      'Stalking and harassment',
      'Sexual offences',
      'Robbery',
      'Theft offences',
      'Burglary',
      'Residential burglary',
      'Non-residential burglary',
      'Vehicle offences',
      'Theft from the person',
      'Bicycle theft',
      'Shoplifting',
      'Other theft offences',
      'Criminal damage and arson',
      'Drug offences',
      'Possession of weapons offences',
      'Public order offences',
      'Miscellaneous crimes',
    ];
    expect(columns.filter((column) => matchOffence(column) === null)).toEqual([]);
    expect(matchOffence('Total recorded crime (excluding fraud)')).toBeNull();
  });

  it('recognises the non-crime indicators by name and alias', () => {
    expect(matchOffence('Anti-social behaviour incidents')).toEqual({ kind: 'indicator', id: 'asb-incidents', label: 'Anti-social behaviour incidents' });
    expect(keyOf('ASB')).toBe('indicator:asb-incidents');
    expect(keyOf('Deliberate fires (primary and secondary)')).toBe('indicator:deliberate-fires');
    expect(keyOf('A and E assault attendances')).toBe('indicator:ae-assault-attendances');
    expect(keyOf('A&E assault attendances (ISTV)')).toBe('indicator:ae-assault-attendances');
    expect(keyOf('Hate crime')).toBe('indicator:hate-crime');
    expect(keyOf('domestic abuse')).toBe('indicator:domestic-abuse');
    for (const indicator of indicators) {
      for (const name of [indicator.label, ...indicator.aliases]) expect(keyOf(name), name).toBe(`indicator:${indicator.id}`);
    }
  });

  it('gives null for names it does not know, and never the nearest guess', () => {
    for (const text of [
      '',
      '   ',
      '—',
      'Fraud offences',
      'Total recorded crime (excluding fraud)',
      'Assault',
      'Violence',
      'Burglary residential', // a code-level description (28E), not a subgroup name
      'all-crime',
      'Violence with injuries',
    ]) {
      expect(matchOffence(text), text).toBeNull();
    }
  });

  it('still matches any taxonomy name under random case and separators', () => {
    const names = [
      ...offenceSubgroups.flatMap((subgroup) => [subgroup.label, ...subgroup.aliases]),
      ...offenceGroups.flatMap((group) => [group.label, ...group.aliases]),
      ...indicators.flatMap((indicator) => [indicator.label, ...indicator.aliases]),
      ...policeUkCategories.map((category) => category.label),
    ];
    const mangle = (name: string, flips: boolean[], separator: string) =>
      [...name].map((char, index) => (flips[index % flips.length] ? char.toUpperCase() : char.toLowerCase())).join('').replace(/ /g, separator);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 1 }), fc.constantFrom(' ', '  ', '_', '-', '–', ''), (name, flips, separator) => {
        expect(matchOffence(mangle(name, flips, separator))).toEqual(matchOffence(name));
      }),
    );
  });
});

describe('offence keys', () => {
  it('round-trips every entry through its key', () => {
    const matches: OffenceMatch[] = [
      ...offenceSubgroupIds.map((id) => offenceMatchFromKey(`subgroup:${id}`)!),
      ...offenceGroupIds.map((id) => offenceMatchFromKey(`group:${id}`)!),
      ...policeUkCategories.map((category) => offenceMatchFromKey(`police-uk:${category.id}`)!),
      ...indicators.map((indicator) => offenceMatchFromKey(`indicator:${indicator.id}`)!),
    ];
    expect(matches).toHaveLength(23 + 9 + 15 + 5);
    for (const match of matches) expect(offenceMatchFromKey(offenceKey(match))).toEqual(match);
    expect(offenceKey(matchOffence('Violence with injury')!)).toBe('subgroup:violence-with-injury');
  });

  it('gives null for keys it does not know', () => {
    for (const key of ['', 'subgroup', 'subgroup:', 'subgroup:violence', 'group:rape', 'offence:rape']) expect(offenceMatchFromKey(key), key).toBeNull();
  });
});

describe('provenance', () => {
  it('states the Open Government Licence attribution word for word', () => {
    expect(openGovernmentLicenceAttribution).toBe('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(readProjectFile('resources/reference/README.md')).toContain(openGovernmentLicenceAttribution);
  });

  it('ships the reference files unchanged, with the SHA-256 sums its README gives', () => {
    const readme = readProjectFile('resources/reference/README.md');
    for (const file of ['ons-severity-weights-by-ho-code.csv', 'ons-offence-hierarchy-2017-18.csv']) {
      const sha256 = createHash('sha256').update(readFileSync(path.join(projectRoot, 'resources/reference', file))).digest('hex');
      expect(readme).toContain(`${sha256}  ${file}`);
    }
  });
});
