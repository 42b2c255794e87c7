import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { progressChannel } from '../../shared/channels';
import { appEntryUrl } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { createDialogPathChooser } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { createDroppedFileHandler, createRendererHandlers } from './renderer-handlers';
import { guardSession, guardWebContents, secureWindowOptions } from './security';
import { startServiceProcess } from './service-process';

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, '../preload/index.js')));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

void app.whenReady().then(() => {
  guardSession(session.defaultSession);
  serveAppProtocol(session.defaultSession, join(__dirname, '../renderer'));
  const service = startServiceProcess(join(__dirname, 'service.js'), (event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(progressChannel, event);
  });
  registerIpcHandlers(
    ipcMain,
    createRendererHandlers(service, createDialogPathChooser(() => mainWindow), {
      // Only files this session exported, by the path main chose for them.
      reveal: async (path, action) => {
        if (action === 'show') shell.showItemInFolder(path);
        else await shell.openPath(path);
      },
    }),
    createDroppedFileHandler(service),
  );
  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
