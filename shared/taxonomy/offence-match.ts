import { indicatorById, indicatorIds, type IndicatorId } from './indicators';
import {
  offenceGroupById,
  offenceGroupIds,
  offenceSubgroupById,
  offenceSubgroupIds,
  subgroupsOfGroup,
  type OffenceGroupId,
  type OffenceSubgroup,
  type OffenceSubgroupId,
} from './offence-groups';
import { policeUkCategoryById, policeUkCategoryIds, type PoliceUkCategoryId } from './police-uk';

/**
 * What a source's offence name or code stands for. Every variant has a kind, an id and the
 * label to show, so a `switch (match.kind)` covers them all.
 */
export type OffenceMatch =
  | {
      kind: 'subgroup';
      id: OffenceSubgroupId;
      label: string;
      groupId: OffenceGroupId;
      /** The Home Office code the source gave, canonical ("8N"), or null when it gave a name. */
      homeOfficeCode: string | null;
    }
  | { kind: 'group'; id: OffenceGroupId; label: string }
  | { kind: 'police-uk'; id: PoliceUkCategoryId; label: string }
  | { kind: 'indicator'; id: IndicatorId; label: string };

export type OffenceMatchKind = OffenceMatch['kind'];

export function subgroupMatch(subgroup: OffenceSubgroup, homeOfficeCode: string | null = null): OffenceMatch {
  return { kind: 'subgroup', id: subgroup.id, label: subgroup.label, groupId: subgroup.groupId, homeOfficeCode };
}

/**
 * A stable text key for a match, "kind:id" ("subgroup:violence-with-injury",
 * "police-uk:burglary"), for storing an analyst's mapping or an aggregate's offence. The code is
 * not part of it: it is stored beside the key where the source has one.
 */
export function offenceKey(match: OffenceMatch): string {
  return `${match.kind}:${match.id}`;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** The match a key from offenceKey stands for, or null for a key this version does not know. */
export function offenceMatchFromKey(key: string): OffenceMatch | null {
  const separator = key.indexOf(':');
  if (separator < 0) return null;
  const kind = key.slice(0, separator);
  const id = key.slice(separator + 1);
  if (kind === 'subgroup' && isOneOf(offenceSubgroupIds, id)) return subgroupMatch(offenceSubgroupById(id));
  if (kind === 'group' && isOneOf(offenceGroupIds, id)) return { kind, id, label: offenceGroupById(id).label };
  if (kind === 'police-uk' && isOneOf(policeUkCategoryIds, id)) return { kind, id, label: policeUkCategoryById(id).label };
  if (kind === 'indicator' && isOneOf(indicatorIds, id)) return { kind, id, label: indicatorById(id).label };
  return null;
}

/**
 * The Home Office subgroups a match counts: one for a subgroup, all of a group's, those a
 * police.uk type maps to (domain.md §3.2), and none for an indicator, which is not a crime.
 */
export function subgroupIdsCovered(match: OffenceMatch): readonly OffenceSubgroupId[] {
  switch (match.kind) {
    case 'subgroup':
      return [match.id];
    case 'group':
      return subgroupsOfGroup(match.id).map((subgroup) => subgroup.id);
    case 'police-uk': {
      const covers = policeUkCategoryById(match.id).covers;
      switch (covers.kind) {
        case 'groups':
          return covers.groupIds.flatMap((groupId) => subgroupsOfGroup(groupId).map((subgroup) => subgroup.id));
        case 'subgroups':
          return covers.subgroupIds;
        case 'indicator':
          return [];
        default:
          return unreachable(covers);
      }
    }
    case 'indicator':
      return [];
    default:
      return unreachable(match);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
