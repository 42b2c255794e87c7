import { dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { operations, type DialogSpec, type FileFilterId } from '../../shared/operations';
import type { PathChooser } from './renderer-handlers';

const filters: Record<FileFilterId, Electron.FileFilter[]> = {
  workspace: [{ name: 'Workbench workspace', extensions: ['sqlite'] }],
  import: [
    { name: 'Spreadsheets and CSV files', extensions: ['csv', 'xlsx', 'ods', 'txt', 'tsv'] },
    { name: 'All files', extensions: ['*'] },
  ],
  boundaries: [
    { name: 'Boundary files (GeoJSON, TopoJSON, zipped shapefiles)', extensions: ['geojson', 'json', 'topojson', 'zip'] },
    { name: 'All files', extensions: ['*'] },
  ],
  workbook: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
};

async function saveAs(window: BrowserWindow, title: string, defaultPath: string, replacing: 'may-replace' | 'new-file', filter: FileFilterId): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title,
    defaultPath,
    filters: filters[filter],
    properties: replacing === 'may-replace' ? ['createDirectory', 'showOverwriteConfirmation'] : ['createDirectory'],
  });
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * A new workspace never replaces a file (the service refuses to), so a file that exists is
 * refused here too, before anything is written, and the analyst chooses again. (Windows' and
 * macOS's save dialogs ask "replace?" themselves; a yes there still does not replace it.)
 */
async function saveNew(window: BrowserWindow, title: string, defaultPath: string, filter: FileFilterId): Promise<string | null> {
  for (;;) {
    const path = await saveAs(window, title, defaultPath, 'new-file', filter);
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

async function openOne(window: BrowserWindow, title: string, filter: FileFilterId): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, { title, filters: filters[filter], properties: ['openFile'] });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Native dialogs, as the operations table describes them: the only place a file path is chosen for the renderer. */
export function createDialogPathChooser(getWindow: () => BrowserWindow | null): PathChooser {
  return async (channel, input) => {
    const window = getWindow();
    if (!window) return null;
    const operation = operations[channel];
    const spec: DialogSpec = operation.dialog;
    const title = typeof spec.title === 'string' ? spec.title : spec.title(input);
    const defaultPath = spec.defaultName?.(input, new Date().toISOString().slice(0, 10)) ?? '';
    switch (operation.path) {
      case 'open':
        return openOne(window, title, spec.filters);
      case 'new':
        return saveNew(window, title, defaultPath, spec.filters);
      case 'save':
        return saveAs(window, title, defaultPath, 'may-replace', spec.filters);
    }
  };
}
