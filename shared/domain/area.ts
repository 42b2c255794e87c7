/**
 * The area a source's figures cover, named as a board member would read it. A table of a whole
 * police force area ranked as if it were the partnership's own would mislead the board, so
 * every figure carries the area it is for, and says so when that is not the partnership's.
 */

/** How widely a series' area is drawn, from the partnership's own to the whole country. */
export const areaLevels = ['partnership', 'community-safety-partnership', 'local-authority', 'county', 'police-force-area', 'region', 'country', 'unknown'] as const;
export type AreaLevel = (typeof areaLevels)[number];

/** How a series' area stands to the partnership's. */
export type AreaRelation = 'partnership' | 'wider' | 'other' | 'unknown';

export interface SourceArea {
  /** The area as the data names it ("Essex"), or null when the data names none. */
  name: string | null;
  level: AreaLevel;
  relation: AreaRelation;
  /** "Essex police force area", "Colchester". */
  label: string;
  /**
   * Where a figure is printed: "Colchester", or "Essex police force area, not Colchester"
   * whenever the figures are not the partnership's own.
   */
  phrase: string;
}

const levelNouns: Partial<Record<AreaLevel, string>> = {
  'community-safety-partnership': 'community safety partnership area',
  'local-authority': 'local authority',
  county: 'county',
  'police-force-area': 'police force area',
  region: 'region',
};

/** Levels that contain a district-level partnership when they are not it. */
const widerLevels: ReadonlySet<AreaLevel> = new Set(['county', 'police-force-area', 'region', 'country']);

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const smallWords = new Set(['and', 'of', 'the', 'upon', 'on', 'in', 'with']);

/** Region and country names arrive in capitals ("ENGLAND AND WALES"); documents print them as names. */
function displayName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L}+)/gu, (_, gap: string, word: string) =>
      gap !== '' && smallWords.has(word) ? gap + word : gap + word[0]!.toUpperCase() + word.slice(1),
    );
}

/**
 * Describes a series' area. `level` is what is known of the name (from the population table
 * or the layout); a name equal to the partnership's area is the partnership's whatever its level.
 */
export function describeSourceArea(name: string | null, level: AreaLevel, partnershipArea: string | null): SourceArea {
  if (name === null || name.trim() === '') {
    const phrase = partnershipArea ? `area not stated (taken as ${partnershipArea})` : 'area not stated';
    return { name: null, level: 'unknown', relation: 'unknown', label: 'Area not stated', phrase };
  }
  if (partnershipArea && sameName(name, partnershipArea)) {
    return { name, level: 'partnership', relation: 'partnership', label: name, phrase: name };
  }
  const shown = displayName(name);
  const noun = levelNouns[level];
  const label = noun ? `${shown} ${noun}` : shown;
  const relation: AreaRelation = widerLevels.has(level) ? 'wider' : level === 'unknown' ? 'unknown' : 'other';
  const phrase = partnershipArea ? `${label}, not ${partnershipArea}` : label;
  return { name, level, relation, label, phrase };
}

/** What a set of comparator areas is, for the documents: "other police force areas". */
export function describePeerAreas(levels: readonly AreaLevel[]): string {
  const distinct = [...new Set(levels)];
  if (distinct.length === 1) {
    switch (distinct[0]) {
      case 'police-force-area':
        return 'other police force areas';
      case 'community-safety-partnership':
        return 'other community safety partnership areas';
      case 'local-authority':
        return 'other local authorities';
      case 'county':
        return 'other counties';
      case 'region':
        return 'other regions';
      default:
        break;
    }
  }
  return 'other areas';
}
