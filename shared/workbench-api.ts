import type { DroppedFileHandle, WorkbenchApi } from './contract';
import type { ProgressListener } from './progress';
import type { ServiceStatusListener } from './service-status';

export interface WorkbenchApiTransport {
  operationNames: readonly string[];
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(listener: ProgressListener): () => void;
  /** The service's own status (stopped, restarted); a transport without a separate service has none. */
  subscribeServiceStatus?(listener: ServiceStatusListener): () => void;
  /** Stages a file dropped on the window; its path is read outside the page. */
  stageDroppedFile(file: DroppedFileHandle): Promise<unknown>;
}

/**
 * Builds window.workbench from the operations' names. The preload and the end-to-end harness
 * both call this, so the object the tests drive is the object the app ships. It must stay
 * self-contained (no imports used inside) because the harness injects its source text into
 * the page.
 */
export function buildWorkbenchApi(transport: WorkbenchApiTransport): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const channel of transport.operationNames) {
    const [domain, verb] = channel.split('/');
    if (!domain || !verb) throw new Error(`Channel "${channel}" is not named domain/verb.`);
    const group = (api[domain] ?? {}) as Record<string, unknown>;
    group[verb] = (input?: unknown) => transport.invoke(channel, input ?? {});
    api[domain] = group;
  }
  api.onProgress = (listener: ProgressListener) => transport.subscribe(listener);
  api.onServiceStatus = (listener: ServiceStatusListener) => transport.subscribeServiceStatus?.(listener) ?? (() => {});
  api.stageDroppedFile = (file: DroppedFileHandle) => transport.stageDroppedFile(file);
  return api as WorkbenchApi;
}
