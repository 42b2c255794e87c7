import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MatrixState, RunSummary, StoredRun } from '../../shared/domain/analysis';
import type { SensitivityResult } from '../../shared/matrix';
import { expectNoViolations, valueOf, goTo } from './page-checks';
import { expect, test, type Harness } from './harness';

/** The demo workspace, built by the real service, with the Matrix screen open on it. */
async function openDemoMatrix(page: Page, workbench: Harness) {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-matrix-1' }));
  await workbench.open();
  await goTo(page, 'Matrix');
  await expect(page.getByTestId('ranking-row')).toHaveCount(19);
}

const storedMatrix = async (workbench: Harness) => valueOf<MatrixState>(await workbench.service.call('matrix/show', {}));
const rankedLabels = (page: Page) => page.getByTestId('ranking-table').getByTestId('offence').allTextContents();
const rankedScores = (page: Page) => page.getByTestId('ranking-table').getByTestId('score').allTextContents();
const scoreText = (score: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(score);
const rankingRow = (page: Page, label: string) => page.getByTestId('ranking-row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
const sideLabels = (page: Page) => page.getByTestId('side-ranking').getByRole('rowheader').allTextContents();

/** Opens one of the Matrix screen's sections from its section buttons. */
async function openSection(page: Page, name: 'Template and factors' | 'Ranking' | 'Judgements' | 'Sensitivity' | 'Runs') {
  const button = page.getByRole('navigation', { name: 'Matrix sections' }).getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'true');
}

test('a weight edited beside the ranking re-ranks it at once, and every score shows its working', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  const initial = await storedMatrix(workbench);
  expect(await rankedLabels(page)).toEqual(initial.ranking.map((row) => row.label));
  expect((await rankedLabels(page)).slice(0, 2)).toEqual(['Violence with injury', 'Sexual offences']);
  await expect(rankingRow(page, 'Sexual offences')).toBeVisible();
  await expectNoViolations(page, 'the Matrix screen');

  // The weights sit beside the ranking, which stays in view as they change.
  await openSection(page, 'Template and factors');
  await expect(page.getByTestId('matrix-current-period')).toHaveText('October 2018 to September 2019');
  await expect(page.getByTestId('side-ranking')).toBeVisible();
  expect(await sideLabels(page)).toEqual(initial.ranking.map((row) => row.label));
  await expectNoViolations(page, 'the template and factors beside the ranking');
  const before = await sideLabels(page);
  await page.getByLabel('Weight of Harm').fill('0');
  await expect.poll(() => sideLabels(page)).not.toEqual(before);
  await expect(page.getByTestId('factor-status')).toHaveText('Saved the weight of Harm (mean crime severity weight): 0.');
  const afterHarm = await storedMatrix(workbench);
  expect(afterHarm.definition.factors.find((factor) => factor.id === 'harm')?.weight).toBe(0);
  expect(afterHarm.edited).toContain('harm');
  expect(await sideLabels(page)).toEqual(afterHarm.ranking.map((row) => row.label));
  await expect(page.getByTestId('factor-row').filter({ hasText: 'Harm (mean crime severity weight)' }).getByTestId('edited-marker')).toHaveText('Edited');

  await page.reload();
  await goTo(page, 'Matrix');
  await openSection(page, 'Template and factors');
  await expect(page.getByLabel('Weight of Harm')).toHaveValue('0');
  await openSection(page, 'Ranking');
  expect(await rankedLabels(page)).toEqual(afterHarm.ranking.map((row) => row.label));
  expect(await rankedScores(page)).toEqual(afterHarm.ranking.map((row) => scoreText(row.score)));

  // Every score shows its working, and the partnership score is the sum of the contributions.
  const top = afterHarm.ranking[0]!;
  const toggle = page.getByRole('button', { name: `Show working for ${top.label}` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const working = page.getByTestId('working');
  await expect(working).toHaveCount(1);
  await expect(working.getByRole('table')).toContainText(`How ${top.label} scored ${scoreText(top.score)}`);
  await expect(working.getByTestId('working-total')).toHaveText(scoreText(top.score));
  const contributions = Object.values(top.factors).map((factor) => factor.contribution);
  expect(contributions.reduce((sum, value) => sum + value, 0)).toBe(top.score);
  await expect(working).toContainText(`Score: the sum of the contributions, ${contributions.map(scoreText).join(' + ')}`);
  await expect(working.getByTestId('contribution-harm')).toHaveText('0');
  await expect(working).toContainText(top.factors.volume!.band);
  // The peer factor's working names the peers and their rates.
  await expect(working).toContainText(/Essex [\d.]+ per 1,000 residents ÷ [\d.]+, the mean rate of its peers \(Hampshire [\d.]+, Hertfordshire [\d.]+, Kent/);
  await expectNoViolations(page, 'the ranking with a row’s working open');
});

test('the ranking is a heat-map of the factor scores, colour and number together', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  const state = await storedMatrix(workbench);
  const factors = ['volume', 'trend', 'harm', 'vulnerability', 'concern', 'peer'];
  for (const row of state.ranking) {
    const cells = rankingRow(page, row.label);
    for (const factor of factors) {
      const cell = cells.getByTestId(`factor-${factor}`);
      const score = row.factors[factor]!.score;
      await expect(cell).toHaveText(String(score));
      await expect(cell).toHaveClass(new RegExp(`matrix-heat-${score}`));
    }
  }
  // Each shade is a real colour behind dark text; the five are all different.
  const shades = await page.locator('.matrix-heat-legend .matrix-heat').evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).backgroundColor));
  expect(new Set(shades).size).toBe(5);
});

test('a judgement recorded beside the ranking moves the type, and says where to', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  const before = await storedMatrix(workbench);
  const bicycleBefore = before.ranking.find((row) => row.label === 'Bicycle theft')!;
  await openSection(page, 'Judgements');
  await expect(page.getByTestId('side-ranking')).toBeVisible();
  await page.getByRole('button', { name: 'Edit judgements of Bicycle theft' }).click();
  const factorSelect = page.getByLabel('Factor', { exact: true });
  await expect(factorSelect).toBeFocused();
  await factorSelect.selectOption({ label: 'Vulnerability and hidden harm' });
  await page.getByLabel('Score', { exact: true }).selectOption('5');
  await page.getByLabel('Rationale').fill('');
  await page.getByRole('button', { name: 'Save judgement' }).click();
  await expect(page.getByRole('alert')).toContainText('Give a rationale for the judgement.');
  await page.getByLabel('Rationale').fill('Thefts from children at school racks, reported by the schools liaison officer; most go unreported.');
  await expectNoViolations(page, 'the judgement editor beside the ranking');
  await page.getByRole('button', { name: 'Save judgement' }).click();
  await expect(page.getByRole('button', { name: 'Edit judgements of Bicycle theft' })).toBeFocused();
  const after = await storedMatrix(workbench);
  const bicycleAfter = after.ranking.find((row) => row.label === 'Bicycle theft')!;
  expect(bicycleAfter.score).toBe(bicycleBefore.score + 4);
  expect(bicycleAfter.rank).toBeLessThan(bicycleBefore.rank);
  await expect(page.getByTestId('judgement-status')).toHaveText(
    `Saved the judgement of Vulnerability and hidden harm for Bicycle theft. Bicycle theft is now ranked ${bicycleAfter.rank} of 19, with a score of ${scoreText(bicycleAfter.score)}.`,
  );
  expect(await sideLabels(page)).toEqual(after.ranking.map((row) => row.label));
  await expect(page.getByTestId('judgement-row').filter({ hasText: 'Bicycle theft' })).toContainText('5 – very high');
  await openSection(page, 'Ranking');
  await expect(rankingRow(page, 'Bicycle theft').getByTestId('rank')).toHaveText(String(bicycleAfter.rank));
  await expect(rankingRow(page, 'Bicycle theft').getByTestId('score')).toHaveText(scoreText(bicycleAfter.score));
});

test('the sensitivity analysis in the renderer gives the service’s figures', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  await openSection(page, 'Sensitivity');
  await page.getByRole('button', { name: 'Run sensitivity analysis' }).click();
  await expect(page.getByTestId('sensitivity-status')).toHaveText('Ran 2,000 draws, each weight moved by up to ±25% (seed 1998).');
  const chart = page.getByRole('img', { name: /^Rank ranges over 2,000 draws/ });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('rank-range-row')).toHaveCount(19);
  await page.getByText('Show the figures').click();
  const sensitivityRows = page.getByTestId('sensitivity-row');
  await expect(sensitivityRows).toHaveCount(19);
  const service = valueOf<SensitivityResult>(await workbench.service.call('matrix/sensitivity', { draws: 2000, spread: 0.25, seed: 1998 }));
  for (const [index, row] of service.offences.entries()) {
    const cells = sensitivityRows.nth(index);
    await expect(cells.getByRole('rowheader')).toHaveText(row.label);
    await expect(cells.getByRole('cell').nth(1)).toHaveText(String(row.bestRank));
    await expect(cells.getByRole('cell').nth(3)).toHaveText(String(row.worstRank));
    await expect(cells.getByRole('cell').nth(4)).toHaveText(`${Math.round(row.inTop[0]!.share * 100)}%`);
  }
  await expect(page.getByText('The matrix or a judgement has changed since this was run.')).toHaveCount(0);
  await expectNoViolations(page, 'the sensitivity results');
});

test('a frozen run keeps its ranking when a weight changes, and two runs are compared in words', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  const initial = await storedMatrix(workbench);
  await openSection(page, 'Runs');
  await page.getByLabel('Run name').fill('As shipped');
  await page.getByRole('button', { name: 'Freeze this scoring' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(1);
  await expect(page.getByTestId('run-row')).toContainText('As shipped');
  const frozenRanking = initial.ranking.map((row) => row.label);
  await expect(page.getByTestId('run-row')).toContainText(frozenRanking.slice(0, 4).join(''));

  await openSection(page, 'Template and factors');
  await page.getByLabel('Weight of Volume').fill('5');
  await page.getByLabel('Weight of Volume').press('Tab');
  await expect(page.getByTestId('factor-status')).toHaveText('Saved the weight of Volume (rate per 1,000 residents): 5.');
  const afterVolume = await storedMatrix(workbench);
  expect(afterVolume.ranking.map((row) => row.label)).not.toEqual(frozenRanking);
  expect(await sideLabels(page)).toEqual(afterVolume.ranking.map((row) => row.label));

  const runs = valueOf<RunSummary[]>(await workbench.service.call('run/list', {}));
  const stored = valueOf<StoredRun>(await workbench.service.call('run/show', { id: runs[0]!.id }));
  expect(stored.identical).toBe(true);
  expect(stored.run.ranking.map((row) => row.label)).toEqual(frozenRanking);
  await openSection(page, 'Runs');
  await expect(page.getByText('The matrix or a judgement has changed since this was run.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show As shipped' }).click();
  const frozen = page.getByTestId('frozen-run');
  await expect(frozen.getByRole('heading', { name: 'Frozen run: As shipped' })).toBeFocused();
  await expect(frozen).toContainText('Re-scoring its stored inputs gives exactly this ranking.');
  await expect(frozen.getByTestId('frozen-method')).toHaveText(
    'Scoring method 2: significance by the exact conditional binomial test, two-sided as R’s binom.test, significant when p < 0.05. Peers: Hampshire, Hertfordshire, Kent, Sussex, Thames Valley.',
  );
  expect(await frozen.getByTestId('frozen-row').getByRole('rowheader').allTextContents()).toEqual(stored.run.ranking.map((row) => row.label));
  expect(await frozen.getByTestId('frozen-row').locator('td:nth-child(3)').allTextContents()).toEqual(stored.run.ranking.map((row) => scoreText(row.score)));

  await page.getByLabel('Run name').fill('Volume counts five times');
  await page.getByRole('button', { name: 'Freeze this scoring' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByLabel('Earlier run')).toHaveValue(String(runs[0]!.id));
  await page.getByRole('button', { name: 'Compare runs' }).click();
  const comparison = page.getByTestId('run-comparison');
  await expect(comparison.getByRole('heading', { name: 'From “As shipped” to “Volume counts five times”' })).toBeFocused();
  await expect(comparison.getByTestId('definition-changes')).toHaveText('Weight of Volume: 1 → 5');
  await expect(comparison.getByTestId('movement-row')).toHaveCount(19);
  const firstMover = afterVolume.ranking[0]!;
  const moved = comparison.getByTestId('movement-row').first();
  await expect(moved.getByRole('rowheader')).toHaveText(firstMover.label);
  await expect(moved).toContainText(/Volume \+\d+: contributed \d+, now \d+ \(weight 1 → 5\)/);
  await expectNoViolations(page, 'the run comparison');
  expect(workbench.foreignRequests).toEqual([]);
});

test('the analyst chooses peers on the Matrix screen and sees the peer scores change', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  const before = await storedMatrix(workbench);
  expect(before.peers.areas).toEqual(['Hampshire', 'Hertfordshire', 'Kent', 'Sussex', 'Thames Valley']);
  const peerScores = async () => page.getByTestId('ranking-table').getByTestId('factor-peer').allTextContents();
  expect(await peerScores()).toEqual(before.ranking.map((row) => String(row.factors.peer!.score)));

  await openSection(page, 'Template and factors');
  const panel = page.getByTestId('peers-panel');
  await expect(panel).toContainText('Illustrative peers chosen for the demo');
  await expect(panel.getByRole('group', { name: 'Comparator areas: 5 of 55 chosen' })).toBeVisible();
  // Swap the shire forces for two metropolitan ones, whose rates are higher: the ratios fall.
  for (const area of ['Hampshire', 'Hertfordshire', 'Kent', 'Sussex', 'Thames Valley']) await panel.getByLabel(area, { exact: true }).uncheck();
  await panel.getByLabel('Greater Manchester', { exact: true }).check();
  await panel.getByLabel('West Yorkshire', { exact: true }).check();
  await expectNoViolations(page, 'the peers chosen');
  await panel.getByRole('button', { name: 'Save peers and re-score' }).click();
  await expect(panel.getByTestId('peers-status')).toHaveText(/^Saved 2 peers\. 19 of 19 types now have a peer ratio, from [\d.]+× to [\d.]+×\.$/);
  const after = await storedMatrix(workbench);
  expect(after.peers.areas).toEqual(['Greater Manchester', 'West Yorkshire']);
  const ratio = (state: MatrixState, label: string) => state.ranking.find((row) => row.label === label)!.factors.peer!;
  expect(ratio(after, 'Residential burglary').input).toBeLessThan(ratio(before, 'Residential burglary').input!);
  expect(after.ranking.map((row) => row.factors.peer!.score)).not.toEqual(before.ranking.map((row) => row.factors.peer!.score));
  expect(await sideLabels(page)).toEqual(after.ranking.map((row) => row.label));

  await openSection(page, 'Ranking');
  expect(await peerScores()).toEqual(after.ranking.map((row) => String(row.factors.peer!.score)));
  const burglary = rankingRow(page, 'Residential burglary');
  await burglary.getByRole('button', { name: 'Show working for Residential burglary' }).click();
  await expect(page.getByTestId('working')).toContainText('the mean rate of its peers (Greater Manchester');
});

test('the weights and the working toggles can be reached and used with the keyboard alone', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // The section buttons come first: Enter on "Template and factors" opens the weights.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Template and factors' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Template and factors' })).toHaveAttribute('aria-current', 'true');

  const tabTo = async (id: string, limit: number) => {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
    }
    throw new Error(`Tab never reached #${id}`);
  };

  await tabTo('weight-volume', 40);
  const volume = page.getByLabel('Weight of Volume');
  await expect(volume).toBeFocused();
  expect(await volume.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
  const before = await sideLabels(page);
  await page.keyboard.press('ArrowUp');
  await expect(volume).toHaveValue('1.5');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2.5');
  await expect(volume).toHaveValue('2.5');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('6');
  await expect(volume).toHaveValue('6');
  await expect.poll(() => sideLabels(page)).not.toEqual(before);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('factor-status')).toHaveText('Saved the weight of Volume (rate per 1,000 residents): 6.');
  const stored = await storedMatrix(workbench);
  expect(stored.definition.factors.find((factor) => factor.id === 'volume')?.weight).toBe(6);
  expect(await sideLabels(page)).toEqual(stored.ranking.map((row) => row.label));

  // An invalid weight is refused next to the field, and the ranking keeps the last valid one.
  await page.keyboard.press('Shift+Tab');
  await expect(volume).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(page.getByText('Give the weight as a number, for example 1 or 2.5.')).toBeVisible();
  await expect(volume).toHaveAttribute('aria-invalid', 'true');
  expect(await sideLabels(page)).toEqual(stored.ranking.map((row) => row.label));

  // The working toggles of the ranking, by keyboard too.
  await page.getByRole('button', { name: 'Ranking', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Ranking', exact: true })).toHaveAttribute('aria-current', 'true');

  const first = stored.ranking[0]!;
  const toggle = page.getByRole('button', { name: `Show working for ${first.label}` });
  for (let presses = 0; presses < 60 && !(await toggle.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('working')).toContainText(`How ${first.label} scored ${scoreText(first.score)}`);
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('working')).toHaveCount(0);
});

test('the MoRiLE-style template ranks by impact × likelihood, with bands named in words and every type in its grid cell', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  await openSection(page, 'Template and factors');
  await page.getByLabel('MoRiLE-style impact × likelihood').check();
  await expect(page.getByLabel('Weight of Harm')).toHaveValue('1');
  await openSection(page, 'Ranking');
  await expect(page.getByRole('caption').filter({ hasText: 'ranked with the MoRiLE-style impact × likelihood' })).toBeVisible();
  const morile = await storedMatrix(workbench);
  expect(morile.template).toBe('morile-style');
  expect(await rankedLabels(page)).toEqual(morile.ranking.map((row) => row.label));
  const top = morile.ranking[0]!;
  await expect(rankingRow(page, top.label).getByRole('cell', { name: top.band! })).toBeVisible();
  await page.getByRole('button', { name: `Show working for ${top.label}` }).click();
  const working = page.getByTestId('working');
  await expect(working).toContainText(`Score: impact ${top.sides!.impact.score} × likelihood ${top.sides!.likelihood.score} = ${top.score}, in the ${top.band} band.`);
  await expect(working).toContainText('Graded beside the score, not counted in it:');
  await expectRiskGrid(page, morile);
  await expectNoViolations(page, 'the MoRiLE-style matrix with its working open and its grid');
});

/** Every type, and only it, in the grid cell of its impact and likelihood scores. */
async function expectRiskGrid(page: Page, state: MatrixState) {
  const grid = page.getByTestId('risk-grid');
  await expect(grid).toBeVisible();
  await expect(grid.getByTestId('risk-grid-entry')).toHaveCount(state.ranking.length);
  for (const row of state.ranking) {
    const cell = grid.locator(`[data-impact="${row.sides!.impact.score}"][data-likelihood="${row.sides!.likelihood.score}"]`);
    await expect(cell.getByTestId('risk-grid-entry').filter({ hasText: new RegExp(`^${row.rank} ${row.label.replace(/[-()]/g, '\\$&')}$`) })).toHaveCount(1);
    await expect(cell).toContainText(`${row.score} ${row.band}`);
  }
}

test('the 4×4 grid places every type in its cell, and its thresholds are edited and reset', async ({ page, workbench }) => {
  await openDemoMatrix(page, workbench);
  await openSection(page, 'Template and factors');
  await page.getByLabel('4×4 impact × likelihood grid').check();
  await openSection(page, 'Ranking');
  await expect(page.getByRole('caption').filter({ hasText: 'ranked with the 4×4 impact × likelihood grid' })).toBeVisible();
  const grid = await storedMatrix(workbench);
  expect(await rankedLabels(page)).toEqual(grid.ranking.map((row) => row.label));
  await expectRiskGrid(page, grid);
  await openSection(page, 'Template and factors');
  await expect(page.getByLabel('Weight of Peer')).toHaveCount(0);
  await expect(page.getByLabel('Thresholds of Harm')).toHaveValue('10, 100, 1000');
  await page.getByLabel('Thresholds of Harm').fill('10, 100');
  await page.getByRole('button', { name: 'Save thresholds of Harm' }).click();
  await expect(page.getByText('Harm (mean crime severity weight) has 4 bands, so it needs 3 thresholds; 2 were given.')).toBeVisible();
  await page.getByLabel('Thresholds of Harm').fill('10, 100, 500');
  await page.getByRole('button', { name: 'Save thresholds of Harm' }).click();
  await expect(page.getByTestId('factor-status')).toHaveText('Saved the thresholds of Harm (mean crime severity weight).');
  const edited = await storedMatrix(workbench);
  expect(edited.definition.factors.find((factor) => factor.id === 'harm')?.thresholds).toEqual([10, 100, 500]);
  expect(await rankedLabels(page)).toEqual(edited.ranking.map((row) => row.label));
  await page.getByRole('button', { name: 'Reset Harm' }).click();
  await expect(page.getByLabel('Thresholds of Harm')).toHaveValue('10, 100, 1000');
  await expect(page.getByLabel('Weight of Harm')).toBeFocused();
  expect((await storedMatrix(workbench)).edited).toEqual([]);
  await expectNoViolations(page, 'the 4×4 grid');
});

test('a workspace without data says what to do before anything can be scored', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/create', { path: join(workbench.dir, 'empty.sqlite'), name: 'Safer Colchester Partnership' }));
  await workbench.open();
  await goTo(page, 'Matrix');
  await expect(page.getByTestId('matrix-empty')).toContainText('Import data on the Data screen first, and check the periods on the Analysis screen.');
  await expect(page.getByTestId('ranking-table')).toHaveCount(0);
  await openSection(page, 'Template and factors');
  await expect(page.getByLabel('Weight of Harm')).toHaveValue('2');
  await expect(page.getByTestId('matrix-empty')).toBeVisible();
  await expectNoViolations(page, 'the Matrix screen without data');
  await page.getByTestId('matrix-empty').getByRole('button', { name: 'Go to Data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
});
