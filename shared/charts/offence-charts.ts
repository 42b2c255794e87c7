import { formatMonthLong } from '../dates';
import { monthName } from '../dates/months';
import type { OffenceSummary } from '../statistics/offence-summary';
import type { MonthlyCount } from '../statistics/period-counts';
import { describePeriod, type Period } from '../statistics/periods';
import type { BarChartInput } from './bar-chart';
import { formatChartNumber, formatChartValue } from './chart-axis';
import type { SeriesChartInput } from './series-chart';

/**
 * The four charts of one offence type's figures (brief.md, workflow 3: "a three-year trend, a
 * rolling 12 months and a month-of-year profile; charts for each"), each with its caption, a
 * description in words and the figures as a table. Built once here so the Analysis screen and
 * the PDF export show the same charts with the same words.
 */

export type OffenceChartId = 'monthly' | 'annual' | 'rolling12' | 'month-of-year';

/** A chart's figures as text, for a screen reader or anyone who would rather read them. */
export interface FiguresTable {
  /** Column headings; each row's first cell heads the row. */
  columns: string[];
  /** Whether each column holds figures, to be aligned on the right. */
  numeric: boolean[];
  rows: string[][];
}

interface ChartText {
  id: OffenceChartId;
  /** The chart's title, which is also its accessible name. */
  caption: string;
}

export type OffenceChart =
  | (ChartText & { kind: 'series'; input: SeriesChartInput; description: string; table: FiguresTable })
  | (ChartText & { kind: 'bar'; input: BarChartInput; description: string; table: FiguresTable })
  /** No chart can be drawn from these sources; the message says why. */
  | (ChartText & { kind: 'unavailable'; message: string });

export const noMonthlyFiguresMessage = 'No monthly figures: the sources for this type report whole years';

const shortMonth = (month: string) => monthName(Number(month.slice(5, 7))).slice(0, 3);

/** 'Year ending Sep 2019', short enough to sit under a bar. */
const yearEndingLabel = (period: Period) => `Year ending ${shortMonth(period.to)} ${period.to.slice(0, 4)}`;

const countText = (count: number | null, missing: string) => (count === null ? missing : formatChartNumber(count));

const hasFigures = (monthly: readonly MonthlyCount[]) => monthly.some((entry) => entry.count !== null);

/** What the type's figures count: offences, or for a non-crime indicator, what was recorded. */
function unitOf(summary: OffenceSummary): { title: string; noun: string } {
  return summary.offenceKey.startsWith('indicator:') ? { title: 'Number recorded', noun: 'number recorded' } : { title: 'Offences', noun: 'offences' };
}

function monthlyChart(summary: OffenceSummary): OffenceChart {
  const { current, comparison } = summary;
  const unit = unitOf(summary);
  const caption = `${unit.title} each month, ${current.label} against ${comparison.label}`;
  if (!hasFigures(current.monthly) && !hasFigures(comparison.monthly)) {
    return { id: 'monthly', kind: 'unavailable', caption, message: noMonthlyFiguresMessage };
  }
  const length = Math.max(current.monthly.length, comparison.monthly.length);
  const months = Array.from({ length }, (_, index) => ({ current: current.monthly[index] ?? null, comparison: comparison.monthly[index] ?? null }));
  return {
    id: 'monthly',
    kind: 'series',
    caption,
    description:
      `Solid line with circles: ${current.label}. Dashed line with squares: ${comparison.label}, month for month. ` +
      'A gap in a line is a month without a monthly figure.',
    input: {
      valueTitle: unit.title,
      categories: months.map((month, index) => ({
        key: `month-${index + 1}`,
        tickLabel: month.current ? shortMonth(month.current.month) : month.comparison ? shortMonth(month.comparison.month) : String(index + 1),
      })),
      series: [
        { id: 'current', label: current.label, values: months.map((month) => month.current?.count ?? null), line: 'solid', marker: 'circle' },
        { id: 'comparison', label: comparison.label, values: months.map((month) => month.comparison?.count ?? null), line: 'dashed', marker: 'square' },
      ],
    },
    table: {
      columns: ['Assessment period month', `${unit.title} in the assessment period`, 'Comparison period month', `${unit.title} in the comparison period`],
      numeric: [false, true, false, true],
      rows: months.map((month) => [
        month.current ? formatMonthLong(month.current.month) : '',
        month.current ? countText(month.current.count, 'No monthly figure') : '',
        month.comparison ? formatMonthLong(month.comparison.month) : '',
        month.comparison ? countText(month.comparison.count, 'No monthly figure') : '',
      ]),
    },
  };
}

function trendWords(summary: OffenceSummary, noun: string): string {
  const { trend } = summary;
  if (!trend) return 'There is no trend line: a trend needs three complete years.';
  const slope = `${trend.slopePerYear >= 0 ? 'up' : 'down'} ${formatChartValue(Math.abs(trend.slopePerYear))} ${noun} a year`;
  return `Dashed line with diamonds: the three-year trend fitted by least squares, ${trend.direction} (${slope}).`;
}

function annualChart(summary: OffenceSummary): OffenceChart {
  const unit = unitOf(summary);
  const years = summary.annualTotals;
  const last = years[years.length - 1]!.period;
  const fitted = summary.trend?.fitted ?? null;
  const caption = `${unit.title} in each of the ${years.length} years to ${formatMonthLong(last.to)}`;
  if (years.every((year) => year.count === null)) {
    return { id: 'annual', kind: 'unavailable', caption, message: 'No annual totals: the data does not fully cover any of these years.' };
  }
  return {
    id: 'annual',
    kind: 'bar',
    caption,
    description: `Bars: ${unit.noun} in each 12-month year. A year the data does not fully cover has no bar. ${trendWords(summary, unit.noun)}`,
    input: {
      valueTitle: unit.title,
      barLabel: `${unit.title} in the year`,
      missingLabel: 'Not fully covered',
      bars: years.map((year) => ({ key: year.period.to, label: yearEndingLabel(year.period), value: year.count })),
      overlay: fitted ? { label: 'Three-year trend', values: [...fitted] } : null,
    },
    table: {
      columns: ['Year', unit.title, ...(fitted ? ['Three-year trend (fitted)'] : [])],
      numeric: [false, true, ...(fitted ? [true] : [])],
      rows: years.map((year, index) => [
        describePeriod(year.period),
        countText(year.count, 'Not fully covered'),
        ...(fitted ? [formatChartNumber(fitted[index]!, 1)] : []),
      ]),
    },
  };
}

function rollingChart(summary: OffenceSummary): OffenceChart {
  const unit = unitOf(summary);
  const { rolling12, monthly, period } = summary.history;
  const caption = `Rolling 12-month total of ${unit.noun}, ${describePeriod(period)}`;
  if (!hasFigures(monthly)) return { id: 'rolling12', kind: 'unavailable', caption, message: noMonthlyFiguresMessage };
  if (rolling12.every((entry) => entry.total === null)) {
    return {
      id: 'rolling12',
      kind: 'unavailable',
      caption,
      message: 'No rolling 12-month totals: each needs 12 months in a row with monthly figures, and the sources do not have them.',
    };
  }
  return {
    id: 'rolling12',
    kind: 'series',
    caption,
    description: `Solid line with circles: the ${unit.noun} in each month and the 11 before it. A gap is a month whose 12 months lack a monthly figure.`,
    input: {
      valueTitle: unit.title,
      categories: rolling12.map((entry) => ({ key: entry.month, tickLabel: `${shortMonth(entry.month)} ${entry.month.slice(0, 4)}` })),
      series: [{ id: 'rolling12', label: 'Total of the 12 months to the month', values: rolling12.map((entry) => entry.total), line: 'solid', marker: 'circle' }],
    },
    table: {
      columns: ['Month', 'Total of the 12 months to the month'],
      numeric: [false, true],
      rows: rolling12.map((entry) => [formatMonthLong(entry.month), countText(entry.total, 'Not available')]),
    },
  };
}

const percent = (share: number | null) => (share === null ? 'Not available' : `${formatChartNumber(share * 100, 1)}%`);

function monthOfYearChart(summary: OffenceSummary): OffenceChart {
  const unit = unitOf(summary);
  const { monthly, period } = summary.history;
  const caption = `Average ${unit.noun} in each calendar month, ${describePeriod(period)}`;
  if (!hasFigures(monthly)) return { id: 'month-of-year', kind: 'unavailable', caption, message: noMonthlyFiguresMessage };
  return {
    id: 'month-of-year',
    kind: 'bar',
    caption,
    description: `Bars: the mean ${unit.noun} in each calendar month over the years with a figure for it. A month without any figure has no bar and is marked n/a.`,
    input: {
      valueTitle: unit.title,
      barLabel: `Mean ${unit.noun} in the month`,
      missingLabel: 'n/a',
      bars: summary.monthOfYear.map((entry) => ({ key: String(entry.monthNumber), label: entry.monthName.slice(0, 3), value: entry.meanCount })),
    },
    table: {
      columns: ['Calendar month', `Mean ${unit.noun}`, 'Years with a figure', 'Share of a typical year'],
      numeric: [false, true, true, true],
      rows: summary.monthOfYear.map((entry) => [
        entry.monthName,
        entry.meanCount === null ? 'No figure' : formatChartValue(entry.meanCount),
        String(entry.monthsWithData),
        percent(entry.shareOfYear),
      ]),
    },
  };
}

/** The charts for one offence type, in the order they are shown. */
export function offenceCharts(summary: OffenceSummary): OffenceChart[] {
  return [monthlyChart(summary), annualChart(summary), rollingChart(summary), monthOfYearChart(summary)];
}
