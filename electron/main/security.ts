import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';
import { isAllowedRequest, isAppUrl } from './app-origin';

/** Whether this is the installed app; anything not known to be development is treated as installed. */
export interface BuildKind {
  packaged: boolean;
}

/** Electron's security checklist, as window options. DevTools exist only in development. */
export function secureWindowOptions(preloadPath: string, { packaged }: BuildKind = { packaged: true }): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Community Safety Workbench',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      devTools: !packaged,
    },
  };
}

/**
 * The session-wide guards: every request that is not the app's own content is cancelled
 * (the app is offline by design, not by luck), and every permission is refused.
 */
export function guardSession(session: Session, build: BuildKind = { packaged: true }): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url, build);
    if (!allowed) console.warn(`[security] blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Per-page guards: no navigation away, no redirects, no new windows, no webviews. */
export function guardWebContents(contents: WebContents): void {
  const refuse = (event: { preventDefault(): void }, url: string) => {
    // The app is a single page; moving within it never needs a navigation event.
    event.preventDefault();
    console.warn(`[security] refused navigation to ${url}`);
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}
