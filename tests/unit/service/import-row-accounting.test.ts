import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../shared/domain/dataset';
import { csvField, policeUkStreetHeader, policeUkStreetRow } from '../../fixtures/builders/write-police-uk-csv';
import { writeXlsx } from '../../fixtures/builders/write-xlsx';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const streetHeader = policeUkStreetHeader.join(',');

function streetRow(id: string, type = 'Burglary', lsoa = 'Colchester 001A'): string {
  return `${id},2018-01,Essex Police,Essex Police,0.93,51.92,On or near Lodge Lane,E01021655,${lsoa},${type},Under investigation,`;
}

/** Every row read is imported, rejected, a duplicate or outside the area: never lost. */
function expectAccounted(report: QualityReport): void {
  const { rowsRead, rowsImported, rowsRejected, duplicates, rowsOutOfArea } = report.dataset;
  expect(rowsImported + rowsRejected + duplicates + rowsOutOfArea).toBe(rowsRead);
}

const rejectedRows = (report: QualityReport) => report.rejected.map((rejection) => rejection.row);

describe('every row accounted for', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  let dir: string;
  afterEach(() => workbench?.dispose());

  async function freshWorkspace(area: string | null = 'Colchester') {
    dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create(area);
  }

  function file(name: string, content: string | Buffer): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it('rejects a record with more or fewer fields than the header, with its row number, never shifting it', async () => {
    await freshWorkspace();
    const shifted = streetRow('r3').replace('On or near Lodge Lane', 'On or near Lodge Lane, Colchester');
    const path = file('ragged.csv', [streetHeader, streetRow('r1'), shifted, streetRow('r4'), `${streetRow('r5')},extra`, 'r6,2018-01,Essex Police', streetRow('r7')].join('\n'));
    const report = valueOf(await workbench.importFile(path));
    expect(report.dataset).toMatchObject({ rowsRead: 6, rowsImported: 3, rowsRejected: 3, rowsOutOfArea: 0 });
    expectAccounted(report);
    expect(rejectedRows(report)).toEqual([3, 5, 6]);
    expect(report.rejected[0]!.reason).toBe(
      'The row has 13 fields but the header has 12 fields, so its values cannot be matched to the columns. A value may hold an unquoted delimiter, or the row may be cut short.',
    );
    expect(report.rejected[2]!.reason).toMatch(/^The row has 3 fields but the header has 12 fields/);
    expect(report.otherAreas).toEqual([]);
  });

  it('reads a stray carriage return as the end of a record, so 300 records are 300 rows', async () => {
    await freshWorkspace();
    const rows = Array.from({ length: 300 }, (_, index) => streetRow(`id${index}`));
    const text = `${streetHeader}\n${rows.slice(0, 150).join('\n')}\r${rows.slice(150).join('\n')}\n`;
    const report = valueOf(await workbench.importFile(file('stray-cr.csv', text)));
    expect(report.dataset).toMatchObject({ rowsRead: 300, rowsImported: 300, rowsRejected: 0 });
    expectAccounted(report);
  });

  it('splits an unquoted field at a bare carriage return and rejects both halves, numbered as their lines', async () => {
    await freshWorkspace();
    const broken = streetRow('r2').replace('On or near Lodge Lane', 'On or near\rLodge Lane');
    const quoted = streetRow('r3').replace('On or near Lodge Lane', '"On or near\rLodge Lane"');
    const report = valueOf(await workbench.importFile(file('cr-in-field.csv', [streetHeader, broken, quoted, streetRow('r4')].join('\n'))));
    // A quoted carriage return is text; the bare one ends a record, making two ragged ones.
    expect(report.dataset).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
    expectAccounted(report);
    expect(rejectedRows(report)).toEqual([2, 3]);
    expect(report.rejected.map((rejection) => rejection.reason.slice(0, 40))).toEqual([
      'The row has 7 fields but the header has ',
      'The row has 6 fields but the header has ',
    ]);
  });

  it('rejects the row that holds a NUL byte, wherever it is in the file', async () => {
    await freshWorkspace();
    const random = (() => {
      let state = 7;
      return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 0x1_0000_0000);
    })();
    const rows = Array.from({ length: 12_000 }, () => policeUkStreetRow(random, '2018-01').map((cell) => csvField(cell)).join(','));
    // Well past the first megabyte, which is checked as a whole before anything is read.
    rows[11_000] = rows[11_000]!.replace('Essex Police', 'Essex\u0000Police');
    const report = valueOf(await workbench.importFile(file('nul.csv', [streetHeader, ...rows].join('\n'))));
    expect(report.dataset.rowsRejected).toBe(1);
    expect(rejectedRows(report)).toEqual([11_002]);
    expect(report.rejected[0]!.reason).toMatch(/NUL character/);
    expectAccounted(report);
    const db = new Database(workbench.path, { readonly: true });
    // Imported rows keep their text in the aggregates they refer to.
    expect(db.prepare("SELECT count(*) FROM offence_count WHERE instr(source_label, char(0)) > 0 OR instr(area_name, char(0)) > 0").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(11_999);
    db.close();
  });

  it('rejects counts above 2^53 − 1 cell by cell, with a reason, and keeps the largest exact one', async () => {
    await freshWorkspace();
    const header = 'Financial Year,Financial Quarter,Force Name,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence Count';
    const row = (count: string) => `2018/19,Q1,Essex,Colchester,Assault with injury,Violence against the person,Violence with injury,8N,${count}`;
    const path = file('huge-counts.csv', [header, row('250'), row('"9,007,199,254,740,993"'), row('9223372036854775808'), row('9007199254740991')].join('\n'));
    const report = valueOf(await workbench.importFile(path, { partner: 'Home Office' }));
    expect(report.dataset).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
    expectAccounted(report);
    expect(rejectedRows(report)).toEqual([3, 4]);
    expect(report.rejected[0]!.reason).toBe(
      'The count in “Offence Count” (“9,007,199,254,740,993”) is larger than the workbench can hold exactly (9,007,199,254,740,991). Check the figure in the source.',
    );
    const db = new Database(workbench.path, { readonly: true });
    expect(db.prepare('SELECT sum(count) FROM offence_count').pluck().get()).toBe(9007199254740991 + 250);
    db.close();
  });

  it('in a wide table, rejects an unreadable cell and keeps the rest of its row', async () => {
    await freshWorkspace('Essex');
    const header = 'Year ending September,Area name,Total recorded crime (excluding fraud),Violence against the person,Robbery,Theft offences';
    const path = file(
      'ons.csv',
      [header, '2023,Essex,150000,60000,1200,40000', '2024,Essex,149862,five hundred,1100,39000', '2024,Kent,160000,70000,1300,41000', '2022,Essex,x,y,z,w'].join('\n'),
    );
    const report = valueOf(await workbench.importFile(path, { partner: 'Office for National Statistics' }));
    expect(report.dataset).toMatchObject({ format: 'ons-wide', rowsRead: 4, rowsImported: 2, rowsRejected: 1, rowsOutOfArea: 1 });
    expectAccounted(report);
    // Row 3 is imported without its one bad figure, which is listed; row 5 has no good figure at all.
    expect(rejectedRows(report)).toEqual([3, 5]);
    expect(report.rejected[0]!.reason).toBe('The count in “Violence against the person” (“five hundred”) is not a whole number of 0 or more.');
    const db = new Database(workbench.path, { readonly: true });
    expect(db.prepare("SELECT source_label, count FROM offence_count WHERE period_to = '2024-09' ORDER BY source_label").all()).toEqual([
      { source_label: 'Robbery', count: 1100 },
      { source_label: 'Theft offences', count: 39000 },
      { source_label: 'Total recorded crime (excluding fraud)', count: 149862 },
    ]);
    db.close();
  });

  it('groups rejection reasons showing one example row’s real values, and says why nothing could be imported without a doubled full stop', async () => {
    await freshWorkspace();
    const month = (id: string, value: string) => streetRow(id).replace('2018-01', value);
    const path = file('months.csv', [streetHeader, month('a', '2018-13'), month('b', '2019-14'), streetRow('c'), month('d', '31/02/2018')].join('\n'));
    const report = valueOf(await workbench.importFile(path));
    expectAccounted(report);
    expect(rejectedRows(report)).toEqual([2, 3, 5]);
    const grouped = report.rejectionReasons;
    expect(grouped.some((group) => group.rows === 2 && group.reason.includes('2018-13'))).toBe(true);
    for (const group of grouped) expect(group.reason).not.toMatch(/\bN\b/);

    const bad = file('all-bad.csv', [streetHeader, month('x', '2018-13'), month('y', '2020-15')].join('\n'));
    const before = workspaceFingerprint(workbench.path);
    const result = await workbench.importFile(bad, {}, 'import-0002');
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(/^Nothing from all-bad\.csv could be imported: every row was rejected\. The first reason, on row 2: Month: .*2018-13/);
    expect(message).not.toMatch(/\.\.$|\bN\b/);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });

  it('detects the layout on the sheet asked for, and imports each sheet of a workbook once', async () => {
    await freshWorkspace();
    const body = (ids: string[]) => [policeUkStreetHeader as unknown as string[], ...ids.map((id) => streetRow(id).split(','))];
    const path = join(dir, 'force-extract.xlsx');
    await writeXlsx(path, [
      { name: 'Title page', rows: [['Essex Police – street crime extract'], ['Prepared for the partnership']] },
      { name: 'January', rows: body(['j1', 'j2', 'j3']) },
      { name: 'February', rows: body(['f1', 'f2']) },
    ]);
    const chosen = valueOf(await workbench.call('dataset/stage', { path, partner: 'Essex Police' }));
    expect(chosen.preview).toMatchObject({ sheet: 'Title page', format: null });
    const preview = valueOf(await workbench.call('dataset/preview', { token: chosen.token, sheet: 'January', partner: null }));
    expect(preview).toMatchObject({ sheet: 'January', format: 'police-uk-street', headerRow: 1 });

    const january = valueOf(await workbench.call('dataset/import', { token: chosen.token, operationId: 'import-january', partner: 'Essex Police', sheet: 'January' }));
    expect(january.dataset).toMatchObject({ sheet: 'January', rowsRead: 3, rowsImported: 3 });
    expectAccounted(january);
    const february = valueOf(await workbench.call('dataset/import', { token: chosen.token, operationId: 'import-february', partner: 'Essex Police', sheet: 'February' }));
    expect(february.dataset).toMatchObject({ sheet: 'February', rowsRead: 2, rowsImported: 2, sha256: january.dataset.sha256 });

    const before = workspaceFingerprint(workbench.path);
    const again = await workbench.call('dataset/import', { token: chosen.token, operationId: 'import-january-2', partner: 'Essex Police', sheet: 'January' });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-file' } });
    expect(!again.ok && again.error.message).toMatch(/^force-extract\.xlsx \(sheet “January”\) has already been imported \(dataset 1, from Essex Police/);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });
});
