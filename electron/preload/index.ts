import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { channels, droppedFileChannel, progressChannel, serviceStatusChannel } from '../../shared/channels';
import type { ProgressEvent } from '../../shared/progress';
import type { ServiceStatus } from '../../shared/service-status';
import { buildWorkbenchApi } from '../../shared/workbench-api';

/** window.workbench: one function per contract operation, and nothing else. */
contextBridge.exposeInMainWorld(
  'workbench',
  buildWorkbenchApi({
    channels,
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
