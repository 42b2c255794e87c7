import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { homeOfficeCspHeader, odsContent, odsEntries } from '../fixtures/builders/write-ods';
import { writeZip } from '../fixtures/builders/write-zip';
import { expectNoViolations } from './page-checks';
import { expect, test, type Harness } from './harness';

const colchesterSample = join(__dirname, '../../resources/data/police-uk-street-colchester-2018-01.csv');

async function openDataScreen(page: Page, workbench: Harness) {
  await workbench.service.call('workspace/create', { path: join(workbench.dir, 'data.sqlite'), name: 'Safer Colchester Partnership', area: 'Colchester' });
  await workbench.service.call('member/add', { name: 'Essex Police', statutory: true });
  await workbench.service.call('member/add', { name: 'Colchester Borough Council', statutory: true });
  await workbench.open();
  await page.getByRole('navigation', { name: 'Workflow' }).getByRole('button', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { name: 'Import a file' })).toBeVisible();
}

test('imports the Colchester police.uk sample with a progress bar and shows its data-quality report', async ({ page, workbench }) => {
  await openDataScreen(page, workbench);
  await expectNoViolations(page, 'the empty Data screen');

  workbench.choose['dataset/stage'] = colchesterSample;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByTestId('staged-file')).toHaveText('police-uk-street-colchester-2018-01.csv');
  await expect(page.getByTestId('detected-layout')).toHaveText('data.police.uk street-level crime (bulk download)');
  await expect(page.getByRole('region', { name: 'The first rows of the file' })).toContainText('Colchester 001A');
  await page.getByLabel('Partner', { exact: true }).selectOption('Essex Police');
  await expectNoViolations(page, 'the import set-up');

  const release = workbench.hold('dataset/import');
  await page.getByRole('button', { name: 'Import police-uk-street-colchester-2018-01.csv' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress).toContainText('Importing police-uk-street-colchester-2018-01.csv');
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  release();

  const report = page.getByTestId('quality-report');
  await expect(report).toBeVisible();
  await expect(report.getByTestId('report-rows-read')).toHaveText('1,660');
  await expect(report.getByTestId('report-imported')).toHaveText('1,660');
  await expect(report.getByTestId('report-rejected')).toHaveText('0');
  await expect(report).toContainText('Covers January 2018 to January 2018.');
  await expect(report).toContainText('Every offence label maps to the Home Office taxonomy.');
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  await expect(page.getByTestId('dataset-row')).toContainText('Essex Police');
  await expectNoViolations(page, 'the data-quality report');

  const counts = await workbench.service.call('dataset/counts', { datasetId: null, by: 'category' });
  expect(counts).toMatchObject({ ok: true, value: { rows: expect.arrayContaining([{ key: 'Burglary', count: 113 }]) } });
  await expect(page.getByTestId('open-workspace')).toBeVisible();
  expect(workbench.foreignRequests).toEqual([]);
});

test('imports an xlsx with title rows above the header', async ({ page, workbench }) => {
  const file = join(workbench.dir, 'csp-quarterly.xlsx');
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Notes');
  notes.addRow(['Police recorded crime: notes']);
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['Police recorded crime by Community Safety Partnership']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['Source: Home Office']);
  sheet.addRow([]);
  sheet.addRow(['Financial Year', 'Financial Quarter', 'Force Name', 'CSP Name', 'Offence Description', 'Offence Group', 'Offence Subgroup', 'Offence Code', 'Offence Count']);
  sheet.addRow(['2018/19', 'Q1', 'Essex', 'Colchester', 'Rape of a female aged 16 and over', 'Sexual offences', 'Rape', '19C', 21]);
  sheet.addRow(['2018/19', 'Q1', 'Essex', 'Colchester', 'Possession of article with blade or point', 'Possession of weapons offences', 'Possession of weapons offences', '10D', 14]);
  sheet.addRow(['2018/19', 'Q2', 'Essex', 'Colchester', 'Rape of a female aged 16 and over', 'Sexual offences', 'Rape', '19C', { formula: '10+9', result: 19 }]);
  await workbook.xlsx.writeFile(file);

  await openDataScreen(page, workbench);
  workbench.choose['dataset/stage'] = file;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByLabel('Worksheet')).toBeVisible();
  await page.getByLabel('Worksheet').selectOption('Data');
  await expect(page.getByTestId('detected-layout')).toHaveText('Home Office police recorded crime open data (long)');
  await expect(page.getByRole('region', { name: 'The first rows of the file' })).toContainText('under the header on row 4');

  // Cancelled straight away: nothing is imported, and the file can still be imported.
  let release = workbench.hold('dataset/import');
  await page.getByRole('button', { name: 'Import csp-quarterly.xlsx' }).click();
  await page.getByTestId('progress').getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(page.getByRole('alert')).toContainText('The import was cancelled. Nothing was imported.');
  expect(await workbench.service.call('dataset/list', {})).toEqual({ ok: true, value: [] });

  release = workbench.hold('dataset/import');
  await page.getByRole('button', { name: 'Import csp-quarterly.xlsx' }).click();
  await expect(page.getByTestId('progress').getByRole('progressbar')).toBeVisible();
  release();
  const report = page.getByTestId('quality-report');
  await expect(report.getByTestId('report-imported')).toHaveText('3');
  await expect(report).toContainText('Covers April 2018 to September 2018.');
  const offences = await workbench.service.call('dataset/counts', { datasetId: null, by: 'offence' });
  expect(offences).toEqual({
    ok: true,
    value: { rows: [{ key: 'Rape offences', count: 40 }, { key: 'Possession of weapons offences', count: 14 }] },
  });
});

test('maps an unknown layout and an unknown label, and keeps the mapping for the partner', async ({ page, workbench }) => {
  const file = join(workbench.dir, 'council-incidents.csv');
  writeFileSync(
    file,
    ['Incident category,When,How many,Notes', 'Fly-tipping,03/01/2018,4,', 'Noise nuisance,17/01/2018,2,', 'Fly-tipping,31/02/2018,1,bad date', 'Noise nuisance,06/02/2018,3,'].join('\n'),
  );
  await openDataScreen(page, workbench);
  workbench.choose['dataset/stage'] = file;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByTestId('detected-layout')).toHaveText('Not recognised: map the columns below');
  await page.getByLabel('Partner', { exact: true }).selectOption('Colchester Borough Council');

  await page.getByRole('button', { name: 'Import council-incidents.csv' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the column that holds the date or period.');
  await expectNoViolations(page, 'the column-mapping step with errors');

  await page.getByLabel('Offence or indicator').selectOption('Incident category');
  await page.getByLabel('Date or period').selectOption('When');
  await page.getByLabel('Count (optional)').selectOption('How many');
  await page.getByRole('button', { name: 'Import council-incidents.csv' }).click();

  const report = page.getByTestId('quality-report');
  await expect(report.getByTestId('report-imported')).toHaveText('3');
  await expect(report.getByTestId('report-rejected')).toHaveText('1');
  await expect(page.getByTestId('rejected-rows')).toContainText('31/02/2018');
  await expect(report).toContainText('2 labels need mapping to an offence');
  await expectNoViolations(page, 'a report with labels to map');

  await page.getByLabel('What “Fly-tipping” means').selectOption({ label: 'Anti-social behaviour incidents' });
  await page.getByRole('button', { name: 'Save the meaning of Fly-tipping' }).click();
  await expect(report).toContainText('1 label needs mapping to an offence');
  await page.getByLabel('What “Noise nuisance” means').selectOption({ label: 'Anti-social behaviour incidents' });
  await page.getByRole('button', { name: 'Save the meaning of Noise nuisance' }).click();
  await expect(report).toContainText('Every offence label maps to the Home Office taxonomy.');

  const offences = await workbench.service.call('dataset/counts', { datasetId: null, by: 'offence' });
  expect(offences).toEqual({ ok: true, value: { rows: [{ key: 'Anti-social behaviour incidents', count: 9 }] } });

  // The partner's column mapping comes back for its next file.
  const next = join(workbench.dir, 'council-incidents-march.csv');
  writeFileSync(next, ['Incident category,When,How many,Notes', 'Fly-tipping,03/03/2018,5,'].join('\n'));
  workbench.choose['dataset/stage'] = next;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByLabel('Offence or indicator')).toHaveValue('Incident category');
  await expect(page.getByLabel('Date or period')).toHaveValue('When');
});

test('a file that cannot be read gets a clear message and changes nothing', async ({ page, workbench }) => {
  const file = join(workbench.dir, 'empty.csv');
  writeFileSync(file, '');
  await openDataScreen(page, workbench);
  workbench.choose['dataset/stage'] = file;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await expect(page.getByRole('alert')).toContainText('empty.csv');
  await expect(page.getByRole('alert')).toContainText('empty');
  expect(await workbench.service.call('dataset/list', {})).toEqual({ ok: true, value: [] });
});

test('stages a file dragged onto the drop zone', async ({ page, workbench }) => {
  await openDataScreen(page, workbench);
  workbench.dropped['police-uk-street-colchester-2018-01.csv'] = colchesterSample;
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['not read by the page'], 'police-uk-street-colchester-2018-01.csv', { type: 'text/csv' }));
    return transfer;
  });
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('staged-file')).toHaveText('police-uk-street-colchester-2018-01.csv');
  await expect(page.getByTestId('detected-layout')).toHaveText('data.police.uk street-level crime (bulk download)');

  // A file the harness has no path for is what a page-made File looks like to the preload.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const unknown = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['x'], 'made-up.csv'));
    return transfer;
  });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: unknown });
  await expect(page.getByRole('alert')).toContainText('Only files from your computer can be dropped here.');
});

test('imports every year’s sheet of an OpenDocument table as one dataset, chosen as All sheets', async ({ page, workbench }) => {
  const file = join(workbench.dir, 'prc-csp-tables.ods');
  const cell = (value: string | number) =>
    typeof value === 'number'
      ? `<table:table-cell office:value-type="float" office:value="${value}"><text:p>${value}</text:p></table:table-cell>`
      : `<table:table-cell office:value-type="string"><text:p>${value}</text:p></table:table-cell>`;
  const sheet = (name: string, rows: (string | number)[][]) =>
    `<table:table table:name="${name}">${rows.map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`).join('')}</table:table>`;
  const row = (year: string, quarter: number, count: number) => [year, quarter, 'Essex', 'Colchester', 'Assault with injury', 'Violence against the person', 'Violence with injury', '8N', count];
  writeZip(
    file,
    odsEntries(
      odsContent(
        sheet('Notes', [['Police recorded crime by Community Safety Partnership: notes']]) +
          sheet('2023_24', [[...homeOfficeCspHeader], row('2023/24', 1, 30), row('2023/24', 2, 25)]) +
          sheet('2024_25', [[...homeOfficeCspHeader], row('2024/25', 1, 41)]),
      ),
    ),
  );

  await openDataScreen(page, workbench);
  workbench.choose['dataset/stage'] = file;
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  // The Notes sheet is passed over: the first year is shown.
  await expect(page.getByLabel('Worksheet')).toHaveValue('2023_24');
  await expect(page.getByTestId('detected-layout')).toHaveText('Home Office police recorded crime open data (long)');
  await page.getByLabel('Worksheet').selectOption({ label: 'All sheets' });
  await expect(page.getByText('Every sheet with the same header as “2023_24”, shown below, is imported as one dataset; the others are passed over.')).toBeVisible();
  await expectNoViolations(page, 'the choice of all sheets');
  await page.getByRole('button', { name: 'Import prc-csp-tables.ods' }).click();

  const report = page.getByTestId('quality-report');
  await expect(report.getByTestId('report-imported')).toHaveText('3');
  await expect(report.getByTestId('report-sheets')).toContainText('Sheet “Notes”: passed over (no header the workbench recognises)');
  await expect(report.getByTestId('report-sheets')).toContainText('Sheet “2024_25”: 1 row read');
  await expect(report).toContainText('Covers April 2023 to June 2024.');
  expect(await workbench.service.call('dataset/counts', { datasetId: null, by: 'month' })).toEqual({
    ok: true,
    value: { rows: [{ key: '2023-04', count: 30 }, { key: '2023-07', count: 25 }, { key: '2024-04', count: 41 }] },
  });
});
