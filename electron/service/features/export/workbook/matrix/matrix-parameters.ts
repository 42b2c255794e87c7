import type ExcelJS from 'exceljs';
import type { FactorDefinition, MatrixDefinition, ScoreBand } from '../../../../../../shared/matrix/index';
import { formats, notAvailable, type CellContent, type ColumnSpec } from '../sheet-layout';
import { cellAddress } from '../streaming-workbook';
import { inputFieldOf } from './matrix-inputs';

/**
 * The Matrix sheet's parameters: the "Weights and thresholds" table and the score bands under
 * the scores. Each column has a name, and every formula that reads a parameter asks for it by
 * factor and column name, so a column added here moves every reference with it.
 */

interface NamedColumn<Id extends string> extends ColumnSpec {
  id: Id;
}

/** Up to four thresholds: the largest scale is five bands. */
export const thresholdSlots = 4;

const factorColumns = [
  { id: 'factor', header: 'Factor', width: 23, wrap: true },
  { id: 'factorId', header: 'Factor id', width: 11, wrap: true },
  { id: 'kind', header: 'How it is scored', width: 11, wrap: true },
  { id: 'role', header: 'Role', width: 11, wrap: true },
  { id: 'weight', header: 'Weight', width: 8, numFmt: formats.weight },
  { id: 'threshold1', header: 'Threshold 1', width: 9, numFmt: formats.threshold },
  { id: 'threshold2', header: 'Threshold 2', width: 9, numFmt: formats.threshold },
  { id: 'threshold3', header: 'Threshold 3', width: 9, numFmt: formats.threshold },
  { id: 'threshold4', header: 'Threshold 4', width: 9, numFmt: formats.threshold },
  { id: 'units', header: 'Thresholds are in', width: 11, wrap: true },
  { id: 'onThreshold', header: 'A value on a threshold goes to', width: 11, wrap: true },
  { id: 'missingScore', header: 'Score when missing', width: 8, numFmt: formats.score },
  { id: 'capFewerThan', header: 'Small-number cap: fewer than (comparison cases)', width: 11, numFmt: formats.count },
  { id: 'capAt', header: 'Small-number cap: score at most', width: 8, numFmt: formats.score },
  { id: 'scale', header: 'Scale (highest score)', width: 8, numFmt: formats.score },
] as const satisfies readonly NamedColumn<string>[];

export type FactorColumnId = (typeof factorColumns)[number]['id'];
const thresholdIds = ['threshold1', 'threshold2', 'threshold3', 'threshold4'] as const satisfies readonly FactorColumnId[];

/** The 1-based sheet column of each named column of a table. */
function numbered<Id extends string>(columns: readonly NamedColumn<Id>[]): Record<Id, number> {
  return Object.fromEntries(columns.map((column, index) => [column.id, index + 1])) as Record<Id, number>;
}

export const factorColumnNumber = numbered(factorColumns);
export const factorTableColumns: readonly ColumnSpec[] = factorColumns;

/** The sheet column of a factor's n-th threshold (0 for the first). */
export function thresholdColumnNumber(index: number): number {
  const id = thresholdIds[index];
  if (!id) throw new RangeError(`A factor has at most ${thresholdSlots} thresholds, not ${index + 1}.`);
  return factorColumnNumber[id];
}

const kindNames = { quintile: 'percentile rank', bands: 'bands', peer: 'bands (ratio)', judgement: 'judgement' } as const;

const thresholdUnits = (factor: FactorDefinition): string => {
  const field = inputFieldOf(factor);
  if (factor.kind === 'quintile') return 'percentile ranks, from 0 to 100';
  if (field === 'percentChange') return 'per cent change';
  if (field === 'meanHarmWeight') return 'mean severity weights';
  if (field === 'peerRatio') return 'ratios to the peers’ mean rate';
  return 'judged scores, 1 to 5';
};

/** Where each factor's parameters sit once the table's header row is known. */
export class FactorParameters {
  private readonly rowOf: Map<string, number>;

  constructor(
    readonly definition: MatrixDefinition,
    readonly headerRow: number,
  ) {
    this.rowOf = new Map(definition.factors.map((factor, index) => [factor.id, headerRow + 1 + index]));
  }

  row(factor: FactorDefinition): number {
    const row = this.rowOf.get(factor.id);
    if (row === undefined) throw new Error(`The factor “${factor.id}” is not in the matrix.`);
    return row;
  }

  /** A parameter's cell, absolute, for the formulas above the table. */
  cell(factor: FactorDefinition, column: FactorColumnId): string {
    return cellAddress(this.row(factor), factorColumnNumber[column], true);
  }

  threshold(factor: FactorDefinition, index: number): string {
    return cellAddress(this.row(factor), thresholdColumnNumber(index), true);
  }

  /** 1 plus the number of thresholds `value` passes, as shared/matrix/bands.ts counts them. */
  bandSum(factor: FactorDefinition, value: string): string {
    const passes = factor.atThreshold === 'upper-band' ? '>=' : '>';
    return `1${factor.thresholds.map((_, index) => `+(${value}${passes}${this.threshold(factor, index)})`).join('')}`;
  }

  /** "the sum of score × weight" over the factors, each score read from `scoreCell`. */
  weightedSum(factors: readonly FactorDefinition[], scoreCell: (factor: FactorDefinition) => string): string {
    return factors.map((factor) => `${scoreCell(factor)}*${this.cell(factor, 'weight')}`).join('+');
  }

  rows(): CellContent[][] {
    return this.definition.factors.map((factor): CellContent[] => {
      const cap = factor.kind === 'bands' ? factor.smallNumbersCap : null;
      const values: Record<FactorColumnId, CellContent> = {
        factor: factor.label,
        factorId: factor.id,
        kind: kindNames[factor.kind],
        role: factor.role === 'beside' ? 'beside the score' : factor.role,
        weight: factor.weight,
        threshold1: factor.thresholds[0] ?? notAvailable,
        threshold2: factor.thresholds[1] ?? notAvailable,
        threshold3: factor.thresholds[2] ?? notAvailable,
        threshold4: factor.thresholds[3] ?? notAvailable,
        units: thresholdUnits(factor),
        onThreshold: factor.atThreshold === 'upper-band' ? 'the higher band' : 'the lower band',
        missingScore: factor.missingScore,
        capFewerThan: cap ? cap.fewerThanCases : notAvailable,
        capAt: cap ? cap.capAt : notAvailable,
        scale: factor.scale,
      };
      return factorColumns.map((column) => values[column.id]);
    });
  }

  /** The cells an analyst may change: a scored factor's weight and the thresholds it has. */
  editable(factor: FactorDefinition, column: number): boolean {
    if (column === factorColumnNumber.weight) return factor.role !== 'beside';
    return factor.thresholds.some((_, index) => thresholdColumnNumber(index) === column);
  }

  addValidations(validations: Validations): void {
    for (const factor of this.definition.factors) addFactorValidations(validations, factor, this);
  }
}

const bandColumns = [
  { id: 'band', header: 'Band', width: 23 },
  { id: 'minimum', header: 'Minimum score', width: 11, numFmt: formats.total },
] as const satisfies readonly NamedColumn<string>[];

const bandColumnNumber = numbered(bandColumns);
export const bandTableColumns: readonly ColumnSpec[] = bandColumns;

/** The score bands' table: a total at or above a band's minimum falls in that band. */
export class ScoreBands {
  constructor(
    readonly bands: readonly ScoreBand[],
    readonly headerRow: number,
  ) {}

  private cell(index: number, column: keyof typeof bandColumnNumber, absolute: boolean): string {
    return cellAddress(this.headerRow + 1 + index, bandColumnNumber[column], absolute);
  }

  /** The band of the total in `total`: the highest whose minimum it reaches (to 1E-9). */
  bandOf(total: string): string {
    let formula = this.cell(0, 'band', true);
    this.bands.forEach((_, index) => {
      if (index === 0) return;
      formula = `IF(${total}+1E-9>=${this.cell(index, 'minimum', true)},${this.cell(index, 'band', true)},${formula})`;
    });
    return formula;
  }

  rows(): CellContent[][] {
    return this.bands.map((band) => [band.label, band.minimum]);
  }

  /** Minimums rise from one band to the next, as shared/matrix/matrix-definition.ts requires. */
  addValidations(validations: Validations): void {
    this.bands.forEach((_, index) => {
      const cell = this.cell(index, 'minimum', false);
      const conditions = [`ISNUMBER(${cell})`];
      if (index > 0) conditions.push(`${cell}>${this.cell(index - 1, 'minimum', false)}`);
      if (index < this.bands.length - 1) conditions.push(`${cell}<${this.cell(index + 1, 'minimum', false)}`);
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
}

export type Validations = { add(address: string, validation: ExcelJS.DataValidation): void };

/**
 * The app's own rules for what an analyst may type (shared/domain/analysis.ts FactorSettingInput
 * and shared/matrix/matrix-definition.ts): a weight is a number from 0 to 1,000 (a factor graded
 * beside the score weighs 0); thresholds rise strictly, lowest first; percentile thresholds lie
 * strictly between 0 and 100. Custom formulas, so that each cell checks against its neighbours.
 */
function addFactorValidations(validations: Validations, factor: FactorDefinition, parameters: FactorParameters): void {
  const row = parameters.row(factor);
  const weight = cellAddress(row, factorColumnNumber.weight);
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
  const threshold = (index: number) => cellAddress(row, thresholdColumnNumber(index));
  for (let index = 0; index < thresholdSlots; index += 1) {
    const cell = threshold(index);
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
    if (index > 0) conditions.push(`${cell}>${threshold(index - 1)}`);
    if (index < count - 1) conditions.push(`${cell}<${threshold(index + 1)}`);
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
