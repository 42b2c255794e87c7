import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policeUkStreetHeader } from '../../fixtures/builders/write-police-uk-csv';
import { writeXlsx } from '../../fixtures/builders/write-xlsx';
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
