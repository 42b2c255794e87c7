import { join } from 'node:path';
import { screens } from '../../renderer/src/screens/screens';
import { saferColchester } from '../fixtures/safer-colchester';
import { expectNoViolations } from './page-checks';
import { expect, test } from './harness';

// One test per state, so that each stays well inside its time limit on a busy machine.
test('every screen passes axe before a workspace is open', async ({ page, workbench }) => {
  await workbench.open();
  await expectNoViolations(page, 'the start screen');

  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoViolations(page, 'the error summary');

  for (const screen of screens.slice(1)) {
    await page.getByRole('navigation', { name: 'Workflow' }).getByRole('button', { name: screen.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.title);
    await expectNoViolations(page, `${screen.title} without a workspace`);
  }
});

test('every screen passes axe with a workspace open', async ({ page, workbench }) => {
  workbench.choose['workspace/create'] = join(workbench.dir, 'a11y.sqlite');
  await workbench.open();
  await page.getByLabel('Partnership name').fill(saferColchester.name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByTestId('open-workspace')).toContainText(saferColchester.name);
  for (const member of saferColchester.members.slice(0, 4)) {
    await workbench.service.call('member/add', member);
  }
  await page.reload();
  await expect(page.getByTestId('member-row')).toHaveCount(4);
  await expectNoViolations(page, 'the Partnership screen with members');

  for (const screen of screens.slice(1)) {
    await page.getByRole('navigation', { name: 'Workflow' }).getByRole('button', { name: screen.title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expectNoViolations(page, `${screen.title} with a workspace`);
  }
});

test('the workflow can be walked with the keyboard alone, with a visible focus ring', async ({ page, workbench }) => {
  await workbench.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  const partnership = page.getByRole('button', { name: /Partnership/ }).first();
  await expect(partnership).toBeFocused();
  const outline = await partnership.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});
