import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { qpdfCheck, pdfInfo, pdfText } from '../fixtures/pdf-tools';
import { expectNoViolations, goTo, valueOf } from './page-checks';
import { expect, test, type Harness } from './harness';

async function openDemoExport(page: Page, workbench: Harness) {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-export-1' }));
  await workbench.open();
  await goTo(page, 'Export');
  await expect(page.getByRole('heading', { name: 'Partnership Plan and board paper (PDF)' })).toBeVisible();
}

test('exports the Partnership Plan and shows its first pages, drawn offline inside the CSP, with no axe violations', async ({ page, workbench }) => {
  await openDemoExport(page, workbench);
  await expectNoViolations(page, 'the Export screen');

  const plan = join(workbench.dir, 'plan.pdf');
  workbench.choose['export/pdf'] = plan;
  await page.getByRole('button', { name: 'Export the Partnership Plan' }).click();
  const done = page.getByTestId('pdf-export-done');
  await expect(done.getByRole('status')).toContainText('Saved plan.pdf');
  const pages = Number(pdfInfo(plan)['Pages']);
  await expect(done.getByRole('status')).toContainText(`${pages} pages`);
  qpdfCheck(plan);

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
  await page.screenshot({ path: 'test-results/pdf/export-screen.png', fullPage: true });
  expect(workbench.foreignRequests).toEqual([]);
});

test('the board paper from a frozen run; document details edited on the screen reach the file', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-export-2' }));
  valueOf(await workbench.service.call('run/freeze', { name: 'Board draft' }));
  await workbench.open();
  await goTo(page, 'Export');

  await page.getByLabel('Version').fill('2.1');
  await page.getByLabel('Final: as agreed by the board').check();
  await page.getByRole('button', { name: 'Save document details' }).click();
  await expect(page.getByText('Document details saved.')).toBeVisible();

  await page.getByRole('radio', { name: 'Board paper' }).check();
  await page.getByLabel('Scoring').selectOption({ label: 'Frozen run 1: Board draft' });
  const paper = join(workbench.dir, 'board paper.pdf');
  workbench.choose['export/pdf'] = paper;
  await page.getByRole('button', { name: 'Export the board paper' }).click();
  await expect(page.getByTestId('pdf-export-done').getByRole('status')).toContainText('from the frozen run 1');
  const text = pdfText(paper);
  expect(text).toContain('Frozen run 1');
  expect(text).toContain('version 2.1 (final)');
  expect(text).not.toContain('DRAFT: for discussion');
});

test('Cancel during an export leaves no file', async ({ page, workbench }) => {
  await openDemoExport(page, workbench);
  const plan = join(workbench.dir, 'cancelled.pdf');
  workbench.choose['export/pdf'] = plan;
  const release = workbench.hold('export/pdf');
  await page.getByRole('button', { name: 'Export the Partnership Plan' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('Exporting the Partnership Plan');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('pdf-export-done')).toHaveCount(0);
  expect(existsSync(plan)).toBe(false);
});
