import type ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherExportModel } from '../../../electron/service/features/export/export-model';
import { openSqlite } from '../../../electron/service/sqlite-binding';
import type { ExportModel } from '../../../shared/export/export-model';
import { offenceTotalSets } from '../../../shared/export/offence-total-sets';
import { csvField, policeUkStreetHeader, policeUkStreetRow } from '../../fixtures/builders/write-police-uk-csv';
import { readWorkbook, shownValue, tableColumns } from '../../fixtures/libreoffice';
import { recoverSuppressedCounts, type Facts, type RecoveryReport } from '../../fixtures/suppression-recovery';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { readXlsxParts, sheetParts } from '../../fixtures/xlsx-parts';

/**
 * The suppression-recovery test: a reader with the workbook for publication and nothing else
 * works out, for every suppressed count, the tightest interval the figures shown allow
 * (tests/fixtures/suppression-recovery.ts lists what the reader uses). A count from 1 to
 * threshold − 1 must still be able to be any of them; any other suppressed cell must still
 * span as many values. Run on the demo at thresholds 5 and 20 and on a small partnership's
 * month of police.uk data, where most counts are small.
 */

/** A police.uk street file with exactly these counts per crime type for one month. */
function writeStreetFile(path: string, month: string, counts: Record<string, number>, seed: number): void {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
  const lines = [policeUkStreetHeader.join(',')];
  for (const [crimeType, count] of Object.entries(counts)) {
    const antiSocial = crimeType === 'Anti-social behaviour';
    for (let made = 0; made < count; ) {
      const row = policeUkStreetRow(random, month);
      // A row of the right kind (anti-social behaviour has no crime ID or outcome), relabelled.
      if ((row[0] === '') !== antiSocial) continue;
      row[9] = crimeType;
      lines.push(row.map((cell) => csvField(cell)).join(','));
      made += 1;
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** [February 2024, January 2024]: small counts of every kind the rule must protect. */
const smallCounts: Record<string, [number, number]> = {
  'Anti-social behaviour': [30, 28],
  'Bicycle theft': [3, 9], // the current count small, the comparison shown
  Burglary: [12, 2], // the comparison small beside a rise that may or may not be significant
  'Criminal damage and arson': [1, 0], // appeared from none
  Drugs: [4, 4],
  'Other crime': [2, 1],
  'Other theft': [15, 11],
  'Possession of weapons': [0, 3], // gone to none
  'Public order': [9, 6],
  Robbery: [5, 5], // on the threshold
  Shoplifting: [20, 14],
  'Theft from the person': [1, 2],
  'Vehicle crime': [7, 12],
  'Violence and sexual offences': [25, 19],
};

function modelOf(path: string): ExportModel {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    return gatherExportModel(db, { kind: 'current' }, new Date());
  } finally {
    db.close();
  }
}

function monthsIn(period: { from: string; to: string }): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(period.to) - index(period.from) + 1;
}

function factsOf(model: ExportModel, threshold: number): Facts {
  const byKey = new Map(model.offences.map((row) => [row.key, row.label]));
  const trend = model.matrix.definition.factors.find((factor) => factor.id === 'trend');
  const volume = model.matrix.definition.factors.find((factor) => factor.id === 'volume');
  return {
    threshold,
    lengths: { current: monthsIn(model.periods.current), previous: monthsIn(model.periods.comparison) },
    trend:
      trend && trend.kind === 'bands'
        ? { thresholds: trend.thresholds, atThreshold: trend.atThreshold, scale: trend.scale, missingScore: trend.missingScore, cap: trend.smallNumbersCap }
        : null,
    volume: volume ? { thresholds: volume.thresholds, atThreshold: volume.atThreshold } : null,
    totals: offenceTotalSets(model.offences.map((row) => row.key)).map((set) => ({ total: byKey.get(set.total)!, parts: set.parts.map((part) => byKey.get(part)!) })),
  };
}

/** What the reader could not narrow enough: empty when the workbook keeps its promise. */
function narrowed(report: RecoveryReport, threshold: number): string[] {
  return report.counts.flatMap((count) => {
    const where = `${count.label} (${count.column}, truly ${count.truth}): ${count.lo} to ${Number.isFinite(count.hi) ? count.hi : 'any'}`;
    const why = count.why.length > 0 ? ` (${count.why.join('; ')})` : '';
    if (count.primary) return count.excluded.length > 0 ? [`${where}, ruling out ${count.excluded.join(', ')}${why}`] : [];
    return count.hi - count.lo + 1 < threshold - 1 ? [`${where}, fewer than ${threshold - 1} values${why}`] : [];
  });
}

interface Exported {
  truth: ExcelJS.Workbook;
  published: Map<number, { book: ExcelJS.Workbook; path: string }>;
  model: ExportModel;
}

async function exportAll(workbench: TestWorkbench, dir: string, name: string, thresholds: readonly number[]): Promise<Exported> {
  const truthPath = join(dir, `${name}.xlsx`);
  valueOf(await workbench.call('export/workbook', { path: truthPath, operationId: `${name}-truth-01` }));
  const published = new Map<number, { book: ExcelJS.Workbook; path: string }>();
  for (const threshold of thresholds) {
    const path = join(dir, `${name}-published-${threshold}.xlsx`);
    valueOf(await workbench.call('export/workbook', { path, operationId: `${name}-publish-${threshold}`, publication: true, threshold }));
    published.set(threshold, { book: await readWorkbook(path), path });
  }
  return { truth: await readWorkbook(truthPath), published, model: modelOf(workbench.path) };
}

function notesOf(book: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  book.getWorksheet('Notes')!.eachRow((row) => texts.push(String(shownValue(row.getCell(2)) ?? '')));
  return texts;
}

describe('recovering suppressed counts from a workbook for publication', () => {
  let dir: string;
  let demo: TestWorkbench;
  let small: TestWorkbench;
  let demoFiles: Exported;
  let smallFiles: Exported;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cswb-recovery-'));
    demo = new TestWorkbench(dir, 'demo.sqlite');
    valueOf(await demo.call('workspace/demo', { path: demo.path, operationId: 'demo-recovery-01' }));
    demoFiles = await exportAll(demo, dir, 'demo', [5, 20]);

    small = new TestWorkbench(dir, 'small.sqlite');
    await small.create('Colchester');
    const files = (['2024-01', '2024-02'] as const).map((month, index) => {
      const path = join(dir, `police-uk-street-${month}.csv`);
      writeStreetFile(path, month, Object.fromEntries(Object.entries(smallCounts).map(([type, [current, comparison]]) => [type, index === 1 ? current : comparison])), 17 + index);
      return path;
    });
    for (const [index, file] of files.entries()) valueOf(await small.importFile(file, { partner: 'Essex Police' }, `import-small-${index}`));
    valueOf(await small.call('analysis/setPeriods', { periods: { current: { from: '2024-02', to: '2024-02' }, comparison: { from: '2024-01', to: '2024-01' } } }));
    smallFiles = await exportAll(small, dir, 'small', [5, 10]);
  }, 180_000);

  afterAll(() => {
    demo?.dispose();
    small?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([5, 20])('leaves every suppressed count of the demo at threshold %d as open as the rule promises', { timeout: 120_000 }, (threshold) => {
    const report = recoverSuppressedCounts(demoFiles.published.get(threshold)!.book, demoFiles.truth, factsOf(demoFiles.model, threshold));
    expect(report.findings).toEqual([]);
    expect(narrowed(report, threshold)).toEqual([]);
    if (threshold === 20) {
      // Homicide (19 and 18) is suppressed, and with it a second part of violence against the person.
      expect(report.counts.filter((count) => count.primary).map((count) => `${count.label} ${count.column}`)).toEqual(['Homicide current', 'Homicide comparison']);
      expect(report.counts.length).toBeGreaterThan(2);
      expect(report.constraints).toBeGreaterThan(50);
    } else {
      expect(report.counts).toEqual([]);
    }
  });

  it.each([5, 10])('leaves every suppressed count of a small partnership at threshold %d as open as the rule promises', { timeout: 120_000 }, (threshold) => {
    const report = recoverSuppressedCounts(smallFiles.published.get(threshold)!.book, smallFiles.truth, factsOf(smallFiles.model, threshold));
    expect(report.findings).toEqual([]);
    expect(narrowed(report, threshold)).toEqual([]);
    const primaries = report.counts.filter((count) => count.primary);
    expect(primaries.length).toBeGreaterThanOrEqual(threshold === 5 ? 9 : 14);
  });

  it('finds the narrowing when a workbook shows what it must not', { timeout: 120_000 }, () => {
    const threshold = 20;
    const facts = factsOf(demoFiles.model, threshold);
    const homicide = (report: RecoveryReport) => report.counts.find((count) => count.label === 'Homicide' && count.column === 'current')!;

    // The workbench's own tie-break order, the true order of total harm, places Homicide between
    // types whose harms bound its count: 17 to 19 (the example).
    const book = demoFiles.published.get(threshold)!.book;
    const restore: [ExcelJS.Cell, ExcelJS.CellValue][] = [];
    const edit = (cell: ExcelJS.Cell, value: ExcelJS.CellValue) => {
      restore.push([cell, cell.value]);
      cell.value = value;
    };
    book.getWorksheet('Notes')!.eachRow((row) => {
      if (String(shownValue(row.getCell(2))).includes('as if it had')) edit(row.getCell(2), 'Equal totals break on total harm.');
    });
    const tieOf = (sheet: ExcelJS.Worksheet) => {
      const { headerRow, columns } = tableColumns(sheet, 'Offence type');
      const tie = [...columns].find(([header]) => header.startsWith('Tie-break order'))![1];
      const cells = new Map<string, ExcelJS.Cell>();
      for (let row = headerRow + 1; shownValue(sheet.getRow(row).getCell(1)); row += 1) cells.set(String(shownValue(sheet.getRow(row).getCell(1))), sheet.getRow(row).getCell(tie));
      return cells;
    };
    const trueTies = tieOf(demoFiles.truth.getWorksheet('Matrix')!);
    for (const [label, cell] of tieOf(book.getWorksheet('Matrix')!)) edit(cell, trueTies.get(label)!.value);
    try {
      expect(restore.length).toBeGreaterThan(10);
      const report = recoverSuppressedCounts(book, demoFiles.truth, facts);
      expect(homicide(report).excluded).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    } finally {
      for (const [cell, value] of restore.reverse()) cell.value = value;
    }

    // A rate left beside a suppressed count pins it.
    const cellOf = (sheet: ExcelJS.Worksheet, label: string, header: string) => {
      const { headerRow, columns } = tableColumns(sheet, 'Offence type');
      let row = headerRow + 1;
      while (shownValue(sheet.getRow(row).getCell(1)) !== label) row += 1;
      return sheet.getRow(row).getCell(columns.get(header)!);
    };
    const rate = cellOf(book.getWorksheet('Offences')!, 'Homicide', 'Rate per 1,000 (assessment period)');
    const before = rate.value;
    rate.value = shownValue(cellOf(demoFiles.truth.getWorksheet('Offences')!, 'Homicide', 'Rate per 1,000 (assessment period)')) as number;
    try {
      const report = recoverSuppressedCounts(book, demoFiles.truth, facts);
      expect([homicide(report).lo, homicide(report).hi]).toEqual([19, 19]);
    } finally {
      rate.value = before;
    }
  });

  it('says in Notes and on the Cover that the workbook is for publication, with small numbers suppressed', () => {
    const book = smallFiles.published.get(5)!.book;
    expect(notesOf(book).some((text) => text.startsWith('This workbook is for publication, with small numbers suppressed'))).toBe(true);
    const cover = book.getWorksheet('Cover')!;
    expect(String(shownValue(cover.getCell('A3')))).toBe('For publication: counts from 1 to 4 are suppressed and shown as [c], with every figure that would reveal them (see Notes).');
    const unsuppressed = smallFiles.truth.getWorksheet('Cover')!;
    expect(String(shownValue(unsuppressed.getCell('A3')))).not.toMatch(/publication/);
  });

  it('writes no figure into its own words: every text only a workbook for publication has names no count', () => {
    const textsOf = (book: ExcelJS.Workbook) => {
      const texts = new Set<string>();
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const value = shownValue(cell);
            if (typeof value === 'string') texts.add(value);
          }),
        ),
      );
      return texts;
    };
    for (const [files, thresholds] of [
      [demoFiles, [5, 20]],
      [smallFiles, [5, 10]],
    ] as const) {
      const common = textsOf(files.truth);
      for (const threshold of thresholds) {
        const book = files.published.get(threshold)!.book;
        const scores = new Set<number>();
        const matrix = book.getWorksheet('Matrix')!;
        const { headerRow, columns } = tableColumns(matrix, 'Offence type');
        for (let row = headerRow + 1; shownValue(matrix.getRow(row).getCell(1)); row += 1) scores.add(shownValue(matrix.getRow(row).getCell(columns.get('Total score')!)) as number);
        // Scores (1 to 5) and totals shown anyway, the method's own numbers, the threshold, and
        // whatever the unsuppressed workbook's texts already say (the periods' years).
        const said = new Set([...common].flatMap((text) => (text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((token) => Number(token.replace(/,/g, '')))));
        const allowed = (value: number) => value <= 5 || [15, 100, 1000, threshold - 1, threshold].includes(value) || scores.has(value) || said.has(value);
        const own = [...textsOf(book)].filter((text) => !common.has(text));
        expect(own.length).toBeGreaterThan(5);
        const figures = own.flatMap((text) => (text.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((token) => Number(token.replace(/,/g, ''))).filter((value) => !allowed(value)).map((value) => `${value} in “${text.slice(0, 80)}”`));
        expect(figures, `threshold ${threshold}`).toEqual([]);
      }
    }
  });

  it('hides nothing a reader cannot see: no hidden rows or columns, no names or lists beyond print titles, no figure inside a formula', async () => {
    for (const [threshold, { path }] of [...demoFiles.published, ...smallFiles.published]) {
      const parts = await readXlsxParts(path);
      const workbookXml = parts.get('xl/workbook.xml')!;
      const names = [...workbookXml.matchAll(/<definedName name="([^"]+)"/g)].map(([, name]) => name);
      expect(new Set(names), `threshold ${threshold}`).toEqual(new Set(['_xlnm.Print_Titles']));
      for (const sheet of sheetParts(parts)) {
        const xml = parts.get(sheet.part)!;
        expect(xml, sheet.name).not.toMatch(/hidden="(1|true)"/);
        expect(xml, sheet.name).not.toMatch(/<dataValidation [^>]*type="list"/);
        expect(xml, sheet.name).not.toMatch(/state="(hidden|veryHidden)"/);
        // Numbers written into formulas: only the fixed ones of the method, never a figure.
        for (const [, formula] of xml.matchAll(/<f>([^<]*)<\/f>/g)) {
          const literals = (formula!.replace(/\$?[A-Z]{1,3}\$?\d+/g, '').match(/\b\d+(\.\d+)?(E-?\d+)?\b/g) ?? []).map(Number);
          const allowed = sheet.name === 'Ranking' ? (value: number) => Number.isInteger(value) && value >= 0 && value <= 200 : (value: number) => [0, 0.5, 1, 2, 5, 4, 6, 9, 100, 1e-9].includes(value);
          expect(literals.filter((value) => !allowed(value)), `${sheet.name}: ${formula}`).toEqual([]);
        }
      }
      expect(workbookXml).not.toMatch(/state="(hidden|veryHidden)"/);
    }
  });
});
