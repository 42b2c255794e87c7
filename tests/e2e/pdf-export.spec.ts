import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pdfInfo, pdfText, qpdfCheck } from '../fixtures/pdf-tools';
import { expectNoViolations, goTo, valueOf } from './page-checks';
import { expect, test, type Harness } from './harness';

async function openDemoExport(page: Page, workbench: Harness, freeze = false) {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-pdf-01' }));
  if (freeze) valueOf(await workbench.service.call('run/freeze', { name: 'Board draft' }));
  await workbench.open();
  await goTo(page, 'Export');
}

test('exports the Partnership Plan and shows its first pages, drawn offline inside the CSP, then shows it in its folder, with no axe violations', async ({ page, workbench }) => {
  await openDemoExport(page, workbench);
  await page.getByRole('radio', { name: 'Partnership Plan (PDF)' }).check();
  await expect(page.getByRole('checkbox', { name: 'Add the raw data' })).toHaveCount(0);
  // The ranking chart the documents print, drawn on screen from the same spec and palette.
  const ranking = valueOf<{ ranking: { label: string; score: number }[] }>(await workbench.service.call('matrix/show', {})).ranking;
  const chart = page.getByTestId('ranking-chart');
  await expect(chart.getByTestId('ranking-chart-row')).toHaveCount(10);
  await expect(chart.getByTestId('ranking-chart-row').first()).toContainText(`1. ${ranking[0]!.label}`);
  await expect(chart.getByRole('img')).toBeVisible();
  await expect(chart).toContainText(`A bar chart of the 10 highest-scoring offence types by risk-matrix score, highest first: 1. ${ranking[0]!.label}, ${ranking[0]!.score};`);
  await expectNoViolations(page, 'the Export screen with the plan chosen');

  const plan = join(workbench.dir, 'plan.pdf');
  workbench.choose['export/pdf'] = plan;
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-status')).toHaveText(/^Saved plan\.pdf \([\d.,]+ KB\) from the current scoring\.$/);
  qpdfCheck(plan);
  const pages = Number(pdfInfo(plan)['Pages']);

  // pdf.js drew the first three pages: each canvas is named and has ink on it.
  const preview = page.getByTestId('pdf-preview');
  await expect(preview.getByRole('img')).toHaveCount(3);
  await expect(preview.getByRole('img', { name: `Partnership Plan, page 1 of ${pages}` })).toBeVisible();
  await expect(preview).toContainText(`The first 3 pages of ${pages}, as saved.`);
  const inked = await preview.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let index = 0; index < data.length; index += 4) if (data[index]! < 128) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(500);
  await expectNoViolations(page, 'the Export screen with a preview');
  await page.screenshot({ path: 'test-artefacts/screens/export-screen.png', fullPage: true });

  await page.getByRole('button', { name: 'Show in folder' }).click();
  await page.getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => workbench.revealed).toEqual([
    { path: plan, action: 'show' },
    { path: plan, action: 'open' },
  ]);
  expect(workbench.foreignRequests).toEqual([]);
});

test('the board paper from a frozen run, for publication: a draft is refused before the save dialog, and details edited on the screen are saved by Export and reach the file', async ({ page, workbench }) => {
  await openDemoExport(page, workbench, true);
  // The workbook carries no document details, so they are shown for the PDFs only.
  await expect(page.getByRole('heading', { name: 'Document details' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Board paper (PDF)' }).check();
  await expect(page.getByRole('heading', { name: 'Document details' })).toBeVisible();
  await page.getByRole('radio', { name: /^Frozen run 1, “Board draft”/ }).check();

  // While the status is Draft, the publication choice says that publication needs Final.
  const publication = page.getByRole('checkbox', { name: 'Publication mode: suppress small counts' });
  const needsFinal = 'For publication the board paper must be final, and its status is Draft. Set the status to Final under Document details once the board has agreed it.';
  await expect(page.getByTestId('publication-needs-final')).toHaveText(needsFinal);
  await expect(publication).toHaveAccessibleDescription(`Counts below the threshold are shown as [c], with any figure that would reveal them. Zeros are shown. ${needsFinal}`);
  await publication.check();
  await page.getByLabel('Suppress counts below').fill('20');
  const paper = join(workbench.dir, 'board paper.pdf');
  workbench.choose['export/pdf'] = paper;
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'still a draft' })).toHaveText(
    'The board paper is still a draft. Set its status to Final under Document details, once the board has agreed it, before exporting it for publication.',
  );
  expect(existsSync(paper)).toBe(false);
  await expectNoViolations(page, 'the Export screen refusing a draft for publication');

  // A date that does not exist is refused on the form, linked to its day box.
  const date = page.getByRole('group', { name: 'Date (optional)' });
  await date.getByLabel('Day').fill('30');
  await date.getByLabel('Month').fill('2');
  await date.getByLabel('Year').fill('2019');
  await page.getByRole('button', { name: 'Save document details' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('That date does not exist. Give a real day, for example 31 3 2019.');
  await expect(date).toHaveAccessibleDescription(/That date does not exist/);
  await summary.getByRole('link', { name: /That date does not exist/ }).click();
  await expect(date.getByLabel('Day')).toBeFocused();
  await expectNoViolations(page, 'the document details with a date that does not exist');

  // The analyst corrects the details and makes the paper final, without saving them first.
  await date.getByLabel('Day').fill('31');
  await date.getByLabel('Month').fill('3');
  await page.getByLabel('Version').fill('2.1');
  await page.getByLabel('Contact details').fill('Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG');
  await page.getByLabel('Final: as agreed by the board').check();
  await expect(page.getByTestId('publication-needs-final')).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'still a draft' })).toHaveCount(0);
  await expect(page.getByTestId('export-save-first')).toHaveText('The document details have changes that are not saved yet. Export saves them first, and the board paper uses them.');
  const saveAndExport = page.getByRole('button', { name: 'Save details and export…' });
  await expect(saveAndExport).toHaveAccessibleDescription(/not saved yet/);
  await expectNoViolations(page, 'the Export screen with unsaved document details');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-artefacts/screens/export-details-unsaved.png', fullPage: true });

  await saveAndExport.click();
  await expect(page.getByTestId('export-status')).toContainText('from the frozen run 1');
  await expect(page.getByRole('button', { name: 'Export…' })).toBeVisible();
  await expect(page.getByTestId('export-save-first')).toHaveCount(0);
  const stored = valueOf<{ details: { version: string; status: string; date: string | null; contact: string } }>(await workbench.service.call('document/show', {})).details;
  expect(stored).toMatchObject({ version: '2.1', status: 'final', date: '2019-03-31', contact: 'Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG' });
  await expect(page.getByTestId('pdf-preview').getByRole('img', { name: /^Board paper, page 1 of \d+$/ })).toBeVisible();
  const text = pdfText(paper);
  expect(text).toContain('Frozen run 1');
  expect(text).toContain('version 2.1 (final)');
  expect(text).toContain('31 March 2019');
  expect(text).toContain('[c]');
  expect(text.replace(/\s+/g, ' ')).toContain('FINAL: for publication. Small numbers are suppressed.');
  expect(text).not.toContain('DRAFT: for discussion');
  expect(text).toContain('Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG');
});

test('Cancel during a PDF export leaves no file', async ({ page, workbench }) => {
  await openDemoExport(page, workbench);
  await page.getByRole('radio', { name: 'Partnership Plan (PDF)' }).check();
  const plan = join(workbench.dir, 'cancelled.pdf');
  workbench.choose['export/pdf'] = plan;
  const release = workbench.hold('export/pdf');
  await page.getByRole('button', { name: 'Export…' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(page.getByTestId('export-status')).toHaveText('Nothing was saved.');
  await expect(page.getByTestId('pdf-preview')).toHaveCount(0);
  expect(existsSync(plan)).toBe(false);
});
