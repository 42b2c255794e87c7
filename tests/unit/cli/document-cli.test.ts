import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statutoryBasisDefault } from '../../../shared/domain/document-details';
import { runBuiltCli } from '../../fixtures/built-cli';
import { pdfText } from '../../fixtures/pdf-tools';
import { useTempDir } from '../../fixtures/temp-dir';
import { workspaceFingerprint } from '../../fixtures/workspace-fingerprint';

/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
const workbench = runBuiltCli;

interface DetailsJson {
  details: Record<string, string | null>;
  defaults: Record<string, string | null>;
  isDefault: Record<string, boolean>;
}

const standardContact = 'For further information on the Safer Colchester Partnership, please contact its community safety team.';

describe('document show and document set', () => {
  const tempDir = useTempDir();

  function newWorkspace(): string {
    const workspace = join(tempDir(), 'colchester.sqlite');
    const created = workbench('workspace', 'create', '--workspace', workspace, '--name', 'Safer Colchester Partnership', '--area', 'Colchester');
    expect(created.code, created.stderr).toBe(0);
    return workspace;
  }

  const show = (workspace: string): DetailsJson => {
    const result = workbench('document', 'show', '--workspace', workspace, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as DetailsJson;
  };

  it('shows every detail, each with its standard wording, and says which are unchanged', () => {
    const workspace = newWorkspace();
    const json = show(workspace);
    const standard = {
      title: 'Safer Colchester Partnership: Partnership Plan',
      planPeriod: '',
      owner: 'Safer Colchester Partnership',
      version: '1.0',
      status: 'draft',
      date: null,
      distribution: 'Members of the partnership board',
      contact: standardContact,
      introduction:
        'The aim of the Safer Colchester Partnership is to work together to reduce crime and disorder in Colchester and deliver the key priorities contained in this Partnership Plan.',
      statutoryBasis: statutoryBasisDefault,
    };
    expect(json).toEqual({
      details: standard,
      defaults: standard,
      isDefault: Object.fromEntries(Object.keys(standard).map((field) => [field, true])),
    });

    const text = workbench('document', 'show', '--workspace', workspace);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines).toContain('  title            standard  Safer Colchester Partnership: Partnership Plan');
    expect(lines).toContain('  plan-period      standard  (empty)');
    expect(lines).toContain('  status           standard  Draft');
    expect(lines).toContain('  date             standard  none: the day the document is exported');
    expect(lines).toContain(`  contact          standard  ${standardContact}`);
    expect(lines).toContain('A draft is not exported for publication: `document set --status final` once the board has agreed it.');
  });

  it('changes only the details given, reads dates day first, and puts a detail back with --default', () => {
    const workspace = newWorkspace();
    const set = workbench(
      'document', 'set', '--workspace', workspace,
      '--title', 'Community Safety Plan 2019 to 2022',
      '--plan-period', 'April 2019 to March 2022',
      '--owner', 'Colchester Borough Council',
      '--version', '2.1',
      '--status', 'final',
      '--date', '31/03/2019',
      '--distribution', 'Published on the council’s website',
      '--contact', 'Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG',
      '--introduction', 'Our aim is a safer Colchester.',
      '--statutory-basis', 'The Crime and Disorder Act 1998, section 6.',
      '--json',
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    const after = JSON.parse(set.stdout) as DetailsJson;
    expect(after.details).toEqual({
      title: 'Community Safety Plan 2019 to 2022',
      planPeriod: 'April 2019 to March 2022',
      owner: 'Colchester Borough Council',
      version: '2.1',
      status: 'final',
      date: '2019-03-31',
      distribution: 'Published on the council’s website',
      contact: 'Community Safety Team\nRowan House, 33 Sheepen Road\nColchester CO3 3WG',
      introduction: 'Our aim is a safer Colchester.',
      statutoryBasis: 'The Crime and Disorder Act 1998, section 6.',
    });
    expect(Object.values(after.isDefault)).toEqual(Array(10).fill(false));
    expect(show(workspace)).toEqual(after);

    // The text form: one line per detail, a contact's further lines under its first.
    const text = workbench('document', 'show', '--workspace', workspace).stdout;
    expect(text).toContain('  date             set       31 March 2019\n');
    expect(text).toContain('  contact          set       Community Safety Team\n                             Rowan House, 33 Sheepen Road\n                             Colchester CO3 3WG\n');
    expect(text).not.toContain('A draft is not exported');

    // One detail changes; the rest stay as they were.
    const version = workbench('document', 'set', '--workspace', workspace, '--version', '2.2', '--date', '2019-04-01');
    expect(version.code, version.stderr).toBe(0);
    expect(version.stdout.split('\n')[0]).toBe('Saved the document details: version, date.');
    expect(show(workspace).details).toEqual({ ...after.details, version: '2.2', date: '2019-04-01' });

    // --default puts the standard wording back, which then follows the partnership.
    const restored = workbench('document', 'set', '--workspace', workspace, '--default', 'contact', '--default', 'title', '--date', 'none', '--json');
    expect(restored.code, restored.stderr).toBe(0);
    const back = JSON.parse(restored.stdout) as DetailsJson;
    expect(back.details).toMatchObject({ title: 'Safer Colchester Partnership: Partnership Plan', contact: standardContact, date: null, version: '2.2', status: 'final' });
    expect(back.isDefault).toMatchObject({ title: true, contact: true, date: true, version: false, status: false });
    expect(workbench('partnership', 'set', '--workspace', workspace, '--name', 'Safer Colchester').code).toBe(0);
    expect(show(workspace).details).toMatchObject({ title: 'Safer Colchester: Partnership Plan', owner: 'Colchester Borough Council' });

    const draft = workbench('document', 'set', '--workspace', workspace, '--default', 'status', '--json');
    expect((JSON.parse(draft.stdout) as DetailsJson).details.status).toBe('draft');
  });

  it('refuses what it cannot store, in one line on stderr, and leaves the workspace as it was', () => {
    const workspace = newWorkspace();
    const before = workspaceFingerprint(workspace);
    const refusals: [string[], string][] = [
      [['--date', '30/02/2019'], 'workbench: --date: "30/02/2019" is not a real date: February 2019 has 28 days. Or give "none" for the day the document is exported.\n'],
      [['--date', '03/31/2019'], 'workbench: --date: "03/31/2019" was not read as a date. 31 is not a month: dates must be day/month/year (DD/MM/YYYY), and this looks like month/day order. Or give "none" for the day the document is exported.\n'],
      [['--date', 'March 2019'], 'workbench: --date: "March 2019" is not a single day. Give a day, month and year, for example 31/03/2019. Or give "none" for the day the document is exported.\n'],
      [['--title', '   '], 'workbench: --title: The title cannot be empty.\n'],
      [['--version', '1.0.0.0.0.0.0.0.0.0.0'], 'workbench: --version: The version must be 20 characters or fewer.\n'],
      [['--contact', 'x'.repeat(501)], 'workbench: --contact: The contact details must be 500 characters or fewer.\n'],
      [['--default', 'contac'], 'workbench: --default: there is no detail called "contac". The details are title, plan-period, owner, version, status, date, distribution, contact, introduction, statutory-basis.\n'],
      [['--default', 'owner', '--owner', 'Essex Police'], 'workbench: --owner and --default owner were both given: choose one.\n'],
      [[], 'workbench: Nothing to change: give a detail to set (--title, --plan-period, --owner, --version, --status, --date, --distribution, --contact, --introduction, --statutory-basis) or --default FIELD to put one back to the standard wording.\n'],
    ];
    for (const [args, message] of refusals) {
      const result = workbench('document', 'set', '--workspace', workspace, ...args);
      expect(result.stderr, args.join(' ')).toBe(message);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
    }
    const status = workbench('document', 'set', '--workspace', workspace, '--status', 'agreed');
    expect(status.code).toBe(1);
    expect(status.stderr).toContain("error: option '--status <status>' argument 'agreed' is invalid. Allowed choices are draft, final.");
    expect(workspaceFingerprint(workspace)).toBe(before);
  });

  it('refuses a draft for publication, keeping the file already there, and exports it once it is final', () => {
    const workspace = newWorkspace();
    const dir = join(workspace, '..');
    const plan = join(dir, 'plan.pdf');
    writeFileSync(plan, 'last year’s plan');
    for (const [kind, name] of [
      ['plan', 'Partnership Plan'],
      ['board-paper', 'board paper'],
    ]) {
      const refused = workbench('export', 'pdf', '--document', kind!, '--workspace', workspace, '--out', plan, '--publication');
      expect(refused.stderr).toBe(
        `workbench: The ${name} is still a draft. Set its status to Final (on the Export screen, or \`document set --status final\`) before exporting it for publication.\n`,
      );
      expect(refused.code).toBe(1);
      expect(readFileSync(plan, 'utf8')).toBe('last year’s plan');
    }
    expect(workbench('document', 'set', '--workspace', workspace, '--status', 'final').code).toBe(0);
    const published = workbench('export', 'pdf', '--document', 'plan', '--workspace', workspace, '--out', plan, '--publication', '--json');
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    const text = pdfText(plan).replace(/\s+/g, ' ');
    expect(text).toContain('FINAL: for publication. Small numbers are suppressed.');
    expect(text).toContain('Protective marking: OFFICIAL');
    expect(existsSync(join(dir, '.plan.pdf.partial'))).toBe(false);
  }, 60_000);
});
