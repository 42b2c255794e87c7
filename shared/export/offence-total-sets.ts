import { totalRecordedCrimeKey } from '../domain/offence-key';
import { offenceMatchFromKey, subgroupIdsCovered } from '../taxonomy';
import type { TotalSet } from './suppression';

/**
 * The totals a table of offence types shows beside their parts: a group (or a police.uk
 * category, or total recorded crime) and the subgroups it covers that the table also lists.
 * Parts missing from the table only make the sum harder to exploit, so listing the set anyway
 * errs on the side of suppressing more.
 */
export function offenceTotalSets(keys: readonly string[]): TotalSet[] {
  const present = new Set(keys);
  return keys.flatMap((key) => {
    if (key === totalRecordedCrimeKey) {
      const parts = keys.filter((part) => part.startsWith('subgroup:'));
      return parts.length > 0 ? [{ total: key, parts }] : [];
    }
    const match = offenceMatchFromKey(key);
    if (!match || match.kind === 'subgroup' || match.kind === 'indicator') return [];
    const parts = subgroupIdsCovered(match)
      .map((id) => `subgroup:${id}`)
      .filter((part) => part !== key && present.has(part));
    return parts.length > 0 ? [{ total: key, parts }] : [];
  });
}
