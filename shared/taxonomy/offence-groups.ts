/**
 * The Home Office police recorded crime classification as the CSP and PFA open-data tables use
 * it today: nine offence groups and 23 offence subgroups (domain.md §3.1). The subgroup labels
 * are the "Offence Subgroup" values of the Home Office PFA open-data table 2024/25, as
 * validated by isthisben/cbl-realcrime `prc_loader.py` (`data/cchi_weights.csv`).
 *
 * Fraud is left out on purpose: the 23 subgroups and the "Total recorded crime (excluding
 * fraud)" that CSP tables report do not include it, because Action Fraud, CIFAS and UK Finance
 * report fraud nationally, not by Community Safety Partnership area.
 */

export const offenceGroupIds = [
  'violence-against-the-person',
  'sexual-offences',
  'robbery',
  'theft-offences',
  'criminal-damage-and-arson',
  'drug-offences',
  'possession-of-weapons-offences',
  'public-order-offences',
  'miscellaneous-crimes-against-society',
] as const;
export type OffenceGroupId = (typeof offenceGroupIds)[number];

export const offenceSubgroupIds = [
  'homicide',
  'death-or-serious-injury-unlawful-driving',
  'violence-with-injury',
  'violence-without-injury',
  'stalking-and-harassment',
  'rape',
  'other-sexual-offences',
  'robbery-of-business-property',
  'robbery-of-personal-property',
  'residential-burglary',
  'non-residential-burglary',
  'vehicle-offences',
  'theft-from-the-person',
  'bicycle-theft',
  'shoplifting',
  'other-theft-offences',
  'criminal-damage',
  'arson',
  'trafficking-of-drugs',
  'possession-of-drugs',
  'possession-of-weapons',
  'public-order',
  'miscellaneous-crimes',
] as const;
export type OffenceSubgroupId = (typeof offenceSubgroupIds)[number];

export interface OffenceGroup {
  id: OffenceGroupId;
  /** As the Home Office open-data tables and the ONS area tables write it. */
  label: string;
  /** Other names for the same group seen in source files; matched after normalisation. */
  aliases: readonly string[];
}

export interface OffenceSubgroup {
  id: OffenceSubgroupId;
  /** The Home Office open-data "Offence Subgroup" value. */
  label: string;
  groupId: OffenceGroupId;
  /**
   * Earlier and common names for the same subgroup (older Home Office and ONS releases, the
   * Safer Colchester plan, the abbreviations domain.md uses); matched after normalisation.
   */
  aliases: readonly string[];
  /** The Home Office offence codes in the subgroup, as the open-data "Offence Code" column writes them. */
  homeOfficeCodes: readonly string[];
}

export const offenceGroups: readonly OffenceGroup[] = [
  { id: 'violence-against-the-person', label: 'Violence against the person', aliases: ['VAP'] },
  { id: 'sexual-offences', label: 'Sexual offences', aliases: [] },
  { id: 'robbery', label: 'Robbery', aliases: [] },
  { id: 'theft-offences', label: 'Theft offences', aliases: [] },
  { id: 'criminal-damage-and-arson', label: 'Criminal damage and arson', aliases: [] },
  // "Drug Offences" in the force-level subcode file differs only in case (domain.md §3.1).
  { id: 'drug-offences', label: 'Drug offences', aliases: [] },
  { id: 'possession-of-weapons-offences', label: 'Possession of weapons offences', aliases: [] },
  { id: 'public-order-offences', label: 'Public order offences', aliases: [] },
  { id: 'miscellaneous-crimes-against-society', label: 'Miscellaneous crimes against society', aliases: [] },
];

/**
 * HO codes per subgroup from domain.md §3.1, itself derived from the ONS 2017/18 hierarchy
 * (resources/reference/ons-offence-hierarchy-2017-18.csv) and the ONS CSS weight file, moved to
 * the current subgroups. Where the 2017/18 vintage differs: 8M and 8Q sat in "Violence without
 * injury" and 8L/8R in "Harassment" (now all Stalking and harassment); the unlawful-driving codes
 * sat in "Violence with injury"; the vehicle, burglary and theft subgroups had older names.
 */
export const offenceSubgroups: readonly OffenceSubgroup[] = [
  // Violence against the person
  {
    id: 'homicide',
    label: 'Homicide',
    groupId: 'violence-against-the-person',
    aliases: [],
    // Murder, manslaughter, infanticide, corporate manslaughter. ONS prices them as one
    // combined code, "1/4.1/4.10/4.2" (ONS CSS data tool, "List of weights").
    homeOfficeCodes: ['1', '4.1', '4.2', '4.10'],
  },
  {
    id: 'death-or-serious-injury-unlawful-driving',
    // The Home Office open data writes a hyphen; the ONS area tables an en dash.
    label: 'Death or serious injury - unlawful driving',
    groupId: 'violence-against-the-person',
    aliases: [
      'Death or serious injury caused by unlawful driving',
      // The sub class in data.police.uk's HO-code mapping file.
      'Death or serious injury caused by illegal driving',
    ],
    // domain.md marks the exact membership as unverified [U]; these are the five codes the
    // police.uk mapping in the CSS file files under "Death or serious injury caused by
    // illegal driving".
    homeOfficeCodes: ['4.4', '4.6', '4.8', '4.9', '37.1'],
  },
  {
    id: 'violence-with-injury',
    label: 'Violence with injury',
    groupId: 'violence-against-the-person',
    aliases: ['VWI'],
    homeOfficeCodes: ['2', '4.3', '4.7', '5D', '5E', '8N', '8P', '8S'],
  },
  {
    id: 'violence-without-injury',
    label: 'Violence without injury',
    groupId: 'violence-against-the-person',
    aliases: ['VWOI'],
    homeOfficeCodes: ['3A', '3B', '11A', '13', '14', '36', '104', '105A', '105B', '106'],
  },
  {
    id: 'stalking-and-harassment',
    label: 'Stalking and harassment',
    groupId: 'violence-against-the-person',
    // "Harassment" was the 2017/18 subgroup (8L, 8R) that is now part of this one.
    aliases: ['S&H', 'Harassment'],
    // 8U Controlling or coercive behaviour (Serious Crime Act 2015 s.76) is counted here in
    // the current tables, per the ONS user guide's definition of stalking and harassment;
    // domain.md marks it [U]. The ONS CSS file has no weight for it.
    homeOfficeCodes: ['8L', '8M', '8Q', '8R', '8U'],
  },
  // Sexual offences
  {
    id: 'rape',
    label: 'Rape offences',
    groupId: 'sexual-offences',
    aliases: ['Rape'],
    // 19J and 19K: rape by multiple undefined offenders (domain.md §3.1; ONS CSS file).
    homeOfficeCodes: ['19C', '19D', '19E', '19F', '19G', '19H', '19J', '19K'],
  },
  {
    id: 'other-sexual-offences',
    label: 'Other sexual offences',
    groupId: 'sexual-offences',
    aliases: [],
    homeOfficeCodes: ['17A', '17B', '20A', '20B', '21', '22A', '22B', '23', '70', '71', '72', '73', '88A', '88C', '88D', '88E'],
  },
  // Robbery
  {
    id: 'robbery-of-business-property',
    label: 'Robbery of business property',
    groupId: 'robbery',
    aliases: ['Business robbery'],
    homeOfficeCodes: ['34A'],
  },
  {
    id: 'robbery-of-personal-property',
    label: 'Robbery of personal property',
    groupId: 'robbery',
    aliases: ['Personal robbery'],
    homeOfficeCodes: ['34B'],
  },
  // Theft offences
  {
    id: 'residential-burglary',
    label: 'Residential burglary',
    groupId: 'theft-offences',
    // Renamed from "Domestic burglary" in 2017 (isthisben/cbl-realcrime prc_loader.py).
    aliases: ['Domestic burglary'],
    homeOfficeCodes: ['28A', '28B', '28C', '28D', '28E', '28F', '28G', '28H', '29', '29A'],
  },
  {
    id: 'non-residential-burglary',
    label: 'Non-residential burglary',
    groupId: 'theft-offences',
    aliases: ['Non-domestic burglary'],
    homeOfficeCodes: ['30A', '30B', '30C', '30D', '31', '31A'],
  },
  {
    id: 'vehicle-offences',
    label: 'Vehicle offences',
    groupId: 'theft-offences',
    // The 2017/18 ONS subgroups that make up today's vehicle offences.
    aliases: ['Theft of a motor vehicle', 'Theft from a vehicle', 'Vehicle interference'],
    homeOfficeCodes: ['37.2', '45', '48', '126'],
  },
  {
    id: 'theft-from-the-person',
    label: 'Theft from the person',
    groupId: 'theft-offences',
    aliases: ['TFTP'],
    homeOfficeCodes: ['39'],
  },
  {
    id: 'bicycle-theft',
    label: 'Bicycle theft',
    groupId: 'theft-offences',
    aliases: [],
    homeOfficeCodes: ['44'],
  },
  {
    id: 'shoplifting',
    label: 'Shoplifting',
    groupId: 'theft-offences',
    aliases: [],
    homeOfficeCodes: ['46'],
  },
  {
    id: 'other-theft-offences',
    label: 'Other theft offences',
    groupId: 'theft-offences',
    aliases: [],
    // Includes 35 Blackmail (domain.md §3.2).
    homeOfficeCodes: ['35', '40', '41', '42', '43', '47', '49', '49A'],
  },
  // Criminal damage and arson
  {
    id: 'criminal-damage',
    label: 'Criminal damage',
    groupId: 'criminal-damage-and-arson',
    aliases: [],
    homeOfficeCodes: ['58A', '58B', '58C', '58D', '58J'],
  },
  {
    id: 'arson',
    label: 'Arson',
    groupId: 'criminal-damage-and-arson',
    aliases: [],
    homeOfficeCodes: ['56A', '56B'],
  },
  // Drug offences
  {
    id: 'trafficking-of-drugs',
    label: 'Trafficking of drugs',
    groupId: 'drug-offences',
    // "Trafficking Drugs" is how the Safer Colchester Partnership plan 2018-19 writes it.
    aliases: ['Trafficking drugs', 'Drug trafficking'],
    homeOfficeCodes: ['92A'],
  },
  {
    id: 'possession-of-drugs',
    label: 'Possession of drugs',
    groupId: 'drug-offences',
    aliases: ['Drug possession'],
    // 92C "Other drug offences" sits here in the CSP open data (domain.md §3.1).
    homeOfficeCodes: ['92C', '92D', '92E'],
  },
  // Groups with a single subgroup: the subgroup carries the group's own label.
  {
    id: 'possession-of-weapons',
    label: 'Possession of weapons offences',
    groupId: 'possession-of-weapons-offences',
    aliases: [],
    homeOfficeCodes: ['10A', '10B', '10C', '10D', '81', '90'],
  },
  {
    id: 'public-order',
    label: 'Public order offences',
    groupId: 'public-order-offences',
    aliases: [],
    homeOfficeCodes: ['9A', '9B', '62A', '66'],
  },
  {
    id: 'miscellaneous-crimes',
    label: 'Miscellaneous crimes against society',
    groupId: 'miscellaneous-crimes-against-society',
    // "Miscellaneous crimes" is the column heading in the ONS PFA tables.
    aliases: ['Miscellaneous crimes', 'Misc crimes against society'],
    homeOfficeCodes: [
      '15', '24', '26', '27', '33', '33A', '38', '54', '59', '60', '61', '61A',
      '67', '69', '76', '79', '80', '83', '86', '95', '96', '99', '802', '814',
    ],
  },
];

const groupsById = new Map(offenceGroups.map((group) => [group.id, group]));
const subgroupsById = new Map(offenceSubgroups.map((subgroup) => [subgroup.id, subgroup]));

export function offenceGroupById(id: OffenceGroupId): OffenceGroup {
  return groupsById.get(id)!;
}

export function offenceSubgroupById(id: OffenceSubgroupId): OffenceSubgroup {
  return subgroupsById.get(id)!;
}

/** The subgroups of a group, in the Home Office's order. */
export function subgroupsOfGroup(groupId: OffenceGroupId): readonly OffenceSubgroup[] {
  return offenceSubgroups.filter((subgroup) => subgroup.groupId === groupId);
}
