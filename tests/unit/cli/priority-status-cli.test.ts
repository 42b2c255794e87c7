import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../fixtures/built-cli';
import { useTempDir } from '../../fixtures/temp-dir';

/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
const workbench = runBuiltCli;

describe('priority statuses', () => {
  const tempDir = useTempDir();

  it('takes --status not-started, shows it as "Not started", and moves on to red, amber or green', () => {
    const workspace = join(tempDir(), 'colchester.sqlite');
    expect(workbench('workspace', 'create', '--workspace', workspace, '--name', 'Safer Colchester Partnership').code).toBe(0);

    const added = workbench('priority', 'add', '--workspace', workspace, '--title', 'Tackle hate crime', '--aim', 'More reports, fewer repeat victims.', '--status', 'not-started', '--json');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({
      priorities: [{ number: 1, title: 'Tackle hate crime', aim: 'More reports, fewer repeat victims.', offences: [], lead: null, status: 'not-started', measures: [], reviewDate: null }],
    });
    expect(workbench('priority', 'list', '--workspace', workspace).stdout).toContain('  Status:     Not started\n');

    const started = workbench('priority', 'update', '1', '--workspace', workspace, '--status', 'amber');
    expect(started.code, started.stderr).toBe(0);
    expect(workbench('priority', 'list', '--workspace', workspace).stdout).toContain('  Status:     Amber: at risk\n');
    expect(workbench('priority', 'update', '1', '--workspace', workspace, '--status', 'not-started').code).toBe(0);
    expect(JSON.parse(workbench('priority', 'list', '--workspace', workspace, '--json').stdout).priorities[0].status).toBe('not-started');

    const wrong = workbench('priority', 'update', '1', '--workspace', workspace, '--status', 'grey');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Allowed choices are not-started, red, amber, green.");
    expect(JSON.parse(workbench('priority', 'list', '--workspace', workspace, '--json').stdout).priorities[0].status).toBe('not-started');
  }, 60_000);
});
