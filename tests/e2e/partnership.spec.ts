import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { saferColchester } from '../fixtures/safer-colchester';
import { expect, test } from './harness';

async function createWorkspace(page: Page, path: string) {
  await page.getByLabel('Partnership name').fill(saferColchester.name);
  await page.getByLabel('Area (optional)').fill(saferColchester.area);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByTestId('open-workspace')).toContainText(saferColchester.name);
  await expect(page.getByTestId('open-workspace')).toContainText(path.split('/').pop()!);
}

async function addMember(page: Page, name: string, statutory: boolean) {
  await page.getByLabel('Organisation', { exact: true }).fill(name);
  await page.getByLabel('Statutory member').setChecked(statutory);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name} added.` })).toBeVisible();
}

function memberRows(page: Page) {
  return page.getByTestId('member-row');
}

function readMembersFromFile(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT name, statutory FROM member ORDER BY position').all() as { name: string; statutory: number }[];
  } finally {
    db.close();
  }
}

test('creates a workspace, adds the nine Safer Colchester members, and keeps them across a reload', async ({ page, workbench }) => {
  const path = join(workbench.dir, 'colchester.sqlite');
  workbench.choose['workspace/create'] = path;
  await workbench.open();
  await createWorkspace(page, path);
  await expect(page.getByTestId('marking')).toHaveText('Protective marking: OFFICIAL');

  for (const member of saferColchester.members) await addMember(page, member.name, member.statutory);

  const expectedRows = saferColchester.members.map((member, index) => `${index + 1}${member.statutory ? '*' : ''}${member.name}`);
  await expect(memberRows(page)).toHaveCount(9);
  for (const [index, expected] of expectedRows.entries()) {
    await expect(memberRows(page).nth(index).locator('td, th').first()).toHaveText(String(index + 1));
    await expect(memberRows(page).nth(index).getByRole('rowheader')).toHaveText(expected.replace(/^\d+/, ''));
  }
  await expect(page.getByText('9 members, 6 statutory.')).toBeVisible();
  await expect(page.getByText('Those marked with a * are statutory members.')).toBeVisible();

  await page.reload();
  await expect(memberRows(page)).toHaveCount(9);
  await expect(memberRows(page).getByRole('rowheader')).toHaveText(
    saferColchester.members.map((member) => `${member.statutory ? '*' : ''}${member.name}`),
  );

  // The file itself holds them, read with a separate connection.
  expect(readMembersFromFile(path)).toEqual(
    saferColchester.members.map((member) => ({ name: member.name, statutory: member.statutory ? 1 : 0 })),
  );
  expect(workbench.foreignRequests).toEqual([]);
});

test('edits, reorders and removes members from the keyboard', async ({ page, workbench }) => {
  const path = join(workbench.dir, 'keyboard.sqlite');
  workbench.choose['workspace/create'] = path;
  await workbench.open();
  await createWorkspace(page, path);
  for (const member of saferColchester.members.slice(0, 3)) await addMember(page, member.name, member.statutory);

  // Move Essex County Council to the top with the keyboard alone, pressing twice before the
  // first move is stored: the second move follows on from the first instead of repeating it.
  const shown = () => memberRows(page).getByRole('rowheader');
  await page.getByRole('button', { name: 'Move up Essex County Council' }).focus();
  const release = workbench.hold('member/move');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  release();
  await expect(shown()).toHaveText(['*Essex County Council', '*Colchester Borough Council', 'Colchester Borough Homes']);
  expect(readMembersFromFile(path).map((member) => member.name)).toEqual(['Essex County Council', 'Colchester Borough Council', 'Colchester Borough Homes']);
  // At the top it can no longer move up, so focus moves to its Move down button.
  await expect(page.getByRole('button', { name: 'Move up Essex County Council' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move down Essex County Council' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shown()).toHaveText(['*Colchester Borough Council', '*Essex County Council', 'Colchester Borough Homes']);
  await expect(page.getByRole('button', { name: 'Move down Essex County Council' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Essex County Council moved to position 2.' })).toBeVisible();
  expect(readMembersFromFile(path).map((member) => member.name)).toEqual(['Colchester Borough Council', 'Essex County Council', 'Colchester Borough Homes']);
  await page.getByRole('button', { name: 'Move up Essex County Council' }).click();
  await expect(shown()).toHaveText(['*Essex County Council', '*Colchester Borough Council', 'Colchester Borough Homes']);

  await page.getByRole('button', { name: 'Edit Colchester Borough Homes' }).click();
  await expect(page.getByLabel('Organisation', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Colchester Borough Homes Ltd');
  await page.getByLabel('Contact (optional)').fill('Tenancy Services');
  await page.keyboard.press('Enter');
  await expect(memberRows(page).nth(2)).toContainText('Colchester Borough Homes Ltd');
  await expect(memberRows(page).nth(2)).toContainText('Tenancy Services');

  await page.getByRole('button', { name: 'Remove Colchester Borough Council' }).click();
  await page.getByRole('button', { name: 'Confirm removal of Colchester Borough Council' }).click();
  await expect(memberRows(page)).toHaveCount(2);

  await page.reload();
  await expect(memberRows(page).getByRole('rowheader')).toHaveText(['*Essex County Council', 'Colchester Borough Homes Ltd']);
  expect(readMembersFromFile(path).map((member) => member.name)).toEqual(['Essex County Council', 'Colchester Borough Homes Ltd']);
});

test('shows an error summary linked to the field when a name is missing', async ({ page, workbench }) => {
  workbench.choose['workspace/create'] = join(workbench.dir, 'never.sqlite');
  await workbench.open();
  await page.getByRole('button', { name: 'Create workspace' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'The partnership name cannot be empty.' }).click();
  await expect(page.getByLabel('Partnership name')).toBeFocused();
  await expect(page.getByLabel('Partnership name')).toHaveAttribute('aria-invalid', 'true');
  expect(await workbench.service.call('workspace/show', {})).toEqual({ ok: true, value: null });
});

test('saves the details, the assessment period and the marking', async ({ page, workbench }) => {
  const path = join(workbench.dir, 'details.sqlite');
  workbench.choose['workspace/create'] = path;
  await workbench.open();
  await createWorkspace(page, path);
  await page.getByLabel('First month').fill('2018-04');
  await page.getByLabel('Last month').fill('2019-03');
  await page.getByLabel('OFFICIAL-SENSITIVE').check();
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Partnership details saved.')).toBeVisible();
  await expect(page.getByTestId('marking')).toHaveText('Protective marking: OFFICIAL-SENSITIVE');
  await expect(page.getByText('Currently April 2018 to March 2019.')).toBeVisible();
  expect(await workbench.service.call('partnership/show', {})).toMatchObject({
    ok: true,
    value: { marking: 'OFFICIAL-SENSITIVE', period: { from: '2018-04', to: '2019-03' } },
  });
});

test('opens an existing workspace, and explains one from a newer version without touching it', async ({ page, workbench }) => {
  const path = join(workbench.dir, 'existing.sqlite');
  await workbench.service.call('workspace/create', { path, name: 'Existing Partnership' });
  await workbench.service.call('member/add', { name: 'Essex Police', statutory: true });
  await workbench.service.call('workspace/close', {});

  const future = join(workbench.dir, 'future.sqlite');
  await workbench.service.call('workspace/create', { path: future, name: 'Future Partnership' });
  await workbench.service.call('workspace/close', {});
  const raw = new Database(future);
  raw.pragma('user_version = 99');
  raw.close();

  await workbench.open();
  workbench.choose['workspace/open'] = future;
  await page.getByRole('button', { name: 'Open a workspace…' }).click();
  await expect(page.getByRole('alert')).toContainText('was saved by a newer version of Community Safety Workbench');
  await expect(page.getByTestId('open-workspace')).toHaveCount(0);

  workbench.choose['workspace/open'] = path;
  await page.getByRole('button', { name: 'Open a workspace…' }).click();
  await expect(page.getByTestId('open-workspace')).toContainText('Existing Partnership');
  await expect(memberRows(page)).toHaveText([/Essex Police/]);
});

test('backs up the workspace with a progress bar, and a cancelled dialog changes nothing', async ({ page, workbench }) => {
  const path = join(workbench.dir, 'w.sqlite');
  workbench.choose['workspace/create'] = path;
  await workbench.open();
  await createWorkspace(page, path);

  workbench.choose['workspace/backup'] = null;
  await page.getByRole('button', { name: 'Back up…' }).click();
  await expect(page.getByRole('button', { name: 'Back up…' })).toBeEnabled();
  await expect(page.getByTestId('progress')).toHaveCount(0);

  let answerDialog: (path: string) => void = () => {};
  workbench.choose['workspace/backup'] = new Promise((resolve) => (answerDialog = resolve));
  await page.getByRole('button', { name: 'Back up…' }).click();
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText('Choosing where to save the backup');
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Back up…' })).toBeDisabled();
  answerDialog(join(workbench.dir, 'backup.sqlite'));
  await expect(page.getByText(/Backup saved as backup\.sqlite \(\d+(\.\d)? KB\)\./)).toBeVisible();
  const copy = new Database(join(workbench.dir, 'backup.sqlite'), { readonly: true });
  expect(copy.prepare('SELECT name FROM partnership').get()).toEqual({ name: saferColchester.name });
  copy.close();
  await expect(progress).toHaveCount(0);
});
