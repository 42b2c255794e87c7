import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/analyst/Safer Colchester.sqlite' })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  },
}));

import { dialog, type BrowserWindow } from 'electron';
import { createDialogPathChooser } from '../../../electron/main/dialogs';

describe('the native dialogs', () => {
  const window = {} as BrowserWindow;

  it('suggest a file name from the partnership, stripped of characters no file system allows', async () => {
    const choose = createDialogPathChooser(() => window);
    expect(await choose('workspace/create', { name: 'Safer: Colchester/Partnership' })).toBe('/home/analyst/Safer Colchester.sqlite');
    expect((vi.mocked(dialog.showSaveDialog).mock.calls[0] as unknown[])[1]).toMatchObject({
      defaultPath: 'Safer  Colchester Partnership.sqlite',
      filters: [{ name: 'Workbench workspace', extensions: ['sqlite'] }],
    });
  });

  it('answer null when the analyst cancels, or when there is no window', async () => {
    expect(await createDialogPathChooser(() => window)('dataset/choose', {})).toBeNull();
    expect((vi.mocked(dialog.showOpenDialog).mock.calls[0] as unknown[])[1]).toMatchObject({ properties: ['openFile'] });
    expect(await createDialogPathChooser(() => null)('workspace/open', {})).toBeNull();
  });
});
