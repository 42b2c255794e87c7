import type ExcelJS from 'exceljs';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { suppressedMarker } from '../../../../../shared/export/suppression';
import type { FactorDefinition, NumericInputField, OffenceInputs, RankedOffence } from '../../../../../shared/matrix/index';
import { columnLetter } from '../../../spreadsheet-columns';
import {
  columnWidth,
  createSheet,
  defaultRowHeight,
  firstHeaderRow,
  fonts,
  formats,
  introLines,
  wrappedLines,
  notAvailable,
  printableHeightPoints,
  printLayout,
  tableHeight,
  titleHeight,
  writeTable,
  type CellContent,
  type ColumnSpec,
} from './sheet-layout';
import { cellAddress, type StreamingWorkbook } from './streaming-workbook';

/**
 * The Matrix sheet: every factor's input, score and weight per offence type, with weights and
 * thresholds as cells and the factor scores, totals and ranks as live formulas over them,
 * written to reproduce shared/matrix exactly (bands.ts, factor-scores.ts, prepare.ts,
 * score.ts). Each formula carries the app's own result as its cached value, so viewers that
 * do not recalculate show the right figures.
 *
 * The formula choices, stated in Notes too:
 * - a band is 1 + the number of thresholds the value passes, a value on a threshold passing
 *   it for "higher band" factors (>=) and not for "lower band" ones (>);
 * - the volume quintile uses the app's mid-rank percentile, 100 × (2 × below + equal) ÷ (2 × n),
 *   counted with SUMPRODUCT comparisons of numbers: COUNTIF(range, "<"&E5) would turn E5 into
 *   text of 15 significant digits, and two rates equal to 15 digits would then count as tied
 *   where the app (and a numeric comparison) tells them apart; not PERCENTRANK either, which
 *   interpolates and ranks ties differently;
 * - the trend's significance verdict is an input computed by the app, not recomputed here;
 * - a missing input (shown as [x]) scores the factor's "score when missing";
 * - impact and likelihood are weighted means rounded half up after clearing float noise at
 *   nine decimal places, INT(ROUND(mean, 9) + 0.5);
 * - totals are rounded to six decimal places, where the app treats scores as tied, and ties
 *   break on the tie-break order (total harm, mean severity weight, volume, name), fixed by
 *   the data and so written as a number.
 *
 * For publication, nothing in the file reveals a suppressed count: a score the app read from
 * a suppressed figure is carried as an input of its own (the score, never the figure), the
 * percentile ranks count the suppressed types below each shown type as an input, and the
 * model's ranking and tie-break order are the publication view's (publication-view.ts), which
 * place a suppressed type by a stand-in count. Every score, total, band and rank stays a formula.
 */

export const matrixSheetName = 'Matrix';

/** Where the Ranking sheet finds the Matrix's results. */
export interface MatrixLayout {
  firstRow: number;
  lastRow: number;
  labelColumn: number;
  totalColumn: number;
  rankColumn: number;
  bandColumn: number | null;
}

/** Which of an offence's figures publication mode hides. */
export interface HiddenFigures {
  current: boolean;
  comparison: boolean;
  change: boolean;
}

const shortNames: Record<string, string> = {
  volume: 'Volume',
  trend: 'Trend',
  harm: 'Harm',
  vulnerability: 'Vulnerability',
  concern: 'Public concern',
  peer: 'Peer comparison',
  'organisational-position': 'Organisational position',
  confidence: 'Confidence',
};

const inputNames: Record<NumericInputField, string> = {
  ratePer1000: 'rate per 1,000',
  volume: 'offences per 1,000 residents',
  percentChange: 'change (%)',
  meanHarmWeight: 'mean severity weight',
  peerRatio: 'ratio to MSG average',
};

const inputFormats: Record<NumericInputField, string> = {
  ratePer1000: formats.rate,
  volume: formats.rate,
  percentChange: formats.percentChange,
  meanHarmWeight: formats.decimal,
  peerRatio: formats.decimal,
};

export const nameOf = (factor: FactorDefinition) => shortNames[factor.id] ?? factor.label;
const inputFieldOf = (factor: FactorDefinition): NumericInputField | null =>
  factor.kind === 'peer' ? 'peerRatio' : factor.kind === 'judgement' ? null : factor.input;

/** Whether publication hides this input: it is worked out from a suppressed count. */
export function inputHidden(field: NumericInputField, hidden: HiddenFigures): boolean {
  switch (field) {
    case 'percentChange':
      return hidden.change || hidden.current || hidden.comparison;
    case 'meanHarmWeight':
      return false;
    case 'ratePer1000':
    case 'volume':
    case 'peerRatio':
      return hidden.current;
    default: {
      const unexpected: never = field;
      return unexpected;
    }
  }
}

interface RowContext {
  row: number;
  inputs: OffenceInputs;
  ranked: RankedOffence;
  hidden: HiddenFigures;
}

interface MatrixColumn extends ColumnSpec {
  cell(context: RowContext): CellContent;
  /** Heat-map and 1–5 validation. */
  role?: 'score' | 'judgement';
}

function figure(offence: OffenceInputs, field: NumericInputField): number | null {
  const value = offence[field] ?? null;
  return value !== null && Number.isFinite(value) ? value : null;
}

/** The app's percentile rank of each type's rate: 100 × (2 × below + equal) ÷ (2 × n). */
function percentileRanks(inputs: readonly OffenceInputs[], field: NumericInputField): Map<string, number | null> {
  const present = inputs.map((offence) => figure(offence, field)).filter((value): value is number => value !== null);
  return new Map(
    inputs.map((offence) => {
      const value = figure(offence, field);
      if (value === null) return [offence.key, null];
      const below = present.filter((other) => other < value).length;
      const equal = present.filter((other) => other === value).length;
      return [offence.key, (100 * (2 * below + equal)) / (2 * present.length)];
    }),
  );
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const thresholdUnits = (factor: FactorDefinition): string => {
  const field = inputFieldOf(factor);
  if (factor.kind === 'quintile') return 'percentile ranks, from 0 to 100';
  if (field === 'percentChange') return 'per cent change';
  if (field === 'meanHarmWeight') return 'mean severity weights';
  if (field === 'peerRatio') return 'ratios to the peers’ mean rate';
  return 'judged scores, 1 to 5';
};

export function writeMatrixSheet(
  book: StreamingWorkbook,
  model: ExportModel,
  hiddenFor: (key: string) => HiddenFigures,
  publication: { threshold: number } | null,
): MatrixLayout {
  const { definition, ranking, judgements, tieOrder } = model.matrix;
  const inputsByKey = new Map(model.matrix.inputs.map((inputs) => [inputs.key, inputs]));
  const judgementOf = new Map(judgements.map((judgement) => [`${judgement.factor}\u0000${judgement.offenceKey}`, judgement]));
  const scored = definition.factors.filter((factor) => factor.role !== 'beside');
  const beside = definition.factors.filter((factor) => factor.role === 'beside');
  const sided = definition.template !== 'partnership';
  const intro = [
    `${definition.name}. The weights and thresholds are cells in the “Weights and thresholds” table below the scores: change one and every score, total, band and rank recalculates.`,
    'Every score is a live formula that follows the workbench’s rules (see Notes). [x]: no figure; the factor then scores its “score when missing”. Each judgement’s rationale is in Notes.',
    'Rank: the highest total first. Equal totals (to six decimal places) break on total harm (offences × mean severity weight), then mean severity weight, then offences in the assessment period, then name.',
    ...(publication
      ? [
          `For publication: counts from 1 to ${publication.threshold - 1} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them. Where a score was read from a suppressed figure, the “score from the workbench” column beside it holds that score (never the figure), so totals, bands and ranks still follow every weight edit; those types’ volume, trend and peer scores do not follow a threshold edit. In the tie-break such a type counts as if it had ${publication.threshold - 1} offences (see Notes).`,
        ]
      : []),
  ];
  // Parameter cells of the factors table (absolute references).
  const weightColumn = 5;
  const thresholdColumn = (index: number) => 6 + index;
  const missingColumn = 12;
  const capFewerColumn = 13;
  const capAtColumn = 14;
  const parameter = (factor: FactorDefinition, column: number) => cellAddress(factorRowOf.get(factor.id)!, column, true);
  const bandSum = (factor: FactorDefinition, value: string) =>
    `1${factor.thresholds.map((_, index) => `+(${value}${factor.atThreshold === 'upper-band' ? '>=' : '>'}${parameter(factor, thresholdColumn(index))})`).join('')}`;

  const columns: MatrixColumn[] = [];
  const columnIndex = new Map<string, number>();
  const add = (id: string, column: MatrixColumn) => {
    columns.push(column);
    columnIndex.set(id, columns.length);
  };
  const here = (id: string, row: number) => cellAddress(row, columnIndex.get(id)!);
  const range = (id: string) => `${cellAddress(firstRow, columnIndex.get(id)!, true)}:${cellAddress(lastRow, columnIndex.get(id)!, true)}`;
  /** How many cells of a column are numbers greater than (or less than, or equal to) a cell: numbers compared as numbers. */
  const countWhere = (id: string, operator: '>' | '<' | '=', cell: string) => `SUMPRODUCT(ISNUMBER(${range(id)})*(${range(id)}${operator}${cell}))`;

  add('label', { header: 'Offence type', width: 23, wrap: true, cell: ({ inputs }) => inputs.label });
  add('current', {
    header: 'Offences (assessment period)',
    width: 11,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.current ? suppressedMarker : inputs.currentCount),
  });
  add('previous', {
    header: 'Offences (comparison period)',
    width: 11,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.comparison ? suppressedMarker : inputs.previousCount),
  });
  add('significant', {
    header: 'Significant change (exact test)',
    width: 10,
    centre: true,
    cell: ({ inputs, hidden }) => (hidden.change ? suppressedMarker : inputs.significant ? 'Yes' : 'No'),
  });

  for (const factor of scored) {
    const name = nameOf(factor);
    const field = inputFieldOf(factor);
    const scoreId = `score:${factor.id}`;
    // Cells are addressed when the rows are written, once the intro above them has its length.
    const missing = () => parameter(factor, missingColumn);
    if (field) {
      const inputId = `input:${factor.id}`;
      const hides = (hidden: HiddenFigures) => publication !== null && inputHidden(field, hidden);
      add(inputId, {
        header: `${name}: ${inputNames[field]}`,
        width: 9,
        numFmt: inputFormats[field],
        cell: ({ inputs, hidden }) => {
          const value = figure(inputs, field);
          return hides(hidden) && value !== null ? suppressedMarker : (value ?? notAvailable);
        },
      });
      let value = (row: number) => here(inputId, row);
      if (factor.kind === 'quintile') {
        const percentiles = percentileRanks(model.matrix.inputs, field);
        const percentileId = `percentile:${factor.id}`;
        const belowId = `below:${factor.id}`;
        if (publication) {
          // The suppressed types' rates cannot be in the file, but each shown type's percentile
          // counts them: how many lie below it is the input, a tie counting half as in the mid-rank.
          const hiddenFigures = model.matrix.inputs
            .filter((offence) => hides(hiddenFor(offence.key)))
            .map((offence) => figure(offence, field))
            .filter((figureOf): figureOf is number => figureOf !== null);
          add(belowId, {
            header: `${name}: suppressed types below (a tie counts half)`,
            width: 10,
            numFmt: '0.#',
            cell: ({ inputs, hidden }) => {
              const own = figure(inputs, field);
              if (own === null) return notAvailable;
              if (hides(hidden)) return suppressedMarker;
              return hiddenFigures.reduce((total, other) => total + (other < own ? 1 : other === own ? 0.5 : 0), 0);
            },
          });
        }
        add(percentileId, {
          header: `${name}: percentile rank`,
          width: 9,
          numFmt: '0.0',
          cell: ({ row, inputs, hidden }) => {
            const result = percentiles.get(inputs.key) ?? null;
            if (hides(hidden) && result !== null) return suppressedMarker;
            const input = here(inputId, row);
            const shown = `COUNT(${range(inputId)})`;
            const formula = publication
              ? `IF(ISNUMBER(${input}),100*(2*(${countWhere(inputId, '<', input)}+${here(belowId, row)})+${countWhere(inputId, '=', input)})/(2*(${shown}+SUMPRODUCT(--(${range(inputId)}="${suppressedMarker}")))),"${notAvailable}")`
              : `IF(ISNUMBER(${input}),100*(2*${countWhere(inputId, '<', input)}+${countWhere(inputId, '=', input)})/(2*${shown}),"${notAvailable}")`;
            return { formula, result: result ?? notAvailable };
          },
        });
        value = (row: number) => here(percentileId, row);
      }
      const givenId = `given:${factor.id}`;
      const carriesGiven = publication !== null && field !== 'meanHarmWeight';
      if (carriesGiven) {
        add(givenId, {
          header: `${name} score from the workbench (count suppressed)`,
          width: 10,
          numFmt: formats.score,
          cell: ({ ranked, hidden }) => (hides(hidden) ? ranked.factors[factor.id]!.score : notAvailable),
        });
      }
      const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
      add(scoreId, {
        header: `${name} score`,
        width: 8,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked }) => {
          const result = ranked.factors[factor.id]!.score;
          const v = value(row);
          const capped = (band: string) =>
            cap
              ? `IF(AND(${here('significant', row)}="No",${here('previous', row)}<${parameter(factor, capFewerColumn)}),MIN(${band},${parameter(factor, capAtColumn)}),${band})`
              : band;
          const appeared =
            field === 'percentChange' ? `IF(AND(${here('previous', row)}=0,${here('current', row)}>0),${capped(String(factor.scale))},${missing()})` : missing();
          const scoreOf = `IF(ISNUMBER(${v}),${capped(bandSum(factor, v))},${appeared})`;
          const given = here(givenId, row);
          return { formula: carriesGiven ? `IF(ISNUMBER(${given}),${given},${scoreOf})` : scoreOf, result };
        },
      });
    } else {
      const judgementId = `judgement:${factor.id}`;
      add(judgementId, {
        header: `${name}: judgement (1–5)`,
        width: 9,
        numFmt: formats.score,
        role: 'judgement',
        cell: ({ inputs }) => judgementOf.get(`${factor.id}\u0000${inputs.key}`)?.score ?? notAvailable,
      });
      add(scoreId, {
        header: `${name} score`,
        width: 8,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked }) => {
          const j = here(judgementId, row);
          return { formula: `IF(ISNUMBER(${j}),${bandSum(factor, j)},${missing()})`, result: ranked.factors[factor.id]!.score };
        },
      });
    }
  }

  const weightedSum = (factors: readonly FactorDefinition[], row: number) =>
    factors.map((factor) => `${here(`score:${factor.id}`, row)}*${parameter(factor, weightColumn)}`).join('+');
  const sideScale = Math.max(1, ...scored.map((factor) => factor.scale));
  if (sided) {
    for (const side of ['impact', 'likelihood'] as const) {
      const factors = scored.filter((factor) => factor.role === side);
      add(side, {
        header: side === 'impact' ? 'Impact' : 'Likelihood',
        width: 8,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked }) => {
          const weights = factors.map((factor) => parameter(factor, weightColumn)).join('+');
          const mean = `(${weightedSum(factors, row)})/(${weights})`;
          return { formula: `MIN(${sideScale},MAX(1,INT(ROUND(${mean},9)+0.5)))`, result: ranked.sides![side].score };
        },
      });
    }
  }
  add('total', {
    header: 'Total score',
    width: 8,
    numFmt: formats.total,
    cell: ({ row, ranked }) => ({
      formula: sided ? `ROUND(${here('impact', row)}*${here('likelihood', row)},6)` : `ROUND(${weightedSum(scored, row)},6)`,
      result: round6(ranked.score),
    }),
  });
  const bands = definition.scoreBands;
  if (bands.length > 0) {
    add('band', {
      header: 'Band',
      width: 9,
      cell: ({ row, ranked }) => {
        const total = here('total', row);
        let formula = cellAddress(bandHeaderRow + 1, 1, true);
        bands.forEach((_, index) => {
          if (index === 0) return;
          const at = bandHeaderRow + 1 + index;
          formula = `IF(${total}+1E-9>=${cellAddress(at, 2, true)},${cellAddress(at, 1, true)},${formula})`;
        });
        return { formula, result: ranked.band ?? notAvailable };
      },
    });
  }
  add('tie', {
    header: 'Tie-break order (see Notes)',
    width: 9,
    numFmt: formats.count,
    cell: ({ inputs }) => (tieOrder[inputs.key] ?? 0) + 1,
  });
  add('rank', {
    header: 'Rank',
    width: 7,
    numFmt: formats.count,
    cell: ({ row, ranked }) => ({
      formula: `1+${countWhere('total', '>', here('total', row))}+SUMPRODUCT(ISNUMBER(${range('total')})*(${range('total')}=${here('total', row)})*(${range('tie')}<${here('tie', row)}))`,
      result: ranked.rank,
    }),
  });
  // Factors graded beside the score have a table of their own below the scores: they are not
  // in the total, and four more columns would not fit two pages across.
  const besideColumns: MatrixColumn[] = [];
  const besideIndex = new Map<string, number>();
  const addBeside = (id: string, column: MatrixColumn) => {
    besideColumns.push(column);
    besideIndex.set(id, besideColumns.length);
  };
  if (beside.length > 0) addBeside('label', { header: 'Offence type', width: 23, wrap: true, cell: ({ inputs }) => inputs.label });
  for (const factor of beside) {
    const name = nameOf(factor);
    const judgementId = `judgement:${factor.id}`;
    addBeside(judgementId, {
      header: `${name}: judgement (1–5)`,
      width: 9,
      numFmt: formats.score,
      role: 'judgement',
      cell: ({ inputs }) => judgementOf.get(`${factor.id}\u0000${inputs.key}`)?.score ?? notAvailable,
    });
    addBeside(`grade:${factor.id}`, {
      header: `${name}: grade`,
      width: 9,
      numFmt: formats.score,
      role: 'score',
      cell: ({ row, ranked }) => {
        const j = cellAddress(row, besideIndex.get(judgementId)!);
        return { formula: `IF(ISNUMBER(${j}),${bandSum(factor, j)},"${notAvailable}")`, result: ranked.beside?.[factor.id]?.score ?? notAvailable };
      },
    });
  }

  const factorColumns: ColumnSpec[] = [
    { header: 'Factor', width: 23, wrap: true },
    { header: 'Factor id', width: 11, wrap: true },
    { header: 'How it is scored', width: 11, wrap: true },
    { header: 'Role', width: 11, wrap: true },
    { header: 'Weight', width: 8, numFmt: formats.weight },
    { header: 'Threshold 1', width: 9, numFmt: formats.threshold },
    { header: 'Threshold 2', width: 9, numFmt: formats.threshold },
    { header: 'Threshold 3', width: 9, numFmt: formats.threshold },
    { header: 'Threshold 4', width: 9, numFmt: formats.threshold },
    { header: 'Thresholds are in', width: 11, wrap: true },
    { header: 'A value on a threshold goes to', width: 11, wrap: true },
    { header: 'Score when missing', width: 8, numFmt: formats.score },
    { header: 'Small-number cap: fewer than (comparison cases)', width: 11, numFmt: formats.count },
    { header: 'Small-number cap: score at most', width: 8, numFmt: formats.score },
    { header: 'Scale (highest score)', width: 8, numFmt: formats.score },
  ];
  const bandColumns: ColumnSpec[] = [
    { header: 'Band', width: 23 },
    { header: 'Minimum score', width: 11, numFmt: formats.total },
  ];
  // The tables below share the sheet's columns, so each column is as wide as the widest need.
  // (The judgements' rationales are on the Notes sheet: a column of prose here would widen a
  // narrow column of figures past what two pages across can hold.)
  const tables = [columns, besideColumns, factorColumns, bandColumns];
  const widths = columns.map((_, index) => Math.max(...tables.map((table) => (table[index] ? columnWidth(table[index]) : 0))));
  const fitted = <T extends ColumnSpec>(table: readonly T[]) => table.map((column, index) => ({ ...column, width: widths[index] ?? columnWidth(column) }));
  const lines = introLines(intro, fitted(columns));
  const headerRow = firstHeaderRow(lines);
  const firstRow = headerRow + 1;
  const lastRow = headerRow + Math.max(1, ranking.length);
  const besideCaptionRow = lastRow + 2;
  const besideHeaderRow = besideCaptionRow + 1;
  const besideFirstRow = besideHeaderRow + 1;
  const besideLastRow = besideHeaderRow + Math.max(1, ranking.length);
  const factorCaptionRow = beside.length > 0 ? besideLastRow + 2 : lastRow + 2;
  const factorHeaderRow = factorCaptionRow + 1;
  const factorRowOf = new Map(definition.factors.map((factor, index) => [factor.id, factorHeaderRow + 1 + index]));
  const bandCaptionRow = factorHeaderRow + definition.factors.length + 2;
  const bandHeaderRow = bandCaptionRow + 1;

  const rows: CellContent[][] = ranking.map((ranked, index) => {
    const context: RowContext = { row: firstRow + index, inputs: inputsByKey.get(ranked.key)!, ranked, hidden: hiddenFor(ranked.key) };
    return columns.map((column) => column.cell(context));
  });
  // Whether the scores fit their first page: then the tables below start a page of their own,
  // without the scores' header printed over them.
  const scale = printLayout(fitted(columns).map((column) => column.width)).points / fonts.body.size;
  const firstPage = (titleHeight + lines.length * defaultRowHeight + tableHeight(fitted(columns), rows)) * scale;
  const scoresFitOnePage = firstPage <= printableHeightPoints;
  const sheet = createSheet(
    book,
    { name: matrixSheetName, title: 'Matrix', intro: lines, headerRow, freezeFirstColumn: true, columns: fitted(columns), repeatHeaderRow: !scoresFitOnePage },
    model.partnership.marking,
  );
  writeTable(book, sheet, { name: 'Matrix_scores', headerRow, columns: fitted(columns), rows });

  // The streaming writer keeps validations on the sheet and writes them when it is committed.
  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  const decorate = (table: readonly MatrixColumn[], from: number, to: number) => {
    const scoreColumns = table.flatMap((column, index) => (column.role === 'score' ? [index + 1] : []));
    addHeatMap(sheet, scoreColumns.map((column) => `${columnLetter(column)}${from}:${columnLetter(column)}${to}`));
    for (const [index, column] of table.entries()) {
      if (column.role !== 'judgement') continue;
      validations.add(`${cellAddress(from, index + 1)}:${cellAddress(to, index + 1)}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [1, 5],
        showErrorMessage: true,
        errorTitle: 'Judgement',
        error: 'A judgement is a whole number from 1 to 5.',
      });
    }
  };
  decorate(columns, firstRow, lastRow);
  if (scoresFitOnePage) sheet.getRow(lastRow + 1).addPageBreak();
  if (beside.length > 0) {
    writeCaption(sheet, besideCaptionRow, 'Graded beside the score (these grades are not in the total)', widths[0]!);
    const besideRows = ranking.map((ranked, index) => {
      const context: RowContext = { row: besideFirstRow + index, inputs: inputsByKey.get(ranked.key)!, ranked, hidden: hiddenFor(ranked.key) };
      return besideColumns.map((column) => column.cell(context));
    });
    writeTable(book, sheet, { name: 'Matrix_beside', headerRow: besideHeaderRow, columns: fitted(besideColumns), rows: besideRows });
    decorate(besideColumns, besideFirstRow, besideLastRow);
  }

  // The weights begin a page of their own too, with their header, when the grades took one.
  if (scoresFitOnePage && beside.length > 0) sheet.getRow(factorCaptionRow - 1).addPageBreak();
  writeCaption(sheet, factorCaptionRow, 'Weights and thresholds (change these cells: the scores above follow)', widths[0]!);
  const kindNames = { quintile: 'percentile rank', bands: 'bands', peer: 'bands (ratio)', judgement: 'judgement' } as const;
  const factorRows = definition.factors.map((factor): CellContent[] => {
    const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
    return [
      factor.label,
      factor.id,
      kindNames[factor.kind],
      factor.role === 'beside' ? 'beside the score' : factor.role,
      factor.weight,
      ...[0, 1, 2, 3].map((index) => factor.thresholds[index] ?? notAvailable),
      thresholdUnits(factor),
      factor.atThreshold === 'upper-band' ? 'the higher band' : 'the lower band',
      factor.missingScore,
      cap ? cap.fewerThanCases : notAvailable,
      cap ? cap.capAt : notAvailable,
      factor.scale,
    ];
  });
  writeTable(book, sheet, { name: 'Matrix_weights', headerRow: factorHeaderRow, columns: fitted(factorColumns), rows: factorRows }, (cell, rowIndex, column) => {
    // The editable cells stand out (colour is a hint only: the caption says which they are).
    const factor = definition.factors[rowIndex]!;
    const editable = (column === weightColumn - 1 && factor.role !== 'beside') || (column >= 5 && column < 5 + factor.thresholds.length);
    if (editable) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
  });
  for (const factor of definition.factors) addFactorValidations(validations, factor, factorRowOf.get(factor.id)!, weightColumn, thresholdColumn);
  if (bands.length > 0) {
    writeCaption(sheet, bandCaptionRow, 'Score bands (a total at or above a band’s minimum falls in that band)', widths[0]!);
    writeTable(book, sheet, {
      name: 'Matrix_bands',
      headerRow: bandHeaderRow,
      columns: fitted(bandColumns),
      rows: bands.map((band) => [band.label, band.minimum]),
    });
    bands.forEach((_, index) => {
      const row = bandHeaderRow + 1 + index;
      const cell = cellAddress(row, 2);
      const conditions = [`ISNUMBER(${cell})`];
      if (index > 0) conditions.push(`${cell}>${cellAddress(row - 1, 2)}`);
      if (index < bands.length - 1) conditions.push(`${cell}<${cellAddress(row + 1, 2)}`);
      validations.add(cell, {
        type: 'custom',
        allowBlank: false,
        formulae: [`AND(${conditions.join(',')})`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Band minimum',
        error: 'Bands are listed lowest first: each band’s minimum score must be a number above the minimum in the row above it and below the one in the row below it.',
      });
    });
  }
  sheet.commit();
  return {
    firstRow,
    lastRow,
    labelColumn: columnIndex.get('label')!,
    totalColumn: columnIndex.get('total')!,
    rankColumn: columnIndex.get('rank')!,
    bandColumn: columnIndex.get('band') ?? null,
  };
}

type Validations = { add(address: string, validation: ExcelJS.DataValidation): void };

/**
 * The app's own rules for what an analyst may type (shared/domain/analysis.ts FactorSettingInput
 * and shared/matrix/matrix-definition.ts): a weight is a number from 0 to 1,000 (a factor graded
 * beside the score weighs 0); thresholds rise strictly, lowest first; percentile thresholds lie
 * strictly between 0 and 100. Custom formulas, so that each cell checks against its neighbours.
 */
function addFactorValidations(
  validations: Validations,
  factor: FactorDefinition,
  row: number,
  weightColumn: number,
  thresholdColumn: (index: number) => number,
): void {
  const weight = cellAddress(row, weightColumn);
  validations.add(
    weight,
    factor.role === 'beside'
      ? {
          type: 'custom',
          allowBlank: false,
          formulae: [`AND(ISNUMBER(${weight}),${weight}=0)`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Weight',
          error: `${factor.label} is graded beside the score, not in it, so its weight stays 0.`.slice(0, 255),
        }
      : {
          type: 'custom',
          allowBlank: false,
          formulae: [`AND(ISNUMBER(${weight}),${weight}>=0,${weight}<=1000)`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Weight',
          error: 'A weight is a number from 0 to 1,000. A weight of 0 leaves the factor out of the score.',
        },
  );
  const count = factor.thresholds.length;
  for (let index = 0; index < 4; index += 1) {
    const cell = cellAddress(row, thresholdColumn(index));
    if (index >= count) {
      // Not a threshold of this factor: nothing reads the cell, so nothing may be typed into it.
      validations.add(cell, {
        type: 'custom',
        allowBlank: false,
        formulae: [`ISTEXT(${cell})`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Threshold',
        error: `${factor.label} has ${factor.scale} bands, so it has ${count} thresholds: this cell is not one of them.`.slice(0, 255),
      });
      continue;
    }
    const conditions = [`ISNUMBER(${cell})`];
    if (index > 0) conditions.push(`${cell}>${cellAddress(row, thresholdColumn(index - 1))}`);
    if (index < count - 1) conditions.push(`${cell}<${cellAddress(row, thresholdColumn(index + 1))}`);
    if (factor.kind === 'quintile') conditions.push(`${cell}>0`, `${cell}<100`);
    validations.add(cell, {
      type: 'custom',
      allowBlank: false,
      formulae: [`AND(${conditions.join(',')})`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Threshold',
      error:
        'Thresholds rise from left to right: each must be a number higher than the one to its left and lower than the one to its right.' +
        (factor.kind === 'quintile' ? ' Percentile thresholds lie between 0 and 100.' : ''),
    });
  }
}

/**
 * A table's caption, in column A. Across two pages column A is printed again on the second,
 * only as wide as itself, so the caption wraps inside it rather than run on and be cut off.
 */
function writeCaption(sheet: ExcelJS.Worksheet, rowNumber: number, text: string, width: number): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  row.getCell(1).font = fonts.caption;
  row.getCell(1).alignment = { wrapText: true, vertical: 'bottom' };
  const lines = wrappedLines(text, width * (fonts.body.size / fonts.caption.size), true);
  if (lines > 1) row.height = lines * 16 + 2;
  row.commit();
}

/** A pale-to-strong fill by score; the number stays in the cell, so colour is never the only signal. */
const heatFills = ['FFE8F1FA', 'FFC9DDF0', 'FFFCE8B2', 'FFF8C9A0', 'FFF2A7A0'];

export function addHeatMap(sheet: ExcelJS.Worksheet, ranges: readonly string[]): void {
  if (ranges.length === 0) return;
  sheet.addConditionalFormatting({
    ref: ranges.join(' '),
    rules: heatFills.map((argb, index) => ({
      type: 'cellIs',
      operator: 'equal',
      formulae: [index + 1],
      priority: index + 1,
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb } } },
    })),
  });
}
