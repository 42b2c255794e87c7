import { matrixSheetName, type MatrixLayout } from '../matrix/matrix-sheet';
import { formats, notAvailable, type CellContent, type ColumnSpec } from '../sheet-layout';
import { cellAddress } from '../streaming-workbook';
import { simpleSheet, type WorkbookContext } from '../workbook-context';

/** The Ranking sheet: the types in rank order, each cell looked up from the Matrix sheet. */

export function writeRanking(context: WorkbookContext, layout: MatrixLayout): void {
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
