import { dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { PathChooser } from './renderer-handlers';

const workspaceFilters = [{ name: 'Workbench workspace', extensions: ['sqlite'] }];
const importFilters = [
  { name: 'Spreadsheets and CSV files', extensions: ['csv', 'xlsx', 'ods', 'txt', 'tsv'] },
  { name: 'All files', extensions: ['*'] },
];

function safeFileName(name: unknown): string {
  const base = typeof name === 'string' ? name.replace(/[\\/:*?"<>|]+/g, ' ').trim() : '';
  return base || 'Workspace';
}

const workbookFilters = [{ name: 'Excel workbook', extensions: ['xlsx'] }];
const pdfFilters = [{ name: 'PDF document', extensions: ['pdf'] }];

async function saveAs(
  window: BrowserWindow,
  title: string,
  defaultPath: string,
  replacing: 'may-replace' | 'new-file',
  filters = workspaceFilters,
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title,
    defaultPath,
    filters,
    properties: replacing === 'may-replace' ? ['createDirectory', 'showOverwriteConfirmation'] : ['createDirectory'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * A new workspace never replaces a file (the service refuses to), so a file that exists is
 * refused here too, before anything is written, and the analyst chooses again. (Windows' and
 * macOS's save dialogs ask "replace?" themselves; a yes there still does not replace it.)
 */
async function saveNew(window: BrowserWindow, title: string, defaultPath: string): Promise<string | null> {
  for (;;) {
    const path = await saveAs(window, title, defaultPath, 'new-file');
    if (path === null || !existsSync(path)) return path;
    const answer = await dialog.showMessageBox(window, {
      type: 'warning',
      title,
      message: `“${basename(path)}” already exists.`,
      detail: 'A new workspace is never written over an existing file. Choose another name, or open that file instead.',
      buttons: ['Choose another name', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
    });
    if (answer.response !== 0) return null;
    defaultPath = path;
  }
}

async function openOne(window: BrowserWindow, title: string, filters: Electron.FileFilter[]): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title, filters, properties: ['openFile'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Native dialogs: the only place a file path is chosen for the renderer. */
export function createDialogPathChooser(getWindow: () => BrowserWindow | null): PathChooser {
  return async (channel, input) => {
    const window = getWindow();
    if (!window) return null;
    switch (channel) {
      case 'workspace/create':
        return saveNew(window, 'Create a workspace', `${safeFileName(input.name)}.sqlite`);
      case 'workspace/open':
        return openOne(window, 'Open a workspace', workspaceFilters);
      case 'workspace/backup':
        return saveAs(window, 'Back up the workspace', `Workspace backup ${new Date().toISOString().slice(0, 10)}.sqlite`, 'may-replace');
      case 'workspace/demo':
        return saveNew(window, 'Save the demo workspace', 'Demo workspace.sqlite');
      case 'dataset/choose':
        return openOne(window, 'Choose a file to import', importFilters);
      case 'export/workbook':
        return saveAs(window, 'Save the evidence workbook', `Evidence workbook ${new Date().toISOString().slice(0, 10)}.xlsx`, 'may-replace', workbookFilters);
      case 'export/pdf':
        return input.kind === 'board-paper'
          ? saveAs(window, 'Save the board paper', 'Board paper.pdf', 'may-replace', pdfFilters)
          : saveAs(window, 'Save the Partnership Plan', 'Partnership Plan.pdf', 'may-replace', pdfFilters);
    }
  };
}
