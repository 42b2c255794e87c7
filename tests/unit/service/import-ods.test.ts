import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSourceTable, type OpenSourceTableOptions } from '../../../electron/service/features/dataset/import/readers/source-table';
import type { SourceRow } from '../../../electron/service/features/dataset/import/readers/source-types';
import type { QualityReport } from '../../../shared/domain/dataset';
import { WorkbenchError } from '../../../shared/result';
import { homeOfficeCspHeader, homeOfficeOffences, writeOdsWithLibreOffice } from '../../fixtures/builders/write-ods';
import type { FixtureCell, FixtureSheet } from '../../fixtures/builders/write-xlsx';
import { brokenRowReferences } from '../../fixtures/imported-rows';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

async function readAll(path: string, options?: OpenSourceTableOptions): Promise<{ details: unknown; rows: (SourceRow & { sheet: string | undefined })[] }> {
  const table = await openSourceTable(path, options);
  const rows: (SourceRow & { sheet: string | undefined })[] = [];
  try {
    for await (const row of table.rows()) rows.push({ ...row, sheet: table.currentSheet()?.name });
  } finally {
    await table.close();
  }
  return { details: table.details, rows };
}

/** A partner's workbook with what makes spreadsheets awkward, saved as .ods by LibreOffice itself. */
const partnerSheets: FixtureSheet[] = [
  { name: 'Notes', rows: [['About this extract'], ['Counts are provisional & may change.']] },
  {
    name: 'Street crime',
    rows: [
      ['Essex Police – street crime, January 2024'],
      undefined,
      ['Crime ID', 'Month', 'Crime type', 'Reported', 'Code', 'Count', 'Count', 'Count'],
      ['abc123', '2024-01', 'Burglary', new Date('2024-01-05T00:00:00Z'), '0012', 5, 5, 5],
      ['def456', '2024-01', 'Drugs', new Date('2024-01-31T00:00:00Z'), '0340', 1.5, 0, -2],
      // Four blank rows, which LibreOffice writes as one repeated row.
      undefined,
      undefined,
      undefined,
      undefined,
      ['ghi789', '2024-02', 'Robbery  and theft', null, '12', null, null, 7],
      [null, null, null, null, null, null, null, null, null, null, null, 'far'],
    ],
    build: (sheet) => {
      sheet.mergeCells('A1:H1');
      sheet.getCell('D4').numFmt = 'dd/mm/yyyy';
      sheet.getCell('D5').numFmt = 'dd/mm/yyyy';
      // Numbers stored as text, as Excel's "Text" format keeps codes with leading zeros.
      for (const address of ['E4', 'E5', 'E10']) sheet.getCell(address).numFmt = '@';
    },
  },
  { name: 'Lookups', state: 'hidden', rows: [['Code', 'Meaning']] },
  { name: 'Summary', rows: [['Total', 3]] },
];

const expectedStreetCrime = [
  { rowNumber: 1, cells: ['Essex Police – street crime, January 2024'], sheet: 'Street crime' },
  { rowNumber: 3, cells: ['Crime ID', 'Month', 'Crime type', 'Reported', 'Code', 'Count', 'Count', 'Count'], sheet: 'Street crime' },
  { rowNumber: 4, cells: ['abc123', '2024-01', 'Burglary', new Date('2024-01-05T00:00:00Z'), '0012', 5, 5, 5], sheet: 'Street crime' },
  { rowNumber: 5, cells: ['def456', '2024-01', 'Drugs', new Date('2024-01-31T00:00:00Z'), '0340', 1.5, 0, -2], sheet: 'Street crime' },
  { rowNumber: 10, cells: ['ghi789', '2024-02', 'Robbery  and theft', null, '12', null, null, 7], sheet: 'Street crime' },
  { rowNumber: 11, cells: [null, null, null, null, null, null, null, null, null, null, null, 'far'], sheet: 'Street crime' },
];

// The Home Office's CSP table: a Notes sheet, then one sheet per financial year.
const cspNames = ['Colchester', 'Tendring', 'Braintree', 'Unassigned'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 0x1_0000_0000);
}

interface CspRow {
  sheet: string;
  year: string;
  quarter: number;
  csp: string;
  description: string;
  code: string;
  count: number;
}

function cspRows(sheet: string, rows: number, seed: number): CspRow[] {
  const next = random(seed);
  const year = sheet.replace(/[_-]/, '/');
  return Array.from({ length: rows }, (_, index) => {
    const offence = homeOfficeOffences[Math.floor(next() * homeOfficeOffences.length)]!;
    let csp = cspNames[Math.floor(next() * cspNames.length)]!;
    // The later year names the partnership as the table's compilers changed it.
    if (csp === 'Colchester' && sheet === '2024_25' && index % 2 === 0) csp = 'Colchester CSP';
    // And one year writes some descriptions in another case.
    const description = sheet === '2024_25' && index % 3 === 0 ? offence.description.toUpperCase() : offence.description;
    return { sheet, year, quarter: 1 + Math.floor(next() * 4), csp, description, code: offence.code, count: Math.floor(next() * 40) };
  });
}

const cspData = [...cspRows('2023_24', 240, 7), ...cspRows('2024_25', 260, 8)];

function cspSheet(name: string): FixtureSheet {
  const offences = new Map<string, (typeof homeOfficeOffences)[number]>(homeOfficeOffences.map((offence) => [offence.code, offence]));
  return {
    name,
    rows: [
      [...homeOfficeCspHeader],
      ...cspData
        .filter((row) => row.sheet === name)
        .map((row): FixtureCell[] => [row.year, row.quarter, 'Essex', row.csp, row.description, offences.get(row.code)!.group, offences.get(row.code)!.subgroup, row.code, row.count]),
    ],
  };
}

/** The source's own sums for the partnership, per offence code and quarter (the quarter's first month). */
function expectedSums(): Map<string, number> {
  const sums = new Map<string, number>();
  const firstMonth = (year: string, quarter: number) => {
    const start = Number(year.slice(0, 4));
    const month = 4 + (quarter - 1) * 3;
    return month > 12 ? `${start + 1}-${String(month - 12).padStart(2, '0')}` : `${start}-${String(month).padStart(2, '0')}`;
  };
  for (const row of cspData) {
    if (!row.csp.startsWith('Colchester')) continue;
    const key = `${row.code} ${firstMonth(row.year, row.quarter)}`;
    sums.set(key, (sums.get(key) ?? 0) + row.count);
  }
  return sums;
}

function expectAccounted(report: QualityReport): void {
  const { rowsRead, rowsImported, rowsRejected, duplicates, rowsOutOfArea } = report.dataset;
  expect(rowsImported + rowsRejected + duplicates + rowsOutOfArea).toBe(rowsRead);
}

describe('OpenDocument spreadsheets, as LibreOffice saves them', () => {
  let dir: string;
  let partner: string;
  let csp: string;
  let pfa: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cswb-ods-'));
    const made = await writeOdsWithLibreOffice(dir, [
      { name: 'partner-extract', sheets: partnerSheets },
      { name: 'prc-csp-mar23-mar25-tables', sheets: [{ name: 'Notes', rows: [['Police recorded crime by CSP'], ['Note 1', 'Counts exclude fraud.']] }, cspSheet('2023_24'), cspSheet('2024_25')] },
      {
        name: 'prc-pfa-tables',
        sheets: [
          {
            name: '2012-13',
            rows: [
              ['Financial Year', 'Financial Quarter', 'Force Name', 'Offence Description', 'Offence Group', 'Offence Subgroup', 'Offence Code', 'Number of Offences'],
              ['2012/13', 1, 'Essex', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', 1200],
              ['2012/13', 2, 'Essex', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', 1250],
              ['2012/13', 1, 'Kent', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', 1500],
            ],
          },
        ],
      },
    ]);
    [partner, csp, pfa] = made as [string, string, string];
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('reading', () => {
    it('reads the first visible sheet that is not notes, with merged titles, blank rows, dates, numbers stored as text and repeated values exactly', async () => {
      const { details, rows } = await readAll(partner);
      expect(details).toEqual({ sheets: ['Notes', 'Street crime', 'Lookups', 'Summary'], sheet: 'Street crime' });
      expect(rows).toEqual(expectedStreetCrime);
    });

    it('reads the sheet asked for, in any case, and every sheet in order', async () => {
      expect((await readAll(partner, { sheet: 'summary' })).rows).toEqual([{ rowNumber: 1, cells: ['Total', 3], sheet: 'Summary' }]);
      expect((await readAll(partner, { sheet: 'Lookups' })).rows).toEqual([{ rowNumber: 1, cells: ['Code', 'Meaning'], sheet: 'Lookups' }]);
      const all = await readAll(partner, { allSheets: true, listSheets: false });
      expect(all.details).toEqual({ allSheets: true });
      expect(all.rows.map((row) => `${row.sheet} ${row.rowNumber}`)).toEqual([
        'Notes 1',
        'Notes 2',
        ...expectedStreetCrime.map((row) => `Street crime ${row.rowNumber}`),
        'Lookups 1',
        'Summary 1',
      ]);
    });

    it('lists the sheets when the one asked for does not exist, before reading or while reading', async () => {
      const listed = await openSourceTable(partner, { sheet: 'Data' }).catch((error: unknown) => error);
      expect(listed).toBeInstanceOf(WorkbenchError);
      expect((listed as Error).message).toBe(
        '“partner-extract.ods” has no sheet called “Data”. Its sheets are “Notes”, “Street crime”, “Lookups” and “Summary”. Choose one of those.',
      );
      const unlisted = await readAll(partner, { sheet: 'Data', listSheets: false }).catch((error: unknown) => error);
      expect((unlisted as Error).message).toBe((listed as Error).message);
    });

    it('counts the file read in bytes, to the end', async () => {
      const table = await openSourceTable(csp);
      let rows = 0;
      for await (const row of table.rows()) rows += row.cells.length > 0 ? 1 : 0;
      expect(rows).toBe(241);
      expect(table.bytesRead()).toBe(table.bytesTotal);
      await table.close();
    });
  });

  describe('importing', () => {
    const tempDir = useTempDir();
    let workbench: TestWorkbench;
    afterEach(() => workbench?.dispose());

    async function workspace(area = 'Colchester') {
      workbench = new TestWorkbench(tempDir());
      await workbench.create(area);
    }

    it('previews the Home Office table at its first year, past the Notes sheet, and offers all sheets', async () => {
      await workspace();
      const chosen = valueOf(await workbench.call('dataset/stage', { path: csp, partner: 'Home Office' }));
      expect(chosen.preview).toMatchObject({ sheets: ['Notes', '2023_24', '2024_25'], sheet: '2023_24', allSheets: false, format: 'ho-open-data', headerRow: 1, defaultArea: 'Colchester' });
      expect(chosen.preview.areas).not.toContain('Unassigned');
      const all = valueOf(await workbench.call('dataset/preview', { token: chosen.token, sheet: null, allSheets: true, partner: null }));
      expect(all).toMatchObject({ sheet: '2023_24', allSheets: true, format: 'ho-open-data' });
    });

    it('imports every year’s sheet as one dataset, with counts equal to the source’s sum per offence code and quarter', async () => {
      await workspace();
      const report = valueOf(await workbench.importFile(csp, { partner: 'Home Office', allSheets: true }));
      const colchesterRows = cspData.filter((row) => row.csp.startsWith('Colchester'));
      const unassignedRows = cspData.filter((row) => row.csp === 'Unassigned');
      expect(report.dataset).toMatchObject({
        format: 'ho-open-data',
        sheet: null,
        sheets: ['2023_24', '2024_25'],
        rowsRead: cspData.length,
        rowsImported: colchesterRows.length,
        rowsRejected: 0,
        rowsOutOfArea: cspData.length - colchesterRows.length,
        firstMonth: '2023-04',
        lastMonth: '2025-03',
      });
      expectAccounted(report);
      expect(report.sheetsRead).toEqual([
        { name: 'Notes', headerRow: null, rowsRead: 0, skipped: 'no header the workbench recognises' },
        { name: '2023_24', headerRow: 1, rowsRead: 240, skipped: null },
        { name: '2024_25', headerRow: 1, rowsRead: 260, skipped: null },
      ]);
      expect(report.otherAreas).toContainEqual({ area: 'Unassigned', rows: unassignedRows.length, kept: false });
      // The same offence in another case is one label.
      expect(report.unmappedLabels).toEqual([]);

      const db = new Database(workbench.path, { readonly: true });
      try {
        const sums = db
          .prepare("SELECT offence_code || ' ' || period_from AS key, sum(count) AS total FROM offence_count WHERE in_area = 1 GROUP BY offence_code, period_from")
          .all() as { key: string; total: number }[];
        expect(new Map(sums.map((sum) => [sum.key, sum.total]))).toEqual(expectedSums());
        const labels = db.prepare("SELECT DISTINCT source_label FROM offence_count WHERE offence_code = '8N'").pluck().all();
        expect(labels).toEqual(['Assault with injury']);
        // Each imported row records its sheet and its row number in that sheet.
        const bySheet = db
          .prepare(
            `SELECT s.name AS sheet, count(*) AS rows, min(o.row_number) AS first FROM observation o
             JOIN dataset_sheet s ON o.id BETWEEN s.imported_rows_from AND s.imported_rows_to GROUP BY s.name ORDER BY s.name`,
          )
          .all();
        expect(bySheet).toEqual([
          { sheet: '2023_24', rows: colchesterRows.filter((row) => row.sheet === '2023_24').length, first: 2 + cspData.findIndex((row) => row.csp.startsWith('Colchester')) },
          { sheet: '2024_25', rows: colchesterRows.filter((row) => row.sheet === '2024_25').length, first: expect.any(Number) },
        ]);
        const firstOf2024 = 2 + cspData.filter((row) => row.sheet === '2024_25').findIndex((row) => row.csp.startsWith('Colchester'));
        expect((bySheet[1] as { first: number }).first).toBe(firstOf2024);
      } finally {
        db.close();
      }
      expect(brokenRowReferences(workbench.path)).toBe(0);

      // Each sheet of it can be imported once: a year already in the dataset is refused.
      const before = workspaceFingerprint(workbench.path);
      const again = await workbench.importFile(csp, { partner: 'Home Office', sheet: '2024_25' });
      expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-file' } });
      expect(!again.ok && again.error.message).toMatch(/^prc-csp-mar23-mar25-tables\.ods \(sheet “2024_25”\) has already been imported \(dataset 1/);
      expect(workspaceFingerprint(workbench.path)).toBe(before);
    }, 60_000);

    it('imports one year’s sheet alone, and keeps other CSPs but never “Unassigned” as comparators', async () => {
      await workspace();
      const report = valueOf(await workbench.importFile(csp, { partner: 'Home Office', sheet: '2024_25', keepComparators: true }));
      const rows = cspData.filter((row) => row.sheet === '2024_25');
      expect(report.dataset).toMatchObject({ sheet: '2024_25', sheets: ['2024_25'], rowsRead: rows.length, rowsImported: rows.filter((row) => row.csp !== 'Unassigned').length });
      expectAccounted(report);
      expect(report.otherAreas.find((area) => area.area === 'Unassigned')).toEqual({ area: 'Unassigned', rows: rows.filter((row) => row.csp === 'Unassigned').length, kept: false });
      expect(report.otherAreas.find((area) => area.area === 'Tendring')?.kept).toBe(true);
    });

    it('imports the PFA table’s variant, whose area is the force and whose count is “Number of Offences”', async () => {
      await workspace('Essex');
      const report = valueOf(await workbench.importFile(pfa, { partner: 'Home Office' }));
      expect(report.dataset).toMatchObject({ format: 'ho-open-data', sheet: '2012-13', rowsRead: 3, rowsImported: 2, rowsOutOfArea: 1, firstMonth: '2012-04', lastMonth: '2012-09' });
      expect(valueOf(await workbench.call('dataset/counts', { datasetId: report.dataset.id, by: 'month' }))).toEqual({
        rows: [
          { key: '2012-04', count: 1200 },
          { key: '2012-07', count: 1250 },
        ],
      });
    });

    it('reads a partner’s sheet into the column-mapping layout, with its row numbers', async () => {
      await workspace();
      const report = valueOf(
        await workbench.importFile(partner, {
          partner: 'Essex Police',
          sheet: 'Street crime',
          mapping: { offence: 'Crime type', period: 'Month', count: null, area: null, identifier: 'Crime ID' },
        }),
      );
      // The stray value far to the right is a row with no offence.
      expect(report.dataset).toMatchObject({ format: 'generic', sheet: 'Street crime', rowsRead: 4, rowsImported: 3, rowsRejected: 1 });
      expectAccounted(report);
      expect(report.rejected.map((rejection) => rejection.row)).toEqual([11]);
      expect(valueOf(await workbench.call('dataset/counts', { datasetId: report.dataset.id, by: 'category' })).rows).toEqual([
        { key: 'Burglary', count: 1 },
        { key: 'Drugs', count: 1 },
        { key: 'Robbery  and theft', count: 1 },
      ]);
    });
  });
});
