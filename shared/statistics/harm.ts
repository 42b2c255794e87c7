import { totalRecordedCrimeKey } from '../domain/offence-key';
import {
  cssWeightForCode,
  matchHomeOfficeCode,
  offenceMatchFromKey,
  offenceSubgroupIds,
  subgroupCssWeight,
  subgroupIdsCovered,
  type OffenceSubgroupId,
} from '../taxonomy';
import type { PeriodCount } from './period-counts';

/**
 * Harm as the count × ONS Crime Severity Score weight, a weight being the average sentence for
 * the offence in days of imprisonment-equivalent (domain.md §2.1; ONS, "Research outputs:
 * developing a Crime Severity Score for England and Wales", 2016). The partnership matrix
 * scores harm on the mean weight per offence (brief.md, Score; domain.md §6, factor H):
 * "counts × code-level weights where codes are known, otherwise the subgroup's weight".
 *
 * Subgroups mix codes of very different weight (violence with injury runs from 8N assault with
 * injury, 189, to attempted murder, 4,654), so code-level pricing is the honest one, and the
 * result always says how much of the figure rests on it.
 */

/**
 * How the offences were priced:
 * - 'code-level': every offence at its own Home Office code's weight;
 * - 'subgroup-weight': every offence at a subgroup-level weight (see fallbackBasis), because the
 *   source gave no code, or a code ONS does not price (8U controlling or coercive behaviour);
 * - 'mixed': some of each;
 * - 'not-applicable': the key is not a crime (a non-crime indicator, or police.uk's anti-social
 *   behaviour), so it has no severity weight.
 */
export type HarmMethod = 'code-level' | 'subgroup-weight' | 'mixed' | 'not-applicable';

/**
 * Where the weight for offences without a code comes from:
 * - 'subgroup': the key covers one subgroup, priced at that subgroup's weight (the unweighted
 *   mean of its codes' weights, shared/taxonomy subgroupCssWeight);
 * - 'mean-of-covered-subgroups': the key covers several subgroups (an offence group, a broad
 *   police.uk type, total recorded crime) and the source does not say which, so each offence
 *   is priced at the plain mean of the covered subgroups' weights. This is an approximation,
 *   and a rough one: it counts rare, grave subgroups (homicide, 7,973) as often as common, mild
 *   ones (violence without injury), so it overstates the harm of broad types. Score harm on
 *   Home Office subgroups with code-level data wherever the partnership has it.
 */
export type HarmFallbackBasis = 'subgroup' | 'mean-of-covered-subgroups' | 'code-counts';

export interface HarmFallback {
  weight: number;
  /**
   * 'code-counts': the covered subgroups' codes weighted by the code-level counts of another
   * dataset for the same area (see CodeMix), which prices a subgroup as its offences actually
   * fall: violence with injury is mostly assault with injury (189), not attempted murder.
   */
  basis: HarmFallbackBasis;
  /** For 'code-counts': which dataset's counts, for the working. */
  source?: string;
}

/**
 * Code-level counts from a dataset that has them (a police extract, the Home Office open
 * data) for the same area and period, used to weight a subgroup's codes when the scored
 * source gives none.
 */
export interface CodeMix {
  /** "police-extract.csv (Colchester, October 2018 to September 2019)". */
  source: string;
  /** Offences per Home Office code. */
  counts: ReadonlyMap<string, number>;
}

/** The unweighted mean is a rough price; the working, the Analysis table and the exports say so. */
export const unweightedHarmCaveat =
  'Priced at the unweighted mean of the subgroup’s offence codes, as no dataset in the workspace gives code-level counts for this area: rare, grave codes count as much as common ones, so this overstates harm.';

export interface Harm {
  /** Σ count × weight, in days of imprisonment-equivalent; null when not applicable. */
  totalHarm: number | null;
  /** totalHarm ÷ offences; null when not applicable or there are no offences. */
  meanWeight: number | null;
  method: HarmMethod;
  offences: number;
  /** Offences priced at their own code's weight. */
  offencesAtCodeWeight: number;
  /** Offences priced at a subgroup-level weight (no code, or a code without an ONS weight). */
  offencesWithoutCodeWeight: number;
  /** The weight for offences without a code, and where it comes from; null when not applicable. */
  fallback: HarmFallback | null;
}

/**
 * The subgroups a key covers, or throws for a key this version does not know (an unknown key
 * is a bug upstream: shared/domain isKnownOffenceKey tells them apart). Total recorded crime
 * (excluding fraud) covers all 23 subgroups.
 */
function subgroupsOfKey(offenceKey: string): readonly OffenceSubgroupId[] {
  if (offenceKey === totalRecordedCrimeKey) return offenceSubgroupIds;
  const match = offenceMatchFromKey(offenceKey);
  if (match === null) throw new RangeError(`"${offenceKey}" is not an offence key this version of the workbench knows.`);
  return subgroupIdsCovered(match);
}

/** Σ count × weight ÷ Σ count over the mix's codes that belong to the subgroups and have an ONS weight. */
function codeWeightedMean(subgroupIds: readonly OffenceSubgroupId[], mix: CodeMix): number | null {
  const covered = new Set<string>(subgroupIds);
  let offences = 0;
  let harm = 0;
  for (const [code, count] of mix.counts) {
    const owner = matchHomeOfficeCode(code);
    const weight = cssWeightForCode(code);
    if (owner === null || weight === null || !covered.has(owner.id) || count <= 0) continue;
    offences += count;
    harm += count * weight;
  }
  return offences > 0 ? harm / offences : null;
}

/**
 * The weight for the key's offences that have no code, or null for a key that is not a crime:
 * the codes weighted by another dataset's code-level counts where one is given and covers the
 * key's subgroups, otherwise the unweighted means.
 */
export function harmFallbackFor(offenceKey: string, mix: CodeMix | null = null): HarmFallback | null {
  const subgroupIds = subgroupsOfKey(offenceKey);
  if (subgroupIds.length === 0) return null;
  const weighted = mix === null ? null : codeWeightedMean(subgroupIds, mix);
  if (weighted !== null) return { weight: weighted, basis: 'code-counts', source: mix!.source };
  if (subgroupIds.length === 1) return { weight: subgroupCssWeight(subgroupIds[0]!), basis: 'subgroup' };
  const total = subgroupIds.reduce((sum, subgroupId) => sum + subgroupCssWeight(subgroupId), 0);
  return { weight: total / subgroupIds.length, basis: 'mean-of-covered-subgroups' };
}

interface PricedRow {
  count: number;
  weight: number;
  atCodeWeight: boolean;
}

/**
 * A row's weight: its code's, where the code has an ONS weight; otherwise the weight of the
 * subgroup the code belongs to (more specific than the key's fallback when the key is broad);
 * otherwise the key's fallback. A code from outside the key's subgroups is still priced at its
 * own weight: the code says what the offences were, whichever heading they were counted under.
 */
function priceRow(row: PeriodCount, fallback: HarmFallback): PricedRow {
  if (row.offenceCode !== null) {
    const codeWeight = cssWeightForCode(row.offenceCode);
    if (codeWeight !== null) return { count: row.count, weight: codeWeight, atCodeWeight: true };
    const owner = matchHomeOfficeCode(row.offenceCode);
    if (owner !== null) return { count: row.count, weight: subgroupCssWeight(owner.id), atCodeWeight: false };
  }
  return { count: row.count, weight: fallback.weight, atCodeWeight: false };
}

/**
 * The method is read from the rows with offences; when there are none, from the rows as they
 * stand (a period of zeros reported by code is still code-level data), and with no rows at all
 * it is the fallback, the only weight there would be.
 */
function methodOf(priced: readonly PricedRow[]): Exclude<HarmMethod, 'not-applicable'> {
  const withOffences = priced.filter((row) => row.count > 0);
  const deciding = withOffences.length > 0 ? withOffences : priced;
  const anyAtCode = deciding.some((row) => row.atCodeWeight);
  const anyWithout = deciding.some((row) => !row.atCodeWeight);
  if (anyAtCode && anyWithout) return 'mixed';
  return anyAtCode ? 'code-level' : 'subgroup-weight';
}

/**
 * The harm of one offence key's counts. Pass the rows of one period (countsWithinPeriod), so
 * that the offences here are the period's count. For a single subgroup this agrees with
 * shared/taxonomy countWeightedSubgroupCssWeight.
 */
export function harmOf(offenceKey: string, counts: readonly PeriodCount[], mix: CodeMix | null = null): Harm {
  for (const row of counts) {
    if (!Number.isInteger(row.count) || row.count < 0) throw new RangeError(`A count must be a whole number, 0 or more, not ${row.count}.`);
  }
  const offences = counts.reduce((sum, row) => sum + row.count, 0);
  const fallback = harmFallbackFor(offenceKey, mix);
  if (fallback === null) {
    return {
      totalHarm: null,
      meanWeight: null,
      method: 'not-applicable',
      offences,
      offencesAtCodeWeight: 0,
      offencesWithoutCodeWeight: 0,
      fallback: null,
    };
  }
  const priced = counts.map((row) => priceRow(row, fallback));
  let totalHarm = 0;
  let offencesAtCodeWeight = 0;
  for (const row of priced) {
    totalHarm += row.count * row.weight;
    if (row.atCodeWeight) offencesAtCodeWeight += row.count;
  }
  return {
    totalHarm,
    meanWeight: offences > 0 ? totalHarm / offences : null,
    method: methodOf(priced),
    offences,
    offencesAtCodeWeight,
    offencesWithoutCodeWeight: offences - offencesAtCodeWeight,
    fallback,
  };
}

/**
 * How a type's harm was priced, in words, for `matrix show --json`, the working and the exports:
 * code-level, weighted by another dataset's code counts (naming it), or the unweighted mean.
 */
export function harmPricing(harm: Harm): { basis: 'code-level' | 'code-counts' | 'unweighted-mean' | 'not-applicable'; text: string } {
  if (harm.method === 'not-applicable' || harm.fallback === null) return { basis: 'not-applicable', text: 'Not a crime: no severity weight.' };
  if (harm.method === 'code-level') return { basis: 'code-level', text: 'Count-weighted mean of the Home Office codes’ weights, from the source’s own codes.' };
  const share = harm.method === 'mixed' ? ' for the offences without a code' : '';
  if (harm.fallback.basis === 'code-counts') {
    return { basis: 'code-counts', text: `The subgroup’s codes weighted by the code-level counts of ${harm.fallback.source ?? 'another dataset'}${share}.` };
  }
  return { basis: 'unweighted-mean', text: `${unweightedHarmCaveat}${share ? ` (${share.trim()})` : ''}` };
}
