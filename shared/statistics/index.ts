/**
 * Honest statistics for the Analysis step (brief.md, workflow 3): counts in assessment periods
 * with their coverage, rates per 1,000, change with the exact conditional significance test, three-year
 * trends, rolling 12 months, month-of-year profiles and ONS Crime Severity Score harm. Pure
 * functions of precomputed counts; no I/O.
 */
export {
  assertPeriod,
  defaultAssessmentPeriods,
  describePeriod,
  financialYearPeriod,
  isMonthKey,
  periodContainsMonth,
  periodLength,
  periodMonths,
  previousPeriod,
  yearEndingPeriod,
  type AssessmentPeriods,
  type Period,
} from './periods';
export {
  annualTotals,
  countInPeriod,
  countsWithinPeriod,
  monthlySeries,
  withReportedZeros,
  type AnnualTotal,
  type CountInPeriod,
  type Coverage,
  type MonthlyCount,
  type PeriodCount,
} from './period-counts';
export {
  offenceRate,
  rateBaseFor,
  ratePer1000,
  ratePer1000Households,
  type Denominators,
  type OffenceRate,
  type RateBase,
} from './rates';
export {
  changeTestMethod,
  changeVerdict,
  compareCounts,
  poissonZ,
  describeChange,
  formatCount,
  formatPValue,
  type ChangeVerdict,
  type CountComparison,
  type PeriodLengths,
} from './change';
export { exactConditionalTest, significanceLevel, type ExactTestResult } from './exact-test';
export {
  flatTrendShareOfMean,
  monthOfYearProfile,
  rolling12Months,
  threeYearTrend,
  type MonthOfYearEntry,
  type Rolling12Month,
  type ThreeYearTrend,
  type TrendDirection,
} from './trend';
export {
  harmFallbackFor,
  harmOf,
  harmPricing,
  unweightedHarmCaveat,
  type CodeMix,
  type Harm,
  type HarmFallback,
  type HarmFallbackBasis,
  type HarmMethod,
} from './harm';
export {
  historyPeriodOf,
  summariseOffence,
  type OffenceHistory,
  type OffenceSummary,
  type OffenceSummaryInput,
  type VolumeFigure,
  type PeriodFigures,
} from './offence-summary';
