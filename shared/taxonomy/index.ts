/**
 * The offence taxonomy: Home Office offence groups and subgroups with their codes, ONS Crime
 * Severity Score weights, data.police.uk crime types, the non-crime indicators, and the
 * matching of source names and codes to them. Pure data and functions (domain.md §2.1, §3).
 */
export { openGovernmentLicenceAttribution } from './attribution';
export {
  cssCodeWeight,
  cssWeightForCode,
  countWeightedSubgroupCssWeight,
  subgroupCssWeight,
  type CodeCount,
  type SubgroupSeverity,
} from './crime-severity';
export { cssCodeWeights, cssWeightSource, type CssCodeWeight } from './css-weights';
export { canonicalHomeOfficeCode, homeOfficeCodeParts, matchHomeOfficeCode } from './home-office-codes';
export {
  indicatorById,
  indicatorIds,
  indicators,
  type Indicator,
  type IndicatorId,
  type IndicatorMeasure,
} from './indicators';
export { matchOffence } from './match-offence';
export { normaliseLabel } from './normalise-label';
export {
  offenceGroupById,
  offenceGroupIds,
  offenceGroups,
  offenceSubgroupById,
  offenceSubgroupIds,
  offenceSubgroups,
  subgroupsOfGroup,
  type OffenceGroup,
  type OffenceGroupId,
  type OffenceSubgroup,
  type OffenceSubgroupId,
} from './offence-groups';
export {
  offenceKey,
  offenceMatchFromKey,
  subgroupIdsCovered,
  subgroupMatch,
  type OffenceMatch,
  type OffenceMatchKind,
} from './offence-match';
export {
  matchPoliceUkCategory,
  policeUkCategories,
  policeUkCategoryById,
  policeUkCategoryForSlug,
  policeUkCategoryIds,
  type PoliceUkCategory,
  type PoliceUkCategoryId,
  type PoliceUkCoverage,
} from './police-uk';
