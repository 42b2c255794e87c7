import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appOrigin, contentSecurityPolicy, contentTypeFor, resolveAppAsset } from '../../electron/main/app-origin';
import { createDroppedFileHandler, createRendererHandlers } from '../../electron/main/renderer-handlers';
import type { PathChannel } from '../../electron/service/service-contract';
import { ServiceHost } from '../../electron/service/service-host';
import { type Channel } from '../../shared/channels';
import { operationNames } from '../../shared/operations';
import type { ProgressEvent } from '../../shared/progress';
import type { ServiceStatus } from '../../shared/service-status';
import { fail } from '../../shared/result';
import { buildWorkbenchApi } from '../../shared/workbench-api';

/**
 * Stands in for Electron: the built renderer is served with the app's CSP under a stand-in
 * origin, window.workbench is built by the same function the preload uses, and each call goes
 * through the same renderer handlers to a real service on real SQLite files in this process.
 */
// A *.localhost origin is a secure context, as app:// is in the app.
const origin = 'http://workbench.localhost';
export const appUrl = `${origin}/index.html`;
const rendererDir = resolve(__dirname, '../../out/renderer');

export interface Harness {
  /** A folder for this test's files, removed afterwards. */
  dir: string;
  /**
   * What the "native dialog" answers for each kind of file choice: a path, null for Cancel,
   * or a promise, to hold the dialog open while the test looks at the page.
   */
  choose: Partial<Record<PathChannel, string | null | Promise<string | null>>>;
  /** Every request the page made outside the app's own origin. */
  foreignRequests: string[];
  /** Console errors and uncaught exceptions; the test fails if any are left at the end. */
  consoleErrors: string[];
  /** The real service behind the page. */
  service: ServiceHost;
  open(): Promise<void>;
  /** Where a file dropped on the page "is" on disk, by its name: what webUtils would report. */
  dropped: Record<string, string>;
  /** Holds the next call on a channel until the returned function is called. */
  hold(channel: Channel): () => void;
  /** What main was asked to do with exported files ("Show in folder", "Open"), by path. */
  revealed: { path: string; action: 'show' | 'open' }[];
  /** What main pushes when the service process stops unexpectedly. */
  pushServiceStatus(status: ServiceStatus): Promise<void>;
}

function installScript(): string {
  return `(() => {
    const listeners = new Set();
    window.__workbenchProgress = (event) => listeners.forEach((listener) => listener(event));
    const statusListeners = new Set();
    window.__workbenchServiceStatus = (status) => statusListeners.forEach((listener) => listener(status));
    const build = ${buildWorkbenchApi.toString()};
    const api = build({
      operationNames: ${JSON.stringify(operationNames)},
      invoke: (channel, input) => window.__workbenchInvoke(channel, input),
      subscribe: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
      subscribeServiceStatus: (listener) => { statusListeners.add(listener); return () => statusListeners.delete(listener); },
      stageDroppedFile: (file) => window.__workbenchDropped(file.name),
    });
    Object.defineProperty(window, 'workbench', { value: api, writable: false });
  })();`;
}

async function serveRenderer(page: Page, foreignRequests: string[]): Promise<void> {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${origin}/`)) return route.abort('blockedbyclient');
    const path = resolveAppAsset(rendererDir, url.replace(origin, appOrigin));
    if (!path) return route.fulfill({ status: 404, body: 'Not found' });
    try {
      return await route.fulfill({
        status: 200,
        body: readFileSync(path),
        headers: { 'content-type': contentTypeFor(path), 'content-security-policy': contentSecurityPolicy },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}

export const test = base.extend<{ workbench: Harness }>({
  workbench: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'cswb-e2e-'));
    const foreignRequests: string[] = [];
    const consoleErrors: string[] = [];
    const service = new ServiceHost((event: ProgressEvent) => {
      void page.evaluate((payload) => (window as unknown as { __workbenchProgress(e: unknown): void }).__workbenchProgress(payload), event).catch(() => {});
    });
    const harness: Harness = {
      dir,
      choose: {},
      foreignRequests,
      consoleErrors,
      service,
      dropped: {},
      hold: () => () => {},
      revealed: [],
      pushServiceStatus: (status) =>
        page.evaluate((payload) => (window as unknown as { __workbenchServiceStatus(s: unknown): void }).__workbenchServiceStatus(payload), status),
      open: async () => {
        await page.goto(appUrl);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      },
    };
    const gates = new Map<Channel, Promise<void>>();
    harness.hold = (channel) => {
      let release: () => void = () => {};
      gates.set(channel, new Promise((resolve) => (release = resolve)));
      return () => release();
    };
    const handlers = createRendererHandlers(
      service,
      async (channel) => (channel in harness.choose ? (harness.choose[channel] ?? null) : null),
      { reveal: async (path, action) => void harness.revealed.push({ path, action }) },
    );
    await page.exposeBinding('__workbenchInvoke', async (source, channel: string, input: unknown) => {
      // As main's sender check: only the app's own top-level page is answered.
      if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(`${origin}/`)) {
        return fail('forbidden', 'This request did not come from the workbench window.');
      }
      if (!(operationNames as readonly string[]).includes(channel)) return fail('invalid-input', 'Unknown operation.');
      const gate = gates.get(channel as Channel);
      if (gate) {
        gates.delete(channel as Channel);
        await gate;
      }
      return handlers[channel as Channel](input);
    });
    const stageDropped = createDroppedFileHandler(service);
    await page.exposeBinding('__workbenchDropped', async (_source, name: string) => stageDropped({ path: harness.dropped[name] ?? '' }));
    await page.addInitScript({ content: installScript() });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await serveRenderer(page, foreignRequests);

    await use(harness);

    service.dispose();
    rmSync(dir, { recursive: true, force: true });
    expect(consoleErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
