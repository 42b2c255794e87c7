import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisView, OffenceAnalysis } from '../../../shared/domain/analysis';
import { monthsBetween } from '../../../shared/dates';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const onsTable = join(__dirname, '../../../resources/data/ons-pfa-recorded-crime-ye-sep-2015-2024.csv');
const generic = { format: 'generic' as const, mapping: { offence: 'Offence', period: 'Month', count: 'Count' } };

const offence = (view: AnalysisView, key: string): OffenceAnalysis => {
  const found = view.offences.find((entry) => entry.key === key);
  if (!found) throw new Error(`No ${key}`);
  return found;
};

describe('peers and data-weighted harm in the workspace', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  afterEach(() => workbench?.dispose());

  it('prices a subgroup without codes by another dataset’s code counts for the same area, and says which', async () => {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Colchester');
    const months = monthsBetween('2023-01', '2024-12');
    const subgroupFile = join(dir, 'council-violence.csv');
    writeFileSync(subgroupFile, ['Offence,Month,Count', ...months.map((month) => `Violence with injury,${month},10`)].join('\n'));
    valueOf(await workbench.importFile(subgroupFile, { partner: 'Colchester Borough Council', ...generic }, 'import-subgroup'));
    const before = offence(valueOf(await workbench.call('analysis/show', {})), 'subgroup:violence-with-injury');
    // No code-level data yet: the unweighted mean of the subgroup's codes, 1,727.547468, with the caveat.
    expect(before.summary.harm.meanWeight).toBeCloseTo(1727.547468025, 6);
    expect(before.inputs!.harmPricing!.basis).toBe('unweighted-mean');

    // A police extract by code for 2024: 9 assaults with injury (8N) and 1 attempted murder (2) a month.
    const codesFile = join(dir, 'police-codes.csv');
    const rows = monthsBetween('2024-01', '2024-12').flatMap((month) => [`8N,${month},9`, `2,${month},1`]);
    writeFileSync(codesFile, ['Offence,Month,Count', ...rows].join('\n'));
    valueOf(await workbench.importFile(codesFile, { partner: 'Essex Police', ...generic }, 'import-codes'));
    const after = offence(valueOf(await workbench.call('analysis/show', {})), 'subgroup:violence-with-injury');
    // Still the council's series (it covers both periods), priced by the police mix:
    // (108 × 189.1538871 + 12 × 4,654.298133) ÷ 120 = (20,428.619807 + 55,851.577596) ÷ 120 = 635.66831169.
    expect(after.source.partner).toBe('Colchester Borough Council');
    expect(after.summary.harm.meanWeight).toBeCloseTo(635.66831169, 6);
    expect(after.inputs!.harmPricing).toEqual({
      basis: 'code-counts',
      text: 'The subgroup’s codes weighted by the code-level counts of police-codes.csv (Colchester, January 2024 to December 2024).',
    });
    const state = valueOf(await workbench.call('matrix/show', {}));
    const row = state.ranking.find((entry) => entry.key === 'subgroup:violence-with-injury')!;
    expect(row.harmMethod).toBe('code-counts');
    expect(row.factors.harm!.note).toBe(after.inputs!.harmPricing!.text);
  });

  it('scores the peer factor on the chosen comparator areas, and refuses an area no dataset keeps, changing nothing', async () => {
    const dir = tempDir();
    workbench = new TestWorkbench(dir);
    await workbench.create('Essex');
    valueOf(await workbench.importFile(onsTable, { partner: 'Office for National Statistics', area: 'Essex', keepComparators: true }));
    valueOf(await workbench.call('analysis/setPeriods', { periods: { current: { from: '2018-10', to: '2019-09' }, comparison: null } }));

    const none = valueOf(await workbench.call('peers/show', {}));
    expect(none.areas).toEqual([]);
    expect(none.candidates.map((candidate) => candidate.area)).toContain('Kent');
    expect(none.candidates.map((candidate) => candidate.area)).not.toContain('Essex');

    const state = valueOf(await workbench.call('peers/set', { areas: ['kent', 'Sussex'], note: null }));
    expect(state.peers.areas).toEqual(['Kent', 'Sussex']);
    // Residential burglary, year ending September 2019, per 1,000 residents (mid-2019 force populations):
    // Essex 8,241 ÷ 1,846,380 = 4.463328; Kent 8,285 ÷ 1,842,692 = 4.496139; Sussex 4,705 ÷ 1,696,921 = 2.772669.
    // Peers' mean 3.634404; 4.463328 ÷ 3.634404 = 1.228077: "above" (1.1 to under 1.25), 4.
    const burglary = state.ranking.find((row) => row.key === 'subgroup:residential-burglary')!;
    expect(burglary.factors.peer!.input).toBeCloseTo(1.228077, 6);
    expect(burglary.factors.peer!.score).toBe(4);
    expect(burglary.factors.peer!.note).toBe('Essex 4.46 per 1,000 residents ÷ 3.63, the mean rate of its peers (Kent 4.5, Sussex 2.77).');

    const fingerprint = workspaceFingerprint(workbench.path);
    const refused = await workbench.call('peers/set', { areas: ['Kent', 'Atlantis'], note: null });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/^No dataset keeps figures for "Atlantis"\. The areas to choose from are: /);
    expect(workspaceFingerprint(workbench.path)).toEqual(fingerprint);
  });
});
