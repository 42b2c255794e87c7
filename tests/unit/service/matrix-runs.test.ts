import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { MatrixState } from '../../../shared/domain/analysis';
import { saferColchesterJudgements } from '../../../shared/demo/safer-colchester';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

const labels = (state: Pick<MatrixState, 'ranking'>) => state.ranking.map((row) => row.label);
const sumOfContributions = (factors: Record<string, { contribution: number }>) =>
  Object.values(factors).reduce((total, factor) => total + factor.contribution, 0);

describe('the matrix, judgements and frozen runs on the demo workspace', () => {
  const tempDir = useTempDir();
  let workbench: TestWorkbench;
  beforeEach(async () => {
    workbench = new TestWorkbench(tempDir(), 'demo.sqlite');
    valueOf(await workbench.call('workspace/demo', { path: workbench.path, operationId: 'demo-matrix-0001' }));
  });
  afterEach(() => workbench.dispose());

  it('scores every type with figures for the whole period, each score the sum of its contributions', async () => {
    const state = valueOf(await workbench.call('matrix/show', {}));
    expect(state.template).toBe('partnership');
    expect(state.periods).toEqual({ current: { from: '2018-10', to: '2019-09' }, comparison: { from: '2017-10', to: '2018-09' } });
    expect(state.offences).toHaveLength(19);
    expect(state.ranking.map((row) => row.rank)).toEqual(Array.from({ length: 19 }, (_, index) => index + 1));
    for (const row of state.ranking) expect(row.score).toBeCloseTo(sumOfContributions(row.factors), 10);
    // Every scored type carries the demo's judgements, so no judged factor falls back to 3.
    expect(state.judgements).toHaveLength(saferColchesterJudgements.length);
    for (const row of state.ranking) {
      expect(row.factors.vulnerability?.note ?? '').not.toContain('No judgement');
      expect(row.factors.concern?.band).not.toBe('');
    }
  });

  it('stores a weight, re-ranks on it, and resets to the template', async () => {
    const before = valueOf(await workbench.call('matrix/show', {}));
    const noHarm = valueOf(await workbench.call('matrix/set', { template: 'partnership', factor: 'harm', weight: 0 }));
    expect(noHarm.definition.factors.find((factor) => factor.id === 'harm')?.weight).toBe(0);
    expect(noHarm.edited).toEqual(['harm']);
    for (const row of noHarm.ranking) expect(row.factors.harm?.contribution).toBe(0);
    expect(labels(noHarm)).not.toEqual(labels(before));

    const reread = valueOf(await workbench.call('matrix/show', {}));
    expect(labels(reread)).toEqual(labels(noHarm));

    const reset = valueOf(await workbench.call('matrix/reset', { template: 'partnership' }));
    expect(reset.edited).toEqual([]);
    expect(labels(reset)).toEqual(labels(before));
  });

  it('refuses thresholds that do not rise, and leaves the workspace as it was', async () => {
    const before = workspaceFingerprint(workbench.path);
    const refused = await workbench.call('matrix/set', { template: 'partnership', factor: 'harm', thresholds: [10, 50, 40, 1000] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Harm (mean crime severity weight): thresholds must rise strictly, lowest first (for example 10,50,200,1000).');
    const unknown = await workbench.call('matrix/set', { template: 'partnership', factor: 'weather', weight: 1 });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('The matrix has no factor "weather"');
    expect(workspaceFingerprint(workbench.path)).toEqual(before);
  });

  it('records a judgement with its rationale, which moves the type, and refuses one without', async () => {
    const before = valueOf(await workbench.call('matrix/show', {}));
    const bicycles = before.ranking.find((row) => row.label === 'Bicycle theft')!;
    expect(bicycles.factors.vulnerability?.score).toBe(1);

    const after = valueOf(
      await workbench.call('matrix/judge', {
        factor: 'vulnerability',
        offenceKey: bicycles.key,
        score: 5,
        rationale: 'Partner intelligence links thefts to the exploitation of children.',
      }),
    );
    const judged = after.ranking.find((row) => row.key === bicycles.key)!;
    expect(judged.score).toBe(bicycles.score + 4);
    expect(judged.rank).toBeLessThan(bicycles.rank);

    const blank = await workbench.call('matrix/judge', { factor: 'vulnerability', offenceKey: bicycles.key, score: 2, rationale: '   ' });
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.error.message).toContain('Give a rationale for the judgement.');
    const volume = await workbench.call('matrix/judge', { factor: 'volume', offenceKey: bicycles.key, score: 2, rationale: 'A guess' });
    expect(volume.ok).toBe(false);
    if (!volume.ok) expect(volume.error.message).toContain('"volume" is not judged by the analyst');

    const removed = valueOf(await workbench.call('matrix/unjudge', { factor: 'vulnerability', offenceKey: bicycles.key }));
    expect(removed.ranking.find((row) => row.key === bicycles.key)?.factors.vulnerability?.score).toBe(3);
  });

  it('switches template, with bands in words for the MoRiLE-style matrix', async () => {
    const morile = valueOf(await workbench.call('matrix/use', { template: 'morile-style' }));
    expect(morile.template).toBe('morile-style');
    for (const row of morile.ranking) {
      expect(row.score).toBe(row.sides!.impact.score * row.sides!.likelihood.score);
      expect(['red', 'amber', 'green']).toContain(row.band?.toLowerCase());
    }
    expect(valueOf(await workbench.call('matrix/show', {})).template).toBe('morile-style');
  });

  it('repeats a seeded sensitivity analysis exactly', async () => {
    const first = valueOf(await workbench.call('matrix/sensitivity', { draws: 300, spread: 0.25, seed: 7 }));
    const second = valueOf(await workbench.call('matrix/sensitivity', { draws: 300, spread: 0.25, seed: 7 }));
    expect(second).toEqual(first);
    expect(first.offences).toHaveLength(19);
    for (const offence of first.offences) {
      expect(offence.bestRank).toBeLessThanOrEqual(offence.medianRank);
      expect(offence.medianRank).toBeLessThanOrEqual(offence.worstRank);
    }
  });

  it('keeps a frozen run exactly as frozen after the weights change, and explains a forced rank change', async () => {
    const scored = valueOf(await workbench.call('matrix/show', {}));
    const first = valueOf(await workbench.call('run/freeze', { name: 'Strategic Assessment 2019 draft' }));
    expect(first).toMatchObject({ id: 1, name: 'Strategic Assessment 2019 draft', template: 'partnership', offences: 19, top: labels(scored).slice(0, 4) });

    valueOf(await workbench.call('matrix/set', { template: 'partnership', factor: 'harm', weight: 0 }));
    const shown = valueOf(await workbench.call('run/show', { id: 1 }));
    expect(shown.run.ranking).toEqual(scored.ranking);
    expect(shown.identical).toBe(true);
    expect(shown.sources).toHaveLength(19);
    expect(shown.sources[0]?.files).toEqual([{ datasetId: 1, fileName: 'ons-pfa-recorded-crime-ye-sep-2015-2024.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const second = valueOf(await workbench.call('run/freeze', { name: 'Without harm' }));
    expect(valueOf(await workbench.call('run/list', {})).map((run) => run.name)).toEqual(['Strategic Assessment 2019 draft', 'Without harm']);

    const comparison = valueOf(await workbench.call('run/compare', { before: first.id, after: second.id }));
    expect(comparison.definitionChanges).toEqual([{ kind: 'weight', factor: 'harm', label: 'Harm (mean crime severity weight)', before: 2, after: 0 }]);
    const moved = comparison.movements.filter((movement) => movement.rankChange !== 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const movement of comparison.movements) {
      // Only harm changed, so it is the only driver, and it accounts for the whole score change.
      expect(movement.drivers.map((driver) => driver.factor)).toEqual(['harm']);
      expect(movement.drivers[0]!.delta).toBeCloseTo(movement.scoreChange, 10);
    }
  });

  it('refuses to show a run whose stored document was altered outside the app', async () => {
    valueOf(await workbench.call('run/freeze', { name: 'Final' }));
    workbench.dispose();
    const db = new Database(workbench.path);
    expect(() => db.exec("UPDATE scoring_run SET document = replace(document, 'Violence', 'Violins')")).toThrow('A frozen run cannot be changed.');
    db.exec('DROP TRIGGER scoring_run_is_read_only');
    db.exec("UPDATE scoring_run SET document = replace(document, 'Violence', 'Violins')");
    db.close();

    workbench = new TestWorkbench(join(workbench.path, '..'), 'demo.sqlite');
    valueOf(await workbench.call('workspace/open', { path: workbench.path }));
    const shown = await workbench.call('run/show', { id: 1 });
    expect(shown.ok).toBe(false);
    if (!shown.ok) expect(shown.error.message).toBe('Frozen run 1 ("Final") has been altered since it was frozen; it cannot be trusted.');
    const missing = await workbench.call('run/show', { id: 9 });
    if (!missing.ok) expect(missing.error.code).toBe('not-found');
  });
});
