import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { rawXlsxEntries, writeZip } from '../../fixtures/builders/write-zip';
import { writeXlsx } from '../../fixtures/builders/write-xlsx';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const colchesterSample = join(__dirname, '../../../resources/data/police-uk-street-colchester-2018-01.csv');
const streetHeader = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/**
 * Every bad file fails with a message naming the file and saying what to do, and the
 * workspace (which already holds a dataset) is left byte for byte as it was.
 */
describe('bad files', () => {
  const tempDir = useTempDir();
  let dir: string;
  let workbench: TestWorkbench;
  let before: string;

  beforeEach(async () => {
    dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create();
    valueOf(await workbench.importFile(colchesterSample, {}, 'import-setup'));
    before = workspaceFingerprint(workbench.path);
  });
  afterEach(() => workbench.dispose());

  async function expectRefused(fileName: string, message: RegExp) {
    const result = await workbench.importFile(join(dir, fileName), {}, 'import-bad-1');
    expect(result.ok, `${fileName} was accepted`).toBe(false);
    if (result.ok) return;
    expect(['invalid-file', 'invalid-input']).toContain(result.error.code);
    expect(result.error.message).toContain(fileName);
    expect(result.error.message).toMatch(message);
    expect(workspaceFingerprint(workbench.path)).toBe(before);
    expect(valueOf(await workbench.call('dataset/list', {}))).toHaveLength(1);
  }

  it('an empty file', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    await expectRefused('empty.csv', /empty/);
  });

  it('a header with no rows', async () => {
    writeFileSync(join(dir, 'header-only.csv'), `${streetHeader}\n`);
    await expectRefused('header-only.csv', /header row but no data rows/);
  });

  it('a binary file', async () => {
    writeFileSync(join(dir, 'photo.csv'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]));
    await expectRefused('photo.csv', /not a text or spreadsheet file/);
  });

  it('a truncated spreadsheet', async () => {
    await writeXlsx(join(dir, 'whole.xlsx'), [{ name: 'Data', rows: [streetHeader.split(','), ['a', '2018-01', 'x', 'x', '0', '0', 'x', 'E01', 'Colchester 001A', 'Burglary', '', '']] }]);
    const bytes = readFileSync(join(dir, 'whole.xlsx'));
    writeFileSync(join(dir, 'truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused('truncated.xlsx', /damaged or not a complete Excel file/);
  });

  it('a password-protected spreadsheet', async () => {
    writeFileSync(join(dir, 'protected.xlsx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 1)]));
    await expectRefused('protected.xlsx', /password-protected/);
  });

  it('a decompression bomb', async () => {
    writeZip(join(dir, 'bomb.xlsx'), rawXlsxEntries([{ name: 'Sheet1', sheetData: '', part: { data: Buffer.alloc(32 * 1024 * 1024, 0x20) } }]));
    await expectRefused('bomb.xlsx', /does not look like a genuine Excel file/);
  });

  it('thousands of columns', async () => {
    const wide = Array.from({ length: 5000 }, (_, index) => `c${index}`).join(',');
    writeFileSync(join(dir, 'wide.csv'), `${wide}\n${wide}\n`);
    await expectRefused('wide.csv', /columns/);
  });

  it('a single huge line', async () => {
    writeFileSync(join(dir, 'one-line.csv'), `${streetHeader}\n${'x'.repeat(3 * 1024 * 1024)}\n`);
    await expectRefused('one-line.csv', /Row 2 of “one-line.csv” is longer/);
  });

  it('a spreadsheet whose every row is unreadable', async () => {
    writeFileSync(join(dir, 'all-bad.csv'), [streetHeader, 'a,13/2018,x,x,0,0,x,E01,Colchester 001A,Burglary,,', 'b,,x,x,0,0,x,E01,Colchester 001A,Burglary,,'].join('\n'));
    await expectRefused('all-bad.csv', /every row was rejected/);
  });

  it('a file renamed from one already imported', async () => {
    copyFileSync(colchesterSample, join(dir, 'renamed.csv'));
    const result = await workbench.importFile(join(dir, 'renamed.csv'), {}, 'import-bad-1');
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate-file' } });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });
});
