import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../../shared/domain/dataset';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';
import { brokenRowReferences } from '../../fixtures/imported-rows';

const colchesterSample = join(__dirname, '../../../resources/data/police-uk-street-colchester-2018-01.csv');
const onsTable = join(__dirname, '../../../resources/data/ons-pfa-recorded-crime-ye-sep-2015-2024.csv');

/** The per-type counts published with the sample (resources/data/README.md). */
const colchesterCounts = [
  { key: 'Violence and sexual offences', count: 517 },
  { key: 'Anti-social behaviour', count: 364 },
  { key: 'Criminal damage and arson', count: 172 },
  { key: 'Burglary', count: 113 },
  { key: 'Vehicle crime', count: 98 },
  { key: 'Public order', count: 91 },
  { key: 'Other theft', count: 90 },
  { key: 'Shoplifting', count: 88 },
  { key: 'Drugs', count: 37 },
  { key: 'Bicycle theft', count: 29 },
  { key: 'Other crime', count: 22 },
  { key: 'Theft from the person', count: 15 },
  { key: 'Possession of weapons', count: 12 },
  { key: 'Robbery', count: 12 },
];

const streetHeader = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

function streetRow(id: string, month: string, type: string, lsoa = 'Colchester 001A', code = 'E01021655'): string {
  return `${id},${month},Essex Police,Essex Police,0.93,51.92,On or near Lodge Lane,${code},${lsoa},${type},Under investigation,`;
}

describe('importing data', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  afterEach(() => workbench?.dispose());

  async function freshWorkspace(area: string | null = 'Colchester') {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create(area);
    return dir;
  }

  it('imports the Colchester police.uk sample and counts it as published', async () => {
    await freshWorkspace();
    const report = valueOf(await workbench.importFile(colchesterSample));

    expect(report.dataset).toMatchObject({
      format: 'police-uk-street',
      fileName: 'police-uk-street-colchester-2018-01.csv',
      rowsRead: 1660,
      rowsImported: 1660,
      rowsRejected: 0,
      duplicates: 0,
      rowsOutOfArea: 0,
      firstMonth: '2018-01',
      lastMonth: '2018-01',
    });
    expect(report.dataset.sha256).toBe('dbc47289b16feaf42d6b9bb54396d7b111695b5234dfc42cb1fd795e1cee6b79');
    expect(report.missingMonths).toEqual([]);
    expect(report.unmappedLabels).toEqual([]);
    expect(report.mapping).toEqual({ identifier: 'Crime ID', period: 'Month', offence: 'Crime type', area: 'LSOA code' });

    const counts = valueOf(await workbench.call('dataset/counts', { datasetId: null, by: 'category' }));
    expect(counts.rows).toEqual(colchesterCounts);
    const byMonth = valueOf(await workbench.call('dataset/counts', { datasetId: report.dataset.id, by: 'month' }));
    expect(byMonth.rows).toEqual([{ key: '2018-01', count: 1660 }]);
    expect(workbench.progress.some((event) => event.rows === 1660 && event.unit === 'bytes')).toBe(true);
  });

  it('refuses the same file twice with a clear message, and changes nothing', async () => {
    await freshWorkspace();
    valueOf(await workbench.importFile(colchesterSample));
    const before = workspaceFingerprint(workbench.path);
    const again = await workbench.importFile(colchesterSample, { partner: 'Someone else' });
    expect(again).toMatchObject({ ok: false, error: { code: 'duplicate-file' } });
    expect(!again.ok && again.error.message).toMatch(/police-uk-street-colchester-2018-01\.csv has already been imported \(dataset 1, from Essex Police/);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });

  it('counts repeated crime IDs as duplicates, within a file and against earlier datasets', async () => {
    const dir = await freshWorkspace();
    const first = join(dir, 'january.csv');
    writeFileSync(first, [streetHeader, streetRow('aaa', '2018-01', 'Burglary'), streetRow('bbb', '2018-01', 'Robbery'), streetRow('aaa', '2018-01', 'Burglary')].join('\n'));
    const second = join(dir, 'january-again.csv');
    writeFileSync(second, [streetHeader, streetRow('bbb', '2018-01', 'Robbery'), streetRow('ccc', '2018-02', 'Drugs'), streetRow('', '2018-02', 'Anti-social behaviour'), streetRow('', '2018-02', 'Anti-social behaviour')].join('\r\n'));

    const a = valueOf(await workbench.importFile(first));
    expect(a.dataset).toMatchObject({ rowsRead: 3, rowsImported: 2, duplicates: 1 });
    const b = valueOf(await workbench.importFile(second, {}, 'import-0002'));
    // ASB rows have no crime ID, so they are never duplicates of each other.
    expect(b.dataset).toMatchObject({ rowsRead: 4, rowsImported: 3, duplicates: 1 });
    const counts = valueOf(await workbench.call('dataset/counts', { datasetId: null, by: 'category' }));
    expect(counts.rows).toEqual([
      { key: 'Anti-social behaviour', count: 2 },
      { key: 'Burglary', count: 1 },
      { key: 'Drugs', count: 1 },
      { key: 'Robbery', count: 1 },
    ]);
    // Each dataset's rows are its own range of ids, each referring to one of its own aggregates.
    expect(brokenRowReferences(workbench.path)).toBe(0);
  });

  it('rejects rows it cannot read, with the row number and the reason', async () => {
    const dir = await freshWorkspace();
    const file = join(dir, 'messy.csv');
    writeFileSync(
      file,
      [
        streetHeader,
        streetRow('r1', '2018-01', 'Burglary'),
        streetRow('r2', '2018-13', 'Burglary'),
        streetRow('r3', '2018-01', ''),
        streetRow('r4', 'last Tuesday', 'Drugs'),
        streetRow('r5', '2018-03', 'Drugs'),
        streetRow('r6', '2018-01', 'Drugs', 'Tendring 001A', 'E01022000'),
        streetRow('r7', '2018-01', 'Drugs', '', ''),
      ].join('\n'),
    );
    const report = valueOf(await workbench.importFile(file));
    expect(report.dataset).toMatchObject({ rowsRead: 7, rowsImported: 3, rowsRejected: 3, rowsOutOfArea: 1 });
    expect(report.rejected.map((rejection) => rejection.row)).toEqual([3, 4, 5]);
    expect(report.rejected[1]!.reason).toBe('The crime type is blank.');
    expect(report.rejected[0]!.reason).toMatch(/^Month: /);
    expect(report.missingMonths).toEqual(['2018-02']);
    expect(report.blankAreaCodes).toBe(1);
    expect(report.otherAreas).toEqual([{ area: 'Tendring', rows: 1, kept: false }]);
  });

  it('imports the Essex rows of the ONS force-area table, column by column, skipping blanks', async () => {
    await freshWorkspace();
    const report = valueOf(await workbench.importFile(onsTable, { partner: 'Office for National Statistics', area: 'Essex' }));
    expect(report.dataset).toMatchObject({ format: 'ons-wide', rowsImported: 10, rowsRejected: 0, firstMonth: '2014-10', lastMonth: '2024-09' });
    expect(report.dataset.rowsOutOfArea).toBe(report.dataset.rowsRead - 10);
    expect(report.ignoredColumns).toEqual(['Population mid-year estim']);
    expect(report.unmappedLabels).toEqual([]);
    const db = new Database(workbench.path, { readonly: true });
    const total = db
      .prepare("SELECT count FROM offence_count WHERE source_label = 'Total recorded crime (excluding fraud)' AND period_to = '2024-09'")
      .pluck()
      .get();
    expect(total).toBe(149862);
    // Stalking and harassment was not published for 2015 and 2016: blank, not zero.
    const stalking = db.prepare("SELECT period_to FROM offence_count WHERE source_label = 'Stalking and harassment' ORDER BY period_to").pluck().all();
    expect(stalking).toHaveLength(8);
    expect(stalking[0]).toBe('2017-09');
    db.close();
  });

  it('says which areas a table covers when none is the partnership’s, and changes nothing', async () => {
    await freshWorkspace('Colchester');
    const before = workspaceFingerprint(workbench.path);
    const result = await workbench.importFile(onsTable, { partner: 'Office for National Statistics' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    expect(!result.ok && result.error.message).toMatch(/none of its rows is for Colchester\. It covers ENGLAND AND WALES, ENGLAND, North East/);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });

  it('imports a Home Office open-data table by quarter and code, keeping comparators when asked', async () => {
    const dir = await freshWorkspace();
    const file = join(dir, 'prc-csp.csv');
    writeFileSync(
      file,
      [
        'Financial Year,Financial Quarter,Force Name,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence Count',
        '2018/19,Q1,Essex,Colchester,Assault with injury,Violence against the person,Violence with injury,8N,250',
        '2018/19,Q2,Essex,Colchester,Assault with injury,Violence against the person,Violence with injury,8N,"1,010"',
        '2018/19,Q1,Essex,Colchester,Trafficking in controlled drugs,Drug offences,Trafficking of drugs,92A,31',
        '2018/19,Q1,Essex,Tendring,Assault with injury,Violence against the person,Violence with injury,8N,120',
        '2018/19,Q5,Essex,Colchester,Assault with injury,Violence against the person,Violence with injury,8N,3',
      ].join('\n'),
    );
    const report = valueOf(await workbench.importFile(file, { partner: 'Home Office', keepComparators: true }));
    expect(report.dataset).toMatchObject({ format: 'ho-open-data', rowsRead: 5, rowsImported: 4, rowsRejected: 1, firstMonth: '2018-04', lastMonth: '2018-09' });
    expect(report.otherAreas).toEqual([{ area: 'Tendring', rows: 1, kept: true }]);
    const db = new Database(workbench.path, { readonly: true });
    expect(
      db.prepare('SELECT source_label, offence_code, period_from, period_to, in_area, count FROM offence_count ORDER BY in_area DESC, period_from, offence_code').all(),
    ).toEqual([
      { source_label: 'Assault with injury', offence_code: '8N', period_from: '2018-04', period_to: '2018-06', in_area: 1, count: 250 },
      { source_label: 'Trafficking in controlled drugs', offence_code: '92A', period_from: '2018-04', period_to: '2018-06', in_area: 1, count: 31 },
      { source_label: 'Assault with injury', offence_code: '8N', period_from: '2018-07', period_to: '2018-09', in_area: 1, count: 1010 },
      { source_label: 'Assault with injury', offence_code: '8N', period_from: '2018-04', period_to: '2018-06', in_area: 0, count: 120 },
    ]);
    db.close();
    const offences = valueOf(await workbench.call('dataset/counts', { datasetId: null, by: 'offence' }));
    expect(offences.rows).toEqual([
      { key: 'Violence with injury', count: 1260 },
      { key: 'Trafficking of drugs', count: 31 },
    ]);
  });

  it('reads the police.uk API flattening, turning slugs into display names', async () => {
    const dir = await freshWorkspace(null);
    const file = join(dir, 'api.csv');
    writeFileSync(
      file,
      [
        'category,persistent_id,month,location_type,lat,long,street_id,street_name,context,id,location_subtype,outcome_status',
        'violent-crime,abc123,2023-01,Force,51.88,0.90,123,On or near High Street,NA,1001,NA,NA',
        'anti-social-behaviour,NA,2023-01,Force,51.88,0.90,124,On or near Park,NA,1002,,NA',
        'anti-social-behaviour,,2023-01,Force,51.88,0.90,124,On or near Park,,1003,,',
        'made-up-slug,def456,2023-02,Force,51.88,0.90,125,On or near Road,,1004,,',
      ].join('\n'),
    );
    const report = valueOf(await workbench.importFile(file, { partner: 'data.police.uk' }));
    expect(report.dataset).toMatchObject({ format: 'police-uk-api', rowsImported: 4, duplicates: 0 });
    expect(report.unmappedLabels).toEqual([{ label: 'made-up-slug', rows: 1 }]);
    const counts = valueOf(await workbench.call('dataset/counts', { datasetId: null, by: 'category' }));
    expect(counts.rows).toEqual([
      { key: 'Anti-social behaviour', count: 2 },
      { key: 'made-up-slug', count: 1 },
      { key: 'Violence and sexual offences', count: 1 },
    ]);
  });

  it('imports a hand-mapped file with UK dates, lists unknown labels and remembers their mapping', async () => {
    const dir = await freshWorkspace(null);
    const file = join(dir, 'council-asb.csv');
    writeFileSync(
      file,
      [
        'Ref;Date reported;Incident category;Ward;Number',
        'A1;01/02/2018;Fly-tipping;Castle;3',
        'A2;28/02/2018;ASB incidents;Castle;5',
        'A3;31/02/2018;ASB incidents;Castle;1',
        'A4;02/13/2018;ASB incidents;Castle;1',
        'A5;15/03/2018;Fly-tipping;Castle;2',
      ].join('\n'),
    );
    const columns = { offence: 'Incident category', period: 'Date reported', count: 'Number', identifier: 'Ref' };
    const report = valueOf(await workbench.importFile(file, { partner: 'Colchester Borough Council', format: 'generic', mapping: columns }));
    expect(report.dataset).toMatchObject({ format: 'generic', rowsRead: 5, rowsImported: 3, rowsRejected: 2 });
    expect(report.rejected.map((rejection) => rejection.row)).toEqual([4, 5]);
    expect(report.rejected[0]!.reason).toMatch(/31\/02\/2018/);
    expect(report.unmappedLabels).toEqual([{ label: 'Fly-tipping', rows: 2 }]);
    expect(report.ignoredColumns).toEqual(['Ward']);

    const mapped = valueOf(await workbench.call('dataset/mapLabel', { datasetId: report.dataset.id, label: 'Fly-tipping', offence: 'indicator:asb-incidents' }));
    expect(mapped.unmappedLabels).toEqual([]);
    const offences = valueOf(await workbench.call('dataset/counts', { datasetId: null, by: 'offence' }));
    expect(offences.rows).toEqual([{ key: 'Anti-social behaviour incidents', count: 10 }]);

    // The partner's column mapping and label meaning are offered again next time.
    const next = join(dir, 'council-asb-april.csv');
    writeFileSync(next, ['Ref;Date reported;Incident category;Ward;Number', 'B1;03/04/2018;Fly-tipping;Castle;4'].join('\n'));
    const staged = valueOf(await workbench.call('dataset/stage', { path: next, partner: 'Colchester Borough Council' }));
    expect(staged.preview.suggestedMapping).toMatchObject(columns);
    const april = valueOf(await workbench.importFile(next, { partner: 'Colchester Borough Council', format: 'generic', mapping: columns }, 'import-0002'));
    expect(april.unmappedLabels).toEqual([]);
  });

  it('removes a dataset with every row it brought', async () => {
    await freshWorkspace();
    const report = valueOf(await workbench.importFile(colchesterSample));
    expect(valueOf(await workbench.call('dataset/remove', { id: report.dataset.id }))).toEqual([]);
    const db = new Database(workbench.path, { readonly: true });
    for (const table of ['imported_row', 'observation', 'offence_count', 'dataset_mapping']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
    // With the rows gone, the same file can come in again.
    expect(valueOf(await workbench.importFile(colchesterSample, {}, 'import-0002')).dataset.rowsImported).toBe(1660);
    expect(brokenRowReferences(workbench.path)).toBe(0);
  });

  it('cancels an import part way and leaves no trace', async () => {
    const dir = await freshWorkspace();
    const file = join(dir, 'big.csv');
    const rows = [streetHeader];
    for (let index = 0; index < 60_000; index += 1) rows.push(streetRow(`id${index}`, '2018-01', 'Burglary'));
    writeFileSync(file, rows.join('\n'));
    const before = workspaceFingerprint(workbench.path);
    const running = workbench.importFile(file, {}, 'cancel-me-01');
    while (!workbench.progress.some((event) => event.operationId === 'cancel-me-01' && (event.rows ?? 0) > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    valueOf(await workbench.call('operation/cancel', { operationId: 'cancel-me-01' }));
    expect(await running).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was changed.' } });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
    expect(valueOf(await workbench.call('dataset/list', {}))).toEqual([]);
  });

  it('refuses other writes while an import runs', async () => {
    const dir = await freshWorkspace();
    const file = join(dir, 'big.csv');
    const rows = [streetHeader];
    for (let index = 0; index < 30_000; index += 1) rows.push(streetRow(`id${index}`, '2018-01', 'Burglary'));
    writeFileSync(file, rows.join('\n'));
    const running = workbench.importFile(file, {}, 'busy-import-1');
    while (!workbench.progress.some((event) => event.operationId === 'busy-import-1' && (event.rows ?? 0) > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(await workbench.call('member/add', { name: 'Essex Police', statutory: true })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(((await running) as { ok: true; value: QualityReport }).value.dataset.rowsImported).toBe(30_000);
    expect(await workbench.call('member/add', { name: 'Essex Police', statutory: true })).toMatchObject({ ok: true });
  });
});

describe('shutting the service down mid-import', () => {
  const tempDir = useTempDir();

  it('closes the workspace and rolls the import back', async () => {
    const dir = tempDir();
    const workbench = new TestWorkbench(dir);
    await workbench.create();
    const file = join(dir, 'big.csv');
    const rows = [streetHeader];
    for (let index = 0; index < 40_000; index += 1) rows.push(streetRow(`id${index}`, '2018-01', 'Burglary'));
    writeFileSync(file, rows.join('\n'));
    const running = workbench.importFile(file, {}, 'shutdown-0001');
    while (!workbench.progress.some((event) => (event.rows ?? 0) > 0)) await new Promise((resolve) => setTimeout(resolve, 1));
    workbench.dispose();
    expect((await running).ok).toBe(false);
    const db = new Database(workbench.path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM dataset').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
