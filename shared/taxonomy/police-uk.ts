import type { IndicatorId } from './indicators';
import { normaliseLabel } from './normalise-label';
import type { OffenceGroupId, OffenceSubgroupId } from './offence-groups';

/**
 * The crime types of data.police.uk (domain.md §3.2). The label is the bulk CSV's "Crime type"
 * value; the id is the API slug (/api/crime-categories, /api/crimes-street/{slug}).
 * police.uk does not separate rape, violence with injury or drug trafficking, so its data can
 * be scored by these broad types only; subgroup scoring needs Home Office code-level data.
 */
export const policeUkCategoryIds = [
  'anti-social-behaviour',
  'bicycle-theft',
  'burglary',
  'criminal-damage-arson',
  'drugs',
  'other-theft',
  'possession-of-weapons',
  'public-order',
  'robbery',
  'shoplifting',
  'theft-from-the-person',
  'vehicle-crime',
  'violent-crime',
  'other-crime',
  'public-disorder-weapons',
] as const;
export type PoliceUkCategoryId = (typeof policeUkCategoryIds)[number];

/** What a police.uk crime type counts, in the Home Office taxonomy or as an indicator. */
export type PoliceUkCoverage =
  | { kind: 'groups'; groupIds: readonly OffenceGroupId[] }
  | { kind: 'subgroups'; subgroupIds: readonly OffenceSubgroupId[] }
  | { kind: 'indicator'; indicatorId: IndicatorId };

export interface PoliceUkCategory {
  id: PoliceUkCategoryId;
  /** The "Crime type" value in the bulk street CSV. */
  label: string;
  covers: PoliceUkCoverage;
  /**
   * Last month the type was published, for types retired in data.police.uk's June 2013
   * change; null for current types.
   */
  retiredAfter: string | null;
}

/**
 * The mapping follows domain.md §3.2 ("rough mapping" derived from the police.uk category
 * column of the ONS CSS weight file) and agrees, code by code, with the police.uk category that
 * file gives each Home Office code (checked in tests/unit/shared/taxonomy.test.ts).
 */
export const policeUkCategories: readonly PoliceUkCategory[] = [
  {
    id: 'violent-crime',
    label: 'Violence and sexual offences',
    covers: { kind: 'groups', groupIds: ['violence-against-the-person', 'sexual-offences'] },
    retiredAfter: null,
  },
  {
    id: 'anti-social-behaviour',
    label: 'Anti-social behaviour',
    covers: { kind: 'indicator', indicatorId: 'asb-incidents' },
    retiredAfter: null,
  },
  {
    id: 'criminal-damage-arson',
    label: 'Criminal damage and arson',
    covers: { kind: 'groups', groupIds: ['criminal-damage-and-arson'] },
    retiredAfter: null,
  },
  {
    id: 'burglary',
    label: 'Burglary',
    covers: { kind: 'subgroups', subgroupIds: ['residential-burglary', 'non-residential-burglary'] },
    retiredAfter: null,
  },
  {
    id: 'vehicle-crime',
    label: 'Vehicle crime',
    covers: { kind: 'subgroups', subgroupIds: ['vehicle-offences'] },
    retiredAfter: null,
  },
  {
    id: 'public-order',
    label: 'Public order',
    covers: { kind: 'groups', groupIds: ['public-order-offences'] },
    retiredAfter: null,
  },
  {
    id: 'other-theft',
    label: 'Other theft',
    // Before June 2013 this also held bicycle theft and theft from the person.
    covers: { kind: 'subgroups', subgroupIds: ['other-theft-offences'] },
    retiredAfter: null,
  },
  {
    id: 'shoplifting',
    label: 'Shoplifting',
    covers: { kind: 'subgroups', subgroupIds: ['shoplifting'] },
    retiredAfter: null,
  },
  {
    id: 'drugs',
    label: 'Drugs',
    covers: { kind: 'groups', groupIds: ['drug-offences'] },
    retiredAfter: null,
  },
  {
    id: 'bicycle-theft',
    label: 'Bicycle theft',
    covers: { kind: 'subgroups', subgroupIds: ['bicycle-theft'] },
    retiredAfter: null,
  },
  {
    id: 'other-crime',
    label: 'Other crime',
    covers: { kind: 'groups', groupIds: ['miscellaneous-crimes-against-society'] },
    retiredAfter: null,
  },
  {
    id: 'theft-from-the-person',
    label: 'Theft from the person',
    covers: { kind: 'subgroups', subgroupIds: ['theft-from-the-person'] },
    retiredAfter: null,
  },
  {
    id: 'robbery',
    label: 'Robbery',
    covers: { kind: 'groups', groupIds: ['robbery'] },
    retiredAfter: null,
  },
  {
    id: 'possession-of-weapons',
    label: 'Possession of weapons',
    covers: { kind: 'groups', groupIds: ['possession-of-weapons-offences'] },
    retiredAfter: null,
  },
  {
    // Split into "Possession of weapons" and "Public order" in June 2013 (data.police.uk
    // changelog, domain.md §3.2); still found in archived files.
    id: 'public-disorder-weapons',
    label: 'Public disorder and weapons',
    covers: { kind: 'groups', groupIds: ['public-order-offences', 'possession-of-weapons-offences'] },
    retiredAfter: '2013-05',
  },
];

const categoriesById = new Map(policeUkCategories.map((category) => [category.id, category]));

export function policeUkCategoryById(id: PoliceUkCategoryId): PoliceUkCategory {
  return categoriesById.get(id)!;
}

/**
 * The category for an API slug exactly as the API sends it ("violent-crime"), or null. The
 * pseudo-category "all-crime" is a query, not a crime type, so it gives null.
 */
export function policeUkCategoryForSlug(slug: string): PoliceUkCategory | null {
  const candidate = slug.trim().toLowerCase();
  return policeUkCategories.find((category) => category.id === candidate) ?? null;
}

/**
 * The category named by a bulk CSV "Crime type" or an API slug, compared after normalisation
 * ("Violence and sexual offences", "violent-crime", "CRIMINAL DAMAGE AND ARSON"), or null.
 * Importers that know a file comes from data.police.uk use this rather than matchOffence, which
 * gives the Home Office entry for names both schemes share ("Robbery", "Shoplifting").
 */
export function matchPoliceUkCategory(text: string): PoliceUkCategory | null {
  const key = normaliseLabel(text);
  if (!key) return null;
  return policeUkCategories.find((category) => normaliseLabel(category.label) === key || normaliseLabel(category.id) === key) ?? null;
}
