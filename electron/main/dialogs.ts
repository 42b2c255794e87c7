import { dialog, type BrowserWindow } from 'electron';
import type { PathChooser } from './renderer-handlers';

const workspaceFilters = [{ name: 'Workbench workspace', extensions: ['sqlite'] }];

function safeFileName(name: unknown): string {
  const base = typeof name === 'string' ? name.replace(/[\\/:*?"<>|]+/g, ' ').trim() : '';
  return base || 'Workspace';
}

/** Native dialogs: the only place a file path is chosen for the renderer. */
export function createDialogPathChooser(getWindow: () => BrowserWindow | null): PathChooser {
  return async (channel, input) => {
    const window = getWindow();
    if (!window) return null;
    switch (channel) {
      case 'workspace/create': {
        const result = await dialog.showSaveDialog(window, {
          title: 'Create a workspace',
          defaultPath: `${safeFileName(input.name)}.sqlite`,
          filters: workspaceFilters,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      case 'workspace/open': {
        const result = await dialog.showOpenDialog(window, {
          title: 'Open a workspace',
          filters: workspaceFilters,
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      case 'workspace/backup': {
        const stamp = new Date().toISOString().slice(0, 10);
        const result = await dialog.showSaveDialog(window, {
          title: 'Back up the workspace',
          defaultPath: `Workspace backup ${stamp}.sqlite`,
          filters: workspaceFilters,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      case 'workspace/demo': {
        const result = await dialog.showSaveDialog(window, {
          title: 'Save the demo workspace',
          defaultPath: 'Demo workspace.sqlite',
          filters: workspaceFilters,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      case 'dataset/choose': {
        const result = await dialog.showOpenDialog(window, {
          title: 'Choose a file to import',
          filters: [
            { name: 'Spreadsheets and CSV files', extensions: ['csv', 'xlsx', 'txt', 'tsv'] },
            { name: 'All files', extensions: ['*'] },
          ],
          properties: ['openFile'],
        });
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
    }
  };
}
