import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfText } from '../../fixtures/pdf-tools';
import { useTempDir } from '../../fixtures/temp-dir';
import { runBuiltCli } from '../../fixtures/built-cli';


/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
const workbench = runBuiltCli;

describe('export pdf --document plan and --document board-paper', () => {
  const tempDir = useTempDir();

  it('workspace demo writes the Partnership Plan and the board paper beside the workspace', () => {
    const dir = tempDir();
    const built = workbench('workspace', 'demo', '--out', dir);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    for (const name of ['demo-plan.pdf', 'demo-board-paper.pdf']) {
      expect(existsSync(join(dir, name))).toBe(true);
      expect(pdfInfo(join(dir, name))['Tagged']).toBe('yes');
    }
  }, 120_000);

  it('exports a frozen run in publication mode, says so in the file and in JSON, and leaves no temporary file', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const workspace = join(dir, 'demo.sqlite');
    expect(workbench('run', 'freeze', '--workspace', workspace, '--name', 'Board draft').code).toBe(0);
    // Only a final document is exported for publication (the demo's is a draft).
    expect(workbench('document', 'set', '--workspace', workspace, '--status', 'final').code).toBe(0);
    const out = join(dir, 'published plan.pdf');
    const result = workbench('export', 'pdf', '--document', 'plan', '--workspace', workspace, '--out', out, '--run', '1', '--publication', '--threshold', '20', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { file: string; pages: number; source: string };
    expect(json.file).toBe('published plan.pdf');
    expect(json.pages).toBe(Number(pdfInfo(out)['Pages']));
    expect(json.source).toMatch(/^Frozen run 1, “Board draft”/);
    const text = pdfText(out);
    expect(text).toContain('Frozen run 1');
    expect(text).toContain('[c]');
    expect(text.replace(/\s+/g, ' ')).toContain('FINAL: for publication. Small numbers are suppressed.');
    expect(readdirSync(dir).filter((name) => name.endsWith('.partial'))).toEqual([]);

    const paper = join(dir, 'paper.pdf');
    expect(workbench('export', 'pdf', '--document', 'board-paper', '--workspace', workspace, '--out', paper).code).toBe(0);
    expect(pdfText(paper)).toContain('Proposed priorities');
  }, 120_000);

  it('refuses a run that does not exist, with a message and no file', () => {
    const dir = tempDir();
    expect(workbench('workspace', 'demo', '--out', dir).code).toBe(0);
    const out = join(dir, 'plan.pdf');
    const result = workbench('export', 'pdf', '--document', 'plan', '--workspace', join(dir, 'demo.sqlite'), '--out', out, '--run', '9');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no frozen run 9/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
