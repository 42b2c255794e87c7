import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { droppedFileChannel, progressChannel, serviceStatusChannel, type Channel } from '../../shared/channels';
import type { ProgressEvent } from '../../shared/progress';
import type { ServiceStatus } from '../../shared/service-status';
import { buildWorkbenchApi } from '../../shared/workbench-api';

/**
 * The operations' names, written in at build time from shared/operations.ts (electron.vite.config.ts),
 * so that the sandboxed preload bundles the list without the table's schemas or zod.
 */
declare const __OPERATION_NAMES__: readonly Channel[];

/** window.workbench: one function per operation, and nothing else. */
contextBridge.exposeInMainWorld(
  'workbench',
  buildWorkbenchApi({
    operationNames: __OPERATION_NAMES__,
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (listener) => {
      const forward = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
      ipcRenderer.on(progressChannel, forward);
      return () => {
        ipcRenderer.removeListener(progressChannel, forward);
      };
    },
    subscribeServiceStatus: (listener) => {
      const forward = (_event: IpcRendererEvent, status: ServiceStatus) => listener(status);
      ipcRenderer.on(serviceStatusChannel, forward);
      return () => {
        ipcRenderer.removeListener(serviceStatusChannel, forward);
      };
    },
    // A File the page made itself has no path, so only a file the analyst dropped gets through.
    stageDroppedFile: (file) => ipcRenderer.invoke(droppedFileChannel, { path: webUtils.getPathForFile(file as File) }),
  }),
);
