import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../../electron/service/migrations';
import { insertPartnership } from '../../../electron/service/features/partnership/partnership-store';
import { listMembers, addMember } from '../../../electron/service/features/member/member-store';
import {
  backupWorkspaceFile,
  createWorkspaceFile,
  openWorkspaceFile,
  workspaceApplicationId,
} from '../../../electron/service/workspace-file';
import { WorkbenchError } from '../../../shared/result';
import { sha256OfFile } from '../../fixtures/file-hash';
import { useTempDir } from '../../fixtures/temp-dir';

const details = { name: 'Safer Colchester Partnership', area: 'Colchester', marking: 'OFFICIAL' as const, period: null };

function createSample(path: string) {
  return createWorkspaceFile(path, (db) => insertPartnership(db, details, new Date('2026-11-27T10:00:00Z')));
}

function thrown(work: () => unknown): WorkbenchError {
  try {
    work();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('expected a WorkbenchError');
}

describe('workspace files', () => {
  const tempDir = useTempDir();

  it('creates a WAL workspace with foreign keys, our application id and the latest schema', () => {
    const path = join(tempDir(), 'w.sqlite');
    const db = createSample(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(workspaceApplicationId);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    db.close();
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const path = join(tempDir(), 'existing.sqlite');
    writeFileSync(path, 'keep me');
    const error = thrown(() => createSample(path));
    expect(error.code).toBe('file-exists');
    expect(error.message).toContain('existing.sqlite');
  });

  it('removes a half-made file when initialising fails', () => {
    const path = join(tempDir(), 'broken.sqlite');
    expect(() =>
      createWorkspaceFile(path, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(existsSync(path)).toBe(false);
  });

  it('reopens a workspace with its data', () => {
    const path = join(tempDir(), 'w.sqlite');
    const db = createSample(path);
    addMember(db, { name: 'Essex Police', statutory: true, contact: null });
    db.close();
    const reopened = openWorkspaceFile(path);
    expect(listMembers(reopened)).toEqual([{ id: 1, name: 'Essex Police', statutory: true, contact: null }]);
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1);
    reopened.close();
  });

  it('refuses a workspace written by a newer version, without modifying it', () => {
    const path = join(tempDir(), 'future.sqlite');
    createSample(path).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${latestSchemaVersion + 7}`);
    raw.close();
    const before = sha256OfFile(path);

    const error = thrown(() => openWorkspaceFile(path));

    expect(error.code).toBe('newer-version');
    expect(error.message).toContain('newer version');
    expect(error.message).toContain(`format ${latestSchemaVersion + 7}`);
    expect(error.message).toContain('has not been changed');
    expect(sha256OfFile(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('explains that a text file is not a workspace, and leaves it as it was', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(path, 'Crime ID,Month\n'.repeat(200));
    const before = sha256OfFile(path);
    const error = thrown(() => openWorkspaceFile(path));
    expect(error.code).toBe('not-a-workspace');
    expect(error.message).toContain('“notes.txt” is not a Community Safety Workbench workspace');
    expect(sha256OfFile(path)).toBe(before);
  });

  it('explains that another application’s database is not a workspace', () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x INTEGER)');
    other.close();
    const error = thrown(() => openWorkspaceFile(path));
    expect(error.code).toBe('not-a-workspace');
    expect(error.message).toContain('is a database, but not a Community Safety Workbench workspace');
  });

  it('treats an empty file and a missing file clearly', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.sqlite'), '');
    expect(thrown(() => openWorkspaceFile(join(dir, 'empty.sqlite'))).code).toBe('not-a-workspace');
    expect(thrown(() => openWorkspaceFile(join(dir, 'missing.sqlite'))).code).toBe('file-not-found');
    expect(thrown(() => openWorkspaceFile(dir)).code).toBe('not-a-workspace');
  });

  it('backs up through VACUUM INTO to a file that opens as the same workspace', () => {
    const dir = tempDir();
    const db = createSample(join(dir, 'w.sqlite'));
    addMember(db, { name: 'Essex Police', statutory: true, contact: 'Chief Inspector' });
    const backupPath = join(dir, 'backup.sqlite');
    writeFileSync(backupPath, 'an older backup');

    const { bytes } = backupWorkspaceFile(db, backupPath);

    expect(bytes).toBeGreaterThan(0);
    expect(existsSync(join(dir, '.backup.sqlite.partial'))).toBe(false);
    db.close();
    const copy = openWorkspaceFile(backupPath);
    expect(listMembers(copy)).toEqual([{ id: 1, name: 'Essex Police', statutory: true, contact: 'Chief Inspector' }]);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('will not back up a workspace over itself', () => {
    const path = join(tempDir(), 'w.sqlite');
    const db = createSample(path);
    expect(thrown(() => backupWorkspaceFile(db, db.name)).code).toBe('invalid-input');
    db.close();
  });
});
