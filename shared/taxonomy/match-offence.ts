import { homeOfficeCodeParts, matchHomeOfficeCode } from './home-office-codes';
import { indicators } from './indicators';
import { normaliseLabel } from './normalise-label';
import { offenceGroups, offenceSubgroups } from './offence-groups';
import { subgroupMatch, type OffenceMatch } from './offence-match';
import { policeUkCategories } from './police-uk';

/**
 * Every name the taxonomy knows, normalised, with what it means. Where two kinds share a name,
 * the most specific Home Office entry keeps it: subgroup, then group, then indicator, then
 * police.uk. The shared names mean the same offences either way ("Robbery" the group and the
 * police.uk type; "Shoplifting" the subgroup and the type; "Anti-social behaviour" the indicator
 * and the type that feeds it). Two entries of one kind claiming a name is a data error.
 */
function buildLabelIndex(): ReadonlyMap<string, OffenceMatch> {
  const index = new Map<string, OffenceMatch>();
  const add = (name: string, match: OffenceMatch) => {
    const key = normaliseLabel(name);
    const existing = index.get(key);
    if (!existing) index.set(key, match);
    else if (existing.kind === match.kind && existing.id !== match.id) {
      throw new Error(`The name "${name}" is claimed by both ${existing.id} and ${match.id}.`);
    }
  };
  for (const subgroup of offenceSubgroups) {
    for (const name of [subgroup.label, ...subgroup.aliases]) add(name, subgroupMatch(subgroup));
  }
  for (const group of offenceGroups) {
    for (const name of [group.label, ...group.aliases]) add(name, { kind: 'group', id: group.id, label: group.label });
  }
  for (const indicator of indicators) {
    for (const name of [indicator.label, ...indicator.aliases]) add(name, { kind: 'indicator', id: indicator.id, label: indicator.label });
  }
  for (const category of policeUkCategories) {
    for (const name of [category.label, category.id]) add(name, { kind: 'police-uk', id: category.id, label: category.label });
  }
  return index;
}

const labelIndex = buildLabelIndex();

/**
 * What an offence name or Home Office code from a source file stands for, or null when the
 * taxonomy does not know it. Null is deliberate: the importer lists the name for the analyst to
 * map, and nothing is ever guessed.
 *
 * - Text shaped like codes ("8N", "92a", "4.1", "1/4.1/4.10/4.2") is read as codes only, and
 *   gives the subgroup when every code is in one; an unknown code gives null.
 * - Anything else is compared by normaliseLabel with the subgroup, group and indicator names and
 *   aliases, and the police.uk crime types and API slugs.
 */
export function matchOffence(textOrCode: string): OffenceMatch | null {
  const text = textOrCode.trim();
  if (!text) return null;
  const codes = homeOfficeCodeParts(text);
  if (codes) {
    const subgroup = matchHomeOfficeCode(text);
    return subgroup ? subgroupMatch(subgroup, codes.join('/')) : null;
  }
  const key = normaliseLabel(text);
  return key ? (labelIndex.get(key) ?? null) : null;
}
