import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../fixtures/temp-dir';
import { TestWorkbench, valueOf } from '../../fixtures/workbench-host';
import { runBuiltCli } from '../../fixtures/built-cli';

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

const workbench = runBuiltCli;

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

  it('names the change of method as a cause when compared with a run frozen now', () => {
    const workspace = copyOfFixture(tempDir());
    const frozen = workbench('run', 'freeze', '--workspace', workspace, '--name', 'After exact test');
    expect(frozen.code, frozen.stderr).toBe(0);
    const compared = workbench('run', 'compare', '1', '2', '--workspace', workspace);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain('  Scoring method 1 → 2, which can move every type:\n');
    expect(compared.stdout).toContain('    Significance of a change: Poisson Z = 2(√current − √previous), significant when |Z| > 1.96 → exact conditional binomial test');
    expect(compared.stdout).toContain('    Volume denominator: ');
    // Residential burglary's volume was missing (scored 3) and now comes from its count; its peer input is a ratio.
    const shown = JSON.parse(workbench('run', 'show', '2', '--workspace', workspace, '--json').stdout);
    expect(shown.method).toBe(2);
    const burglary = shown.ranking.find((row: { offence: string }) => row.offence === 'Residential burglary');
    expect(burglary.factors.volume.input).toBeGreaterThan(0);
    // The fixture's workspace predates kept comparators, so no peers can be chosen and the working says so.
    expect(burglary.factors.peer.input).toBeNull();
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
