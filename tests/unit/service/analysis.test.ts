import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisView, OffenceAnalysis } from '../../../shared/domain/analysis';
import { monthsBetween } from '../../../shared/dates';
import { buildAnalysis } from '../../../electron/service/features/analysis/offence-analysis';
import { openWorkspaceFile } from '../../../electron/service/workspace-file';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const onsTable = join(__dirname, '../../../resources/data/ons-pfa-recorded-crime-ye-sep-2015-2024.csv');
const streetHeader = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/**
 * A police.uk street file with exact counts per month and type. Every month also has one
 * anti-social behaviour incident, so the file reports on all of its months and a type with
 * no crimes in a month counts 0 there rather than "no figure".
 */
function writeStreetFile(path: string, months: readonly string[], counts: Record<string, (month: string) => number>, prefix = 'c'): void {
  const lines = [streetHeader];
  let serial = 0;
  for (const month of months) {
    lines.push(`,${month},Essex Police,Essex Police,0.93,51.92,On or near Lodge Lane,E01021655,Colchester 001A,Anti-social behaviour,,`);
    for (const [type, countFor] of Object.entries(counts)) {
      for (let index = 0; index < countFor(month); index += 1) {
        serial += 1;
        lines.push(`${prefix}${String(serial).padStart(8, '0')},${month},Essex Police,Essex Police,0.93,51.92,On or near Lodge Lane,E01021655,Colchester 001A,${type},Under investigation,`);
      }
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const months2023 = monthsBetween('2023-01', '2023-12');
const months2024 = monthsBetween('2024-01', '2024-12');
const inYear = (year: string, total: number) => (month: string) => {
  // Spread `total` over the year's months: one each from January until it runs out.
  if (!month.startsWith(year)) return 0;
  const index = Number(month.slice(5)) - 1;
  return Math.floor(total / 12) + (index < total % 12 ? 1 : 0);
};
const both = (first: number, second: number) => (month: string) => inYear('2023', first)(month) + inYear('2024', second)(month);

const offence = (view: AnalysisView, key: string): OffenceAnalysis => {
  const found = view.offences.find((entry) => entry.key === key);
  if (!found) throw new Error(`No ${key} in ${view.offences.map((entry) => entry.key).join(', ')}`);
  return found;
};

describe('the Analysis figures', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  afterEach(() => workbench?.dispose());

  async function workspaceWith(counts: Record<string, (month: string) => number>) {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Colchester');
    const file = join(dir, 'street.csv');
    writeStreetFile(file, [...months2023, ...months2024], counts);
    valueOf(await workbench.importFile(file));
    return dir;
  }

  it('defaults to the latest 12 complete months and the 12 before, with hand-worked change and significance', async () => {
    await workspaceWith({ Burglary: both(10, 20), 'Bicycle theft': both(4, 6) });
    const view = valueOf(await workbench.call('analysis/show', {}));

    expect(view.settings.periods).toEqual({ current: { from: '2024-01', to: '2024-12' }, comparison: { from: '2023-01', to: '2023-12' } });
    expect(view.settings.periodsChosen).toBe(false);
    expect(view.settings.latestCompleteMonth).toBe('2024-12');

    // Burglary 10 → 20: +100%, Z = 2(√20 − √10) = 2(4.4721360 − 3.1622777) = 2.6197166, which the
    // Poisson rule called significant. The exact test does not: given 30 in all, 20 or more (or 10
    // or fewer) in one of two equal periods has probability 2 × Σ_{k=20..30} C(30, k) ÷ 2^30 =
    // 0.0987371 (R: binom.test(20, 30) gives p-value = 0.09874).
    const burglary = offence(view, 'police-uk:burglary');
    expect(burglary.summary.current.count).toBe(20);
    expect(burglary.summary.comparison.count).toBe(10);
    expect(burglary.summary.change?.percentChange).toBe(100);
    expect(burglary.summary.change?.z).toBeCloseTo(2.6197166, 6);
    expect(burglary.summary.change?.pValue).toBeCloseTo(0.098737146705389, 12);
    expect(burglary.summary.change?.verdict).toBe('no significant change');

    // Bicycle theft 4 → 6: +50%, but Z = 2(√6 − √4) = 0.898979, and exactly p = 2 × Σ_{k=6..10} C(10, k) ÷ 2^10
    // = 772 ÷ 1,024 = 0.75390625: not significant.
    const bicycles = offence(view, 'subgroup:bicycle-theft');
    expect(bicycles.summary.change).toMatchObject({ current: 6, previous: 4, percentChange: 50, significant: false });
    expect(bicycles.summary.change?.pValue).toBeCloseTo(0.75390625, 12);
    expect(bicycles.summary.changeSentence).toBe('Up 50% (from 4 to 6): not a significant change');
    // Months without a bicycle theft are reported zeros, not gaps: the file reports every month.
    expect(bicycles.summary.current.monthly.filter((month) => month.count === 0)).toHaveLength(6);
    expect(bicycles.summary.current.coverage).toBe('complete');

    expect(bicycles.inputs).toEqual({
      key: 'subgroup:bicycle-theft',
      label: 'Bicycle theft',
      // Per 1,000 of Colchester's 196,998 residents (mid-2023, the estimate shipped with the app).
      ratePer1000: (6 / 196_998) * 1000,
      // Volume ranks every type on the same denominator: here the same figure.
      volume: (6 / 196_998) * 1000,
      volumeBasis: 'per-1000-residents',
      currentCount: 6,
      previousCount: 4,
      percentChange: 50,
      significant: false,
      pValue: expect.closeTo(0.75390625, 12),
      meanHarmWeight: bicycles.summary.harm.meanWeight,
      totalHarm: bicycles.summary.harm.totalHarm,
      // No peers are chosen, so there is no ratio and the working says why.
      peerRatio: null,
      peer: { area: 'Colchester', rate: (6 / 196_998) * 1000, peers: [], peerMean: null, note: 'No peers are chosen.' },
      harmPricing: {
        basis: 'unweighted-mean',
        text: 'Priced at the unweighted mean of the subgroup’s offence codes, as no dataset in the workspace gives code-level counts for this area: rare, grave codes count as much as common ones, so this overstates harm.',
      },
    });
    expect(bicycles.source).toEqual({
      partner: 'Essex Police',
      format: 'police-uk-street',
      fileName: 'street.csv',
      datasetIds: [1],
      area: 'Colchester',
      where: { name: 'Colchester', level: 'partnership', relation: 'partnership', label: 'Colchester', phrase: 'Colchester' },
      population: { value: 196_998, source: 'ONS mid-year population estimates for Colchester, shipped with the app, mid-2023' },
      otherDatasets: 0,
    });
  });

  it('uses a population entered by hand for rates, and says so', async () => {
    await workspaceWith({ Burglary: both(10, 20) });
    const view = valueOf(await workbench.call('analysis/setDenominators', { population: 200_000, households: 80_000 }));
    expect(view.settings.population).toEqual({ value: 200_000, source: 'entered by hand' });
    // 20 burglaries ÷ 200,000 residents × 1,000 = 0.1 (the broad police.uk type is per resident).
    expect(offence(view, 'police-uk:burglary').summary.current.ratePer1000).toBeCloseTo(0.1, 12);
    expect(offence(view, 'police-uk:burglary').inputs?.ratePer1000).toBeCloseTo(0.1, 12);

    // Cleared, the rate falls back to the ONS estimate shipped with the app: mid-2023 is the
    // latest up to the period's end in 2024 (resources/data/README.md: Colchester 196,998).
    const cleared = valueOf(await workbench.call('analysis/setDenominators', { population: null, households: null }));
    expect(cleared.settings.population).toEqual({ value: 196_998, source: 'ONS mid-year population estimates for Colchester, shipped with the app, mid-2023' });
    expect(offence(cleared, 'police-uk:burglary').summary.current.ratePer1000).toBeCloseTo((20 / 196_998) * 1000, 12);
  });

  it('keeps chosen periods, defaults the comparison to the same length before, and says when data falls short', async () => {
    await workspaceWith({ Burglary: both(12, 24) });
    const half = valueOf(await workbench.call('analysis/setPeriods', { periods: { current: { from: '2024-01', to: '2024-06' }, comparison: null } }));
    expect(half.settings.periods).toEqual({ current: { from: '2024-01', to: '2024-06' }, comparison: { from: '2023-07', to: '2023-12' } });
    expect(half.settings.periodsChosen).toBe(true);
    // 24 a year over 12 months is 2 a month: 12 in each half-year.
    expect(offence(half, 'police-uk:burglary').summary.change).toMatchObject({ current: 12, previous: 6 });

    const beyond = valueOf(
      await workbench.call('analysis/setPeriods', { periods: { current: { from: '2024-07', to: '2025-06' }, comparison: { from: '2023-07', to: '2024-06' } } }),
    );
    const burglary = offence(beyond, 'police-uk:burglary');
    expect(burglary.inputs).toBeNull();
    expect(burglary.notScored).toBe('The figures cover only 6 of the 12 months of July 2024 to June 2025.');

    const reset = valueOf(await workbench.call('analysis/setPeriods', { periods: null }));
    expect(reset.settings.periodsChosen).toBe(false);
    expect(reset.settings.periods.current).toEqual({ from: '2024-01', to: '2024-12' });
  });

  it('refuses a period that ends before it starts and leaves the workspace as it was', async () => {
    const dir = await workspaceWith({ Burglary: both(1, 2) });
    const before = workspaceFingerprint(join(dir, 'workspace.sqlite'));
    const refused = await workbench.call('analysis/setPeriods', { periods: { current: { from: '2024-06', to: '2024-01' }, comparison: null } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('The period must end on or after the month it starts.');
    expect(workspaceFingerprint(join(dir, 'workspace.sqlite'))).toEqual(before);
  });

  it('adds up monthly police.uk files of one series, but never adds a second source for the same months', async () => {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Colchester');
    // Two years of monthly downloads, one file a month, as a partnership collects them.
    for (const [index, month] of [...months2023, ...months2024].entries()) {
      const file = join(dir, `${month}-essex-street.csv`);
      writeStreetFile(file, [month], { Burglary: both(12, 36) }, `m${index}-`);
      valueOf(await workbench.importFile(file, {}, `import-${String(index).padStart(4, '0')}`));
    }
    const monthly = offence(valueOf(await workbench.call('analysis/show', {})), 'police-uk:burglary');
    expect(monthly.summary.change).toMatchObject({ current: 36, previous: 12 });
    expect(monthly.source).toMatchObject({ partner: 'Essex Police', fileName: '24 files, 2023-01 to 2024-12', otherDatasets: 0 });
    expect(monthly.source.datasetIds).toHaveLength(24);

    // The same months from another partner's table: a second source, not extra burglaries.
    const table = join(dir, 'council-table.csv');
    writeFileSync(table, ['Offence,Month,Count', ...months2024.map((month) => `Burglary,${month},5`)].join('\n'));
    valueOf(
      await workbench.importFile(table, { partner: 'Colchester Borough Council', format: 'generic', mapping: { offence: 'Offence', period: 'Month', count: 'Count' } }, 'import-table'),
    );
    const after = offence(valueOf(await workbench.call('analysis/show', {})), 'police-uk:burglary');
    // The police.uk series covers both periods; the council's table only the current one.
    expect(after.summary.change).toMatchObject({ current: 36, previous: 12 });
    expect(after.source.otherDatasets).toBe(1);
  });

  it('lets a newer edition of a table replace the months an older one gave', async () => {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Colchester');
    const edition = (name: string, rows: [string, number][]) => {
      const file = join(dir, name);
      writeFileSync(file, ['Offence,Month,Count', ...rows.map(([month, count]) => `Robbery,${month},${count}`)].join('\n'));
      return file;
    };
    const settings = { partner: 'Colchester Borough Council', format: 'generic' as const, mapping: { offence: 'Offence', period: 'Month', count: 'Count' } };
    valueOf(await workbench.importFile(edition('2024-edition.csv', [...months2023, ...months2024].map((month) => [month, 2])), settings, 'import-old'));
    // The revised edition restates 2024 at 3 a month.
    valueOf(await workbench.importFile(edition('2025-edition.csv', months2024.map((month) => [month, 3])), settings, 'import-new'));
    const robbery = offence(valueOf(await workbench.call('analysis/show', {})), 'group:robbery');
    expect(robbery.summary.change).toMatchObject({ current: 36, previous: 24 });
    expect(robbery.source.fileName).toBe('2 files, 2023-01 to 2024-12');
  });

  it('scores a group through its subgroups when they have figures, and never scores total recorded crime', async () => {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Essex');
    valueOf(await workbench.importFile(onsTable, { partner: 'Office for National Statistics' }));
    valueOf(await workbench.call('analysis/setPeriods', { periods: { current: { from: '2018-10', to: '2019-09' }, comparison: null } }));
    const view = valueOf(await workbench.call('analysis/show', {}));

    const violence = offence(view, 'group:violence-against-the-person');
    expect(violence.inputs).toBeNull();
    expect(violence.notScored).toContain('Scored through its subgroups');
    expect(violence.notScored).toContain('Violence with injury');
    expect(offence(view, 'total:recorded-crime').notScored).toBe('Total recorded crime is the sum of the offence types, not one of them.');
    // Robbery has no subgroup figures in the ONS table, so the group itself is scored.
    expect(offence(view, 'group:robbery').inputs).not.toBeNull();

    // Cross-checked with sqlite3 on the bundled file: Essex, year ending September 2019.
    const injury = offence(view, 'subgroup:violence-with-injury');
    const db = new Database(workbench.path, { readonly: true });
    const stored = db
      .prepare("SELECT sum(count) AS n FROM offence_count WHERE offence_key = 'subgroup:violence-with-injury' AND period_from = '2018-10' AND in_area = 1")
      .get() as { n: number };
    db.close();
    expect(injury.summary.current.count).toBe(stored.n);
    expect(injury.summary.annualTotals.map((year) => year.period.to)).toEqual(['2017-09', '2018-09', '2019-09']);
    // The rate is per 1,000 residents of the Essex police force area at mid-2019, the estimate
    // for the period's end: Essex county 1,489,341 + Southend-on-Sea + Thurrock (bundled table).
    const essex2019 = injury.summary.denominator!;
    expect(essex2019).toBe(1_489_341 + 182_115 + 174_924);
    expect(injury.summary.current.ratePer1000).toBeCloseTo((stored.n / essex2019) * 1000, 12);
  });

  it('re-keys the Analysis totals when a label is mapped, without importing again', async () => {
    await workspaceWith({ Burglary: both(1, 1), 'Cheque fraud': both(3, 5) });
    const before = valueOf(await workbench.call('analysis/show', {}));
    expect(before.offences.map((entry) => entry.key)).not.toContain('subgroup:miscellaneous-crimes');
    valueOf(await workbench.call('dataset/mapLabel', { datasetId: 1, label: 'Cheque fraud', offence: 'subgroup:miscellaneous-crimes' }));
    const after = valueOf(await workbench.call('analysis/show', {}));
    expect(offence(after, 'subgroup:miscellaneous-crimes').summary.change).toMatchObject({ current: 5, previous: 3 });

    valueOf(await workbench.call('dataset/remove', { id: 1 }));
    expect(valueOf(await workbench.call('analysis/show', {})).offences).toEqual([]);
  });

  it('keeps its figures between loads until the workspace changes, on this connection, on another, or not at all when rolled back', async () => {
    await workspaceWith({ Burglary: both(10, 20) });
    const db = openWorkspaceFile(workbench.path);
    try {
      const now = new Date('2025-06-15T12:00:00Z');
      const burglaries = () => offence(buildAnalysis(db, now), 'police-uk:burglary').summary.current.count;
      const addBurglaries = (connection: Database.Database, extra: number) =>
        connection.prepare("UPDATE offence_total SET count = count + ? WHERE offence_key = 'police-uk:burglary' AND period_from = '2024-03'").run(extra);

      const first = buildAnalysis(db, now);
      const second = buildAnalysis(db, now);
      expect(second).toEqual(first);
      // Kept, not worked out again; the list is the caller's own to sort.
      expect(second.offences[0]).toBe(first.offences[0]);
      expect(second.offences).not.toBe(first.offences);
      expect(burglaries()).toBe(20);

      addBurglaries(db, 5);
      expect(burglaries()).toBe(25);

      const other = new Database(workbench.path);
      addBurglaries(other, 1);
      other.close();
      expect(burglaries()).toBe(26);

      // Loaded inside a transaction that is then rolled back: nothing read there is kept.
      db.exec('BEGIN');
      addBurglaries(db, 100);
      expect(burglaries()).toBe(126);
      db.exec('ROLLBACK');
      expect(burglaries()).toBe(26);

      // A new month moves the default periods without any change to the workspace.
      expect(buildAnalysis(db, new Date('2026-02-15T12:00:00Z')).settings.periods.current).toEqual({ from: '2024-01', to: '2024-12' });
      expect(buildAnalysis(db, new Date('2024-12-15T12:00:00Z')).settings.periods.current).toEqual({ from: '2023-12', to: '2024-11' });
      // December 2023 had none, December 2024's one is left out, March's six added ones are in.
      expect(offence(buildAnalysis(db, new Date('2024-12-15T12:00:00Z')), 'police-uk:burglary').summary.current.count).toBe(20 - 1 + 6);
    } finally {
      db.close();
    }
  });
});

describe('the choice of periods', () => {
  const tempDir = useTempDir();

  it('refuses a comparison period of another length, or one that overlaps, naming the problem', async () => {
    const workbench = new TestWorkbench(tempDir());
    try {
      await workbench.create('Colchester');
      const shorter = await workbench.call('analysis/setPeriods', {
        periods: { current: { from: '2024-01', to: '2024-12' }, comparison: { from: '2023-07', to: '2023-12' } },
      });
      expect(shorter.ok).toBe(false);
      if (!shorter.ok) expect(shorter.error.message).toContain('The comparison period must be as long as the assessment period (12 months)');
      const overlapping = await workbench.call('analysis/setPeriods', {
        periods: { current: { from: '2024-01', to: '2024-12' }, comparison: { from: '2023-06', to: '2024-05' } },
      });
      expect(overlapping.ok).toBe(false);
      if (!overlapping.ok) expect(overlapping.error.message).toContain('must not overlap');
      const financialYears = valueOf(
        await workbench.call('analysis/setPeriods', { periods: { current: { from: '2018-04', to: '2019-03' }, comparison: { from: '2017-04', to: '2018-03' } } }),
      );
      expect(financialYears.settings.periods.comparison).toEqual({ from: '2017-04', to: '2018-03' });
      expect(valueOf(await workbench.call('partnership/show', {})).period).toEqual({ from: '2018-04', to: '2019-03' });
    } finally {
      workbench.dispose();
    }
  });
});
