import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { progressChannel, serviceStatusChannel } from '../../shared/channels';
import { appEntryUrl } from './app-origin';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { isCliLaunch, runCliInApp } from './cli-launch';
import { createDialogPathChooser } from './dialogs';
import { registerIpcHandlers } from './ipc';
import { createDroppedFileHandler, createRendererHandlers } from './renderer-handlers';
import { guardSession, guardWebContents, secureWindowOptions } from './security';
import { startServiceProcess } from './service-process';

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, '../preload/index.js'), { packaged: app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(appEntryUrl);
  return window;
}

function startApp(): void {
  registerAppScheme();
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  void app.whenReady().then(openApp);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function openApp(): void {
  guardSession(session.defaultSession, { packaged: app.isPackaged });
  serveAppProtocol(session.defaultSession, join(__dirname, '../renderer'));
  const toWindows = (channel: string, message: unknown) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(channel, message);
  };
  const service = startServiceProcess(
    join(__dirname, 'service.js'),
    (event) => toWindows(progressChannel, event),
    (status) => toWindows(serviceStatusChannel, status),
  );
  app.on('before-quit', () => service.stop());
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
}

// `workbench …` (the app's executable with --cli) is the headless CLI: no window, no service process.
if (isCliLaunch(process.argv)) void runCliInApp(process.argv);
else startApp();
