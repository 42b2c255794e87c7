import { cssCodeWeights, type CssCodeWeight } from './css-weights';
import { canonicalHomeOfficeCode, homeOfficeCodeParts, matchHomeOfficeCode } from './home-office-codes';
import { offenceSubgroupById, offenceSubgroups, type OffenceSubgroupId } from './offence-groups';

/**
 * ONS Crime Severity Score weights for Home Office codes and subgroups (domain.md §2.1). A
 * weight is days of imprisonment-equivalent; an area's severity is Σ(count × weight).
 */

const weightByCode: ReadonlyMap<string, CssCodeWeight> = new Map(cssCodeWeights.map((entry) => [entry.code, entry]));

/** The ONS entry for a code ("8N", or the combined "1/4.1/4.10/4.2") as the CSS file has it, or null. */
export function cssCodeWeight(code: string): CssCodeWeight | null {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  return weightByCode.get(canonicalHomeOfficeCode(compact) ?? compact) ?? null;
}

/**
 * The CSS weight of a code. A combined code ("1/4.1/4.10/4.2") has a weight only when all its
 * parts share one, as homicide's do; otherwise there is no honest single figure and the answer
 * is null. Null also for codes ONS gives no weight (8U controlling or coercive behaviour).
 */
export function cssWeightForCode(code: string): number | null {
  const parts = homeOfficeCodeParts(code);
  if (!parts) return null;
  const weights = new Set(parts.map((part) => weightByCode.get(part)?.weight));
  if (weights.size !== 1) return null;
  const [weight] = weights;
  return weight ?? null;
}

function unweightedMean(subgroupId: OffenceSubgroupId): number {
  const weights = offenceSubgroupById(subgroupId)
    .homeOfficeCodes.map((code) => weightByCode.get(code)?.weight)
    .filter((weight): weight is number => weight !== undefined);
  if (weights.length === 0) throw new Error(`No CSS weight for any code in the subgroup ${subgroupId}.`);
  return weights.reduce((sum, weight) => sum + weight, 0) / weights.length;
}

const subgroupWeights: ReadonlyMap<OffenceSubgroupId, number> = new Map(
  offenceSubgroups.map((subgroup) => [subgroup.id, unweightedMean(subgroup.id)]),
);

/**
 * A subgroup's CSS weight: the **unweighted** mean of the weights of its codes, every code
 * counting once whatever its volume (codes without an ONS weight are left out). It is the
 * fallback for counts whose code is not known. Because subgroups mix codes of very different
 * severity (violence with injury runs from 8N assault with injury, 189, to 2 attempted murder,
 * 4,654), it overstates volume subgroups: prefer countWeightedSubgroupCssWeight whenever the
 * data has codes (domain.md §2.1).
 */
export function subgroupCssWeight(subgroupId: OffenceSubgroupId): number {
  return subgroupWeights.get(subgroupId)!;
}

export interface CodeCount {
  /** The Home Office code of the count, or null when the source gives only the subgroup. */
  homeOfficeCode: string | null;
  count: number;
}

export interface SubgroupSeverity {
  subgroupId: OffenceSubgroupId;
  /** Σ count. */
  offences: number;
  /** Σ(count × weight), in days of imprisonment-equivalent. */
  severityTotal: number;
  /** severityTotal ÷ offences: the mean weight per offence; null when there are no offences. */
  meanWeight: number | null;
  /** How many of the offences were priced at the subgroup's weight because no code weight applied. */
  offencesAtSubgroupWeight: number;
}

/**
 * The **count-weighted** CSS weight of a subgroup: each count times its code's weight where the
 * code is known and has a weight, otherwise times the subgroup's unweighted mean
 * (subgroupCssWeight), then divided by the number of offences. This is the harm measure of the
 * partnership matrix ("counts × code-level weights where codes are known, otherwise the
 * subgroup's weight", brief.md).
 *
 * A code that belongs to another subgroup is a caller's mistake, not data to average, so it
 * throws rather than quietly mixing offences.
 */
export function countWeightedSubgroupCssWeight(subgroupId: OffenceSubgroupId, counts: readonly CodeCount[]): SubgroupSeverity {
  const fallbackWeight = subgroupCssWeight(subgroupId);
  let offences = 0;
  let severityTotal = 0;
  let offencesAtSubgroupWeight = 0;
  for (const { homeOfficeCode, count } of counts) {
    if (!Number.isFinite(count) || count < 0) throw new RangeError(`A count must be 0 or more, not ${count}.`);
    if (homeOfficeCode !== null) assertCodeInSubgroup(homeOfficeCode, subgroupId);
    const codeWeight = homeOfficeCode === null ? null : cssWeightForCode(homeOfficeCode);
    offences += count;
    severityTotal += count * (codeWeight ?? fallbackWeight);
    if (codeWeight === null) offencesAtSubgroupWeight += count;
  }
  return {
    subgroupId,
    offences,
    severityTotal,
    meanWeight: offences > 0 ? severityTotal / offences : null,
    offencesAtSubgroupWeight,
  };
}

function assertCodeInSubgroup(code: string, subgroupId: OffenceSubgroupId): void {
  for (const part of homeOfficeCodeParts(code) ?? []) {
    const owner = matchHomeOfficeCode(part);
    if (owner && owner.id !== subgroupId) {
      throw new RangeError(`Code ${part} belongs to ${owner.label}, not ${offenceSubgroupById(subgroupId).label}.`);
    }
  }
}
