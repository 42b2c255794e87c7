import {
  indicators,
  matchOffence,
  normaliseLabel,
  offenceGroups,
  offenceKey,
  offenceMatchFromKey,
  offenceSubgroups,
  policeUkCategories,
} from '../taxonomy';

/**
 * ONS area tables carry a "Total recorded crime (excluding fraud)" column. It is not an
 * offence of the taxonomy, but analysts compare against it, so it has a key of its own.
 */
export const totalRecordedCrimeKey = 'total:recorded-crime';
const totalRecordedCrimeLabel = 'Total recorded crime (excluding fraud)';

/** The key a source label maps to by the taxonomy alone, or null when it is not known. */
export function offenceKeyForLabel(label: string): string | null {
  if (normaliseLabel(label).replace(/\s+/g, '').startsWith('totalrecordedcrime')) return totalRecordedCrimeKey;
  const match = matchOffence(label);
  return match ? offenceKey(match) : null;
}

export function isKnownOffenceKey(key: string): boolean {
  return key === totalRecordedCrimeKey || offenceMatchFromKey(key) !== null;
}

/** The label to show for a key; unmapped labels are gathered under one heading. */
export function offenceDisplayLabel(key: string | null): string {
  if (key === null) return 'Not mapped to an offence';
  if (key === totalRecordedCrimeKey) return totalRecordedCrimeLabel;
  return offenceMatchFromKey(key)?.label ?? key;
}

export interface OffenceChoice {
  key: string;
  label: string;
  /** What kind of entry it is, to group the choices in a list. */
  category: 'Offence subgroup' | 'Offence group' | 'police.uk crime type' | 'Indicator';
}

/** Everything an unknown label can be mapped to, subgroups first. */
export function offenceChoices(): OffenceChoice[] {
  return [
    ...offenceSubgroups.map((subgroup) => ({ key: `subgroup:${subgroup.id}`, label: subgroup.label, category: 'Offence subgroup' as const })),
    ...offenceGroups.map((group) => ({ key: `group:${group.id}`, label: group.label, category: 'Offence group' as const })),
    ...policeUkCategories.map((category) => ({ key: `police-uk:${category.id}`, label: `${category.label} (police.uk)`, category: 'police.uk crime type' as const })),
    ...indicators.map((indicator) => ({ key: `indicator:${indicator.id}`, label: indicator.label, category: 'Indicator' as const })),
  ];
}
