import type ExcelJS from 'exceljs';
import type { ExportModel } from '../../../../../../shared/export/export-model';
import { suppressedMarker } from '../../../../../../shared/export/suppression';
import { createSheet, firstHeaderRow, introLines, writeTable, type CellContent } from '../sheet-layout';
import type { StreamingWorkbook } from '../streaming-workbook';
import type { HiddenFigures } from './matrix-inputs';
import { decorateScores, fitted, placeMatrixTables, scoresFitOnePage, sharedWidths, writeCaption } from './matrix-layout';
import { bandTableColumns, factorTableColumns, FactorParameters, ScoreBands, type Validations } from './matrix-parameters';
import { besideTable, scoreTable, type MatrixCells, type NamedTable } from './matrix-scores';

/**
 * The Matrix sheet: every factor's input, score and weight per offence type, with weights and
 * thresholds as cells and the factor scores, totals and ranks as live formulas over them
 * (matrix-scores.ts over matrix-parameters.ts, placed by matrix-layout.ts).
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

function matrixIntro(model: ExportModel, publication: { threshold: number } | null): string[] {
  return [
    `${model.matrix.definition.name}. The weights and thresholds are cells in the “Weights and thresholds” table below the scores: change one and every score, total, band and rank recalculates.`,
    'Every score is a live formula that follows the workbench’s rules (see Notes). [x]: no figure; the factor then scores its “score when missing”. Each judgement’s rationale is in Notes.',
    'Rank: the highest total first. Equal totals (to six decimal places) break on total harm (offences × mean severity weight), then mean severity weight, then offences in the assessment period, then name.',
    ...(publication
      ? [
          `For publication: counts from 1 to ${publication.threshold - 1} are suppressed and shown as ${suppressedMarker}, with every figure that would reveal them. Where a score was read from a suppressed figure, the “score from the workbench” column beside it holds that score (never the figure), so totals, bands and ranks still follow every weight edit; those types’ volume, trend and peer scores do not follow a threshold edit. In the tie-break such a type counts as if it had ${publication.threshold - 1} offences (see Notes).`,
        ]
      : []),
  ];
}

export function writeMatrixSheet(
  book: StreamingWorkbook,
  model: ExportModel,
  hiddenFor: (key: string) => HiddenFigures,
  publication: { threshold: number } | null,
): MatrixLayout {
  const { definition, ranking } = model.matrix;
  const inputsByKey = new Map(model.matrix.inputs.map((inputs) => [inputs.key, inputs]));
  const scores = scoreTable(model, hiddenFor, publication);
  const beside = besideTable(model);
  const widths = sharedWidths(scores.columns, [beside.columns, factorTableColumns, bandTableColumns]);
  const lines = introLines(matrixIntro(model, publication), fitted(scores.columns, widths));
  const place = placeMatrixTables({
    headerRow: firstHeaderRow(lines),
    offences: ranking.length,
    besideFactors: beside.columns.length,
    factors: definition.factors.length,
    bands: definition.scoreBands.length,
  });
  const parameters = new FactorParameters(definition, place.factors.headerRow);
  const bands = place.bands ? new ScoreBands(definition.scoreBands, place.bands.headerRow) : null;
  const rowsOf = (table: NamedTable, firstRow: number, lastRow: number): CellContent[][] =>
    ranking.map((ranked, index) => {
      const at: MatrixCells = { row: firstRow + index, firstRow, lastRow, parameters, bands };
      return table.columns.map((column) => column.cell({ ...at, inputs: inputsByKey.get(ranked.key)!, ranked, hidden: hiddenFor(ranked.key) }));
    });

  const scoreRows = rowsOf(scores, place.scores.firstRow, place.scores.lastRow);
  const fitsOnePage = scoresFitOnePage(fitted(scores.columns, widths), lines.length, scoreRows);
  const sheet = createSheet(
    book,
    { name: matrixSheetName, title: 'Matrix', intro: lines, headerRow: place.scores.headerRow, freezeFirstColumn: true, columns: fitted(scores.columns, widths), repeatHeaderRow: !fitsOnePage },
    model.partnership.marking,
  );
  writeTable(book, sheet, { name: 'Matrix_scores', headerRow: place.scores.headerRow, columns: fitted(scores.columns, widths), rows: scoreRows });
  // The streaming writer keeps validations on the sheet and writes them when it is committed.
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  decorateScores(sheet, validations, scores.columns, place.scores.firstRow, place.scores.lastRow);
  if (fitsOnePage) sheet.getRow(place.scores.lastRow + 1).addPageBreak();

  if (place.beside) {
    writeCaption(sheet, place.beside.captionRow, 'Graded beside the score (these grades are not in the total)', widths[0]!);
    const besideRows = rowsOf(beside, place.beside.firstRow, place.beside.lastRow);
    writeTable(book, sheet, { name: 'Matrix_beside', headerRow: place.beside.headerRow, columns: fitted(beside.columns, widths), rows: besideRows });
    decorateScores(sheet, validations, beside.columns, place.beside.firstRow, place.beside.lastRow);
  }

  // The weights begin a page of their own too, with their header, when the grades took one.
  if (fitsOnePage && place.beside) sheet.getRow(place.factors.captionRow - 1).addPageBreak();
  writeParameters(book, sheet, validations, parameters, place.factors.captionRow, widths);
  if (bands && place.bands) {
    writeCaption(sheet, place.bands.captionRow, 'Score bands (a total at or above a band’s minimum falls in that band)', widths[0]!);
    writeTable(book, sheet, { name: 'Matrix_bands', headerRow: bands.headerRow, columns: fitted(bandTableColumns, widths), rows: bands.rows() });
    bands.addValidations(validations);
  }
  sheet.commit();
  return {
    firstRow: place.scores.firstRow,
    lastRow: place.scores.lastRow,
    labelColumn: scores.number('label'),
    totalColumn: scores.number('total'),
    rankColumn: scores.number('rank'),
    bandColumn: scores.has('band') ? scores.number('band') : null,
  };
}

function writeParameters(book: StreamingWorkbook, sheet: ExcelJS.Worksheet, validations: Validations, parameters: FactorParameters, captionRow: number, widths: readonly number[]): void {
  writeCaption(sheet, captionRow, 'Weights and thresholds (change these cells: the scores above follow)', widths[0]!);
  const { factors } = parameters.definition;
  writeTable(book, sheet, { name: 'Matrix_weights', headerRow: parameters.headerRow, columns: fitted(factorTableColumns, widths), rows: parameters.rows() }, (cell, rowIndex, column) => {
    // The editable cells stand out (colour is a hint only: the caption says which they are).
    if (parameters.editable(factors[rowIndex]!, column + 1)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
  });
  parameters.addValidations(validations);
}
