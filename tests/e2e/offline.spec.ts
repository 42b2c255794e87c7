import { join } from 'node:path';
import { saferColchester } from '../fixtures/safer-colchester';
import { expect, test } from './harness';

test('the app makes no request outside its own content', async ({ page, workbench }) => {
  workbench.choose['workspace/create'] = join(workbench.dir, 'offline.sqlite');
  await workbench.open();
  await page.getByLabel('Partnership name').fill(saferColchester.name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByTestId('open-workspace')).toBeVisible();
  for (const screen of ['Data', 'Analysis', 'Matrix', 'Priorities', 'Export', 'Partnership']) {
    await page.getByRole('navigation', { name: 'Workflow' }).getByRole('button', { name: screen }).click();
  }
  await page.reload();
  await expect(page.getByTestId('open-workspace')).toBeVisible();
  expect(workbench.foreignRequests).toEqual([]);
});

test('the content security policy stops the page reaching out, and the check above would see it', async ({ page, workbench }) => {
  await workbench.open();
  const fetched = await page.evaluate(() =>
    fetch('https://data.police.uk/api/forces').then(
      () => 'fetched',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
  expect(workbench.consoleErrors.some((message) => message.includes('Content Security Policy'))).toBe(true);
  workbench.consoleErrors.length = 0;
  expect(workbench.foreignRequests).toEqual([]);

  // A navigation is not governed by connect-src; the recorder must catch it.
  await page.goto('https://example.org/').catch(() => {});
  expect(workbench.foreignRequests).toEqual(['https://example.org/']);
  workbench.foreignRequests.length = 0;
  workbench.consoleErrors.length = 0;
});
