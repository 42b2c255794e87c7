import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import { createRendererHandlers, type RendererHandlers } from '../../../electron/main/renderer-handlers';
import type { ServiceCaller } from '../../../electron/service/service-protocol';
import { operationNames } from '../../../shared/operations';

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

/** ipcMain as far as the handlers see it, and a trusted sender: the app's own top-level page. */
function fakeIpc() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => listeners.set(channel, listener) } as unknown as IpcMain;
  const event = { senderFrame: { parent: null, url: 'app://workbench/index.html' } } as unknown as IpcMainInvokeEvent;
  return { ipcMain, invoke: (channel: string, input: unknown) => Promise.resolve(listeners.get(channel)!(event, input)) };
}

describe('IPC handlers', () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});

  it('answer a throwing handler with { ok: false } and a message, never a rejection', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const handlers = Object.fromEntries(
      operationNames.map((channel) => [
        channel,
        async () => {
          throw new Error('the pipe to the service is closed');
        },
      ]),
    ) as unknown as RendererHandlers;
    registerIpcHandlers(ipcMain, handlers, () => {
      throw new TypeError('not a promise at all');
    });
    await expect(invoke('partnership/show', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The workbench could not do that (the pipe to the service is closed). Nothing was changed. Try again; if it keeps happening, restart the workbench.',
      },
    });
    await expect(invoke('dataset/dropped', { path: '/x.csv' })).resolves.toMatchObject({ ok: false, error: { message: expect.stringContaining('not a promise at all') } });
  });

  it('answer a dialog that throws, and a service that rejects, with a message', async () => {
    const { ipcMain, invoke } = fakeIpc();
    const service: ServiceCaller = { call: () => Promise.reject(new Error('channel closed')) };
    const handlers = createRendererHandlers(service, async () => {
      throw new Error('no window to attach the dialog to');
    });
    registerIpcHandlers(ipcMain, handlers, async () => ({ ok: true, value: null }));
    await expect(invoke('workspace/open', {})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'The file dialog could not be shown (no window to attach the dialog to). Nothing was changed; try again.' },
    });
    await expect(invoke('partnership/show', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('(channel closed)') } });
  });
});
