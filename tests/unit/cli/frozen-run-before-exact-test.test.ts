import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';

const cli = join(__dirname, '../../../electron/cli/workbench.ts');
const fixtures = join(__dirname, '../../fixtures/before-exact-test');

/**
 * A demo workspace with run 1 ("Before exact test") frozen by the scoring of the Poisson Z test,
 * the households denominator for burglary, no peers and unweighted harm means, with what
 * `run show 1 --json` and `run show 1` printed then. Opening it migrates the file, so each test
 * works on a copy.
 */
function copyOfFixture(dir: string): string {
  const path = join(dir, 'before-exact-test.sqlite');
  writeFileSync(path, gunzipSync(readFileSync(join(fixtures, 'demo-run-1.sqlite.gz'))));
  return path;
}

function workbench(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a run frozen before the exact test, peers and data-weighted harm', () => {
  const tempDir = useTempDir();

  it('shows its stored ranking exactly as it was shown when frozen, in JSON and in text', () => {
    const workspace = copyOfFixture(tempDir());
    const json = workbench('run', 'show', '1', '--workspace', workspace, '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(readFileSync(join(fixtures, 'run-1-show.json'), 'utf8'));
    const text = workbench('run', 'show', '1', '--workspace', workspace);
    expect(text.code, text.stderr).toBe(0);
    // The text has no "re-scoring the stored inputs differs" warning: the replay is identical.
    expect(text.stdout).toBe(readFileSync(join(fixtures, 'run-1-show.txt'), 'utf8'));
  });

  it('still verifies its SHA-256 and replays identically under the method it was scored with', async () => {
    const dir = tempDir();
    const workspace = copyOfFixture(dir);
    const db = new Database(workspace, { readonly: true });
    const row = db.prepare('SELECT document, document_sha256 FROM scoring_run WHERE id = 1').get() as { document: string; document_sha256: string };
    db.close();
    expect(createHash('sha256').update(row.document).digest('hex')).toBe(row.document_sha256);

    const host = new TestWorkbench(dir, 'before-exact-test.sqlite');
    try {
      valueOf(await host.call('workspace/open', { path: workspace }));
      const shown = valueOf(await host.call('run/show', { id: 1 }));
      expect(shown.identical).toBe(true);
      expect(shown.differences).toEqual([]);
      expect(shown.run.ranking.map((offence) => offence.label).slice(0, 4)).toEqual([
        'Violence with injury',
        'Sexual offences',
        'Violence without injury',
        'Drug offences',
      ]);
    } finally {
      host.dispose();
    }
  });
});
