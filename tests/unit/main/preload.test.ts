import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({ api: undefined as unknown, key: '' }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed.key = key;
      exposed.api = api;
    },
  },
  webUtils: { getPathForFile: (file: { name: string }) => `/home/analyst/${file.name}` },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

import { ipcRenderer } from 'electron';
import { progressChannel } from '../../../shared/channels';
import { operationNames } from '../../../shared/operations';
import type { WorkbenchApi } from '../../../shared/contract';

describe('the preload', () => {
  it('exposes window.workbench with one function per channel and no generic invoke', async () => {
    await import('../../../electron/preload/index');
    expect(exposed.key).toBe('workbench');
    const api = exposed.api as Record<string, Record<string, unknown>>;
    const exposedNames = Object.entries(api).flatMap(([domain, group]) =>
      typeof group === 'function' ? [domain] : Object.keys(group).map((verb) => `${domain}/${verb}`),
    );
    expect(exposedNames.sort()).toEqual([...operationNames, 'onProgress', 'onServiceStatus', 'stageDroppedFile'].sort());
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('sends each call on its own channel and relays progress', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as WorkbenchApi;
    expect(await api.member.add({ name: 'Essex Police', statutory: true })).toEqual({
      ok: true,
      value: { channel: 'member/add', input: { name: 'Essex Police', statutory: true } },
    });
    await api.workspace.show();
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('workspace/show', {});

    const seen: unknown[] = [];
    const unsubscribe = api.onProgress((event) => seen.push(event));
    const forward = vi.mocked(ipcRenderer.on).mock.calls[0]!;
    expect(forward[0]).toBe(progressChannel);
    (forward[1] as (event: unknown, payload: unknown) => void)({}, { operationId: 'op-000001', done: 1 });
    expect(seen).toEqual([{ operationId: 'op-000001', done: 1 }]);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(progressChannel, forward[1]);
  });

  it('reads a dropped file’s path itself, so the page never supplies one', async () => {
    await import('../../../electron/preload/index');
    const api = exposed.api as WorkbenchApi;
    await api.stageDroppedFile({ name: 'street.csv' } as File);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('dataset/dropped', { path: '/home/analyst/street.csv' });
  });
});

describe('the built preload', () => {
  it('carries every operation’s name and none of the table’s schemas: no zod in the sandbox', async () => {
    const { readFileSync } = await import('node:fs');
    const { operationNames } = await import('../../../shared/operations');
    const built = readFileSync('out/preload/index.js', 'utf8');
    for (const name of operationNames) expect(built).toContain(`"${name}"`);
    expect(built).not.toMatch(/zod|ZodError|safeParse/);
  });
});
