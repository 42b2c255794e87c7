import { describe, expect, it, vi } from 'vitest';

// Electron's npm package downloads its binary on first import; the guards are tested against
// a stand-in that records what they register.
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  app: {},
}));

import { protocol, type IpcMain, type IpcMainInvokeEvent, type Session, type WebContents } from 'electron';
import { registerAppScheme, serveAppProtocol } from '../../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../../electron/main/app-origin';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import type { RendererHandlers } from '../../../electron/main/renderer-handlers';
import { guardSession, guardWebContents, isTrustedSender, secureWindowOptions } from '../../../electron/main/security';
import { operationNames } from '../../../shared/operations';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { useTempDir } from '../../fixtures/temp-dir';

type RequestListener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

function fakeSession() {
  const recorded: {
    filter?: { urls: string[] };
    onBeforeRequest?: RequestListener;
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    deviceCheck?: () => boolean;
    protocolHandler?: (request: Request) => Promise<Response>;
  } = {};
  const session = {
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, listener: RequestListener) => {
        recorded.filter = filter;
        recorded.onBeforeRequest = listener;
      },
    },
    setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: () => boolean) => (recorded.permissionCheck = handler),
    setDevicePermissionHandler: (handler: () => boolean) => (recorded.deviceCheck = handler),
    protocol: { handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (recorded.protocolHandler = handler) },
  };
  return { session: session as unknown as Session, recorded };
}

function decide(listener: RequestListener, url: string): boolean {
  let cancelled: boolean | undefined;
  listener({ url }, (response) => (cancelled = response.cancel));
  return cancelled!;
}

describe('window options', () => {
  it('turn on every isolation switch from the Electron security checklist', () => {
    const options = secureWindowOptions('/app/out/preload/index.js');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('close DevTools in the installed app and keep them in development', () => {
    expect(secureWindowOptions('/p.js', { packaged: true }).webPreferences?.devTools).toBe(false);
    expect(secureWindowOptions('/p.js', { packaged: false }).webPreferences?.devTools).toBe(true);
  });
});

describe('the session guards', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('cancel every request that is not the app’s own content', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    expect(recorded.filter).toEqual({ urls: ['<all_urls>'] });
    const listener = recorded.onBeforeRequest!;
    expect(decide(listener, 'https://data.police.uk/api/crimes-street/all-crime')).toBe(true);
    expect(decide(listener, 'http://127.0.0.1:8080/')).toBe(true);
    expect(decide(listener, 'wss://example.org/socket')).toBe(true);
    expect(decide(listener, 'file:///etc/passwd')).toBe(true);
    expect(decide(listener, 'app://elsewhere/index.html')).toBe(true);
    expect(decide(listener, 'app://workbench/index.html')).toBe(false);
    expect(decide(listener, 'app://workbench/assets/index.js')).toBe(false);
    expect(decide(listener, 'data:,')).toBe(false);
    expect(decide(listener, 'devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('let DevTools’ own pages through in development only', () => {
    const development = fakeSession();
    guardSession(development.session, { packaged: false });
    expect(decide(development.recorded.onBeforeRequest!, 'devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(decide(development.recorded.onBeforeRequest!, 'https://example.org/')).toBe(true);
  });

  it('refuse every permission', () => {
    const { session, recorded } = fakeSession();
    guardSession(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      recorded.permissionRequest!(null, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
    }
    expect(recorded.permissionCheck!()).toBe(false);
    expect(recorded.deviceCheck!()).toBe(false);
  });
});

describe('the page guards', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void; url?: string }) => void>();
    let windowOpenHandler: (() => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: string }) => (windowOpenHandler = handler),
    };
    return { contents: contents as unknown as WebContents, listeners, open: () => windowOpenHandler!() };
  }

  it('refuse navigation, redirects, webviews and new windows', () => {
    const { contents, listeners, open } = fakeContents();
    guardWebContents(contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(name)!({ preventDefault, url: 'https://example.org/' });
      expect(preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(open()).toEqual({ action: 'deny' });
  });
});

describe('IPC', () => {
  function registered() {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
    const ipcMain = { handle: (channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => unknown) => handlers.set(channel, handler) };
    const calls: [string, unknown][] = [];
    const rendererHandlers = Object.fromEntries(
      operationNames.map((channel) => [channel, async (input: unknown) => (calls.push([channel, input]), { ok: true, value: 'done' })]),
    ) as unknown as RendererHandlers;
    const stageDropped = async (input: unknown) => (calls.push(['dataset/dropped', input]), { ok: true as const, value: 'staged' });
    registerIpcHandlers(ipcMain as unknown as IpcMain, rendererHandlers, stageDropped);
    return { handlers, calls };
  }

  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  it('registers exactly one handler per contract channel, and the dropped-file channel', () => {
    expect([...registered().handlers.keys()].sort()).toEqual([...operationNames, 'dataset/dropped'].sort());
  });

  it('checks the sender of a dropped file too', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { handlers, calls } = registered();
    const dropped = handlers.get('dataset/dropped')!;
    expect(await dropped(frame('https://evil.example/'), { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(await dropped(frame('app://workbench/index.html'), { path: '/data/street.csv' })).toEqual({ ok: true, value: 'staged' });
  });

  it('answers the app’s own top-level page', async () => {
    const { handlers, calls } = registered();
    expect(await handlers.get('member/add')!(frame('app://workbench/index.html'), { name: 'Essex Police' })).toEqual({ ok: true, value: 'done' });
    expect(calls).toEqual([['member/add', { name: 'Essex Police' }]]);
  });

  it('refuses other origins, sub-frames and missing frames without calling the service', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { handlers, calls } = registered();
    const handler = handlers.get('member/remove')!;
    for (const event of [
      frame('https://evil.example/'),
      frame('file:///tmp/x.html'),
      frame('app://workbench/index.html', { url: 'app://workbench/index.html' }),
      { senderFrame: null } as unknown as IpcMainInvokeEvent,
    ]) {
      expect(await handler(event, { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const tempDir = useTempDir();

  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const root = tempDir();
    const rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ok</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'private');
    const { session, recorded } = fakeSession();
    serveAppProtocol(session, rendererDir);
    const serve = recorded.protocolHandler!;

    const page = await serve(new Request('app://workbench/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>ok</title>');
    expect((await serve(new Request('app://workbench/assets/app.js'))).headers.get('content-type')).toContain('javascript');

    for (const url of [
      'app://workbench/%2e%2e/secret.txt',
      'app://workbench/..%2fsecret.txt',
      'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://workbench/missing.js',
      'app://other/index.html',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }
  });

  it('forbids eval, inline script and every remote origin in the CSP', () => {
    expect(contentSecurityPolicy).toContain("default-src 'self'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).toContain("connect-src 'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
