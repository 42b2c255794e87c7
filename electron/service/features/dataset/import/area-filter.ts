import type { AreaRule, Observation } from './layouts';

/**
 * notAnArea: the row is counted under no area at all (the Home Office's "Unassigned" CSP
 * rows), so it is outside every area and never kept as a comparator.
 */
export type AreaVerdict = { inArea: boolean; otherArea: string | null; blank: boolean; notAnArea?: boolean };
type Place = Pick<Observation, 'areaCode' | 'areaName'>;

/**
 * An area's name reduced to what identifies it, so that the same CSP is recognised however a
 * table writes it: "Colchester", "Colchester CSP", "Colchester Community Safety Partnership",
 * "Safer Colchester Partnership", and the ONS's "Bristol, City of" for "Bristol". The Home
 * Office's CSP tables change how they name a partnership from one year's sheet to the next.
 */
export function normaliseArea(text: string): string {
  let name = text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  name = name.replace(/ (?:community safety partnership|safety partnership|csp|partnership)$/, '').replace(/ city of$/, '');
  if (/^safer \S/.test(name)) name = name.slice(6);
  return name.trim();
}

/** Whether two names are the same area, as the import judges it. */
export function sameArea(a: string, b: string): boolean {
  return normaliseArea(a) === normaliseArea(b);
}

/** Rows a table counts under no area: offences the police could not place in a CSP. */
export function isUnassignedArea(name: string): boolean {
  return /^(?:unassigned|not assigned|unknown)$/.test(normaliseArea(name));
}

/** "Colchester 001A" → "Colchester": police.uk LSOA names are the local authority plus a code. */
export function localAuthorityOfLsoaName(name: string): string {
  return name.replace(/\s+\d{3}[A-Z]$/, '').trim();
}

const everywhere: AreaVerdict = { inArea: true, otherArea: null, blank: false };
const blankArea: AreaVerdict = { inArea: true, otherArea: null, blank: true };

/**
 * Decides whether an observation belongs to the partnership's area. With no area to compare
 * against, everything does (except rows counted under no area); a blank area cannot be
 * judged, so it is kept and counted.
 */
export function areaFilter(rule: AreaRule, targetArea: string | null): (place: Place) => AreaVerdict {
  const target = targetArea ? normaliseArea(targetArea) : null;
  switch (rule) {
    case 'none':
      return () => everywhere;
    case 'lsoa': {
      // A force's file names a few hundred LSOAs a million times: judge each name once.
      const verdicts = new Map<string, AreaVerdict>();
      return (observation) => {
        const name = observation.areaName ?? '';
        if (!observation.areaCode && !name) return blankArea;
        if (!target || !name) return { inArea: true, otherArea: null, blank: !observation.areaCode };
        let verdict = verdicts.get(name);
        if (!verdict) {
          const authority = localAuthorityOfLsoaName(name);
          verdict = normaliseArea(authority) === target ? everywhere : { inArea: false, otherArea: authority, blank: false };
          verdicts.set(name, verdict);
        }
        return verdict;
      };
    }
    case 'named-area': {
      // A national table names a few hundred areas a million times: judge each name once.
      const verdicts = new Map<string, AreaVerdict>();
      return (observation) => {
        const name = observation.areaName ?? '';
        if (!name) return blankArea;
        let verdict = verdicts.get(name);
        if (!verdict) {
          if (isUnassignedArea(name)) verdict = { inArea: false, otherArea: name, blank: false, notAnArea: true };
          else if (!target || normaliseArea(name) === target) verdict = everywhere;
          else verdict = { inArea: false, otherArea: name, blank: false };
          if (verdicts.size < 100_000) verdicts.set(name, verdict);
        }
        return verdict;
      };
    }
  }
}
