/**
 * Rates per 1,000, as ONS publishes recorded crime for areas: offences per 1,000 residents, and
 * residential burglary per 1,000 households, because a burglary of a home happens to a household
 * rather than to a person (domain.md §5: "ONS uses per 1,000 population; burglary per 1,000
 * households"; brief.md, workflow 3; ONS CSP tables carry both "Population figures" and
 * "Household figures", rounded to 100). Volume in the partnership matrix is this rate (domain.md
 * §6, factor V).
 */

/** What a rate is per 1,000 of. */
export type RateBase = 'residents' | 'households';

export interface Denominators {
  /** Residents, e.g. the ONS mid-year estimate for the partnership's area; null when not known. */
  population: number | null;
  /** Households in the area; null when not known. */
  households: number | null;
}

export interface OffenceRate {
  base: RateBase;
  /** The denominator used, or null when it is not known. */
  denominator: number | null;
  /** Offences per 1,000 of the base; null when the count or the denominator is not known. */
  ratePer1000: number | null;
}

/**
 * Only the residential burglary subgroup is per 1,000 households, as domain.md §6 has it. The
 * data.police.uk "Burglary" type also holds burglaries of shops, offices and sheds, which
 * happen to no household, so it stays per 1,000 residents like every other offence and
 * indicator.
 */
const householdBasedKeys: ReadonlySet<string> = new Set(['subgroup:residential-burglary']);

/** The base ONS would use for an offence key (see householdBasedKeys). */
export function rateBaseFor(offenceKey: string): RateBase {
  return householdBasedKeys.has(offenceKey) ? 'households' : 'residents';
}

/**
 * count ÷ denominator × 1,000. A missing, zero, negative or non-finite denominator gives null,
 * never Infinity or NaN: a rate shown as "∞" or "NaN" in a board paper is worse than a blank.
 */
function per1000(count: number | null, denominator: number | null): number | null {
  if (count === null) return null;
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`A count must be 0 or more, not ${count}.`);
  if (denominator === null || !Number.isFinite(denominator) || denominator <= 0) return null;
  return (count / denominator) * 1000;
}

/** Offences per 1,000 residents, or null without a usable population. */
export function ratePer1000(count: number | null, population: number | null): number | null {
  return per1000(count, population);
}

/** Offences per 1,000 households, or null without a usable household figure. */
export function ratePer1000Households(count: number | null, households: number | null): number | null {
  return per1000(count, households);
}

/**
 * The rate on the offence's own base. A household-based offence with no household figure gets
 * no rate rather than a per-resident one: the two are not comparable, and mixing them in one
 * column would rank burglary against the wrong scale.
 */
export function offenceRate(offenceKey: string, count: number | null, denominators: Denominators): OffenceRate {
  const base = rateBaseFor(offenceKey);
  switch (base) {
    case 'residents':
      return { base, denominator: denominators.population, ratePer1000: ratePer1000(count, denominators.population) };
    case 'households':
      return { base, denominator: denominators.households, ratePer1000: ratePer1000Households(count, denominators.households) };
    default:
      return unreachable(base);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
