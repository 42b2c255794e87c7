import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../fixtures/temp-dir';
import { runBuiltCli } from '../../fixtures/built-cli';


const workbench = runBuiltCli;

describe('export workbook on the CLI', () => {
  const tempDir = useTempDir();

  it('writes the demo’s workbook with workspace demo, exports a frozen run in publication mode, and refuses what it cannot do', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const built = workbench('workspace', 'demo', '--out', dir);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(dir, 'demo-evidence.xlsx'))).toBe(true);
    const workspace = join(dir, 'demo.sqlite');

    expect(workbench('run', 'freeze', '--workspace', workspace, '--name', 'Board draft').code).toBe(0);
    const out = join(dir, 'published.xlsx');
    const exported = workbench('export', 'workbook', '--workspace', workspace, '--out', out, '--run', '1', '--publication', '--threshold', '10', '--json');
    expect(exported.code, exported.stderr).toBe(0);
    const report = JSON.parse(exported.stdout) as { file: string; bytes: number; source: string };
    expect(report.file).toBe('published.xlsx');
    expect(report.bytes).toBeGreaterThan(10_000);
    expect(report.source).toMatch(/^Frozen run 1, “Board draft”, frozen /);

    const noRun = workbench('export', 'workbook', '--workspace', workspace, '--out', join(dir, 'none.xlsx'), '--run', '7');
    expect(noRun.code).toBe(1);
    expect(noRun.stderr).toBe('workbench: There is no frozen run 7 in this workspace. "run list" shows the runs.\n');
    expect(existsSync(join(dir, 'none.xlsx'))).toBe(false);

    const loneThreshold = workbench('export', 'workbook', '--workspace', workspace, '--out', join(dir, 'none.xlsx'), '--threshold', '10');
    expect(loneThreshold.stderr).toBe('workbench: --threshold applies to publication mode: add --publication.\n');

    mkdirSync(join(dir, 'folder.xlsx'));
    const folder = workbench('export', 'workbook', '--workspace', workspace, '--out', join(dir, 'folder.xlsx'));
    expect(folder.stderr).toBe(`workbench: “${join(dir, 'folder.xlsx')}” is a folder. Choose a file name to save to.\n`);
  });
});
