import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { odsContent, odsEntries } from '../../fixtures/builders/write-ods';
import { convertManyWithLibreOffice, convertWithLibreOffice } from '../../fixtures/libreoffice';
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

  describe('hostile OpenDocument spreadsheets', () => {
    const homeOfficeHeader = 'Financial Year,Financial Quarter,Force Name,CSP Name,Offence Description,Offence Group,Offence Subgroup,Offence Code,Offence Count'.split(',');
    const sheetXml = (rows: string[][]) =>
      odsContent(
        `<table:table table:name="2024_25">${rows
          .map((row) => `<table:table-row>${row.map((value) => `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`).join('')}</table:table-row>`)
          .join('')}</table:table>`,
      );
    const genuine = sheetXml([homeOfficeHeader, ['2024/25', '1', 'Essex', 'Colchester', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', '12']]);
    // Files only LibreOffice writes, made once: a flat OpenDocument file and an old .xls.
    let libreOfficeDir: string;
    beforeAll(async () => {
      libreOfficeDir = mkdtempSync(join(tmpdir(), 'cswb-hostile-'));
      await writeXlsx(join(libreOfficeDir, 'table.xlsx'), [{ name: '2024_25', rows: [homeOfficeHeader, ['2024/25', 1, 'Essex', 'Colchester', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', 12]] }]);
      convertManyWithLibreOffice([join(libreOfficeDir, 'table.xlsx')], libreOfficeDir, 'fods');
      convertWithLibreOffice(join(libreOfficeDir, 'table.xlsx'), libreOfficeDir, 'xls:MS Excel 97');
    }, 240_000);
    afterAll(() => rmSync(libreOfficeDir, { recursive: true, force: true }));

    it('a genuine one is imported (so that the refusals below are the hostile part’s doing)', async () => {
      writeZip(join(dir, 'genuine.ods'), odsEntries(genuine));
      const report = valueOf(await workbench.importFile(join(dir, 'genuine.ods'), { partner: 'Home Office' }, 'import-ods-1'));
      expect(report.dataset).toMatchObject({ format: 'ho-open-data', rowsImported: 1 });
    });

    it('an XML entity declaration', async () => {
      const withEntities = genuine.replace('<office:document-content', '<!DOCTYPE office:document-content [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<office:document-content');
      writeZip(join(dir, 'entities.ods'), odsEntries(withEntities));
      await expectRefused('entities.ods', /contains an XML document type declaration \(<!DOCTYPE …>\), which can declare entities/);
    });

    it('a decompression bomb', async () => {
      writeZip(join(dir, 'bomb.ods'), odsEntries(Buffer.concat([Buffer.from(genuine.slice(0, 200)), Buffer.alloc(32 * 1024 * 1024, 0x20)])));
      await expectRefused('bomb.ods', /“bomb\.ods” does not look like a genuine OpenDocument spreadsheet: one part of it expands more than 200 times/);
    });

    it('a part whose name reaches outside the folder it would be unpacked into', async () => {
      writeZip(join(dir, 'slip.ods'), [...odsEntries(genuine), { name: '../../../home/analyst/.bashrc', data: 'echo owned' }]);
      await expectRefused('slip.ods', /“slip\.ods” does not look like a genuine OpenDocument spreadsheet: it contains a part named “\.\.\/\.\.\/\.\.\/home\/analyst\/\.bashrc”, which points outside the file/);
      writeZip(join(dir, 'absolute.ods'), [...odsEntries(genuine), { name: '/etc/cron.d/job', data: '* * * * * root true' }]);
      await expectRefused('absolute.ods', /contains a part named “\/etc\/cron\.d\/job”, which points outside the file/);
    });

    it('an encrypted document', async () => {
      const encryption =
        '<manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="c2hhMjU2">' +
        '<manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="aXY="/>' +
        '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="c2FsdA=="/>' +
        '</manifest:encryption-data>';
      // Encrypted content is random bytes to anyone without the password.
      const scrambled = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 251));
      writeZip(join(dir, 'locked.ods'), odsEntries(scrambled, { manifestEntry: encryption, contentPart: { store: true } }));
      await expectRefused('locked.ods', /“locked\.ods” is password-protected\. In LibreOffice Calc, open it with the password/);
    });

    it('a flat OpenDocument file (.fods)', async () => {
      copyFileSync(join(libreOfficeDir, 'table.fods'), join(dir, 'table.fods'));
      await expectRefused('table.fods', /“table\.fods” is a flat OpenDocument spreadsheet \(\.fods, one XML file\)/);
      // Renamed, it is still recognised for what it is.
      copyFileSync(join(libreOfficeDir, 'table.fods'), join(dir, 'table-fods.csv'));
      await expectRefused('table-fods.csv', /is a flat OpenDocument spreadsheet/);
    });

    it('an old Excel file (.xls) renamed to .ods', async () => {
      copyFileSync(join(libreOfficeDir, 'table.xls'), join(dir, 'renamed.ods'));
      await expectRefused('renamed.ods', /“renamed\.ods” is an old Excel 97–2003 workbook \(\.xls\), whatever its name says/);
    });

    it('a text document saved by Writer, and a damaged one', async () => {
      writeZip(join(dir, 'letter.ods'), [{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true }, ...odsEntries(genuine).slice(1)]);
      await expectRefused('letter.ods', /“letter\.ods” is an OpenDocument text document \(from LibreOffice Writer, say\), not a spreadsheet/);
      writeZip(join(dir, 'cut.ods'), odsEntries(genuine.slice(0, genuine.indexOf('</table:table-row>') + 30)));
      await expectRefused('cut.ods', /“cut\.ods” is damaged or not a complete OpenDocument spreadsheet/);
    });
  });

  it('a file renamed from one already imported', async () => {
    copyFileSync(colchesterSample, join(dir, 'renamed.csv'));
    const result = await workbench.importFile(join(dir, 'renamed.csv'), {}, 'import-bad-1');
    expect(result).toMatchObject({ ok: false, error: { code: 'duplicate-file' } });
    expect(workspaceFingerprint(workbench.path)).toBe(before);
  });
});
