import { ragStatusNames } from '../../../../../shared/domain/priority';
import { importFormatLabels } from '../../../../../shared/domain/dataset';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { offenceTotalSets } from '../../../../../shared/export/offence-total-sets';
import { suppressedMarker, suppressionRuleText, type SuppressedRow, type TotalSet } from '../../../../../shared/export/suppression';
import type { FactorDefinition, MatrixDefinition, RankedOffence } from '../../../../../shared/matrix/index';
import { bandOf } from '../../../../../shared/matrix/bands';
import { WorkbenchError } from '../../../../../shared/result';
import { changeTestMethod } from '../../../../../shared/statistics/index';
import { openGovernmentLicenceAttribution } from '../../../../../shared/taxonomy/attribution';
import { throwIfCancelled, yieldToEventLoop } from '../../../operation-context';
import type { ExportTarget } from '../export-job';
import { writeMatrixSheet, matrixSheetName, nameOf, type HiddenFigures, type MatrixLayout } from './matrix-sheet';
import { publishedModel } from '../../../../../shared/export/publication-view';
import { writeRawDataSheet } from './raw-data-sheet';
import { createSheet, firstHeaderRow, formats, introLines, notAvailable, writeTable, type CellContent, type ColumnSpec } from './sheet-layout';
import { cellAddress, StreamingWorkbook } from './streaming-workbook';

/**
 * The evidence workbook (brief §Workflow 6): the partnership's whole assessment in one file that
 * partners and the board can open, with the matrix as live formulas over editable weights and
 * thresholds. The sheet names and their order are part of the contract.
 */

export const workbookSheets = [
  { name: 'Cover', description: 'Title, partnership, periods, protective marking, source of the scoring and licence.' },
  { name: 'Contents', description: 'This list of sheets.' },
  { name: 'Notes', description: 'Definitions of every column and factor, data sources with provenance, the method and the formula choices.' },
  { name: 'Partnership', description: 'The members of the partnership, statutory members marked.' },
  { name: 'Datasets', description: 'Each imported dataset: partner, file, SHA-256 fingerprint, layout and rows.' },
  { name: 'Data quality', description: 'Row accounting of each dataset: read, imported, rejected, duplicates, outside the area, gaps.' },
  { name: 'Offences', description: 'Counts, rates, change, significance and harm for every offence type.' },
  { name: 'Matrix', description: 'Every factor’s input, score and weight per offence type, as live formulas over editable weights and thresholds.' },
  { name: 'Ranking', description: 'The offence types in rank order, following the Matrix sheet.' },
  { name: 'Sensitivity', description: 'How stable each rank is when the weights move at random.' },
  { name: 'Priorities', description: 'The partnership’s priorities, their offence types, lead, measures and status.' },
] as const;

export const rawDataSheet = { name: 'Raw data', description: 'The imported rows inside the partnership’s area, as read from the files.' } as const;

export interface WorkbookOptions {
  /** Publication mode: small counts suppressed at this threshold. */
  publication: { threshold: number } | null;
  rawData: boolean;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

interface Context {
  book: StreamingWorkbook;
  model: ExportModel;
  options: WorkbookOptions;
  marking: string;
  suppression: Map<string, SuppressedRow> | null;
  /** Totals shown beside their parts (a group and its subgroups), for publication mode. */
  totals: readonly TotalSet[];
}

function anyCountSuppressed(context: Context): boolean {
  return [...(context.suppression?.values() ?? [])].some((row) => row.current.suppressed || row.comparison.suppressed);
}

/**
 * A total whose parts include a suppressed count keeps its own count (the parts' secondary
 * suppression protects it), but not its harm: where harm is priced from the codes, a total's
 * harm is the sum of its parts' harms, and that second sum beside the sum of counts could solve
 * for two hidden counts at once. Its mean severity weight is its harm over its count, so it
 * goes too (a total is never scored, so the Matrix does not need it).
 */
function totalWithSuppressedPart(context: Context, key: string): boolean {
  const suppression = context.suppression;
  if (!suppression) return false;
  return context.totals.some((set) => set.total === key && set.parts.some((part) => suppression.get(part)?.current.suppressed));
}

function hiddenFigures(context: Context, key: string): HiddenFigures {
  const row = context.suppression?.get(key);
  return { current: row?.current.suppressed ?? false, comparison: row?.comparison.suppressed ?? false, change: row?.change.suppressed ?? false };
}

function simpleSheet(context: Context, name: string, title: string, intro: string[], tableName: string, columns: ColumnSpec[], rows: CellContent[][]): void {
  const lines = introLines(intro, columns);
  const headerRow = firstHeaderRow(lines);
  const sheet = createSheet(context.book, { name, title, intro: lines, headerRow, columns }, context.marking);
  writeTable(context.book, sheet, { name: tableName, headerRow, columns, rows });
  sheet.commit();
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-GB')} ${word}${count === 1 ? '' : 's'}`;

/** What publication mode means for this workbook, in one sentence for the Cover and Notes. */
function publicationLine(threshold: number): string {
  return `For publication: counts from 1 to ${threshold - 1} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them (see Notes).`;
}

function writeCover(context: Context): void {
  const { model, options } = context;
  const { partnership } = model;
  const rows: CellContent[][] = [
    ['Title', `${partnership.name}: strategic assessment evidence workbook`],
    ['Partnership', partnership.name],
    ['Area', partnership.area ?? notAvailable],
    ['Assessment period', model.periodLabels.current],
    ['Comparison period', model.periodLabels.comparison],
    ['Protective marking', partnership.marking],
    ['Scoring', model.source.description],
    ['Matrix', model.matrix.definition.name],
    ['Generated', dateTime.format(new Date(model.generatedAt))],
    ['Version', `Community Safety Workbench ${model.appVersion}`],
    ['Publication mode', options.publication ? `On. ${publicationLine(options.publication.threshold)}` : 'Off: every count is shown. This workbook is not for publication.'],
    ['Licence', `${openGovernmentLicenceAttribution} Office for National Statistics and police.uk (Home Office) data are Crown copyright.`],
  ];
  simpleSheet(
    context,
    'Cover',
    `${partnership.name}: strategic assessment evidence workbook`,
    [partnership.marking, ...(options.publication ? [publicationLine(options.publication.threshold)] : [])],
    'Cover',
    [
      { header: 'Item', width: 20 },
      { header: 'Detail', width: 100, wrap: true },
    ],
    rows,
  );
}

function writeContents(context: Context): void {
  const sheets = [...workbookSheets, ...(context.options.rawData ? [rawDataSheet] : [])];
  simpleSheet(
    context,
    'Contents',
    'Contents',
    ['Each sheet name links to its sheet.'],
    'Contents',
    [
      { header: 'Sheet', width: 16 },
      { header: 'What it holds', width: 104, wrap: true },
    ],
    sheets.map((sheet) => [{ text: sheet.name, hyperlink: `#'${sheet.name}'!A1` }, sheet.description]),
  );
}

/** Straight apostrophes in the product's own wording (factor descriptions) printed as typeset ones. */
const typeset = (text: string) => text.replace(/(\w)'(\w)/g, '$1’$2').replace(/'/g, '’');

const figureText = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
const signedPercent = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${figureText(Math.abs(value))}%`;

function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A factor's thresholds in words, with their unit and what a value on a threshold does. */
function thresholdText(factor: FactorDefinition): string {
  const onThreshold = factor.atThreshold === 'upper-band' ? 'a value exactly on a threshold goes to the higher band' : 'a value exactly on a threshold stays in the lower band';
  const kind = factor.kind;
  if (kind === 'quintile') return `thresholds at percentile ranks ${listText(factor.thresholds.map(figureText))} (percentile ranks run from 0 to 100; ${onThreshold})`;
  if (kind === 'peer') return `thresholds at ${listText(factor.thresholds.map(figureText))} times the peers’ mean rate (${onThreshold})`;
  if (kind === 'judgement') {
    const scores = [1, 2, 3, 4, 5].map((judgement) => bandOf(judgement, factor.thresholds, factor.atThreshold));
    const mapping = scores.every((score, index) => score === index + 1)
      ? 'so each judgement from 1 to 5 scores itself'
      : `so ${listText(scores.map((score, index) => `a judgement of ${index + 1} scores ${score}`))}`;
    return `thresholds at judged scores of ${listText(factor.thresholds.map(figureText))}: a judgement (1 to 5) scores 1 plus the number of thresholds it reaches, ${mapping}`;
  }
  if (factor.input === 'percentChange') return `thresholds at ${listText(factor.thresholds.map(signedPercent))} change on the comparison period (${onThreshold})`;
  if (factor.input === 'meanHarmWeight') {
    return `thresholds at mean severity weights of ${listText(factor.thresholds.map(figureText))} (days of imprisonment equivalent per offence; ${onThreshold})`;
  }
  return `thresholds at ${listText(factor.thresholds.map(figureText))} (${onThreshold})`;
}

function weightText(definition: MatrixDefinition, factor: FactorDefinition): string {
  if (factor.role === 'beside') return 'Graded beside the score, so its weight is 0';
  if (definition.template === 'partnership') {
    return `Weight ${figureText(factor.weight)}: each point of its 1–${factor.scale} score adds ${figureText(factor.weight)} ${factor.weight === 1 ? 'point' : 'points'} to the total`;
  }
  return `Weight ${figureText(factor.weight)} in the weighted mean of the ${factor.role} factors’ scores`;
}

/** The tie-break in words, as shared/matrix/tie-break.ts applies it. */
const tieBreakRule =
  'Equal totals (equal to six decimal places) are ranked by, in turn: total harm (offences in the assessment period × mean severity weight), higher first; the mean severity weight, higher first; offences in the assessment period, more first; and the name, in alphabetical order character by character, capitals and small letters alike. A type without a figure comes after every type with one.';

/** A tie in this ranking that the harm score alone would break the other way, to show the rule at work. */
function tieExample(ranking: readonly RankedOffence[], suppressed: (key: string) => boolean): string {
  const byRank = [...ranking].sort((a, b) => a.rank - b.rank);
  for (let index = 1; index < byRank.length; index += 1) {
    const upper = byRank[index - 1]!;
    const lower = byRank[index]!;
    const upperHarm = upper.factors['harm']?.score;
    const lowerHarm = lower.factors['harm']?.score;
    if (suppressed(upper.key) || suppressed(lower.key)) continue;
    if (Math.round(upper.score * 1e6) !== Math.round(lower.score * 1e6) || upperHarm === undefined || lowerHarm === undefined || upperHarm >= lowerHarm) continue;
    return ` So ${upper.label} (harm score ${upperHarm}) ranks above ${lower.label} (harm score ${lowerHarm}) on ${figureText(upper.score)} points: its total harm is higher.`;
  }
  return '';
}

/** Each judgement's rationale, as the analyst wrote it, under the type, factor and judgement it explains. */
function judgementNotes(model: ExportModel): [string, string][] {
  const factors = new Map(model.matrix.definition.factors.filter((factor) => factor.kind === 'judgement').map((factor) => [factor.id, factor]));
  const judgementOf = new Map(model.matrix.judgements.map((judgement) => [`${judgement.factor}\u0000${judgement.offenceKey}`, judgement]));
  return model.matrix.ranking.flatMap((ranked) =>
    [...factors.values()].flatMap((factor): [string, string][] => {
      const judgement = judgementOf.get(`${factor.id}\u0000${ranked.key}`);
      return judgement ? [[`Judgement: ${ranked.label}, ${nameOf(factor).toLowerCase()} (${judgement.score} of 5)`, judgement.rationale]] : [];
    }),
  );
}

function writeNotes(context: Context, layout: { matrixRows: number }): void {
  const { model, options } = context;
  const { definition } = model.matrix;
  const publication = options.publication;
  const assumed = publication ? publication.threshold - 1 : 0;
  const notes: [string, string][] = [
    ...(publication
      ? ([
          ['For publication', 'This workbook is for publication, with small numbers suppressed: the marker [c] stands for every figure held back (see the next notes).'],
          ['Suppression', suppressionRuleText(publication.threshold, { bothCounts: true })],
        ] as [string, string][])
      : []),
    ['Protective marking', `${model.partnership.marking}. Handle this workbook under your organisation’s rules for that marking.`],
    ['Scoring', `${model.source.description}, with the ${definition.name}. ${model.matrix.edited.length > 0 ? `Edited from the shipped template: ${model.matrix.edited.join(', ')}.` : 'The shipped template, unedited.'}`],
    ['Periods', `Assessment period ${model.periodLabels.current}; comparison period ${model.periodLabels.comparison}.`],
    [
      'Denominators',
      `Residents: ${model.denominators.population?.toLocaleString('en-GB') ?? notAvailable} (${model.denominators.populationSource}). Households: ${model.denominators.households?.toLocaleString('en-GB') ?? notAvailable} (${model.denominators.householdsSource}).`,
    ],
    [notAvailable, 'No figure: the data does not cover the whole period, or the figure does not apply. In the Matrix a missing input scores the factor’s “score when missing”.'],
    ...(publication
      ? ([
          [
            suppressedMarker,
            `Suppressed for publication. Besides counts from 1 to ${assumed}, these are suppressed wherever they would reveal one: the same type’s other count and its change, a second part of a total, the type’s rates, change (%), significance and total harm, the total harm and mean severity weight of a total whose parts include it, and the rows read and imported on the Data quality sheet (a file’s rows add up to the counts).`,
          ],
          [
            'Suppressed figures in the Matrix',
            `Every score, total, band and rank is a live formula. Where the workbench read a score from a suppressed figure, the Matrix carries that score (never the figure) in the column “… score from the workbench (count suppressed)”, and the score’s formula takes it from there: weight edits move the totals, bands and ranks as the workbench would, but an edited threshold of the volume, trend or peer factor does not move those types’ own scores. Each shown type’s volume percentile rank counts the suppressed types below it from the column “Volume: suppressed types below (a tie counts half)”.`,
          ],
        ] as [string, string][])
      : []),
    [
      'Offences: caveats',
      'The Caveats column names what a reader must know beside a figure, as the Partnership Plan and the board paper print it. “Figures for … not …”: the source covers a wider area than the partnership’s, and its rates use that area’s population. “Harm may be overstated”: harm is priced at the plain average of the severity weights of the type’s offence codes, because no data in the workspace gives counts by code, so rare, grave offences count as much as common ones. “Under 20 offences”: a change could be chance, so its trend score is capped unless the change is significant. “N months, not a full year”: the counts are not annual figures.',
    ],
    [
      'Offences: counts',
      'Recorded offences in each period in the area each type’s source covers, from one source series per offence type (see Source). The Offences sheet’s “Figures for” column names that area, and says when it is wider than the partnership’s; its rates use that area’s population.',
    ],
    ['Offences: change', 'Assessment period count minus comparison period count, and that change as a percentage of the comparison count (none when the comparison count is 0).'],
    ['Offences: significance', `${changeTestMethod} The workbook carries the verdict and the p-value as inputs; it does not recompute them.`],
    ['Offences: rates', 'Offences per 1,000 residents (per 1,000 households for residential burglary), for periods the data covers in full.'],
    ['Offences: harm', 'The ONS Crime Severity Score: mean weight per offence (days of imprisonment equivalent) and total harm (offences × mean weight).'],
    ...definition.factors.map((factor): [string, string] => [
      `Factor: ${typeset(factor.label)}`,
      `${typeset(factor.description)} ${weightText(definition, factor)}; ${thresholdText(factor)}.`,
    ]),
    [
      'Method',
      definition.template === 'partnership'
        ? 'Each factor is scored 1–5; the total is the sum of score × weight over the scored factors. Organisational position and confidence are graded beside the score and do not change it.'
        : 'Each factor is scored on the matrix’s scale; impact and likelihood are each the weighted mean of their factors’ scores, rounded half up; the score is impact × likelihood.',
    ],
    [
      'Ties',
      `${tieBreakRule}${tieExample(model.matrix.ranking, (key) => hiddenFigures(context, key).current)} The Matrix’s “Tie-break order” column holds that order as a number (1 first): it depends only on the data, not on weights or thresholds.` +
        (publication
          ? ` For publication, wherever a type whose count is suppressed would be ordered by that count (in the tie-break order, and so in the ranks of equal totals on the Matrix, Ranking, Sensitivity and Priorities sheets), it takes part as if it had ${plural(assumed, 'offence')} in the assessment period (total harm ${assumed.toLocaleString('en-GB')} × its mean severity weight), because its own total harm would reveal its count. Where such a type ties with another, this workbook can rank the two the other way round from the workbench, which knows the count.`
          : ''),
    ],
    ['Formulas: bands', 'A factor’s band is 1 plus the number of thresholds its input passes. For “the higher band” factors a value exactly on a threshold passes it (>=); for “the lower band” factors it does not (>), as the workbench scores them.'],
    [
      'Formulas: volume percentile',
      'The percentile rank is the workbench’s mid-rank: 100 × (2 × types below + types equal) ÷ (2 × types with a rate), counted with SUMPRODUCT, which compares the rates as numbers. COUNTIF is not used: it compares through text of 15 significant digits, so two rates that differ further along would count as equal. Excel’s PERCENTRANK interpolates and ranks ties differently, so it is not used either.',
    ],
    [
      'Formulas: trend',
      'A type with no offences in the comparison period but some now scores the top of the scale. A change that is not significant on fewer cases in the comparison period than the cap’s limit scores no higher than the cap.',
    ],
    ['Formulas: impact and likelihood', 'INT(ROUND(mean, 9) + 0.5): the weighted mean rounded half up after clearing floating-point noise at nine decimal places, as the workbench does.'],
    [
      'Formulas: rank',
      `Rank = 1 + the number of higher totals + the number of equal totals earlier in the tie-break order, counted with SUMPRODUCT over the ${plural(layout.matrixRows, 'scored type')}.`,
    ],
    [
      'Data entry',
      'The weight and threshold cells accept only what the workbench accepts: a weight is a number from 0 to 1,000 (0 for a factor graded beside the score), thresholds rise from left to right, and percentile thresholds lie between 0 and 100. Judgements are whole numbers from 1 to 5.',
    ],
    ['Sensitivity', `${model.sensitivity.draws.toLocaleString('en-GB')} draws, each weight moved at random by up to ±${Math.round(model.sensitivity.spread * 100)}% (seed ${model.sensitivity.seed}).`],
    ...judgementNotes(model),
    ...model.datasets.map((dataset): [string, string] => [
      `Source: dataset ${dataset.id}`,
      `${dataset.partner}: ${dataset.fileName} (${importFormatLabels[dataset.format]}), SHA-256 ${dataset.sha256}, imported ${dateTime.format(new Date(dataset.importedAt))}.`,
    ]),
    ['Licence', openGovernmentLicenceAttribution],
  ];
  simpleSheet(
    context,
    'Notes',
    'Notes',
    [
      publication
        ? `Definitions, sources and method. For publication: counts from 1 to ${assumed} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them.`
        : 'Definitions, sources and method.',
    ],
    'Notes',
    [
      { header: 'Topic', width: 30, wrap: true },
      { header: 'Note', width: 108, wrap: true },
    ],
    notes,
  );
}

function writePartnership(context: Context): void {
  const { model } = context;
  simpleSheet(
    context,
    'Partnership',
    `Partnership: ${model.partnership.name}`,
    [`Area: ${model.partnership.area ?? notAvailable}. Statutory members are the responsible authorities under the Crime and Disorder Act 1998.`],
    'Partnership_members',
    [
      { header: 'Order', width: 7, numFmt: formats.count },
      { header: 'Member', width: 48, wrap: true },
      { header: 'Statutory member', width: 11 },
      { header: 'Contact', width: 44, wrap: true },
    ],
    model.members.map((member, index) => [index + 1, member.name, yesNo(member.statutory), member.contact ?? notAvailable]),
  );
}

function writeDatasets(context: Context): void {
  const { model } = context;
  simpleSheet(
    context,
    'Datasets',
    'Datasets',
    ['Every imported file with its provenance. The SHA-256 fingerprint identifies the exact file.'],
    'Datasets',
    [
      { header: 'Dataset', width: 8, numFmt: formats.count },
      { header: 'Partner', width: 20, wrap: true },
      { header: 'File', width: 30, wrap: true },
      { header: 'Layout', width: 20, wrap: true },
      { header: 'Sheet', width: 10, wrap: true },
      { header: 'SHA-256', width: 64 },
      { header: 'Size (bytes)', width: 11, numFmt: formats.count },
      { header: 'Imported (UTC)', width: 16, numFmt: formats.date },
      { header: 'First month', width: 8 },
      { header: 'Last month', width: 8 },
      { header: 'Sharing agreement', width: 20, wrap: true },
      { header: 'Figures for', width: 22, wrap: true },
      { header: 'Used in the assessment', width: 30, wrap: true },
    ],
    model.datasets.map((dataset) => [
      dataset.id,
      dataset.partner,
      dataset.fileName,
      importFormatLabels[dataset.format],
      dataset.sheet,
      dataset.sha256,
      dataset.bytes,
      new Date(dataset.importedAt),
      dataset.firstMonth,
      dataset.lastMonth,
      dataset.sharingAgreement,
      dataset.where.phrase,
      dataset.use.text,
    ]),
  );
}

function writeQuality(context: Context): void {
  const { model } = context;
  // A file's rows add up to the offence counts it gave, so beside a suppressed count they are a total with one part hidden.
  const totalsHidden = anyCountSuppressed(context);
  const total = (value: number): CellContent => (totalsHidden ? suppressedMarker : value);
  simpleSheet(
    context,
    'Data quality',
    'Data quality',
    [
      'Every row read is accounted for: imported, rejected (with the most common reasons), a duplicate crime ID, or outside the area.' +
        (totalsHidden ? ` ${suppressedMarker}: suppressed for publication, as the rows add up to suppressed counts (see Notes).` : ''),
    ],
    'Data_quality',
    [
      { header: 'Dataset', width: 8, numFmt: formats.count },
      { header: 'File', width: 24, wrap: true },
      { header: 'Rows read', width: 9, numFmt: formats.count },
      { header: 'Imported', width: 9, numFmt: formats.count },
      { header: 'Rejected', width: 9, numFmt: formats.count },
      { header: 'Duplicate crime IDs', width: 9, numFmt: formats.count },
      { header: 'Outside the area', width: 9, numFmt: formats.count },
      { header: 'Blank area codes', width: 9, numFmt: formats.count },
      { header: 'Missing months', width: 16, wrap: true },
      { header: 'Unmapped labels', width: 20, wrap: true },
      { header: 'Main rejection reasons', width: 34, wrap: true },
    ],
    model.quality.map(({ dataset, ...report }) => [
      dataset.id,
      dataset.fileName,
      total(dataset.rowsRead),
      total(dataset.rowsImported),
      dataset.rowsRejected,
      dataset.duplicates,
      dataset.rowsOutOfArea,
      report.blankAreaCodes,
      report.missingMonths.length > 0 ? report.missingMonths.join(', ') : 'None',
      report.unmappedLabels.length > 0 ? report.unmappedLabels.map((label) => `${label.label} (${label.rows})`).join('; ') : 'None',
      report.rejectionReasons.length > 0 ? report.rejectionReasons.slice(0, 3).map((reason) => `${reason.reason} (${reason.rows})`).join('; ') : 'None',
    ]),
  );
}

function writeOffences(context: Context): void {
  const { model } = context;
  const shown = (value: number | null, hidden: boolean): CellContent => (hidden ? suppressedMarker : value);
  simpleSheet(
    context,
    'Offences',
    'Offences',
    [
      `Assessment period ${model.periodLabels.current}, compared with ${model.periodLabels.comparison}.` +
        (context.options.publication ? ` ${suppressedMarker}: suppressed for publication (see Notes).` : ''),
    ],
    'Offences',
    [
      { header: 'Offence type', width: 28, wrap: true },
      { header: 'Figures for', width: 18, wrap: true },
      { header: 'Scored in the matrix', width: 8, centre: true },
      { header: 'Offences (assessment period)', width: 11, numFmt: formats.count },
      { header: 'Offences (comparison period)', width: 11, numFmt: formats.count },
      { header: 'Change', width: 8, numFmt: '+#,##0;−#,##0;0' },
      { header: 'Change (%)', width: 8, numFmt: formats.percentChange },
      { header: 'Significance', width: 14, wrap: true },
      { header: 'Exact test p-value', width: 8, numFmt: '0.0000' },
      { header: 'Poisson Z (reference only)', width: 9, numFmt: '+0.00;−0.00;0.00' },
      { header: 'Rate per 1,000 (assessment period)', width: 10, numFmt: formats.rate },
      { header: 'Rate per 1,000 (comparison period)', width: 10, numFmt: formats.rate },
      { header: 'Rate per 1,000 of', width: 10 },
      { header: 'Mean severity weight', width: 9, numFmt: formats.decimal },
      { header: 'Total harm', width: 12, numFmt: formats.count },
      { header: 'How harm was priced', width: 32, wrap: true },
      { header: 'Source', width: 24, wrap: true },
      { header: 'Why it is not scored', width: 26, wrap: true },
      { header: 'Caveats', width: 24, wrap: true },
    ],
    model.offences.map((row) => {
      const hidden = hiddenFigures(context, row.key);
      const changeHidden = hidden.change || hidden.current || hidden.comparison;
      const weightHidden = totalWithSuppressedPart(context, row.key);
      return [
        row.label,
        row.where.phrase,
        yesNo(row.scored),
        shown(row.currentCount, hidden.current),
        shown(row.comparisonCount, hidden.comparison),
        shown(row.change, changeHidden),
        shown(row.percentChange, changeHidden),
        changeHidden ? suppressedMarker : row.verdict,
        shown(row.pValue, changeHidden),
        shown(row.z, changeHidden),
        shown(row.currentRatePer1000, hidden.current),
        shown(row.comparisonRatePer1000, hidden.comparison),
        row.rateBase,
        shown(row.meanHarmWeight, weightHidden),
        shown(row.totalHarm, hidden.current || weightHidden),
        row.harmPricing,
        row.source,
        row.notScored ?? 'Scored',
        // The sentences are in Notes; the cell names each caveat as the PDFs' Notes column does.
        row.caveats.map((caveat) => caveat.short).join('; ') || 'None',
      ];
    }),
  );
}

function writeRanking(context: Context, layout: MatrixLayout): void {
  const { model } = context;
  const matrixRange = (column: number) => `'${matrixSheetName}'!${cellAddress(layout.firstRow, column, true)}:${cellAddress(layout.lastRow, column, true)}`;
  const pick = (column: number, rank: number) => `INDEX(${matrixRange(column)},MATCH(${rank},${matrixRange(layout.rankColumn)},0))`;
  const columns: ColumnSpec[] = [
    { header: 'Rank', width: 7, numFmt: formats.count },
    { header: 'Offence type', width: 40, wrap: true },
    { header: 'Score', width: 9, numFmt: formats.total },
    ...(layout.bandColumn !== null ? [{ header: 'Band', width: 12 }] : []),
  ];
  const rows = model.matrix.ranking.map((ranked): CellContent[] => [
    ranked.rank,
    { formula: pick(layout.labelColumn, ranked.rank), result: ranked.label },
    { formula: pick(layout.totalColumn, ranked.rank), result: Math.round(ranked.score * 1e6) / 1e6 },
    ...(layout.bandColumn !== null ? [{ formula: pick(layout.bandColumn, ranked.rank), result: ranked.band ?? notAvailable }] : []),
  ]);
  simpleSheet(
    context,
    'Ranking',
    'Ranking',
    [
      `${model.matrix.definition.name}; ${model.source.description.toLowerCase()}. The order follows the Matrix sheet: change a weight or threshold there and it moves.`,
      `Figures for: ${[...new Set(model.matrix.ranking.map((ranked) => model.offences.find((row) => row.key === ranked.key)?.where.phrase ?? 'area not stated'))].join('; ')} (see the Offences sheet).`,
      'Equal scores break on total harm (offences × mean severity weight), then mean severity weight, then offences in the assessment period, then name (see Notes, “Ties”).' +
        (context.options.publication ? ' A type whose count is suppressed takes part as if its count were the threshold less one.' : ''),
    ],
    'Ranking',
    columns,
    rows,
  );
}

function writeSensitivity(context: Context): void {
  const { sensitivity } = context.model;
  const topColumns = sensitivity.topN.map((n): ColumnSpec => ({ header: `Share of draws in the top ${n}`, width: 10, numFmt: formats.share }));
  simpleSheet(
    context,
    'Sensitivity',
    'Sensitivity',
    [
      `Each of ${sensitivity.draws.toLocaleString('en-GB')} draws moves every weight at random by up to ±${Math.round(sensitivity.spread * 100)}% (seed ${sensitivity.seed}) and ranks again. A type whose rank barely moves is a robust priority.`,
    ],
    'Sensitivity',
    [
      { header: 'Rank', width: 7, numFmt: formats.count },
      { header: 'Offence type', width: 40, wrap: true },
      { header: 'Score', width: 9, numFmt: formats.total },
      { header: 'Best rank', width: 8, numFmt: formats.count },
      { header: 'Worst rank', width: 8, numFmt: formats.count },
      { header: 'Median rank', width: 8, numFmt: '0.#' },
      ...topColumns,
    ],
    sensitivity.offences.map((offence) => [
      offence.rank,
      offence.label,
      offence.score,
      offence.bestRank,
      offence.worstRank,
      offence.medianRank,
      ...offence.inTop.map((top) => top.share),
    ]),
  );
}

function writePriorities(context: Context): void {
  const { model } = context;
  simpleSheet(
    context,
    'Priorities',
    'Priorities',
    [
      model.priorities.length > 0
        ? 'The partnership’s priorities, each with the ranked offence types it addresses.'
        : 'No priorities have been set yet: write them on the Priorities screen.',
    ],
    'Priorities',
    [
      { header: 'Number', width: 8, numFmt: formats.count },
      { header: 'Priority', width: 26, wrap: true },
      { header: 'Aim', width: 28, wrap: true },
      { header: 'Offence types (rank)', width: 22, wrap: true },
      { header: 'Lead partner', width: 16, wrap: true },
      { header: 'Measures', width: 28, wrap: true },
      { header: 'Status', width: 11, wrap: true },
      { header: 'Status in words', width: 12, wrap: true },
      { header: 'Review date', width: 11, numFmt: 'dd/mm/yyyy' },
    ],
    model.priorities.map((priority) => [
      priority.number,
      priority.heading,
      priority.aim,
      priority.offences.length > 0
        ? priority.offences.map((offence) => (offence.rank !== null ? `${offence.label} (${offence.rank})` : `${offence.label} (not ranked)`)).join('; ')
        : 'None',
      priority.lead ?? notAvailable,
      priority.measures.length > 0 ? priority.measures.join('\n') : 'None',
      priority.status ? ragStatusNames[priority.status] : 'Not set',
      priority.statusLabel,
      priority.reviewDate ? new Date(`${priority.reviewDate}T00:00:00Z`) : notAvailable,
    ]),
  );
}

/** Writes the evidence workbook for the export target; the pipeline renames it into place. */
export async function writeEvidenceWorkbook(target: ExportTarget, options: WorkbookOptions): Promise<void> {
  const { model, context } = target;
  if (options.publication && options.rawData) {
    throw new WorkbenchError('invalid-input', 'The raw-data sheet lists individual records, so it cannot go into a workbook for publication. Leave out one or the other.');
  }
  const book = new StreamingWorkbook(target.path, {
    title: `${model.partnership.name}: strategic assessment evidence workbook`,
    subject: `Strategic assessment, ${model.periodLabels.current}`,
    creator: model.partnership.name,
    company: model.partnership.name,
    keywords: `community safety; strategic assessment; risk matrix; ${model.partnership.marking}`,
    description: `${model.partnership.marking}. ${model.source.description}.`,
    created: new Date(model.generatedAt),
  });
  const totals = offenceTotalSets(model.offences.map((row) => row.key));
  const published = options.publication ? publishedModel(model, options.publication.threshold) : null;
  const rows = published?.suppression ?? null;
  const view = published?.model ?? model;
  const workbookContext: Context = {
    book,
    model: view,
    options,
    marking: model.partnership.marking,
    suppression: rows,
    totals,
  };
  const steps = workbookSheets.length + (options.rawData ? 1 : 0);
  let done = 0;
  const step = async (name: string, write: () => void | Promise<void>) => {
    throwIfCancelled(context);
    context.progress({ stage: `Writing the ${name} sheet`, done, total: steps, unit: 'steps' });
    await write();
    done += 1;
    await yieldToEventLoop();
  };
  try {
    await step('Cover', () => writeCover(workbookContext));
    await step('Contents', () => writeContents(workbookContext));
    await step('Notes', () => writeNotes(workbookContext, { matrixRows: view.matrix.ranking.length }));
    await step('Partnership', () => writePartnership(workbookContext));
    await step('Datasets', () => writeDatasets(workbookContext));
    await step('Data quality', () => writeQuality(workbookContext));
    await step('Offences', () => writeOffences(workbookContext));
    let layout: MatrixLayout | null = null;
    await step('Matrix', () => {
      layout = writeMatrixSheet(book, view, (key) => hiddenFigures(workbookContext, key), options.publication);
    });
    await step('Ranking', () => writeRanking(workbookContext, layout!));
    await step('Sensitivity', () => writeSensitivity(workbookContext));
    await step('Priorities', () => writePriorities(workbookContext));
    if (options.rawData) await step(rawDataSheet.name, () => writeRawDataSheet(book, target, workbookContext.marking));
    context.progress({ stage: 'Saving the workbook', done: steps, total: steps, unit: 'steps' });
  } catch (error) {
    // Close the file's stream, so that the pipeline can remove the temporary file.
    await book.commit().catch(() => undefined);
    throw error;
  }
  await book.commit();
}
