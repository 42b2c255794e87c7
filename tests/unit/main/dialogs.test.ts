import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/analyst/Safer Colchester.sqlite' })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
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

  it('agree with the service that a new workspace never replaces a file: an existing one is refused and chosen again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cswb-dialog-'));
    const existing = join(dir, 'Existing.sqlite');
    writeFileSync(existing, 'keep me');
    vi.mocked(dialog.showSaveDialog).mockClear();
    vi.mocked(dialog.showSaveDialog)
      .mockResolvedValueOnce({ canceled: false, filePath: existing })
      .mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'New.sqlite') });
    try {
      expect(await createDialogPathChooser(() => window)('workspace/create', { name: 'Existing' })).toBe(join(dir, 'New.sqlite'));
      const warning = (vi.mocked(dialog.showMessageBox).mock.calls[0] as unknown[])[1] as { message: string; detail: string };
      expect(warning.message).toBe('“Existing.sqlite” already exists.');
      expect(warning.detail).toContain('never written over an existing file');
      const asked = vi.mocked(dialog.showSaveDialog).mock.calls.map((call) => (call as unknown[])[1] as { properties: string[] });
      expect(asked).toHaveLength(2);
      for (const options of asked) expect(options.properties).not.toContain('showOverwriteConfirmation');
      expect(readFileSync(existing, 'utf8')).toBe('keep me');

      // Cancel in the warning cancels the whole choice.
      vi.mocked(dialog.showSaveDialog).mockResolvedValueOnce({ canceled: false, filePath: existing });
      vi.mocked(dialog.showMessageBox).mockResolvedValueOnce({ response: 1, checkboxChecked: false });
      expect(await createDialogPathChooser(() => window)('workspace/demo', {})).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answer null when the analyst cancels, or when there is no window', async () => {
    expect(await createDialogPathChooser(() => window)('dataset/stage', {})).toBeNull();
    expect((vi.mocked(dialog.showOpenDialog).mock.calls[0] as unknown[])[1]).toMatchObject({ properties: ['openFile'] });
    expect(await createDialogPathChooser(() => null)('workspace/open', {})).toBeNull();
  });
});
