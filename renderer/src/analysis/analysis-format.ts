import type { OffenceAnalysis, OffenceKind } from '../../../shared/domain/analysis';
import { formatCount, formatDecimal } from '../../../shared/format';
import type { HarmMethod, harmPricing } from '../../../shared/statistics/harm';
import type { PeriodFigures } from '../../../shared/statistics/offence-summary';
import type { CountComparison } from '../../../shared/statistics/change';
import type { TrendDirection } from '../../../shared/statistics/trend';

/** How the Analysis screen writes its figures (shared/format), and words beside symbols. */

/** A rate per 1,000: '10.26'. */
export const formatRate = (value: number) => formatDecimal(value, 2);
/** A mean severity weight or a slope: '3.0'. */
export const formatOneDecimal = (value: number) => formatDecimal(value, 1);

export const kindLabels: Record<OffenceKind, string> = {
  subgroup: 'Home Office offence subgroups',
  group: 'Home Office offence groups',
  'police-uk': 'data.police.uk crime types',
  indicator: 'Non-crime indicators',
  total: 'Total recorded crime',
};

export interface Significance {
  /** A shape as well as the words, so the flag never rests on colour. */
  symbol: string;
  text: string;
  tone: 'increase' | 'decrease' | 'none' | 'unavailable';
}

export function significanceOf(change: CountComparison | null): Significance {
  if (change === null) return { symbol: '–', text: 'No comparison', tone: 'unavailable' };
  switch (change.verdict) {
    case 'significant increase':
      return { symbol: '▲', text: 'Significant increase', tone: 'increase' };
    case 'significant decrease':
      return { symbol: '▼', text: 'Significant decrease', tone: 'decrease' };
    default:
      return { symbol: '●', text: 'No significant change', tone: 'none' };
  }
}

/** 'Z = 11.84'. */
export const formatZ = (z: number) => `Z = ${formatDecimal(z, 2)}`;

/** The rate per 1,000 residents every type is ranked on for volume, or null (no population, or a part period). */
export function residentsRate(offence: OffenceAnalysis): number | null {
  const { volume } = offence.summary;
  return volume.basis === 'per-1000-residents' ? volume.value : null;
}

/** How the harm was priced, in a few words for a table cell; harmPricing gives the whole sentence. */
export const harmPricingShort: Record<ReturnType<typeof harmPricing>['basis'], string> = {
  'code-level': 'own codes',
  'code-counts': 'weighted by code counts',
  'unweighted-mean': 'unweighted mean: may overstate',
  'not-applicable': 'not applicable',
};

export const harmMethodLabels: Record<HarmMethod, string> = {
  'code-level': 'code-level weights',
  'subgroup-weight': 'subgroup weight',
  mixed: 'mixed: code-level and subgroup weights',
  'not-applicable': 'not applicable',
};

export const trendLabels: Record<TrendDirection, { symbol: string; text: string }> = {
  rising: { symbol: '↗', text: 'Rising' },
  falling: { symbol: '↘', text: 'Falling' },
  flat: { symbol: '→', text: 'Flat' },
};

/** The period's count as a cell shows it, with a note when the data does not cover it all. */
export function periodCount(figures: PeriodFigures): { text: string; note: string | null } {
  switch (figures.coverage) {
    case 'none':
      return { text: 'No figures', note: null };
    case 'partial':
      return { text: formatCount(figures.count), note: `only ${figures.monthsCovered} of ${figures.monthsInPeriod} months` };
    default:
      return { text: formatCount(figures.count), note: null };
  }
}

/** The count to sort on: none for a period without figures, as 0 would sort it among real zeros. */
export const sortableCount = (figures: PeriodFigures) => (figures.coverage === 'none' ? null : figures.count);

/** "Yes", or the gist of why the matrix does not score the type; the detail gives it in full. */
export function scoredShort(offence: OffenceAnalysis): string {
  const reason = offence.notScored;
  if (reason === null) return 'Yes';
  if (reason.startsWith('Scored through its subgroups')) return 'No: scored through its subgroups';
  if (reason.startsWith('Total recorded crime')) return 'No: a total of the others';
  if (reason.startsWith('There are no figures')) return 'No: no figures for the period';
  if (reason.startsWith('The figures cover only')) return 'No: part of the period only';
  return 'No';
}

/** 'per 1,000 residents' or 'per 1,000 households'. */
export const rateUnit = (offence: OffenceAnalysis) => `per 1,000 ${offence.summary.rateBase}`;

/** Why a type has no rate, in a few words. */
export function missingRateReason(offence: OffenceAnalysis): string {
  const { summary } = offence;
  if (summary.current.coverage !== 'complete') return 'Not available: the period is not fully covered';
  if (summary.volume.basis === 'count') return 'Not available: no population figure';
  return 'Not available';
}
