import type { RankingChartRow } from '../../../../shared/charts/ranking-chart';
import { statusLabel, type DocumentDetails } from '../../../../shared/domain/document-details';
import type { RunSummary } from '../../../../shared/domain/analysis';
import type { ExportModel } from '../../../../shared/export/export-model';
import { offenceTotalSets } from '../../../../shared/export/offence-total-sets';
import { shownValue, suppressCounts, type Shown } from '../../../../shared/export/suppression';
import type { MatrixDefinition, RunComparison } from '../../../../shared/matrix';
import type { TableSpec } from '../pdf/pdf-table';
import { changeTestMethod } from '../../../../shared/statistics';

/**
 * What the Partnership Plan and the board paper are made from, and the pieces both print the
 * same way: the version-control block, the top-scoring types in rank order, the summary table
 * of their figures (with publication mode's suppression), the method and the data quality.
 */

export interface DocumentInputs {
  model: ExportModel;
  details: DocumentDetails;
  /** Publication mode: small counts suppressed at this threshold; null shows every count. */
  publication: { threshold: number } | null;
  /** The scoring of an earlier year's frozen run against this one, for the board paper. */
  earlier: EarlierComparison | null;
}

/** This scoring compared with the latest frozen run of an earlier assessment period. */
export type EarlierComparison = RunComparison & { before: RunSummary };

export type DocumentKind = 'plan' | 'board-paper';

/** How many types the ranking chart and the summary table show. */
export const chartedTypes = 10;
/** How many types the plan names in rank order, as the seed plan names four. */
export const namedTypes = 4;

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const longDateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Numbers as British documents print them, negatives with a true minus sign. */
const minus = (text: string) => text.replace('-', '\u2212');
export const formatInteger = (value: number) => minus(integer.format(value));
export const formatNumber = (value: number) => minus(decimal.format(value));
/** "+1,428", "−574", "0". */
const signed = (text: string, value: number) => (value > 0 ? `+${text}` : text);

/** The document's date: the one set in its details, or the day it was generated. */
export function documentDate(inputs: DocumentInputs): string {
  const date = inputs.details.date ? new Date(`${inputs.details.date}T12:00:00Z`) : new Date(inputs.model.generatedAt);
  return longDate.format(date);
}

/** '31 March 2019' from '2019-03-31'. */
export function formatIsoDate(date: string): string {
  return longDate.format(new Date(`${date}T12:00:00Z`));
}

export function generatedAtText(model: ExportModel): string {
  return longDateTime.format(new Date(model.generatedAt));
}

export function ordinal(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  return `${rank}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th'}`;
}

/** "Safer Colchester Partnership: Partnership Plan, April 2020 to March 2021". */
export function fullTitle(details: DocumentDetails): string {
  return details.planPeriod ? `${details.title}, ${details.planPeriod}` : details.title;
}

/** The version-control block both documents carry on their first page. */
export function versionControlTable(inputs: DocumentInputs, caption: string): TableSpec {
  const { model, details } = inputs;
  const rows: [string, string][] = [
    ['Document owner', details.owner],
    ['Version', details.version],
    ['Status', statusLabel(details.status)],
    ['Date', documentDate(inputs)],
    ['Protective marking', model.partnership.marking],
    ['Distribution', details.distribution || 'Not stated'],
    ['Assessment period', model.periodLabels.current],
    ['Compared with', model.periodLabels.comparison],
    ['Scoring', `${model.source.description}, ${templateName(model.matrix.definition)}`],
    ['Small numbers', inputs.publication ? `Suppressed: counts from 1 to ${inputs.publication.threshold - 1} are shown as [c]` : 'Shown in full (not for publication)'],
    ['Generated', `${generatedAtText(model)} by the Community Safety Workbench ${model.appVersion}`],
  ];
  return { caption, columns: [{ header: 'Item', width: 1 }, { header: 'Detail', width: 2.6 }], rows, rowHeaders: true };
}

export function templateName(definition: MatrixDefinition): string {
  return definition.name;
}

export function rankingRows(model: ExportModel, count = chartedTypes): RankingChartRow[] {
  return model.matrix.ranking.slice(0, count).map((row) => ({ key: row.key, label: row.label, rank: row.rank, score: row.score }));
}

/** The top types by name, in the app's rank order. */
export function topLabels(model: ExportModel, count = namedTypes): string[] {
  return model.matrix.ranking.slice(0, count).map((row) => row.label);
}

const shownText = (cell: Shown, format: (value: number) => string = formatInteger) => {
  const value = shownValue(cell);
  return value === null ? '–' : typeof value === 'string' ? value : format(value);
};

/**
 * The top types' figures: rank, type, score, counts in both periods and the change. In
 * publication mode the counts go through the same suppression as the workbook, decided over
 * every offence type (so a total elsewhere cannot give a hidden count away), and a percentage
 * is hidden with the change it comes from.
 */
export function summaryTable(inputs: DocumentInputs, caption: string, count = chartedTypes): TableSpec {
  const { model } = inputs;
  const offences = new Map(model.offences.map((row) => [row.key, row]));
  const keys = model.offences.map((row) => row.key);
  const suppression = inputs.publication
    ? suppressCounts(
        model.offences.map((row) => ({ key: row.key, current: row.currentCount, comparison: row.comparisonCount })),
        { threshold: inputs.publication.threshold, totals: offenceTotalSets(keys) },
      )
    : null;
  const decisions = new Map(suppression?.rows.map((row) => [row.key, row]) ?? []);
  const rows = model.matrix.ranking.slice(0, count).map((ranked) => {
    const figures = offences.get(ranked.key);
    const shown = decisions.get(ranked.key) ?? {
      current: { suppressed: false, value: figures?.currentCount ?? null } as Shown,
      comparison: { suppressed: false, value: figures?.comparisonCount ?? null } as Shown,
      change: { suppressed: false, value: figures?.change ?? null } as Shown,
    };
    const percent = figures?.percentChange ?? null;
    const percentText = shown.change.suppressed ? '[c]' : percent === null ? '–' : `${signed(minus(oneDecimal.format(percent)), percent)}%`;
    return [
      String(ranked.rank),
      ranked.label,
      formatNumber(ranked.score),
      shownText(shown.current),
      shownText(shown.comparison),
      shown.change.suppressed ? '[c]' : shownText(shown.change, (value) => signed(formatInteger(value), value)),
      percentText,
    ];
  });
  return {
    caption,
    columns: [
      { header: 'Rank', width: 0.6, align: 'right' },
      { header: 'Offence type', width: 2.6 },
      { header: 'Score', width: 0.7, align: 'right' },
      { header: 'Assessment period', width: 1.15, align: 'right' },
      { header: 'Comparison period', width: 1.15, align: 'right' },
      { header: 'Change', width: 0.9, align: 'right' },
      { header: 'Change %', width: 0.9, align: 'right' },
    ],
    rows,
  };
}

/** Appendix A's factor table: what each factor measures, its weight and its band thresholds. */
export function factorTable(model: ExportModel, caption: string): TableSpec {
  return {
    caption,
    columns: [
      { header: 'Factor', width: 1.1 },
      { header: 'What it measures', width: 3 },
      { header: 'Weight', width: 0.6, align: 'right' },
      { header: 'Band thresholds', width: 1.1 },
    ],
    rows: model.matrix.definition.factors.map((factor) => [
      factor.label,
      factor.description,
      factor.role === 'beside' ? 'Not counted' : formatNumber(factor.weight),
      factor.thresholds.map(formatNumber).join(', '),
    ]),
    rowHeaders: true,
  };
}

export function sourcesTable(model: ExportModel, caption: string): TableSpec {
  return {
    caption,
    columns: [
      { header: 'Partner', width: 1.2 },
      { header: 'File', width: 1.7 },
      { header: 'Months', width: 1 },
      { header: 'SHA-256', width: 2.1 },
    ],
    rows: model.datasets.map((dataset) => [
      dataset.partner,
      dataset.sheet ? `${dataset.fileName} (sheet ${dataset.sheet})` : dataset.fileName,
      dataset.firstMonth && dataset.lastMonth ? `${dataset.firstMonth} to ${dataset.lastMonth}` : 'None imported',
      // A hash breaks anywhere; a space every 16 characters lets it wrap cleanly.
      dataset.sha256.replace(/(.{16})/g, '$1 ').trim(),
    ]),
  };
}

export function qualityTable(model: ExportModel, caption: string): TableSpec {
  return {
    caption,
    columns: [
      { header: 'Dataset', width: 2.2 },
      { header: 'Rows read', width: 0.9, align: 'right' },
      { header: 'Imported', width: 0.9, align: 'right' },
      { header: 'Rejected', width: 0.85, align: 'right' },
      { header: 'Duplicates', width: 0.9, align: 'right' },
      { header: 'Outside the area', width: 0.95, align: 'right' },
      { header: 'Missing months', width: 1.1 },
    ],
    rows: model.quality.map((report) => [
      `${report.dataset.partner}: ${report.dataset.fileName}`,
      formatInteger(report.dataset.rowsRead),
      formatInteger(report.dataset.rowsImported),
      formatInteger(report.dataset.rowsRejected),
      formatInteger(report.dataset.duplicates),
      formatInteger(report.dataset.rowsOutOfArea),
      report.missingMonths.length === 0 ? 'None' : report.missingMonths.join(', '),
    ]),
  };
}

export const oglAttribution =
  'Contains public sector information licensed under the Open Government Licence v3.0 (Office for National Statistics and police.uk data). ' +
  'Crown copyright and database right.';

export const significanceText =
  `${changeTestMethod} A change that is not significant on fewer than 20 cases is capped at the middle trend score, so that small numbers cannot drive the ranking.`;

export function membersText(members: ExportModel['members']): string[] {
  return members.map((member) => (member.statutory ? `*${member.name}` : member.name));
}
