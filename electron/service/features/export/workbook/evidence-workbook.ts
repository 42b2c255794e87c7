import { importFormatLabels } from '../../../../../shared/domain/dataset';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { offenceTotalSets } from '../../../../../shared/export/offence-total-sets';
import { suppressCounts, suppressedMarker, suppressionRuleText, type SuppressedRow } from '../../../../../shared/export/suppression';
import { WorkbenchError } from '../../../../../shared/result';
import { changeTestMethod } from '../../../../../shared/statistics';
import { openGovernmentLicenceAttribution } from '../../../../../shared/taxonomy/attribution';
import { throwIfCancelled, yieldToEventLoop } from '../../../operation-context';
import type { ExportTarget } from '../export-job';
import { writeMatrixSheet, matrixSheetName, type HiddenFigures, type MatrixLayout } from './matrix-sheet';
import { writeRawDataSheet } from './raw-data-sheet';
import { createSheet, firstHeaderRow, formats, notAvailable, writeTable, type CellContent, type ColumnSpec } from './sheet-layout';
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
}

function hiddenFigures(context: Context, key: string): HiddenFigures {
  const row = context.suppression?.get(key);
  return { current: row?.current.suppressed ?? false, comparison: row?.comparison.suppressed ?? false, change: row?.change.suppressed ?? false };
}

function simpleSheet(context: Context, name: string, title: string, intro: string[], tableName: string, columns: ColumnSpec[], rows: CellContent[][]): void {
  const headerRow = firstHeaderRow(intro);
  const sheet = createSheet(context.book, { name, title, intro, headerRow, columns }, context.marking);
  writeTable(context.book, sheet, { name: tableName, headerRow, columns, rows });
  sheet.commit();
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
    ['Publication mode', options.publication ? `On: counts under ${options.publication.threshold} are suppressed (${suppressedMarker}); see Notes.` : 'Off: every count is shown.'],
    ['Licence', `${openGovernmentLicenceAttribution} Office for National Statistics and police.uk (Home Office) data are Crown copyright.`],
  ];
  simpleSheet(context, 'Cover', `${partnership.name}: strategic assessment evidence workbook`, [partnership.marking], 'Cover', [
    { header: 'Item', width: 22 },
    { header: 'Detail', width: 100, wrap: true },
  ], rows);
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
      { header: 'Sheet', width: 20 },
      { header: 'What it holds', width: 100, wrap: true },
    ],
    sheets.map((sheet) => [{ text: sheet.name, hyperlink: `#'${sheet.name}'!A1` }, sheet.description]),
  );
}

function writeNotes(context: Context, layout: { matrixRows: number }): void {
  const { model, options } = context;
  const { definition } = model.matrix;
  const notes: [string, string][] = [
    ['Protective marking', `${model.partnership.marking}. Handle this workbook under your organisation’s rules for that marking.`],
    ['Scoring', `${model.source.description}, with the ${definition.name}. ${model.matrix.edited.length > 0 ? `Edited from the shipped template: ${model.matrix.edited.join(', ')}.` : 'The shipped template, unedited.'}`],
    ['Periods', `Assessment period ${model.periodLabels.current}; comparison period ${model.periodLabels.comparison}.`],
    [
      'Denominators',
      `Residents: ${model.denominators.population ?? notAvailable} (${model.denominators.populationSource}). Households: ${model.denominators.households ?? notAvailable} (${model.denominators.householdsSource}).`,
    ],
    [notAvailable, 'No figure: the data does not cover the whole period, or the figure does not apply. In the Matrix a missing input scores the factor’s “score when missing”.'],
    ['Offences: counts', 'Recorded offences in the partnership’s area in each period, from one source series per offence type (see Source).'],
    ['Offences: change', 'Assessment period count minus comparison period count, and that change as a percentage of the comparison count (none when the comparison count is 0).'],
    [
      'Offences: significance',
      `${changeTestMethod} The workbook carries the verdict and the p-value as inputs; it does not recompute them.`,
    ],
    ['Offences: rates', 'Offences per 1,000 residents (per 1,000 households for residential burglary), for periods the data covers in full.'],
    ['Offences: harm', 'The ONS Crime Severity Score: mean weight per offence (days of imprisonment equivalent) and total harm (count × weight).'],
    ...definition.factors.map((factor): [string, string] => [`Factor: ${factor.label}`, `${factor.description} Weight ${factor.weight}; thresholds ${factor.thresholds.join(', ')}.`]),
    [
      'Method',
      definition.template === 'partnership'
        ? 'Each factor is scored 1–5; the total is the sum of score × weight over the scored factors. Organisational position and confidence are graded beside the score and do not change it.'
        : 'Each factor is scored on the matrix’s scale; impact and likelihood are each the weighted mean of their factors’ scores, rounded half up; the score is impact × likelihood.',
    ],
    ['Ties', 'Equal totals (to six decimal places) break on harm (total, then mean severity weight), then volume (offences in the assessment period), then name. The Matrix’s “Tie-break order” column holds that order: it depends only on the data, not on weights or thresholds.'],
    ['Formulas: bands', 'A factor’s band is 1 plus the number of thresholds its input passes. For “the higher band” factors a value exactly on a threshold passes it (>=); for “the lower band” factors it does not (>), as the workbench scores them.'],
    [
      'Formulas: volume percentile',
      'The percentile rank is the workbench’s mid-rank: 100 × (2 × types below + types equal) ÷ (2 × types with a rate), written with COUNTIF. Excel’s PERCENTRANK interpolates and ranks ties differently, so it is not used.',
    ],
    [
      'Formulas: trend',
      'A type with no offences in the comparison period but some now scores the top of the scale. A change that is not significant on fewer cases in the comparison period than the cap’s limit scores no higher than the cap.',
    ],
    ['Formulas: impact and likelihood', 'INT(ROUND(mean, 9) + 0.5): the weighted mean rounded half up after clearing floating-point noise at nine decimal places, as the workbench does.'],
    ['Formulas: rank', `Rank = 1 + the number of higher totals + the number of equal totals earlier in the tie-break order (COUNTIF and COUNTIFS over the ${layout.matrixRows} scored types).`],
    ['Sensitivity', `${model.sensitivity.draws.toLocaleString('en-GB')} draws, each weight moved at random by up to ±${Math.round(model.sensitivity.spread * 100)}% (seed ${model.sensitivity.seed}).`],
    ...model.datasets.map((dataset): [string, string] => [
      `Source: dataset ${dataset.id}`,
      `${dataset.partner}: ${dataset.fileName} (${importFormatLabels[dataset.format]}), SHA-256 ${dataset.sha256}, imported ${dateTime.format(new Date(dataset.importedAt))}.`,
    ]),
    ['Licence', openGovernmentLicenceAttribution],
  ];
  if (options.publication) {
    notes.splice(5, 0, [
      'Suppression',
      `${suppressionRuleText(options.publication.threshold)} In the Matrix, the volume percentile ranks are the workbench’s values rather than COUNTIF formulas (which would need the suppressed rates), and a score read from a suppressed figure keeps the workbench’s value; weights and thresholds still move every other score, total and rank.`,
    ]);
  }
  simpleSheet(context, 'Notes', 'Notes', ['Definitions, sources and method.'], 'Notes', [
    { header: 'Topic', width: 32, wrap: true },
    { header: 'Note', width: 110, wrap: true },
  ], notes);
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
      { header: 'Order', width: 8, numFmt: formats.count },
      { header: 'Member', width: 48 },
      { header: 'Statutory member', width: 12 },
      { header: 'Contact', width: 40 },
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
      { header: 'Dataset', width: 9, numFmt: formats.count },
      { header: 'Partner', width: 28 },
      { header: 'File', width: 40 },
      { header: 'Layout', width: 22 },
      { header: 'Sheet', width: 12 },
      { header: 'SHA-256', width: 66 },
      { header: 'Size (bytes)', width: 12, numFmt: formats.count },
      { header: 'Imported (UTC)', width: 17, numFmt: formats.date },
      { header: 'First month', width: 10 },
      { header: 'Last month', width: 10 },
      { header: 'Sharing agreement', width: 24 },
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
    ]),
  );
}

function writeQuality(context: Context): void {
  const { model } = context;
  simpleSheet(
    context,
    'Data quality',
    'Data quality',
    ['Every row read is accounted for: imported, rejected (with the most common reasons), a duplicate crime ID, or outside the area.'],
    'Data_quality',
    [
      { header: 'Dataset', width: 9, numFmt: formats.count },
      { header: 'File', width: 36 },
      { header: 'Rows read', width: 11, numFmt: formats.count },
      { header: 'Imported', width: 11, numFmt: formats.count },
      { header: 'Rejected', width: 11, numFmt: formats.count },
      { header: 'Duplicate crime IDs', width: 11, numFmt: formats.count },
      { header: 'Outside the area', width: 11, numFmt: formats.count },
      { header: 'Blank area codes', width: 11, numFmt: formats.count },
      { header: 'Missing months', width: 24, wrap: true },
      { header: 'Unmapped labels', width: 24, wrap: true },
      { header: 'Main rejection reasons', width: 44, wrap: true },
    ],
    model.quality.map(({ dataset, ...report }) => [
      dataset.id,
      dataset.fileName,
      dataset.rowsRead,
      dataset.rowsImported,
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
      { header: 'Offence type', width: 34 },
      { header: 'Scored in the matrix', width: 10 },
      { header: 'Offences (assessment period)', width: 13, numFmt: formats.count },
      { header: 'Offences (comparison period)', width: 13, numFmt: formats.count },
      { header: 'Change', width: 10, numFmt: '+#,##0;−#,##0;0' },
      { header: 'Change (%)', width: 10, numFmt: formats.percentChange },
      { header: 'Significance', width: 22 },
      { header: 'Exact test p-value', width: 10, numFmt: '0.0000' },
      { header: 'Poisson Z (reference only)', width: 10, numFmt: '+0.00;−0.00;0.00' },
      { header: 'Rate per 1,000 (assessment period)', width: 13, numFmt: formats.rate },
      { header: 'Rate per 1,000 (comparison period)', width: 13, numFmt: formats.rate },
      { header: 'Rate per 1,000 of', width: 11 },
      { header: 'Mean severity weight', width: 11, numFmt: formats.decimal },
      { header: 'Total harm', width: 15, numFmt: formats.count },
      { header: 'How harm was priced', width: 40, wrap: true },
      { header: 'Source', width: 40, wrap: true },
      { header: 'Why it is not scored', width: 40, wrap: true },
    ],
    model.offences.map((row) => {
      const hidden = hiddenFigures(context, row.key);
      const changeHidden = hidden.change || hidden.current || hidden.comparison;
      return [
        row.label,
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
        row.meanHarmWeight,
        shown(row.totalHarm, hidden.current),
        row.harmPricing,
        row.source,
        row.notScored ?? 'Scored',
      ];
    }),
  );
}

function writeRanking(context: Context, layout: MatrixLayout): void {
  const { model } = context;
  const matrixRange = (column: number) => `'${matrixSheetName}'!${cellAddress(layout.firstRow, column, true)}:${cellAddress(layout.lastRow, column, true)}`;
  const pick = (column: number, rank: number) => `INDEX(${matrixRange(column)},MATCH(${rank},${matrixRange(layout.rankColumn)},0))`;
  const columns: ColumnSpec[] = [
    { header: 'Rank', width: 8, numFmt: formats.count },
    { header: 'Offence type', width: 40 },
    { header: 'Score', width: 10, numFmt: '0.##' },
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
    [`${model.matrix.definition.name}; ${model.source.description.toLowerCase()}. The order follows the Matrix sheet: change a weight or threshold there and it moves.`],
    'Ranking',
    columns,
    rows,
  );
}

function writeSensitivity(context: Context): void {
  const { sensitivity } = context.model;
  const topColumns = sensitivity.topN.map((n): ColumnSpec => ({ header: `Share of draws in the top ${n}`, width: 12, numFmt: formats.share }));
  simpleSheet(
    context,
    'Sensitivity',
    'Sensitivity',
    [
      `Each of ${sensitivity.draws.toLocaleString('en-GB')} draws moves every weight at random by up to ±${Math.round(sensitivity.spread * 100)}% (seed ${sensitivity.seed}) and ranks again. A type whose rank barely moves is a robust priority.`,
    ],
    'Sensitivity',
    [
      { header: 'Rank', width: 8, numFmt: formats.count },
      { header: 'Offence type', width: 40 },
      { header: 'Score', width: 10, numFmt: '0.##' },
      { header: 'Best rank', width: 9, numFmt: formats.count },
      { header: 'Worst rank', width: 9, numFmt: formats.count },
      { header: 'Median rank', width: 9, numFmt: '0.#' },
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
      { header: 'Priority', width: 44, wrap: true },
      { header: 'Aim', width: 44, wrap: true },
      { header: 'Offence types (rank)', width: 36, wrap: true },
      { header: 'Lead partner', width: 24 },
      { header: 'Measures', width: 44, wrap: true },
      { header: 'Status', width: 9 },
      { header: 'Status in words', width: 24, wrap: true },
      { header: 'Review date', width: 12, numFmt: 'dd/mm/yyyy' },
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
      priority.status ? priority.status.charAt(0).toUpperCase() + priority.status.slice(1) : 'Not set',
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
  const suppression = options.publication
    ? suppressCounts(
        model.offences.map((row) => ({ key: row.key, current: row.currentCount, comparison: row.comparisonCount })),
        { threshold: options.publication.threshold, totals: offenceTotalSets(model.offences.map((row) => row.key)) },
      )
    : null;
  const workbookContext: Context = {
    book,
    model,
    options,
    marking: model.partnership.marking,
    suppression: suppression ? new Map(suppression.rows.map((row) => [row.key, row])) : null,
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
    await step('Notes', () => writeNotes(workbookContext, { matrixRows: model.matrix.ranking.length }));
    await step('Partnership', () => writePartnership(workbookContext));
    await step('Datasets', () => writeDatasets(workbookContext));
    await step('Data quality', () => writeQuality(workbookContext));
    await step('Offences', () => writeOffences(workbookContext));
    let layout: MatrixLayout | null = null;
    await step('Matrix', () => {
      layout = writeMatrixSheet(book, model, (key) => hiddenFigures(workbookContext, key), options.publication !== null);
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
