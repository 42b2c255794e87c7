import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MatrixState } from '../../shared/domain/analysis';
import type { Member } from '../../shared/domain/partnership';
import type { Priority } from '../../shared/domain/priority';
import { expectNoViolations, goTo, valueOf } from './page-checks';
import { expect, test, type Harness } from './harness';

/** The demo workspace, built by the real service; `keepPriorities: false` starts with none. */
async function openDemo(page: Page, workbench: Harness, { keepPriorities }: { keepPriorities: boolean }) {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-priorities-1' }));
  if (!keepPriorities) {
    for (const priority of valueOf<Priority[]>(await workbench.service.call('priority/list', {}))) {
      valueOf(await workbench.service.call('priority/remove', { id: priority.id }));
    }
  }
  await workbench.open();
}

/** The current ranking, from the service: rank and score by label. */
async function rankingOf(workbench: Harness): Promise<Map<string, { rank: number; score: number }>> {
  const state = valueOf<MatrixState>(await workbench.service.call('matrix/show', {}));
  return new Map(state.ranking.map((entry) => [entry.label, { rank: entry.rank, score: entry.score }]));
}

const stored = async (workbench: Harness) => valueOf<Priority[]>(await workbench.service.call('priority/list', {}));
const headings = (page: Page) => page.getByTestId('priority').getByRole('heading', { level: 3 }).allTextContents();

async function chooseOffence(page: Page, label: string, rank: number) {
  const box = page.getByTestId('priority-form').getByRole('checkbox', { name: new RegExp(`^Rank ${rank} ?${label}`) });
  await box.check();
  await expect(box).toBeChecked();
}

test('writes two priorities linked to ranked types beside the ranking, reorders them, with no axe violations', async ({ page, workbench }, testInfo) => {
  await openDemo(page, workbench, { keepPriorities: false });
  const ranks = await rankingOf(workbench);
  const [top] = [...ranks].find(([, entry]) => entry.rank === 1)!;
  await goTo(page, 'Priorities');
  await expect(page.getByTestId('priorities-empty')).toBeVisible();
  // The ranking beside the editor: every ranked type with its rank and score, then the ASB indicator, not ranked.
  const rankingRows = page.getByTestId('priorities-ranking-row');
  await expect(rankingRows).toHaveCount(20);
  await expect(rankingRows.first()).toContainText(`1${top}${ranks.get(top)!.score}`);
  await expect(rankingRows.last()).toContainText('Anti-social behaviour incidentsNot ranked');
  await expectNoViolations(page, 'the empty Priorities screen');

  // Nothing written yet: the error summary names each problem and links to its field.
  await page.getByRole('button', { name: 'Add priority' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Give the priority a title');
  await expect(summary).toContainText('Give the priority an aim');
  await expectNoViolations(page, 'the Priorities form with errors');
  await page.getByTestId('priority-form').screenshot({ path: testInfo.outputPath('priority-form-errors.png') });
  await summary.getByRole('link', { name: /Give the priority an aim/ }).click();
  await expect(page.getByLabel('Aim')).toBeFocused();

  // Priority One, typed with its number, which the order supplies anyway.
  await expect(page.getByRole('heading', { name: 'Add Priority One' })).toBeVisible();
  await page.getByLabel('Title').fill('Priority One – Reduce the occurrence of violent crime including sexual offences and weapons offences.');
  await page.getByLabel('Aim').fill('Prevent violent crime by addressing its root causes and drivers.');
  await chooseOffence(page, 'Violence with injury', ranks.get('Violence with injury')!.rank);
  await chooseOffence(page, 'Possession of weapons offences', ranks.get('Possession of weapons offences')!.rank);
  await page.getByLabel('Lead partner').selectOption({ label: 'Essex Police' });
  await page.getByLabel('Status').selectOption({ label: 'Red: off track' });
  await page.getByLabel('Measures').fill('Violence with injury recorded\n\nYoung people completing prevention programmes\n');
  const review = page.getByRole('group', { name: 'Review date (optional)' });
  await review.getByLabel('Day').fill('31');
  await review.getByLabel('Month').fill('3');
  await review.getByLabel('Year').fill('2019');
  await page.getByRole('button', { name: 'Add priority' }).click();
  await expect(page.getByTestId('priorities-status')).toHaveText('Priority One added.');
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('');

  // Priority Two: hidden harms.
  await expect(page.getByRole('heading', { name: 'Add Priority Two' })).toBeVisible();
  await page.getByLabel('Title').fill('Protect vulnerable people by increasing the awareness and reporting of Hidden Harms');
  await page.getByLabel('Aim').fill('Increase awareness of the Hidden Harms our communities face, and their reporting.');
  await chooseOffence(page, 'Sexual offences', ranks.get('Sexual offences')!.rank);
  await chooseOffence(page, 'Stalking and harassment', ranks.get('Stalking and harassment')!.rank);
  await page.getByLabel('Lead partner').selectOption({ label: 'Essex County Council' });
  await page.getByLabel('Status').selectOption({ label: 'Not started' });
  await page.getByRole('button', { name: 'Add priority' }).click();
  await expect(page.getByTestId('priorities-status')).toHaveText('Priority Two added.');

  const members = valueOf<{ members: Member[] }>(await workbench.service.call('partnership/show', {})).members;
  const police = members.find((member) => member.name === 'Essex Police')!;
  const written = await stored(workbench);
  expect(written.map((priority) => [priority.number, priority.title])).toEqual([
    [1, 'Reduce the occurrence of violent crime including sexual offences and weapons offences.'],
    [2, 'Protect vulnerable people by increasing the awareness and reporting of Hidden Harms'],
  ]);
  expect(written[0]).toMatchObject({
    offences: [
      { key: 'subgroup:violence-with-injury', label: 'Violence with injury' },
      { key: 'subgroup:possession-of-weapons', label: 'Possession of weapons offences' },
    ],
    lead: { id: police.id, name: 'Essex Police' },
    measures: ['Violence with injury recorded', 'Young people completing prevention programmes'],
    status: 'red',
    reviewDate: '2019-03-31',
  });
  expect(written[1]!.offences.map((offence) => offence.label)).toEqual(['Sexual offences', 'Stalking and harassment']);
  expect(written[1]!.status).toBe('not-started');

  await expect(page.getByTestId('priority')).toHaveCount(2);
  expect(await headings(page)).toEqual([
    'Priority One – Reduce the occurrence of violent crime including sexual offences and weapons offences.',
    'Priority Two – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
  ]);
  const first = page.getByTestId('priority').first();
  await expect(first.getByTestId('priority-offences')).toHaveText(['Violence with injury', 'Possession of weapons offences'].map((label) => `Rank ${ranks.get(label)!.rank}${label} (score ${ranks.get(label)!.score})`).join(''));
  await expect(first.getByTestId('rag-status')).toHaveText('Red: off track');
  // Not started reads in words, with a shape of its own (a flat bar) and a neutral grey.
  const notStarted = page.getByTestId('priority').nth(1).getByTestId('rag-status');
  await expect(notStarted).toHaveText('Not started');
  await expect(notStarted).toHaveClass(/rag-not-started/);
  await page.getByTestId('priorities-list').screenshot({ path: 'test-artefacts/screens/priorities-statuses.png' });
  await expect(first.getByTestId('priority-lead')).toHaveText('Essex Police');
  await expect(first).toContainText('31 March 2019');
  // The ranking says which priorities address each type.
  await expect(rankingRows.filter({ hasText: 'Violence with injury' }).getByTestId('addressed-by')).toHaveText('One');
  await expect(rankingRows.filter({ hasText: 'Stalking and harassment' }).getByTestId('addressed-by')).toHaveText('Two');
  await expectNoViolations(page, 'the Priorities screen with two priorities');

  // Reorder from the keyboard. A move waits for the service; a move asked for meanwhile waits
  // for it and acts on the order it left, never on the list as it was shown before.
  const release = workbench.hold('priority/move');
  await page.getByRole('button', { name: 'Move up Priority Two' }).focus();
  await page.keyboard.press('Enter');
  // Still shown first until the move lands; it is second by then, so this asks for nothing more.
  await page.getByRole('button', { name: 'Move down Priority One' }).click();
  release();
  await expect(page.getByTestId('priorities-status')).toHaveText('“Protect vulnerable people by increasing the awareness and reporting of Hidden Harms” is now Priority One.');
  expect(await headings(page)).toEqual([
    'Priority One – Protect vulnerable people by increasing the awareness and reporting of Hidden Harms',
    'Priority Two – Reduce the occurrence of violent crime including sexual offences and weapons offences.',
  ]);
  expect((await stored(workbench)).map((priority) => priority.title.slice(0, 16))).toEqual(['Protect vulnerab', 'Reduce the occur']);
  // Focus stays with the moved priority: at the top now, on its Move down button.
  await expect(page.getByRole('button', { name: 'Move down Priority One' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('priorities-status')).toHaveText('“Protect vulnerable people by increasing the awareness and reporting of Hidden Harms” is now Priority Two.');
  await expect(page.getByRole('button', { name: 'Move up Priority Two' })).toBeFocused();
  expect((await stored(workbench)).map((priority) => priority.title.slice(0, 16))).toEqual(['Reduce the occur', 'Protect vulnerab']);
  await expect(rankingRows.filter({ hasText: 'Violence with injury' }).getByTestId('addressed-by')).toHaveText('One');

  // Edit: the form takes the priority's values; the save keeps its place.
  await page.getByRole('button', { name: 'Edit Priority Two' }).click();
  await expect(page.getByRole('heading', { name: 'Edit Priority Two' })).toBeVisible();
  await expect(page.getByLabel('Title')).toBeFocused();
  await expect(page.getByLabel('Title')).toHaveValue('Protect vulnerable people by increasing the awareness and reporting of Hidden Harms');
  await expect(page.getByRole('checkbox', { name: new RegExp(`^Rank ${ranks.get('Stalking and harassment')!.rank} ?Stalking and harassment`) })).toBeChecked();
  await expect(page.getByLabel('Lead partner')).toHaveValue(String(members.find((member) => member.name === 'Essex County Council')!.id));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('priorities-editing.png'), fullPage: true });
  await page.getByLabel('Status').selectOption({ label: 'Green: on track' });
  await page.getByRole('button', { name: 'Save priority' }).click();
  await expect(page.getByTestId('priorities-status')).toHaveText('Priority Two saved.');
  expect((await stored(workbench))[1]!.status).toBe('green');
  await expect(page.getByRole('button', { name: 'Edit Priority Two' })).toBeFocused();
  expect(workbench.foreignRequests).toEqual([]);
});

test('the demo’s four priorities sit beside the ranking at 1366×768', async ({ page, workbench }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page, workbench, { keepPriorities: true });
  await goTo(page, 'Priorities');
  await expect(page.getByTestId('priority')).toHaveCount(4);
  await expect(page.getByTestId('priorities-ranking')).toBeVisible();
  await expectNoViolations(page, 'the demo’s Priorities screen');
  await page.screenshot({ path: testInfo.outputPath('priorities-1366x768.png') });
  await page.screenshot({ path: testInfo.outputPath('priorities-1366x768-full.png'), fullPage: true });
  await page.getByTestId('priority-form').screenshot({ path: testInfo.outputPath('priority-form.png') });

  // A run frozen now keeps these priorities, shown with the run on the Matrix screen.
  valueOf(await workbench.service.call('run/freeze', { name: 'With the plan’s priorities' }));
  const ranks = await rankingOf(workbench);
  await goTo(page, 'Matrix');
  await page.getByRole('navigation', { name: 'Matrix sections' }).getByRole('button', { name: 'Runs', exact: true }).click();
  await page.getByRole('button', { name: 'Show With the plan’s priorities' }).click();
  const frozen = page.getByTestId('frozen-run').getByTestId('frozen-priorities');
  await expect(frozen.getByRole('listitem')).toHaveCount(4);
  await expect(frozen.getByRole('listitem').nth(2)).toContainText(
    'Priority Three – Reduce the occurrence of violent crime including sexual offences and weapons offences.',
  );
  await expect(frozen.getByRole('listitem').nth(2)).toContainText(
    `Addresses ${['Violence with injury', 'Sexual offences', 'Possession of weapons offences'].map((label) => `${label} (rank ${ranks.get(label)!.rank})`).join(', ')}; lead: Essex Police.`,
  );
  await expectNoViolations(page, 'a frozen run with its priorities');
});

test('removing a member that leads priorities asks first, names them, and clears the lead', async ({ page, workbench }, testInfo) => {
  await openDemo(page, workbench, { keepPriorities: true });
  const row = page.getByTestId('member-row').filter({ has: page.getByRole('rowheader', { name: 'Essex Police', exact: true }) });
  await row.getByRole('button', { name: 'Remove Essex Police' }).click();
  await row.getByRole('button', { name: 'Confirm removal of Essex Police' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Remove Essex Police?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Essex Police leads these 2 priorities:');
  await expect(dialog.getByTestId('lead-removal-priorities').getByRole('listitem')).toHaveText([
    'Priority Two – Address Gangs and County Lines by developing intelligence and awareness to support those vulnerable to exploitation',
    'Priority Three – Reduce the occurrence of violent crime including sexual offences and weapons offences.',
  ]);
  await expect(dialog).toContainText('Removing it leaves them without a lead partner.');
  await expect(dialog.getByRole('button', { name: 'Keep the member' })).toBeFocused();
  await expectNoViolations(page, 'the lead removal question');
  await page.screenshot({ path: testInfo.outputPath('lead-removal-dialog.png') });

  // Escape keeps the member, and focus returns to its Remove button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: 'Remove Essex Police' })).toBeFocused();
  expect(valueOf<{ members: Member[] }>(await workbench.service.call('partnership/show', {})).members).toHaveLength(9);

  await row.getByRole('button', { name: 'Remove Essex Police' }).click();
  await row.getByRole('button', { name: 'Confirm removal of Essex Police' }).click();
  await dialog.getByRole('button', { name: 'Remove Essex Police' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Essex Police removed. The priorities it led have no lead partner now.' })).toBeVisible();
  await expect(page.getByTestId('member-row')).toHaveCount(8);
  expect((await stored(workbench)).map((priority) => priority.lead?.name ?? null)).toEqual(['Essex County Council', null, null, 'Colchester Borough Council']);

  await goTo(page, 'Priorities');
  await expect(page.getByTestId('priority').nth(1).getByTestId('priority-lead')).toHaveText('No lead yet');
});

test('with nothing ranked, the Priorities screen leads to the Data and Matrix screens', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/create', { path: join(workbench.dir, 'empty.sqlite'), name: 'Safer Colchester Partnership' }));
  await workbench.open();
  await goTo(page, 'Priorities');
  const empty = page.getByTestId('priorities-ranking-empty');
  await expect(empty.getByRole('heading', { name: 'Nothing is ranked yet' })).toBeVisible();
  await expect(page.getByTestId('priorities-empty')).toBeVisible();
  await expect(page.getByTestId('priority-form')).toContainText('Nothing is ranked yet, so there is nothing to choose.');
  await expectNoViolations(page, 'the Priorities screen with nothing ranked');
  await empty.getByRole('button', { name: 'Go to Matrix' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix');
  await goTo(page, 'Priorities');
  await page.getByTestId('priorities-ranking-empty').getByRole('button', { name: 'Go to Data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});
