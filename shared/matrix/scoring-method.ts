/**
 * How the figures the matrix reads were worked out. The matrix ranks what it is given, so a
 * change to how an input is made (the significance test, the volume denominator, peers, harm
 * pricing) changes rankings without any weight or threshold changing. Each frozen run records
 * the method it was scored with, so that an old run still shows and replays exactly, and a
 * comparison across methods names the change as a cause of what moved.
 */

export interface ScoringMethod {
  version: number;
  /** One line per aspect, for `run compare` and the method appendix. */
  aspects: Record<ScoringAspect, string>;
}

export type ScoringAspect = 'significance' | 'volume' | 'peer' | 'harm';

export const scoringAspectLabels: Record<ScoringAspect, string> = {
  significance: 'Significance of a change',
  volume: 'Volume denominator',
  peer: 'Peer comparison',
  harm: 'Harm without Home Office codes',
};

export const scoringMethods: readonly ScoringMethod[] = [
  {
    version: 1,
    aspects: {
      significance: 'Poisson Z = 2(√current − √previous), significant when |Z| > 1.96',
      volume: 'rate per 1,000 residents, per 1,000 households for residential burglary (none without a household figure)',
      peer: 'no comparator figures: every type scored as in line',
      harm: 'the unweighted mean of the subgroup’s codes',
    },
  },
  {
    version: 2,
    aspects: {
      significance: 'exact conditional binomial test, two-sided as R’s binom.test, significant when p < 0.05',
      volume: 'offences per 1,000 residents of the area the source covers for every type, or the count without a population',
      peer: 'the area’s rate ÷ the mean rate of the comparator areas the analyst chose',
      harm: 'the subgroup’s codes weighted by another dataset’s code-level counts for the same area, else the unweighted mean with a caveat',
    },
  },
];

/** The method the workbench scores with now. Runs frozen before methods were versioned are method 1. */
export const currentScoringMethod = 2;

export function scoringMethod(version: number): ScoringMethod {
  const method = scoringMethods.find((candidate) => candidate.version === version);
  if (!method) throw new RangeError(`Scoring method ${version} is not one this version of the workbench knows.`);
  return method;
}

export interface MethodChange {
  kind: 'method';
  before: number;
  after: number;
  /** The aspects that differ, with their before and after wording. */
  aspects: { aspect: ScoringAspect; label: string; before: string; after: string }[];
}

/** What changed between two methods, or null when they are the same. */
export function methodChange(before: number, after: number): MethodChange | null {
  if (before === after) return null;
  const old = scoringMethod(before);
  const current = scoringMethod(after);
  const aspects = (Object.keys(scoringAspectLabels) as ScoringAspect[])
    .filter((aspect) => old.aspects[aspect] !== current.aspects[aspect])
    .map((aspect) => ({ aspect, label: scoringAspectLabels[aspect], before: old.aspects[aspect], after: current.aspects[aspect] }));
  return { kind: 'method', before, after, aspects };
}
