import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AnalysisView, OffenceAnalysis } from '../../shared/domain/analysis';
import { formatPValue } from '../../shared/statistics/change';
import { describePeriod } from '../../shared/statistics/periods';
import { expectNoViolations, valueOf, goTo } from './page-checks';
import { expect, test, type Harness } from './harness';

const storedAnalysis = async (workbench: Harness) => valueOf<AnalysisView>(await workbench.service.call('analysis/show', {}));
const offenceNamed = (view: AnalysisView, label: string) => view.offences.find((offence) => offence.label === label)!;
const analysisRow = (page: Page, label: string) =>
  page.getByTestId('analysis-row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
const tableLabels = (page: Page) => page.getByTestId('offence-label').allTextContents();

const count = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const signedCount = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedPercent = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const twoDecimals = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What the table's count cell shows for a period. */
const countCell = (figures: OffenceAnalysis['summary']['current']) =>
  figures.coverage === 'none'
    ? 'No figures'
    : figures.coverage === 'partial'
      ? `${count.format(figures.count)}only ${figures.monthsCovered} of ${figures.monthsInPeriod} months`
      : count.format(figures.count);

/** The service's figures for a row, as the table must show them. */
async function expectRowToMatch(row: Locator, offence: OffenceAnalysis) {
  const { summary } = offence;
  await expect(row.getByTestId('current-count')).toHaveText(countCell(summary.current));
  await expect(row.getByTestId('comparison-count')).toHaveText(countCell(summary.comparison));
  if (summary.change) {
    await expect(row.getByTestId('change')).toHaveText(signedCount.format(summary.change.change));
    if (summary.change.percentChange !== null) await expect(row.getByTestId('percent-change')).toHaveText(`${signedPercent.format(summary.change.percentChange)}%`);
    await expect(row.getByTestId('significance')).toContainText(`${formatPValue(summary.change.pValue)}Poisson Z = ${twoDecimals.format(summary.change.z)}`);
  } else {
    await expect(row.getByTestId('significance')).toHaveText('– No comparison');
  }
}

/** A stable sort of the labels by a figure, blanks last, as the table sorts. */
function sortedLabels(offences: readonly OffenceAnalysis[], value: (offence: OffenceAnalysis) => number | null, direction: 'ascending' | 'descending') {
  const sign = direction === 'ascending' ? 1 : -1;
  return offences
    .map((offence, index) => ({ label: offence.label, index, value: value(offence) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      return sign * (a.value - b.value) || a.index - b.index;
    })
    .map((entry) => entry.label);
}

/** The demo workspace, built by the real service, with the Analysis screen open on it. */
async function openDemoAnalysis(page: Page, workbench: Harness) {
  valueOf(await workbench.service.call('workspace/demo', { path: join(workbench.dir, 'demo.sqlite'), operationId: 'e2e-demo-analysis' }));
  await workbench.open();
  const release = workbench.hold('analysis/show');
  await goTo(page, 'Analysis');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the figures…' })).toBeVisible();
  release();
  const view = await storedAnalysis(workbench);
  await expect(page.getByTestId('analysis-row')).toHaveCount(view.offences.length);
  return view;
}

test('shows each offence type’s figures, with the exact test’s verdict and p-value beside the Poisson Z', async ({ page, workbench }) => {
  const view = await openDemoAnalysis(page, workbench);
  expect(view.offences.filter((offence) => offence.inputs !== null)).toHaveLength(19);
  expect(await tableLabels(page)).toEqual(view.offences.map((offence) => offence.label));

  // The periods in words: the demo's assessment year and the year before, chosen for it.
  await expect(page.getByTestId('current-period')).toHaveText('October 2018 to September 2019');
  await expect(page.getByTestId('comparison-period')).toHaveText('October 2017 to September 2018');
  await expect(page.getByTestId('periods-basis')).toHaveText('Chosen for this assessment.');
  await expect(page.getByTestId('population')).toContainText('190,470');
  await expect(page.getByTestId('population')).toContainText(view.settings.population.source.slice(1));
  await expect(page.getByTestId('households')).toHaveText('Not knownNot given');

  // Violence with injury, checked by hand with sqlite3 on a demo file: the ONS Essex rows for
  // the years ending September 2019 and 2018 are 15,274 and 13,846; Z = 2(√15274 − √13846) = 11.84,
  // and the exact test's p is far below 0.001. Per 1,000 of Essex's 1,846,380 residents: 8.27.
  const violence = offenceNamed(view, 'Violence with injury');
  expect([violence.summary.current.count, violence.summary.comparison.count]).toEqual([15_274, 13_846]);
  const violenceRow = analysisRow(page, 'Violence with injury');
  await expect(violenceRow.getByTestId('current-count')).toHaveText('15,274');
  await expect(violenceRow.getByTestId('comparison-count')).toHaveText('13,846');
  await expect(violenceRow.getByTestId('change')).toHaveText('+1,428');
  await expect(violenceRow.getByTestId('percent-change')).toHaveText('+10.3%');
  await expect(violenceRow.getByTestId('significance')).toHaveText('▲ Significant increasep < 0.001Poisson Z = 11.84');
  await expect(violenceRow.getByTestId('rate')).toHaveText('8.27');
  await expect(violenceRow.getByTestId('harm')).toHaveText(`${oneDecimal.format(violence.summary.harm.meanWeight!)}unweighted mean: may overstate`);
  await expect(violenceRow.getByTestId('trend')).toContainText('Rising');
  // Homicide 18 → 19: the exact test gives p = 1.000 (19 and 18 are equally likely halves of 37).
  await expect(analysisRow(page, 'Homicide').getByTestId('significance')).toHaveText('● No significant changep = 1.000Poisson Z = 0.23');

  for (const offence of view.offences) await expectRowToMatch(analysisRow(page, offence.label), offence);
  await expect(analysisRow(page, 'Bicycle theft').getByTestId('significance')).toContainText('● No significant change');
  await expect(analysisRow(page, 'Non-residential burglary').getByTestId('significance')).toContainText('▼ Significant decrease');
  // Residential burglary has a rate per 1,000 residents (8,241 ÷ 1,846,380), the figure its volume
  // is ranked on, though the demo gives no household figure.
  await expect(analysisRow(page, 'Residential burglary').getByTestId('rate')).toHaveText('4.46');

  // The source and scoring columns are shown when chosen.
  await expect(violenceRow.getByTestId('source')).toHaveCount(0);
  await page.getByLabel('Source of the figures').check();
  await page.getByLabel('Whether the matrix scores the type').check();
  await expect(violenceRow.getByTestId('source')).toContainText(violence.source.fileName);
  await expect(violenceRow.getByTestId('scored')).toHaveText('Yes');
  await expect(analysisRow(page, 'Drugs').getByTestId('scored')).toHaveText('No: no figures for the period');
  await expect(analysisRow(page, 'Theft offences').getByTestId('scored')).toHaveText('No: scored through its subgroups');
  await expectNoViolations(page, 'the Analysis table');
  expect(workbench.foreignRequests).toEqual([]);
});

test('fits a 1,366 × 768 laptop screen: no column of the table is clipped, measured', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemoAnalysis(page, workbench);
  const table = page.getByTestId('analysis-table');
  const measure = () =>
    table.evaluate((element) => {
      const clipped = [...element.querySelectorAll<HTMLElement>('th, td')]
        .filter((cell) => cell.scrollWidth > cell.clientWidth)
        .map((cell) => `${cell.textContent} (${cell.scrollWidth} > ${cell.clientWidth})`);
      const region = element.parentElement!;
      return {
        clipped,
        tableRight: element.getBoundingClientRect().right,
        regionRight: region.getBoundingClientRect().right,
        viewport: window.innerWidth,
        overflow: region.scrollWidth - region.clientWidth,
        columns: element.querySelectorAll('thead th').length,
      };
    });
  const fitted = await measure();
  expect(fitted.clipped).toEqual([]);
  expect(fitted.columns).toBe(10);
  expect(fitted.tableRight).toBeLessThanOrEqual(fitted.regionRight);
  expect(fitted.regionRight).toBeLessThanOrEqual(fitted.viewport);
  // Nothing is scrolled out of sight sideways either.
  expect(fitted.overflow).toBe(0);
  // Each heading and significance in full, on screen.
  for (const heading of ['Significance (exact test)', 'Three-year trend', 'Harm (mean CSS weight)']) {
    await expect(page.getByRole('columnheader', { name: heading })).toBeInViewport();
  }
});

test('sorts by any figure and filters by kind', async ({ page, workbench }) => {
  const view = await openDemoAnalysis(page, workbench);
  const rows = page.getByTestId('analysis-row');
  // Sorting by % change: largest first, then smallest first; blanks stay last; aria-sort follows.
  const percentHeader = page.getByRole('columnheader', { name: '% change' });
  await expect(percentHeader).not.toHaveAttribute('aria-sort');
  await page.getByRole('button', { name: '% change' }).click();
  await expect(percentHeader).toHaveAttribute('aria-sort', 'descending');
  const percentOf = (offence: OffenceAnalysis) => offence.summary.change?.percentChange ?? null;
  const descending = sortedLabels(view.offences, percentOf, 'descending');
  expect(await tableLabels(page)).toEqual(descending);
  expect(descending).not.toEqual(view.offences.map((offence) => offence.label));
  // Drug offences rose from 3,482 to 5,456, the largest rise: 56.7%.
  expect(descending[0]).toBe('Drug offences');
  await expect(rows.first().getByTestId('percent-change')).toHaveText('+56.7%');
  await page.getByRole('button', { name: '% change' }).click();
  await expect(percentHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await tableLabels(page)).toEqual(sortedLabels(view.offences, percentOf, 'ascending'));
  expect((await tableLabels(page)).at(-1)).toBe(descending.at(-1));

  // Filtering by kind.
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Home Office offence subgroups (15)' });
  await expect(rows).toHaveCount(15);
  await page.getByLabel('Show', { exact: true }).selectOption('all');
  await expect(rows).toHaveCount(view.offences.length);

});

test('charts one type, in words and pictures', async ({ page, workbench }) => {
  const view = await openDemoAnalysis(page, workbench);
  const violence = offenceNamed(view, 'Violence with injury');
  const violenceRow = analysisRow(page, 'Violence with injury');
  // The charts of a type whose source reports whole years.
  await violenceRow.getByRole('button', { name: 'Show charts for Violence with injury' }).click();
  const detail = page.getByTestId('offence-detail');
  await expect(detail.getByRole('heading', { name: 'Violence with injury', level: 2 })).toBeFocused();
  await expect(violenceRow).toHaveAttribute('aria-current', 'true');
  await expect(detail.getByTestId('detail-change')).toHaveText(violence.summary.changeSentence);
  await expect(detail.getByTestId('detail-change')).toHaveText('Up 10% (from 13,846 to 15,274): a significant increase');
  await expect(detail.getByTestId('detail-significance')).toContainText('p < 0.001: significant at the 5% level (the exact conditional test of 15,274 given 29,120');
  await expect(detail.getByTestId('detail-significance')).toContainText('For reference, the Poisson Z = 11.84.');
  await expect(detail.getByTestId('detail-rate')).toHaveText(
    `${twoDecimals.format(violence.summary.volume.value!)} per 1,000 residents (of ${count.format(violence.summary.volume.population!)}, ${violence.source.where.label}), the figure volume is ranked on.`,
  );
  await expect(detail.getByTestId('detail-harm')).toContainText('Priced at the unweighted mean of the subgroup’s offence codes');
  await expect(detail.getByTestId('detail-trend')).toContainText('Rising: up 919.5 offences a year');
  const annual = detail.getByRole('img', { name: 'Offences in each of the 3 years to September 2019' });
  await expect(annual).toBeVisible();
  const bars = annual.getByTestId('chart-bar');
  await expect(bars).toHaveCount(3);
  await expect(bars).toHaveText(['13,435', '13,846', '15,274']);
  const heights = await bars.locator('rect').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
  expect(heights[2]! / heights[0]!).toBeCloseTo(15_274 / 13_435, 6);
  await expect(annual.getByTestId('chart-trend')).toHaveCount(1);
  await expect(detail.getByTestId('analysis-chart-monthly')).toContainText('No monthly figures: the sources for this type report whole years');
  await expect(detail.getByTestId('analysis-chart-rolling12').getByRole('img')).toHaveCount(0);
  const annualFigure = detail.getByTestId('analysis-chart-annual');
  await annualFigure.getByText('Show the figures').click();
  await expect(annualFigure.getByRole('table')).toContainText('October 2016 to September 201713,435');
  await expectNoViolations(page, 'the charts for Violence with injury');

  // A type with monthly figures: data.police.uk drugs, January 2018 only (in the comparison year).
  await detail.getByLabel('Show the figures and charts for').selectOption({ label: 'Drugs' });
  await expect(detail.getByRole('heading', { name: 'Drugs', level: 2 })).toBeVisible();
  const monthly = detail.getByRole('img', { name: 'Offences each month, October 2018 to September 2019 against October 2017 to September 2018' });
  await expect(monthly).toBeVisible();
  await expect(monthly.getByTestId('series-comparison').locator('.chart-marker')).toHaveCount(1);
  await expect(monthly.getByTestId('series-current').locator('.chart-marker')).toHaveCount(0);
  const monthlyFigure = detail.getByTestId('analysis-chart-monthly');
  await monthlyFigure.getByText('Show the figures').click();
  await expect(monthlyFigure.getByRole('row', { name: /January 2019/ })).toHaveText('January 2019No monthly figureJanuary 201837');
  await expect(detail.getByRole('img', { name: /^Average offences in each calendar month/ })).toBeVisible();
  await expect(detail.getByTestId('analysis-chart-rolling12')).toContainText('No rolling 12-month totals');
  await expectNoViolations(page, 'the charts for Drugs, with monthly figures');

});

test('changes the periods, refusing a mistake, and goes back to the default', async ({ page, workbench }) => {
  await openDemoAnalysis(page, workbench);
  const violenceRow = analysisRow(page, 'Violence with injury');
  // Changing the periods: a mistake first, then the year ending September 2020.
  await page.getByText('Change the periods, population or households').click();
  await page.getByLabel('Assessment period from').fill('2019-10');
  await page.getByLabel('Assessment period to').fill('2020-09');
  await page.getByLabel('Comparison period from').fill('2020-01');
  await page.getByLabel('Comparison period to').fill('');
  await page.getByRole('button', { name: 'Save periods' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the last month of the comparison period, or leave both of its months blank.');
  await page.getByLabel('Comparison period to').fill('2020-12');
  await page.getByRole('button', { name: 'Save periods' }).click();
  await expect(page.getByRole('alert')).toContainText('The comparison period must not overlap the assessment period.');
  await expectNoViolations(page, 'the periods form with an error');
  await page.getByLabel('Comparison period from').fill('');
  await page.getByLabel('Comparison period to').fill('');
  await page.getByRole('button', { name: 'Save periods' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(
    'Saved the periods. October 2019 to September 2020 is now compared with October 2018 to September 2019.',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('current-period')).toHaveText('October 2019 to September 2020');
  await expect(page.getByTestId('comparison-period')).toHaveText('October 2018 to September 2019');
  // By hand from the demo file: 14,800 in the year ending September 2020, against 15,274.
  await expect(violenceRow.getByTestId('current-count')).toHaveText('14,800');
  await expect(violenceRow.getByTestId('comparison-count')).toHaveText('15,274');
  await expect(violenceRow.getByTestId('change')).toHaveText('-474');
  await expect(violenceRow.getByTestId('percent-change')).toHaveText('-3.1%');
  // Exactly, binom.test(14800, 30074) gives p = 0.00638: still significant, though far less so than Z = −3.87 suggests.
  await expect(violenceRow.getByTestId('significance')).toHaveText('▼ Significant decreasep = 0.006Poisson Z = -3.87');
  const ye2020 = await storedAnalysis(workbench);
  expect(ye2020.settings.periods).toEqual({ current: { from: '2019-10', to: '2020-09' }, comparison: { from: '2018-10', to: '2019-09' } });
  for (const offence of ye2020.offences) await expectRowToMatch(analysisRow(page, offence.label), offence);

  // Back to the default: the latest 12 complete months of data and the 12 before.
  await page.getByRole('button', { name: 'Use the default periods' }).click();
  const byDefault = await storedAnalysis(workbench);
  expect(byDefault.settings.periodsChosen).toBe(false);
  const { current, comparison } = byDefault.settings.periods;
  await expect(page.getByTestId('settings-status')).toHaveText(
    `Using the default periods. ${describePeriod(current)} is now compared with ${describePeriod(comparison)}.`,
  );
  await expect(page.getByTestId('periods-basis')).toHaveText('The default: the latest 12 complete months (to September 2024) and the 12 before.');
  await expect(page.getByTestId('current-period')).toHaveText('October 2023 to September 2024');
  await expect(violenceRow.getByTestId('current-count')).toHaveText('14,626');
  await expect(violenceRow.getByTestId('comparison-count')).toHaveText('14,958');
  for (const offence of byDefault.offences) await expectRowToMatch(analysisRow(page, offence.label), offence);
  await expect(page.getByLabel('Assessment period from')).toHaveValue('2023-10');
  await expectNoViolations(page, 'the Analysis screen on the default periods');

  expect(workbench.foreignRequests).toEqual([]);
});

test('without data, says to import it first, and keeps the population entered by hand', async ({ page, workbench }) => {
  valueOf(await workbench.service.call('workspace/create', { path: join(workbench.dir, 'empty.sqlite'), name: 'Safer Colchester Partnership', area: 'Colchester' }));
  await workbench.open();
  await goTo(page, 'Analysis');
  await expect(page.getByTestId('analysis-empty')).toContainText('Import data on the Data screen first');
  await expect(page.getByTestId('analysis-row')).toHaveCount(0);
  await expectNoViolations(page, 'the Analysis screen without data');

  await page.getByText('Change the periods, population or households').click();
  await page.getByLabel('Population (residents)').fill('0');
  await page.getByRole('button', { name: 'Save population and households' }).click();
  await expect(page.getByRole('alert')).toContainText('Give a number above 0.');
  await expect(page.getByLabel('Population (residents)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoViolations(page, 'the population form with an error');

  await page.getByLabel('Population (residents)').fill('200000');
  await page.getByLabel('Households').fill('85300');
  await page.getByRole('button', { name: 'Save population and households' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved the population and households; the rates are worked out again.');
  await expect(page.getByTestId('population')).toHaveText('200,000Entered by hand');
  await expect(page.getByTestId('households')).toHaveText('85,300Entered by hand');
  const view = await storedAnalysis(workbench);
  expect([view.settings.population.value, view.settings.households.value]).toEqual([200_000, 85_300]);
  await expect(page.getByLabel('Population (residents)')).toHaveValue('200000');
  await page.getByTestId('analysis-empty').getByRole('button', { name: 'Go to Data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data');
  expect(workbench.foreignRequests).toEqual([]);
});

test('says which figures are for a wider area than the partnership’s, in the panel and in each type’s figures', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const view = await openDemoAnalysis(page, workbench);
  const wider = view.offences.filter((offence) => offence.source.where.relation !== 'partnership');
  await expect(page.getByTestId('area-notice')).toHaveText(
    `Figures for the Essex police force area, not Colchester: ${wider.length} of the ${view.offences.length} offence types here, rated by the ONS estimate of that area’s population; the partnership’s own figures use the population above. The documents say so beside the figures.`,
  );
  await page.screenshot({ path: 'test-artefacts/screens/analysis-area.png' });
  await page.getByRole('button', { name: 'Show charts for Violence with injury' }).click();
  await expect(page.getByTestId('offence-detail').getByTestId('detail-area')).toHaveText(
    'The Essex police force area, not Colchester: the figures count that whole area, and its population is 1,846,380 (ONS mid-year population estimates for Essex police force area (Southend-on-Sea, Thurrock, Essex) (ons-mid-year-population-2011-2023.csv), mid-2019).',
  );
  await expectNoViolations(page, 'the Analysis with a wider area named');
});
