import type { ExportModel } from '../../../../../../shared/export/export-model';
import { suppressedMarker } from '../../../../../../shared/export/suppression';
import type { FactorDefinition, NumericInputField, OffenceInputs, RankedOffence } from '../../../../../../shared/matrix/index';
import { formats, notAvailable, type CellContent, type ColumnSpec } from '../sheet-layout';
import { cellAddress } from '../streaming-workbook';
import { figure, inputFieldOf, inputFormats, inputHidden, inputNames, nameOf, percentileRanks, type HiddenFigures } from './matrix-inputs';
import type { FactorParameters, ScoreBands } from './matrix-parameters';

/**
 * The Matrix sheet's scores: one row per offence type, its inputs as values and its scores,
 * totals, bands and ranks as formulas over the parameters (matrix-parameters.ts), written to
 * reproduce shared/matrix exactly (bands.ts, factor-scores.ts, prepare.ts, score.ts). Each
 * formula carries the app's own result as its cached value. Columns are named; a formula finds
 * another column by its name, never by its position.
 */

/** Where a row's formulas find the rest of the sheet, once the tables are placed. */
export interface MatrixCells {
  row: number;
  firstRow: number;
  lastRow: number;
  parameters: FactorParameters;
  bands: ScoreBands | null;
}

export interface ScoreRow extends MatrixCells {
  inputs: OffenceInputs;
  ranked: RankedOffence;
  hidden: HiddenFigures;
}

export interface MatrixColumn extends ColumnSpec {
  id: string;
  cell(row: ScoreRow): CellContent;
  /** Heat-map and 1–5 validation. */
  role?: 'score' | 'judgement';
}

/** A table of named columns: `here` and `range` address a column by its name. */
export class NamedTable {
  readonly columns: MatrixColumn[] = [];
  private readonly numberOf = new Map<string, number>();

  add(column: MatrixColumn): void {
    this.columns.push(column);
    this.numberOf.set(column.id, this.columns.length);
  }

  number(id: string): number {
    const number = this.numberOf.get(id);
    if (number === undefined) throw new Error(`The Matrix sheet has no column “${id}”.`);
    return number;
  }

  has(id: string): boolean {
    return this.numberOf.has(id);
  }

  here(id: string, row: number): string {
    return cellAddress(row, this.number(id));
  }

  range(id: string, at: MatrixCells): string {
    return `${cellAddress(at.firstRow, this.number(id), true)}:${cellAddress(at.lastRow, this.number(id), true)}`;
  }

  /** How many cells of a column are numbers greater than (or less than, or equal to) a cell: numbers compared as numbers. */
  countWhere(id: string, operator: '>' | '<' | '=', cell: string, at: MatrixCells): string {
    const range = this.range(id, at);
    return `SUMPRODUCT(ISNUMBER(${range})*(${range}${operator}${cell}))`;
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

const judgementKey = (factor: string, offence: string) => `${factor}\u0000${offence}`;

function judgementsOf(model: ExportModel): Map<string, number> {
  return new Map(model.matrix.judgements.map((judgement) => [judgementKey(judgement.factor, judgement.offenceKey), judgement.score]));
}

/** The scores table: counts, each scored factor's input and score, impact and likelihood, total, band, tie-break order and rank. */
export function scoreTable(model: ExportModel, hiddenFor: (key: string) => HiddenFigures, publication: { threshold: number } | null): NamedTable {
  const { definition, tieOrder } = model.matrix;
  const judgements = judgementsOf(model);
  const scored = definition.factors.filter((factor) => factor.role !== 'beside');
  const sided = definition.template !== 'partnership';
  const table = new NamedTable();
  const here = (id: string, row: number) => table.here(id, row);

  table.add({ id: 'label', header: 'Offence type', width: 23, wrap: true, cell: ({ inputs }) => inputs.label });
  table.add({
    id: 'current',
    header: 'Offences (assessment period)',
    width: 11,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.current ? suppressedMarker : inputs.currentCount),
  });
  table.add({
    id: 'previous',
    header: 'Offences (comparison period)',
    width: 11,
    numFmt: formats.count,
    cell: ({ inputs, hidden }) => (hidden.comparison ? suppressedMarker : inputs.previousCount),
  });
  table.add({
    id: 'significant',
    header: 'Significant change (exact test)',
    width: 10,
    centre: true,
    cell: ({ inputs, hidden }) => (hidden.change ? suppressedMarker : inputs.significant ? 'Yes' : 'No'),
  });

  for (const factor of scored) {
    const field = inputFieldOf(factor);
    if (field) addFigureFactor(table, model, factor, field, hiddenFor, publication);
    else addJudgementFactor(table, factor, judgements);
  }

  const sideScale = Math.max(1, ...scored.map((factor) => factor.scale));
  const scoreCell = (row: number) => (factor: FactorDefinition) => here(`score:${factor.id}`, row);
  if (sided) {
    for (const side of ['impact', 'likelihood'] as const) {
      const factors = scored.filter((factor) => factor.role === side);
      table.add({
        id: side,
        header: side === 'impact' ? 'Impact' : 'Likelihood',
        width: 8,
        numFmt: formats.score,
        role: 'score',
        cell: ({ row, ranked, parameters }) => {
          const weights = factors.map((factor) => parameters.cell(factor, 'weight')).join('+');
          const mean = `(${parameters.weightedSum(factors, scoreCell(row))})/(${weights})`;
          return { formula: `MIN(${sideScale},MAX(1,INT(ROUND(${mean},9)+0.5)))`, result: ranked.sides![side].score };
        },
      });
    }
  }
  table.add({
    id: 'total',
    header: 'Total score',
    width: 8,
    numFmt: formats.total,
    cell: ({ row, ranked, parameters }) => ({
      formula: sided ? `ROUND(${here('impact', row)}*${here('likelihood', row)},6)` : `ROUND(${parameters.weightedSum(scored, scoreCell(row))},6)`,
      result: round6(ranked.score),
    }),
  });
  if (definition.scoreBands.length > 0) {
    table.add({
      id: 'band',
      header: 'Band',
      width: 9,
      cell: ({ row, ranked, bands }) => ({ formula: bands!.bandOf(here('total', row)), result: ranked.band ?? notAvailable }),
    });
  }
  table.add({
    id: 'tie',
    header: 'Tie-break order (see Notes)',
    width: 9,
    numFmt: formats.count,
    cell: ({ inputs }) => (tieOrder[inputs.key] ?? 0) + 1,
  });
  table.add({
    id: 'rank',
    header: 'Rank',
    width: 7,
    numFmt: formats.count,
    cell: (at) => {
      const total = here('total', at.row);
      const totals = table.range('total', at);
      return {
        formula: `1+${table.countWhere('total', '>', total, at)}+SUMPRODUCT(ISNUMBER(${totals})*(${totals}=${total})*(${table.range('tie', at)}<${here('tie', at.row)}))`,
        result: at.ranked.rank,
      };
    },
  });
  return table;
}

/** A factor scored from a figure: the input, for the volume its percentile rank, and its score. */
function addFigureFactor(
  table: NamedTable,
  model: ExportModel,
  factor: FactorDefinition,
  field: NumericInputField,
  hiddenFor: (key: string) => HiddenFigures,
  publication: { threshold: number } | null,
): void {
  const name = nameOf(factor);
  const inputId = `input:${factor.id}`;
  const hides = (hidden: HiddenFigures) => publication !== null && inputHidden(field, hidden);
  table.add({
    id: inputId,
    header: `${name}: ${inputNames[field]}`,
    width: 9,
    numFmt: inputFormats[field],
    cell: ({ inputs, hidden }) => {
      const value = figure(inputs, field);
      return hides(hidden) && value !== null ? suppressedMarker : (value ?? notAvailable);
    },
  });
  let valueId = inputId;
  if (factor.kind === 'quintile') {
    const percentiles = percentileRanks(model.matrix.inputs, field);
    const percentileId = `percentile:${factor.id}`;
    const belowId = `below:${factor.id}`;
    if (publication) {
      // The suppressed types' rates cannot be in the file, but each shown type's percentile
      // counts them: how many lie below it is the input, a tie counting half as in the mid-rank.
      const hiddenValues = model.matrix.inputs
        .filter((offence) => hides(hiddenFor(offence.key)))
        .map((offence) => figure(offence, field))
        .filter((value): value is number => value !== null);
      table.add({
        id: belowId,
        header: `${name}: suppressed types below (a tie counts half)`,
        width: 10,
        numFmt: '0.#',
        cell: ({ inputs, hidden }) => {
          const own = figure(inputs, field);
          if (own === null) return notAvailable;
          if (hides(hidden)) return suppressedMarker;
          return hiddenValues.reduce((total, other) => total + (other < own ? 1 : other === own ? 0.5 : 0), 0);
        },
      });
    }
    table.add({
      id: percentileId,
      header: `${name}: percentile rank`,
      width: 9,
      numFmt: '0.0',
      cell: (at) => {
        const result = percentiles.get(at.inputs.key) ?? null;
        if (hides(at.hidden) && result !== null) return suppressedMarker;
        const input = table.here(inputId, at.row);
        const inputs = table.range(inputId, at);
        const below = table.countWhere(inputId, '<', input, at);
        const equal = table.countWhere(inputId, '=', input, at);
        const formula = publication
          ? `IF(ISNUMBER(${input}),100*(2*(${below}+${table.here(belowId, at.row)})+${equal})/(2*(COUNT(${inputs})+SUMPRODUCT(--(${inputs}="${suppressedMarker}")))),"${notAvailable}")`
          : `IF(ISNUMBER(${input}),100*(2*${below}+${equal})/(2*COUNT(${inputs})),"${notAvailable}")`;
        return { formula, result: result ?? notAvailable };
      },
    });
    valueId = percentileId;
  }
  const givenId = `given:${factor.id}`;
  const carriesGiven = publication !== null && field !== 'meanHarmWeight';
  if (carriesGiven) {
    table.add({
      id: givenId,
      header: `${name} score from the workbench (count suppressed)`,
      width: 10,
      numFmt: formats.score,
      cell: ({ ranked, hidden }) => (hides(hidden) ? ranked.factors[factor.id]!.score : notAvailable),
    });
  }
  const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
  table.add({
    id: `score:${factor.id}`,
    header: `${name} score`,
    width: 8,
    numFmt: formats.score,
    role: 'score',
    cell: ({ row, ranked, parameters }) => {
      const value = table.here(valueId, row);
      const previous = table.here('previous', row);
      const missing = parameters.cell(factor, 'missingScore');
      const capped = (band: string) =>
        cap
          ? `IF(AND(${table.here('significant', row)}="No",${previous}<${parameters.cell(factor, 'capFewerThan')}),MIN(${band},${parameters.cell(factor, 'capAt')}),${band})`
          : band;
      const appeared = field === 'percentChange' ? `IF(AND(${previous}=0,${table.here('current', row)}>0),${capped(String(factor.scale))},${missing})` : missing;
      const scoreOf = `IF(ISNUMBER(${value}),${capped(parameters.bandSum(factor, value))},${appeared})`;
      const given = carriesGiven ? table.here(givenId, row) : '';
      return { formula: carriesGiven ? `IF(ISNUMBER(${given}),${given},${scoreOf})` : scoreOf, result: ranked.factors[factor.id]!.score };
    },
  });
}

function addJudgementFactor(table: NamedTable, factor: FactorDefinition, judgements: Map<string, number>): void {
  const judgementId = `judgement:${factor.id}`;
  table.add(judgementColumn(factor, judgements));
  table.add({
    id: `score:${factor.id}`,
    header: `${nameOf(factor)} score`,
    width: 8,
    numFmt: formats.score,
    role: 'score',
    cell: ({ row, ranked, parameters }) => {
      const judgement = table.here(judgementId, row);
      return { formula: `IF(ISNUMBER(${judgement}),${parameters.bandSum(factor, judgement)},${parameters.cell(factor, 'missingScore')})`, result: ranked.factors[factor.id]!.score };
    },
  });
}

function judgementColumn(factor: FactorDefinition, judgements: Map<string, number>): MatrixColumn {
  return {
    id: `judgement:${factor.id}`,
    header: `${nameOf(factor)}: judgement (1–5)`,
    width: 9,
    numFmt: formats.score,
    role: 'judgement',
    cell: ({ inputs }) => judgements.get(judgementKey(factor.id, inputs.key)) ?? notAvailable,
  };
}

/**
 * The factors graded beside the score, in a table of their own below the scores: they are not
 * in the total, and four more columns would not fit two pages across. Empty when there are none.
 */
export function besideTable(model: ExportModel): NamedTable {
  const beside = model.matrix.definition.factors.filter((factor) => factor.role === 'beside');
  const judgements = judgementsOf(model);
  const table = new NamedTable();
  if (beside.length === 0) return table;
  table.add({ id: 'label', header: 'Offence type', width: 23, wrap: true, cell: ({ inputs }) => inputs.label });
  for (const factor of beside) {
    const judgementId = `judgement:${factor.id}`;
    table.add(judgementColumn(factor, judgements));
    table.add({
      id: `grade:${factor.id}`,
      header: `${nameOf(factor)}: grade`,
      width: 9,
      numFmt: formats.score,
      role: 'score',
      cell: ({ row, ranked, parameters }) => {
        const judgement = table.here(judgementId, row);
        return { formula: `IF(ISNUMBER(${judgement}),${parameters.bandSum(factor, judgement)},"${notAvailable}")`, result: ranked.beside?.[factor.id]?.score ?? notAvailable };
      },
    });
  }
  return table;
}
