import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../../shared/operations';
import type { WorkbenchApi } from '../../../shared/contract';
import { buildWorkbenchApi } from '../../../shared/workbench-api';
import { withInvalidation } from '../../../renderer/src/data-access/invalidating-api';
import { invalidations, type QueryKey } from '../../../renderer/src/data-access/invalidations';
import { createQueryBus } from '../../../renderer/src/data-access/query-bus';
import { fail, ok } from './deferred';

/** window.workbench as the preload builds it, over a transport the test answers. */
function fakeWorkbench(answer: (channel: string, input: unknown) => unknown) {
  const invoke = vi.fn(async (channel: string, input: unknown) => answer(channel, input));
  const unsubscribe = () => {};
  const api = buildWorkbenchApi({ operationNames, invoke, subscribe: () => unsubscribe, stageDroppedFile: async () => ok(null) });
  return { api, invoke };
}

function listening(keys: readonly QueryKey[]) {
  const bus = createQueryBus();
  const told = vi.fn();
  bus.subscribe(keys, told);
  return { bus, told };
}

describe('the invalidations table', () => {
  it('says for every operation what it changes', () => {
    expect(Object.keys(invalidations).sort()).toEqual([...operationNames].sort());
  });

  it('has every read change nothing', () => {
    const reads = ['workspace/show', 'partnership/show', 'dataset/list', 'dataset/report', 'analysis/show', 'matrix/show', 'run/list', 'run/show', 'priority/list', 'peers/show', 'document/show'] as const;
    for (const read of reads) expect(invalidations[read], read).toEqual([]);
  });
});

describe('withInvalidation', () => {
  it('tells the queries that read what a write changed, once it has succeeded', async () => {
    const { api, invoke } = fakeWorkbench(() => ok([]));
    const { bus, told } = listening(['priorities']);
    const workbench = withInvalidation(api, invalidations, bus);
    const result = await workbench.priority.add({ title: 'Protect', aim: 'Aim', offences: [], lead: null, measures: [], status: null, reviewDate: null });
    expect(result).toEqual(ok([]));
    expect(invoke).toHaveBeenCalledWith('priority/add', expect.objectContaining({ title: 'Protect' }));
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('tells nobody when the write is refused, or for a read', async () => {
    const { api } = fakeWorkbench((channel) => (channel === 'priority/add' ? fail('invalid-input', 'Give the priority a title.') : ok([])));
    const { bus, told } = listening(['priorities']);
    const workbench = withInvalidation(api, invalidations, bus);
    expect(await workbench.priority.add({ title: '', aim: '', offences: [], lead: null, measures: [], status: null, reviewDate: null })).toEqual(
      fail('invalid-input', 'Give the priority a title.'),
    );
    await workbench.priority.list();
    expect(told).not.toHaveBeenCalled();
  });

  it('leaves queries of other kinds alone', async () => {
    const { api } = fakeWorkbench(() => ok(null));
    const { bus, told } = listening(['datasets']);
    const workbench = withInvalidation(api, invalidations, bus);
    await workbench.matrix.use({ template: 'grid-4x4' });
    expect(told).not.toHaveBeenCalled();
    await workbench.dataset.remove({ id: 1 });
    expect(told).toHaveBeenCalledTimes(1);
  });

  it('keeps what is not an operation: the progress and service-status streams, and dropped files', () => {
    const { api } = fakeWorkbench(() => ok(null));
    const workbench: WorkbenchApi = withInvalidation(api, invalidations, createQueryBus());
    expect(workbench.onProgress).toBe(api.onProgress);
    expect(workbench.onServiceStatus).toBe(api.onServiceStatus);
    expect(workbench.stageDroppedFile).toBe(api.stageDroppedFile);
    // Reads are passed through as they are.
    expect(workbench.matrix.show).toBe(api.matrix.show);
  });
});
