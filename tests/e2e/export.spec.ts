import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Priority } from '../../shared/domain/priority';
import { expectNoViolations, goTo, valueOf } from './page-checks';
import { expect, test } from './harness';

test('writes two priorities linked to ranked types, exports the workbook from the Export screen with a progress bar, and opens it, with no axe violations', async ({
  page,
  workbench,
}) => {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-export-1' }));
  for (const priority of valueOf<Priority[]>(await workbench.service.call('priority/list', {}))) {
    valueOf(await workbench.service.call('priority/remove', { id: priority.id }));
  }
  await workbench.open();

  // The analyst writes two priorities on the Priorities screen, each linked to ranked types.
  await goTo(page, 'Priorities');
  for (const [title, label, rank] of [
    ['Reduce violence with injury in the town centre at night', 'Violence with injury', 1],
    ['Bring more sexual offences to light and to justice', 'Sexual offences', 2],
  ] as const) {
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Aim').fill('Fewer victims.');
    await page.getByTestId('priority-form').getByRole('checkbox', { name: new RegExp(`^Rank ${rank} ?${label}`) }).check();
    await page.getByRole('button', { name: 'Add priority' }).click();
    await expect(page.getByTestId('priorities-status')).toHaveText(/^Priority (One|Two) added\.$/);
  }

  await goTo(page, 'Export');
  await expect(page.getByRole('radio', { name: 'Evidence workbook (Excel)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Current scoring' })).toBeChecked();
  await expectNoViolations(page, 'the Export screen');

  // Publication mode offers a threshold and takes the raw data away.
  await page.getByRole('checkbox', { name: 'Publication mode: suppress small counts' }).check();
  await expect(page.getByLabel('Suppress counts below')).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: 'Add the raw data' })).toBeDisabled();
  // The workbook has no draft or final status: publication asks nothing more of it.
  await expect(page.getByTestId('publication-needs-final')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Document details' })).toHaveCount(0);
  await expectNoViolations(page, 'the Export screen in publication mode');
  await page.getByRole('checkbox', { name: 'Publication mode: suppress small counts' }).uncheck();

  const destination = join(workbench.dir, 'Evidence.xlsx');
  workbench.choose['export/workbook'] = destination;
  const release = workbench.hold('export/workbook');
  await page.getByRole('button', { name: 'Export…' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  release();
  await expect(page.getByTestId('export-status')).toHaveText(/^Saved Evidence\.xlsx \([\d.,]+ (KB|MB)\) from the current scoring\.$/);
  await expect(progress).toBeHidden();
  expect(existsSync(destination)).toBe(true);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(destination);
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
    'Cover',
    'Contents',
    'Notes',
    'Partnership',
    'Datasets',
    'Data quality',
    'Offences',
    'Matrix',
    'Ranking',
    'Sensitivity',
    'Priorities',
  ]);
  const priorities: string[] = [];
  book.getWorksheet('Priorities')!.eachRow((row) => priorities.push(String(row.getCell(2).value)));
  expect(priorities.slice(-2)).toEqual([
    'Priority One – Reduce violence with injury in the town centre at night',
    'Priority Two – Bring more sexual offences to light and to justice',
  ]);
  const linked: string[] = [];
  book.getWorksheet('Priorities')!.eachRow((row) => linked.push(String(row.getCell(4).value)));
  expect(linked.slice(-2)).toEqual(['Violence with injury (1)', 'Sexual offences (2)']);

  await page.getByRole('button', { name: 'Show in folder' }).click();
  await page.getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => workbench.revealed).toEqual([
    { path: destination, action: 'show' },
    { path: destination, action: 'open' },
  ]);
  await expectNoViolations(page, 'the Export screen after an export');
  await page.screenshot({ path: join(__dirname, '../../test-results/export-screen.png'), fullPage: true });
});

test('a cancelled save dialog saves nothing and says so', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-export-2' }));
  await workbench.open();
  await goTo(page, 'Export');
  workbench.choose['export/workbook'] = null;
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-status')).toHaveText('Nothing was saved.');
  await expect(page.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
});
