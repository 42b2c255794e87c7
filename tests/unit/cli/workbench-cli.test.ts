import { latestSchemaVersion } from '../../../electron/service/migrations';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saferColchester } from '../../fixtures/safer-colchester';
import { useTempDir } from '../../fixtures/temp-dir';

const cli = join(__dirname, '../../../electron/cli/workbench.ts');

/** Runs the real CLI in its own Node process, as `npm run workbench --` does. */
function workbench(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the workbench CLI', () => {
  const tempDir = useTempDir();

  it('round-trips the Safer Colchester membership through init, member add and member list --json', () => {
    const workspace = join(tempDir(), 'colchester.sqlite');
    const init = workbench('init', '--workspace', workspace, '--name', saferColchester.name, '--area', 'Colchester', '--json');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ name: saferColchester.name, area: 'Colchester', marking: 'OFFICIAL' });

    for (const member of saferColchester.members) {
      const added = workbench('member', 'add', '--workspace', workspace, '--name', member.name, ...(member.statutory ? ['--statutory'] : []));
      expect(added.code, added.stderr).toBe(0);
    }

    const listed = workbench('member', 'list', '--workspace', workspace, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual({
      members: saferColchester.members.map((member) => ({ name: member.name, statutory: member.statutory, contact: null })),
    });

    const text = workbench('member', 'list', '--workspace', workspace);
    expect(text.stdout).toContain(' 4. *Essex Police');
    expect(text.stdout).toContain(' 2.  Colchester Borough Homes');
    expect(text.stdout).toContain('Those marked with a * are statutory members.');

    const info = workbench('info', '--workspace', workspace, '--json');
    expect(JSON.parse(info.stdout)).toEqual({
      name: saferColchester.name,
      area: 'Colchester',
      marking: 'OFFICIAL',
      schemaVersion: latestSchemaVersion,
      datasets: 0,
    });
  }, 60_000);

  it('keeps contacts and the OFFICIAL-SENSITIVE marking', () => {
    const workspace = join(tempDir(), 'sensitive.sqlite');
    expect(workbench('init', '--workspace', workspace, '--name', 'P', '--marking', 'OFFICIAL-SENSITIVE').code).toBe(0);
    workbench('member', 'add', '--workspace', workspace, '--name', 'Essex Police', '--statutory', '--contact', 'Insp. Smith');
    expect(JSON.parse(workbench('member', 'list', '--workspace', workspace, '--json').stdout)).toEqual({
      members: [{ name: 'Essex Police', statutory: true, contact: 'Insp. Smith' }],
    });
    expect(JSON.parse(workbench('info', '--workspace', workspace, '--json').stdout).marking).toBe('OFFICIAL-SENSITIVE');
  }, 30_000);

  it('fails with a one-line reason on stderr and a non-zero exit', () => {
    const dir = tempDir();
    const existing = join(dir, 'existing.sqlite');
    writeFileSync(existing, 'not mine');

    const exists = workbench('init', '--workspace', existing, '--name', 'P', '--json');
    expect(exists.code).not.toBe(0);
    expect(exists.stdout).toBe('');
    expect(exists.stderr).toBe('workbench: “existing.sqlite” already exists. Choose another name, or open it instead.\n');

    const notWorkspace = workbench('info', '--workspace', existing, '--json');
    expect(notWorkspace.code).not.toBe(0);
    expect(notWorkspace.stderr.trim().split('\n')).toHaveLength(1);
    expect(notWorkspace.stderr).toContain('is not a Community Safety Workbench workspace');

    const missing = workbench('member', 'list', '--workspace', join(dir, 'missing.sqlite'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^workbench: There is no file at .*missing\.sqlite/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);

    const badMarking = workbench('init', '--workspace', join(dir, 'new.sqlite'), '--name', 'P', '--marking', 'SECRET');
    expect(badMarking.code).not.toBe(0);
    expect(badMarking.stderr).toContain('SECRET');
    expect(existsSync(join(dir, 'new.sqlite'))).toBe(false);
  }, 30_000);

  it('answers --help for every command', () => {
    for (const command of [[], ['init'], ['info'], ['member'], ['member', 'add'], ['member', 'list'], ['backup']]) {
      const help = workbench(...command, '--help');
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout).toMatch(/^Usage: workbench/);
    }
    expect(workbench('member', 'add', '--help').stdout).toContain('--statutory');
  }, 60_000);
});
