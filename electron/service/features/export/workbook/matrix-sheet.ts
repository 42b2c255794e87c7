import type ExcelJS from 'exceljs';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { suppressedMarker } from '../../../../../shared/export/suppression';
import type { FactorDefinition, NumericInputField, OffenceInputs, RankedOffence } from '../../../../../shared/matrix';
import { createSheet, firstHeaderRow, formats, notAvailable, writeTable, type CellContent, type ColumnSpec } from './sheet-layout';
import { columnLetter } from '../../../spreadsheet-columns';
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
 * - the volume quintile uses the app's mid-rank percentile, 100 × (2 × below + equal) ÷ (2 × n)
 *   with COUNTIF, not PERCENTRANK (which interpolates and ranks ties differently);
 * - the trend's significance verdict is an input computed by the app, not recomputed here;
 * - a missing input (shown as [x]) scores the factor's "score when missing";
 * - impact and likelihood are weighted means rounded half up after clearing float noise at
 *   nine decimal places, INT(ROUND(mean, 9) + 0.5);
 * - totals are rounded to six decimal places, where the app treats scores as tied, and ties
 *   break on the tie-break order (harm, then volume, then name), fixed by the data and so
 *   written as a number.
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

const nameOf = (factor: FactorDefinition) => shortNames[factor.id] ?? factor.label;
const inputFieldOf = (factor: FactorDefinition): NumericInputField | null =>
  factor.kind === 'peer' ? 'peerRatio' : factor.kind === 'judgement' ? null : factor.input;

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

/** The app's percentile rank of each type's rate: 100 × (2 × below + equal) ÷ (2 × n). */
function percentileRanks(inputs: readonly OffenceInputs[], field: NumericInputField): Map<string, number | null> {
  const present = inputs.map((offence) => offence[field] ?? null).filter((value): value is number => value !== null && Number.isFinite(value));
  return new Map(
    inputs.map((offence) => {
      const value = offence[field] ?? null;
      if (value === null || !Number.isFinite(value)) return [offence.key, null];
      const below = present.filter((other) => other < value).length;
      const equal = present.filter((other) => other === value).length;
      return [offence.key, (100 * (2 * below + equal)) / (2 * present.length)];
    }),
  );
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function writeMatrixSheet(
  book: StreamingWorkbook,
  model: ExportModel,
  hiddenFor: (key: string) => HiddenFigures,
  publication: boolean,
): MatrixLayout {
  const { definition, ranking, judgements, tieOrder } = model.matrix;
  const inputsByKey = new Map(model.matrix.inputs.map((inputs) => [inputs.key, inputs]));
  const judgementOf = new Map(judgements.map((judgement) => [`${judgement.factor}\u0000${judgement.offenceKey}`, judgement]));
  const scored = definition.factors.filter((factor) => factor.role !== 'beside');
  const beside = definition.factors.filter((factor) => factor.role === 'beside');
  const sided = definition.template !== 'partnership';
  const intro = [
    `${definition.name}. Weights and thresholds are in the "Weights and thresholds" table below the scores: change one and every score, total and rank recalculates.`,
    'Scores are live formulas that follow the workbench’s rules exactly (see Notes). [x]: no figure; the factor then scores its "score when missing".' +
      (publication ? ` ${suppressedMarker}: suppressed for publication; a score that depends on a suppressed figure is fixed at the workbench’s value.` : ''),
  ];
  const headerRow = firstHeaderRow(intro);
  const firstRow = headerRow + 1;
  const lastRow = headerRow + Math.max(1, ranking.length);
  const factorCaptionRow = lastRow + 2;
  const factorHeaderRow = factorCaptionRow + 1;
  const factorRowOf = new Map(definition.factors.map((factor, index) => [factor.id, factorHeaderRow + 1 + index]));
  const bandCaptionRow = factorHeaderRow + definition.factors.length + 2;
  const bandHeaderRow = bandCaptionRow + 1;
  const judgementCaptionRow = definition.scoreBands.length > 0 ? bandHeaderRow + definition.scoreBands.length + 2 : bandCaptionRow;
  const judgementHeaderRow = judgementCaptionRow + 1;

  // Parameter cells of the factors table (absolute references).
  const weightColumn = 5;
  const thresholdColumn = (index: number) => 6 + index;
  const missingColumn = 11;
  const capFewerColumn = 12;
  const capAtColumn = 13;
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

  add('label', { header: 'Offence type', width: 34, cell: ({ inputs }) => inputs.label });
  add('current', {
    header: 'Offences (assessment period)',
    width: 14,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.current ? suppressedMarker : inputs.currentCount),
  });
  add('previous', {
    header: 'Offences (comparison period)',
    width: 14,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.comparison ? suppressedMarker : inputs.previousCount),
  });
  add('significant', {
    header: 'Significant change (workbench test)',
    width: 14,
    cell: ({ inputs, hidden }) => (hidden.change ? suppressedMarker : inputs.significant ? 'Yes' : 'No'),
  });

  const inputHidden = (field: NumericInputField, hidden: HiddenFigures) =>
    field === 'percentChange' ? hidden.change || hidden.current || hidden.comparison : field === 'meanHarmWeight' ? false : hidden.current;

  for (const factor of scored) {
    const name = nameOf(factor);
    const field = inputFieldOf(factor);
    const scoreId = `score:${factor.id}`;
    const missing = parameter(factor, missingColumn);
    if (field) {
      const inputId = `input:${factor.id}`;
      add(inputId, {
        header: `${name}: ${inputNames[field]}`,
        width: 14,
        numFmt: inputFormats[field],
        cell: ({ inputs, hidden }) => (inputHidden(field, hidden) ? suppressedMarker : (inputs[field] ?? notAvailable)),
      });
      let value = (row: number) => here(inputId, row);
      if (factor.kind === 'quintile') {
        const percentiles = percentileRanks(model.matrix.inputs, field);
        const percentileId = `percentile:${factor.id}`;
        add(percentileId, {
          header: `${name}: percentile rank`,
          width: 12,
          numFmt: '0.0',
          cell: ({ row, inputs }) => {
            const result = percentiles.get(inputs.key) ?? null;
            if (publication) return result ?? notAvailable;
            const input = here(inputId, row);
            const formula = `IF(ISNUMBER(${input}),100*(2*COUNTIF(${range(inputId)},"<"&${input})+COUNTIF(${range(inputId)},${input}))/(2*COUNT(${range(inputId)})),"${notAvailable}")`;
            return { formula, result: result ?? notAvailable };
          },
        });
        value = (row: number) => here(percentileId, row);
      }
      const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
      add(scoreId, {
        header: `${name} score`,
        width: 10,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked, hidden }) => {
          const result = ranked.factors[factor.id]!.score;
          const v = value(row);
          // A score read from a suppressed figure cannot be a formula over it: it keeps the workbench's value.
          if (factor.kind !== 'quintile' && inputHidden(field, hidden)) return result;
          const capped = (band: string) =>
            cap
              ? `IF(AND(${here('significant', row)}="No",${here('previous', row)}<${parameter(factor, capFewerColumn)}),MIN(${band},${parameter(factor, capAtColumn)}),${band})`
              : band;
          const appeared =
            field === 'percentChange' ? `IF(AND(${here('previous', row)}=0,${here('current', row)}>0),${capped(String(factor.scale))},${missing})` : missing;
          return { formula: `IF(ISNUMBER(${v}),${capped(bandSum(factor, v))},${appeared})`, result };
        },
      });
    } else {
      const judgementId = `judgement:${factor.id}`;
      add(judgementId, {
        header: `${name}: judgement (1–5)`,
        width: 13,
        numFmt: formats.score,
        role: 'judgement',
        cell: ({ inputs }) => judgementOf.get(`${factor.id}\u0000${inputs.key}`)?.score ?? notAvailable,
      });
      add(scoreId, {
        header: `${name} score`,
        width: 10,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked }) => {
          const j = here(judgementId, row);
          return { formula: `IF(ISNUMBER(${j}),${bandSum(factor, j)},${missing})`, result: ranked.factors[factor.id]!.score };
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
        width: 10,
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
    width: 10,
    numFmt: '0.##',
    cell: ({ row, ranked }) => ({
      formula: sided ? `ROUND(${here('impact', row)}*${here('likelihood', row)},6)` : `ROUND(${weightedSum(scored, row)},6)`,
      result: round6(ranked.score),
    }),
  });
  const bands = definition.scoreBands;
  if (bands.length > 0) {
    add('band', {
      header: 'Band',
      width: 10,
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
    header: 'Tie-break order (harm, then volume, then name)',
    width: 14,
    numFmt: formats.count,
    cell: ({ inputs }) => (tieOrder[inputs.key] ?? 0) + 1,
  });
  add('rank', {
    header: 'Rank',
    width: 8,
    numFmt: formats.count,
    cell: ({ row, ranked }) => ({
      formula: `1+COUNTIF(${range('total')},">"&${here('total', row)})+COUNTIFS(${range('total')},${here('total', row)},${range('tie')},"<"&${here('tie', row)})`,
      result: ranked.rank,
    }),
  });
  for (const factor of beside) {
    const name = nameOf(factor);
    const judgementId = `judgement:${factor.id}`;
    add(judgementId, {
      header: `${name}: judgement (1–5)`,
      width: 13,
      numFmt: formats.score,
      role: 'judgement',
      cell: ({ inputs }) => judgementOf.get(`${factor.id}\u0000${inputs.key}`)?.score ?? notAvailable,
    });
    add(`grade:${factor.id}`, {
      header: `${name}: grade (beside the score)`,
      width: 13,
      numFmt: formats.score,
      role: 'score',
      cell: ({ row, ranked }) => {
        const j = here(judgementId, row);
        return { formula: `IF(ISNUMBER(${j}),${bandSum(factor, j)},"${notAvailable}")`, result: ranked.beside?.[factor.id]?.score ?? notAvailable };
      },
    });
  }

  // The tables below share the sheet's columns: the judgements' rationale needs column D wide.
  const judgementColumns: ColumnSpec[] = [
    { header: 'Offence type', width: 34 },
    { header: 'Judged factor', width: 14 },
    { header: 'Judgement (1–5)', width: 12, numFmt: formats.score },
    { header: 'Rationale', width: 60, wrap: true },
  ];
  const sheetColumns = columns.map((column, index) => ({ ...column, width: Math.max(column.width, judgementColumns[index]?.width ?? 0) }));
  const sheet = createSheet(
    book,
    { name: matrixSheetName, title: `Matrix: ${definition.name}`, intro, headerRow, freezeFirstColumn: true, columns: sheetColumns },
    model.partnership.marking,
  );
  const rows: CellContent[][] = ranking.map((ranked, index) => {
    const context: RowContext = { row: firstRow + index, inputs: inputsByKey.get(ranked.key)!, ranked, hidden: hiddenFor(ranked.key) };
    return columns.map((column) => column.cell(context));
  });
  writeTable(book, sheet, { name: 'Matrix_scores', headerRow, columns: sheetColumns, rows });

  const scoreColumns = columns.flatMap((column, index) => (column.role === 'score' ? [index + 1] : []));
  const judgementInputColumns = columns.flatMap((column, index) => (column.role === 'judgement' ? [index + 1] : []));
  addHeatMap(sheet, scoreColumns.map((column) => `${columnLetter(column)}${firstRow}:${columnLetter(column)}${lastRow}`));
  // The streaming writer keeps validations on the sheet and writes them when it is committed.
  const validations = (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
  for (const column of judgementInputColumns) {
    validations.add(`${cellAddress(firstRow, column)}:${cellAddress(lastRow, column)}`, {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1, 5],
      showErrorMessage: true,
      errorTitle: 'Judgement',
      error: 'A judgement is a whole number from 1 to 5.',
    });
  }

  writeCaption(sheet, factorCaptionRow, 'Weights and thresholds (change these cells: the scores above follow)');
  const factorColumns: ColumnSpec[] = [
    { header: 'Factor', width: 34 },
    { header: 'Factor id', width: 14 },
    { header: 'How it is scored', width: 14 },
    { header: 'Role', width: 12 },
    { header: 'Weight', width: 10, numFmt: formats.weight },
    { header: 'Threshold 1', width: 11, numFmt: formats.threshold },
    { header: 'Threshold 2', width: 11, numFmt: formats.threshold },
    { header: 'Threshold 3', width: 11, numFmt: formats.threshold },
    { header: 'Threshold 4', width: 11, numFmt: formats.threshold },
    { header: 'A value on a threshold goes to', width: 14 },
    { header: 'Score when missing', width: 10, numFmt: formats.score },
    { header: 'Small-number cap: fewer than (comparison cases)', width: 14, numFmt: formats.count },
    { header: 'Small-number cap: score at most', width: 12, numFmt: formats.score },
    { header: 'Scale (highest score)', width: 10, numFmt: formats.score },
  ];
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
      factor.atThreshold === 'upper-band' ? 'the higher band' : 'the lower band',
      factor.missingScore,
      cap ? cap.fewerThanCases : notAvailable,
      cap ? cap.capAt : notAvailable,
      factor.scale,
    ];
  });
  writeTable(book, sheet, { name: 'Matrix_weights', headerRow: factorHeaderRow, columns: factorColumns, rows: factorRows }, (cell, _row, column) => {
    // The editable cells stand out (colour is a hint only: the caption says which they are).
    if (column === weightColumn - 1 || (column >= 5 && column <= 8)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
  });
  if (bands.length > 0) {
    writeCaption(sheet, bandCaptionRow, 'Score bands (a total at or above a band’s minimum falls in that band)');
    writeTable(book, sheet, {
      name: 'Matrix_bands',
      headerRow: bandHeaderRow,
      columns: [
        { header: 'Band', width: 34 },
        { header: 'Minimum score', width: 14, numFmt: '0.##' },
      ],
      rows: bands.map((band) => [band.label, band.minimum]),
    });
  }
  writeCaption(sheet, judgementCaptionRow, 'Judgements and their rationale (the judgement cells above are the inputs)');
  const judged = definition.factors.filter((factor) => factor.kind === 'judgement');
  writeTable(book, sheet, {
    name: 'Matrix_judgements',
    headerRow: judgementHeaderRow,
    columns: judgementColumns,
    rows: ranking.flatMap((ranked) =>
      judged.flatMap((factor) => {
        const judgement = judgementOf.get(`${factor.id}\u0000${ranked.key}`);
        return judgement ? [[ranked.label, nameOf(factor), judgement.score, judgement.rationale]] : [];
      }),
    ),
  });
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

function writeCaption(sheet: ExcelJS.Worksheet, rowNumber: number, text: string): void {
  const row = sheet.getRow(rowNumber);
  row.getCell(1).value = text;
  row.getCell(1).font = { bold: true, size: 12 };
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
