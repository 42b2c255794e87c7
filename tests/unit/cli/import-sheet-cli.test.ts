import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policeUkStreetHeader } from '../../fixtures/builders/write-police-uk-csv';
import { writeXlsx } from '../../fixtures/builders/write-xlsx';
import { homeOfficeCspHeader, odsContent, odsEntries } from '../../fixtures/builders/write-ods';
import { writeZip } from '../../fixtures/builders/write-zip';
import { useTempDir } from '../../fixtures/temp-dir';
import { runBuiltCli } from '../../fixtures/built-cli';


const workbench = runBuiltCli;

const row = (id: string) => [id, '2018-01', 'Essex Police', 'Essex Police', '0.93', '51.92', 'On or near Lodge Lane', 'E01021655', 'Colchester 001A', 'Burglary', 'Under investigation', ''];

describe('importing one sheet of a workbook from the CLI', () => {
  const tempDir = useTempDir();

  it('recognises the layout on the sheet named by --sheet, and imports each sheet once', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'sheets.sqlite');
    const book = join(dir, 'extract.xlsx');
    await writeXlsx(book, [
      { name: 'Title page', rows: [['Essex Police – street crime extract']] },
      { name: 'January', rows: [[...policeUkStreetHeader], row('j1'), row('j2')] },
      { name: 'February', rows: [[...policeUkStreetHeader], row('f1')] },
    ]);
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Sheets Partnership', '--area', 'Colchester').code).toBe(0);

    const january = workbench('dataset', 'import', book, '--workspace', workspace, '--partner', 'Essex Police', '--sheet', 'January', '--json');
    expect(january.code, january.stderr).toBe(0);
    expect(JSON.parse(january.stdout).dataset).toMatchObject({ format: 'police-uk-street', rowsRead: 2, rowsImported: 2, rowsRejected: 0 });

    const february = workbench('dataset', 'import', book, '--workspace', workspace, '--partner', 'Essex Police', '--sheet', 'February', '--json');
    expect(february.code, february.stderr).toBe(0);
    expect(JSON.parse(february.stdout).dataset).toMatchObject({ format: 'police-uk-street', rowsRead: 1, rowsImported: 1 });

    const again = workbench('dataset', 'import', book, '--workspace', workspace, '--partner', 'Essex Police', '--sheet', 'January');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/extract\.xlsx \(sheet “January”\) has already been imported/);
  }, 60_000);
});

describe('importing every sheet of an OpenDocument spreadsheet from the CLI', () => {
  const tempDir = useTempDir();
  const cells = (values: (string | number)[]) =>
    values
      .map((value) =>
        typeof value === 'number'
          ? `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`
          : `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`,
      )
      .join('');
  const sheet = (name: string, rows: (string | number)[][]) => `<table:table table:name="${name}">${rows.map((row) => `<table:table-row>${cells(row)}</table:table-row>`).join('')}</table:table>`;
  const offence = (year: string, quarter: number, csp: string, count: number) => [year, quarter, 'Essex', csp, 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', count];

  it('imports the years’ sheets that share a header as one dataset with --all-sheets, passing over the Notes sheet', async () => {
    const dir = tempDir();
    const workspace = join(dir, 'csp.sqlite');
    const book = join(dir, 'prc-csp-tables.ods');
    writeZip(
      book,
      odsEntries(
        odsContent(
          sheet('Notes', [['Police recorded crime by Community Safety Partnership']]) +
            sheet('2023_24', [[...homeOfficeCspHeader], offence('2023/24', 1, 'Colchester', 10), offence('2023/24', 2, 'Tendring', 4)]) +
            sheet('2024_25', [[...homeOfficeCspHeader], offence('2024/25', 1, 'Colchester CSP', 12), offence('2024/25', 1, 'Unassigned', 3)]),
        ),
      ),
    );
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Safer Colchester', '--area', 'Colchester').code).toBe(0);

    const both = workbench('dataset', 'import', book, '--workspace', workspace, '--partner', 'Home Office', '--sheet', '2023_24', '--all-sheets');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/Give either --sheet or --all-sheets, not both/);

    const all = workbench('dataset', 'import', book, '--workspace', workspace, '--partner', 'Home Office', '--all-sheets', '--json');
    expect(all.code, all.stderr).toBe(0);
    const result = JSON.parse(all.stdout);
    expect(result.dataset).toMatchObject({ format: 'ho-open-data', rowsRead: 4, rowsImported: 2, rowsOutOfArea: 2, firstMonth: '2023-04', lastMonth: '2024-06' });
    expect(result.sheets).toEqual([
      { name: 'Notes', rowsRead: 0, skipped: 'no header the workbench recognises' },
      { name: '2023_24', rowsRead: 2, skipped: null },
      { name: '2024_25', rowsRead: 2, skipped: null },
    ]);
    const counts = workbench('dataset', 'counts', '--workspace', workspace, '--by', 'month', '--json');
    expect(JSON.parse(counts.stdout).rows).toEqual([
      { key: '2023-04', count: 10 },
      { key: '2024-04', count: 12 },
    ]);
    const text = workbench('dataset', 'report', '1', '--workspace', workspace);
    expect(text.stdout).toContain('Sheet “2024_25”: 2 rows read');
  }, 60_000);
});
