import type { AreaRule, Observation } from './layouts';

export type AreaVerdict = { inArea: boolean; otherArea: string | null; blank: boolean };
type Place = Pick<Observation, 'areaCode' | 'areaName'>;

function normaliseArea(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** "Colchester 001A" → "Colchester": police.uk LSOA names are the local authority plus a code. */
export function localAuthorityOfLsoaName(name: string): string {
  return name.replace(/\s+\d{3}[A-Z]$/, '').trim();
}

/**
 * Decides whether an observation belongs to the partnership's area. With no area to compare
 * against, everything does; a blank area cannot be judged, so it is kept and counted.
 */
export function areaFilter(rule: AreaRule, targetArea: string | null): (place: Place) => AreaVerdict {
  const target = targetArea ? normaliseArea(targetArea) : null;
  switch (rule) {
    case 'none':
      return () => ({ inArea: true, otherArea: null, blank: false });
    case 'lsoa': {
      // A force's file names a few hundred LSOAs a million times: judge each name once.
      const verdicts = new Map<string, AreaVerdict>();
      return (observation) => {
        const name = observation.areaName ?? '';
        if (!observation.areaCode && !name) return { inArea: true, otherArea: null, blank: true };
        if (!target || !name) return { inArea: true, otherArea: null, blank: !observation.areaCode };
        let verdict = verdicts.get(name);
        if (!verdict) {
          const authority = localAuthorityOfLsoaName(name);
          verdict =
            normaliseArea(authority) === target
              ? { inArea: true, otherArea: null, blank: false }
              : { inArea: false, otherArea: authority, blank: false };
          verdicts.set(name, verdict);
        }
        return verdict;
      };
    }
    case 'named-area':
      return (observation) => {
        const name = observation.areaName ?? '';
        if (!name) return { inArea: true, otherArea: null, blank: true };
        if (!target) return { inArea: true, otherArea: null, blank: false };
        return normaliseArea(name) === target
          ? { inArea: true, otherArea: null, blank: false }
          : { inArea: false, otherArea: name, blank: false };
      };
  }
}
