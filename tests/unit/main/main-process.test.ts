import { describe, expect, it, vi } from 'vitest';

const world = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  const calls: string[] = [];
  const sessionRecord: { beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void } = {};
  const ipcChannels: string[] = [];
  const forked: string[] = [];
  return { windows, calls, sessionRecord, ipcChannels, forked };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = { send: vi.fn() };
    constructor(options: Record<string, unknown>) {
      world.windows.push({ options, loaded: this.loaded });
    }
    loaded: string[] = [];
    once() {}
    on() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  return {
    app: {
      isPackaged: true,
      getPath: (name: string) => `/home/analyst/.config/workbench/${name}`,
      enableSandbox: () => world.calls.push('enableSandbox'),
      on: (name: string) => world.calls.push(`app.on:${name}`),
      whenReady: () => {
        world.calls.push('whenReady');
        return Promise.resolve();
      },
    },
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: () => world.calls.push('registerSchemesAsPrivileged') },
    ipcMain: { handle: (channel: string) => world.ipcChannels.push(channel) },
    dialog: {},
    utilityProcess: {
      fork: (path: string) => {
        world.forked.push(path);
        return { on: vi.fn(), postMessage: vi.fn() };
      },
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (_filter: unknown, listener: typeof world.sessionRecord.beforeRequest) => (world.sessionRecord.beforeRequest = listener) },
        setPermissionRequestHandler: () => world.calls.push('permissions'),
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        protocol: { handle: (scheme: string) => world.calls.push(`protocol.handle:${scheme}`) },
      },
    },
  };
});

import { operationNames } from '../../../shared/operations';

describe('the main process', () => {
  it('starts locked down: sandbox everywhere, guards before the window, the service in its own process', async () => {
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(world.windows).toHaveLength(1));

    expect(world.calls.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'app.on:web-contents-created']);
    expect(world.calls).toContain('permissions');
    expect(world.calls).toContain('protocol.handle:app');

    const preferences = world.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(String(preferences.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(world.windows[0]!.loaded).toEqual(['app://workbench/index.html']);

    let cancelled: boolean | undefined;
    world.sessionRecord.beforeRequest!({ url: 'https://www.google.com/' }, (response) => (cancelled = response.cancel));
    expect(cancelled).toBe(true);

    expect(world.ipcChannels.sort()).toEqual([...operationNames, 'dataset/dropped'].sort());
    expect(world.forked).toHaveLength(1);
    expect(world.forked[0]).toMatch(/service\.js$/);
  });
});
