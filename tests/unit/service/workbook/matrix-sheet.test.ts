import type ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeMatrixTables } from '../../../../electron/service/features/export/workbook/matrix/matrix-layout';
import { FactorParameters, ScoreBands, thresholdColumnNumber } from '../../../../electron/service/features/export/workbook/matrix/matrix-parameters';
import { createMatrixTemplate, matrixTemplateIds, partnershipTemplate, type MatrixTemplateId } from '../../../../shared/matrix/index';
import { readWorkbook, shownValue, tableColumns } from '../../../fixtures/libreoffice';
import { TestWorkbench, valueOf } from '../../../fixtures/workbench-host';

describe('the Matrix sheet: its tables placed', () => {
  it('puts each table two rows under the one before, captioned, the beside grades and the bands only when the matrix has them', () => {
    expect(placeMatrixTables({ headerRow: 6, offences: 10, besideFactors: 5, factors: 8, bands: 3 })).toEqual({
      scores: { headerRow: 6, firstRow: 7, lastRow: 16 },
      beside: { captionRow: 18, headerRow: 19, firstRow: 20, lastRow: 29 },
      factors: { captionRow: 31, headerRow: 32 },
      bands: { captionRow: 42, headerRow: 43 },
    });
    expect(placeMatrixTables({ headerRow: 6, offences: 0, besideFactors: 0, factors: 6, bands: 0 })).toEqual({
      scores: { headerRow: 6, firstRow: 7, lastRow: 7 },
      beside: null,
      factors: { captionRow: 9, headerRow: 10 },
      bands: null,
    });
  });
});

describe('the Matrix sheet: parameters addressed by name', () => {
  const definition = partnershipTemplate();
  const volume = definition.factors.find((factor) => factor.id === 'volume')!;
  const parameters = new FactorParameters(definition, 30);

  it('finds a factor’s weight, thresholds and missing score in the columns of those names', () => {
    const row = 31 + definition.factors.indexOf(volume);
    expect(parameters.cell(volume, 'weight')).toBe(`$E$${row}`);
    expect(parameters.threshold(volume, 0)).toBe(`$F$${row}`);
    expect(parameters.threshold(volume, 3)).toBe(`$I$${row}`);
    expect(parameters.cell(volume, 'missingScore')).toBe(`$L$${row}`);
    expect(parameters.cell(volume, 'capAt')).toBe(`$N$${row}`);
    expect(() => thresholdColumnNumber(4)).toThrow(RangeError);
  });

  it('counts the thresholds a value passes, >= for the higher band and > for the lower', () => {
    const row = 31 + definition.factors.indexOf(volume);
    const passes = volume.atThreshold === 'upper-band' ? '>=' : '>';
    expect(parameters.bandSum(volume, 'G7')).toBe(`1${['F', 'G', 'H', 'I'].slice(0, volume.thresholds.length).map((column) => `+(G7${passes}$${column}$${row})`).join('')}`);
    expect(parameters.bandSum({ ...volume, atThreshold: 'lower-band' }, 'G7')).not.toContain('>=');
  });

  it('marks as editable only a scored factor’s weight and the thresholds it has', () => {
    const beside = definition.factors.find((factor) => factor.role === 'beside')!;
    expect(parameters.editable(volume, 5)).toBe(true);
    expect(parameters.editable(beside, 5)).toBe(false);
    expect(parameters.editable(volume, 5 + volume.thresholds.length)).toBe(true);
    expect(parameters.editable(volume, 6 + volume.thresholds.length)).toBe(false);
    expect(parameters.editable(volume, 12)).toBe(false);
  });

  it('reads a band from the band table’s own columns, the highest band a total reaches', () => {
    const bands = new ScoreBands(
      [
        { label: 'Low', minimum: 0 },
        { label: 'Medium', minimum: 5 },
        { label: 'High', minimum: 10 },
      ],
      40,
    );
    expect(bands.bandOf('Q7')).toBe('IF(Q7+1E-9>=$B$43,$A$43,IF(Q7+1E-9>=$B$42,$A$42,$A$41))');
    expect(bands.rows()).toEqual([
      ['Low', 0],
      ['Medium', 5],
      ['High', 10],
    ]);
  });
});

/**
 * Every formula in the scores that reads the weights table must land on a cell whose column is
 * the parameter it means and whose row is the factor of the column it scores: the property the
 * named columns exist to keep, checked on the written file for each template.
 */
describe('the Matrix sheet: every parameter a formula reads is the right one', () => {
  let dir: string;
  let workbench: TestWorkbench;
  const books = new Map<MatrixTemplateId, ExcelJS.Workbook>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cswb-matrix-sheet-'));
    workbench = new TestWorkbench(dir, 'demo.sqlite');
    valueOf(await workbench.call('workspace/demo', { path: workbench.path, operationId: 'matrix-sheet-0001' }));
    for (const template of matrixTemplateIds) {
      valueOf(await workbench.call('matrix/use', { template }));
      const path = join(dir, `${template}.xlsx`);
      valueOf(await workbench.call('export/workbook', { path, operationId: `matrix-sheet-${template}`.slice(0, 32).padEnd(16, '0') }));
      books.set(template, await readWorkbook(path));
    }
  }, 180_000);

  afterAll(() => {
    workbench.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const parameterHeaders = new Set(['Weight', 'Threshold 1', 'Threshold 2', 'Threshold 3', 'Threshold 4', 'Score when missing', 'Small-number cap: fewer than (comparison cases)', 'Small-number cap: score at most']);

  it.each(matrixTemplateIds)('%s', (template) => {
    const sheet = books.get(template)!.getWorksheet('Matrix')!;
    const definition = createMatrixTemplate(template);
    const weights = tableColumns(sheet, 'Factor');
    const headerOf = new Map([...weights.columns].map(([header, column]) => [column, header]));
    const factorRow = new Map(definition.factors.map((factor, index) => [weights.headerRow + 1 + index, factor.id]));
    const scores = tableColumns(sheet, 'Offence type');
    let checked = 0;
    for (const [header, column] of scores.columns) {
      const factor = definition.factors.find((candidate) => header.startsWith(`${candidate.label} score`) || header === `${shortName(candidate.id)} score`);
      for (let row = scores.headerRow + 1; shownValue(sheet.getRow(row).getCell(1)) !== null && shownValue(sheet.getRow(row).getCell(1)) !== ''; row += 1) {
        const formula = sheet.getRow(row).getCell(column).formula;
        if (!formula) continue;
        for (const [, columnLetters, rowText] of formula.matchAll(/\$([A-Z]+)\$(\d+)/g)) {
          const referenced = Number(rowText);
          if (!factorRow.has(referenced)) continue;
          const parameter = headerOf.get(lettersToNumber(columnLetters!));
          expect(parameterHeaders.has(parameter ?? ''), `${header} row ${row} reads ${columnLetters}${referenced}, under “${parameter}”`).toBe(true);
          if (factor) expect(factorRow.get(referenced), `${header} reads another factor’s ${parameter}`).toBe(factor.id);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(definition.factors.length * 10);
  });
});

const shortNames: Record<string, string> = { concern: 'Public concern', peer: 'Peer comparison' };
const shortName = (id: string) => shortNames[id] ?? id.charAt(0).toUpperCase() + id.slice(1);

function lettersToNumber(letters: string): number {
  return [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
}
