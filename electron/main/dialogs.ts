import { dialog, type BrowserWindow } from 'electron';
import type { PathChooser } from './renderer-handlers';

const workspaceFilters = [{ name: 'Workbench workspace', extensions: ['sqlite'] }];
const importFilters = [
  { name: 'Spreadsheets and CSV files', extensions: ['csv', 'xlsx', 'txt', 'tsv'] },
  { name: 'All files', extensions: ['*'] },
];

function safeFileName(name: unknown): string {
  const base = typeof name === 'string' ? name.replace(/[\\/:*?"<>|]+/g, ' ').trim() : '';
  return base || 'Workspace';
}

const workbookFilters = [{ name: 'Excel workbook', extensions: ['xlsx'] }];
const pdfFilters = [{ name: 'PDF document', extensions: ['pdf'] }];

async function saveAs(window: BrowserWindow, title: string, defaultPath: string, filters = workspaceFilters): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title,
    defaultPath,
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
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
        return saveAs(window, 'Create a workspace', `${safeFileName(input.name)}.sqlite`);
      case 'workspace/open':
        return openOne(window, 'Open a workspace', workspaceFilters);
      case 'workspace/backup':
        return saveAs(window, 'Back up the workspace', `Workspace backup ${new Date().toISOString().slice(0, 10)}.sqlite`);
      case 'workspace/demo':
        return saveAs(window, 'Save the demo workspace', 'Demo workspace.sqlite');
      case 'dataset/choose':
        return openOne(window, 'Choose a file to import', importFilters);
      case 'export/workbook':
        return saveAs(window, 'Save the evidence workbook', `Evidence workbook ${new Date().toISOString().slice(0, 10)}.xlsx`, workbookFilters);
      case 'export/pdf':
        return input.kind === 'board-paper'
          ? saveAs(window, 'Save the board paper', 'Board paper.pdf', pdfFilters)
          : saveAs(window, 'Save the Partnership Plan', 'Partnership Plan.pdf', pdfFilters);
    }
  };
}
