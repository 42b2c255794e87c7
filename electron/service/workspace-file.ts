import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../shared/result';
import { latestSchemaVersion, migrate, schemaVersionOf } from './migrations';
import { openSqlite } from './sqlite-binding';

/** 'CSWB' in the SQLite header's application_id, so a workspace is recognisable as ours. */
export const workspaceApplicationId = 0x43535742;

export type WorkspaceDatabase = Database.Database;

function quoted(path: string): string {
  return `“${basename(path)}”`;
}

function configure(db: WorkspaceDatabase): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Reads the header without writing anything, so a file we refuse is left byte for byte as
 * it was (opening read-write would already switch the journal mode).
 */
function inspect(path: string): { applicationId: number; schemaVersion: number } {
  let db: WorkspaceDatabase | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      schemaVersion: schemaVersionOf(db),
    };
  } catch (error) {
    if (error instanceof Database.SqliteError) {
      throw new WorkbenchError(
        'not-a-workspace',
        `${quoted(path)} is not a Community Safety Workbench workspace (it is not a database file). Choose a workspace file made with the workbench.`,
      );
    }
    throw error;
  } finally {
    db?.close();
  }
}

export function openWorkspaceFile(path: string): WorkspaceDatabase {
  if (!existsSync(path)) {
    throw new WorkbenchError('file-not-found', `There is no file at ${path}. It may have been moved or renamed.`);
  }
  if (!statSync(path).isFile()) {
    throw new WorkbenchError('not-a-workspace', `${quoted(path)} is a folder, not a workspace file.`);
  }
  const header = inspect(path);
  if (header.applicationId !== workspaceApplicationId) {
    throw new WorkbenchError(
      'not-a-workspace',
      `${quoted(path)} is a database, but not a Community Safety Workbench workspace. Choose a workspace file made with the workbench.`,
    );
  }
  if (header.schemaVersion > latestSchemaVersion) {
    throw new WorkbenchError(
      'newer-version',
      `${quoted(path)} was saved by a newer version of Community Safety Workbench (workspace format ${header.schemaVersion}; this version reads up to format ${latestSchemaVersion}). Open it with the newer version. The file has not been changed.`,
    );
  }
  const db = openSqlite(path, { fileMustExist: true });
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Creates a new workspace file and lets `initialise` fill it in the same transaction as the
 * schema, so a failure never leaves a half-made workspace behind.
 */
export function createWorkspaceFile(path: string, initialise: (db: WorkspaceDatabase) => void): WorkspaceDatabase {
  if (existsSync(path)) {
    throw new WorkbenchError('file-exists', `${quoted(path)} already exists. Choose another name, or open it instead.`);
  }
  if (!existsSync(dirname(path))) {
    throw new WorkbenchError('file-not-found', `The folder ${dirname(path)} does not exist.`);
  }
  const db = openSqlite(path);
  try {
    db.pragma(`application_id = ${workspaceApplicationId}`);
    configure(db);
    migrate(db);
    db.transaction(() => initialise(db))();
    return db;
  } catch (error) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
}

/**
 * A compact, consistent copy through VACUUM INTO. It is written beside the destination first
 * and renamed into place, so an existing backup is only replaced by a complete one.
 */
export function backupWorkspaceFile(db: WorkspaceDatabase, destination: string): { bytes: number } {
  if (destination === db.name) {
    throw new WorkbenchError('invalid-input', 'A backup cannot replace the workspace it copies. Choose another file.');
  }
  const partial = join(dirname(destination), `.${basename(destination)}.partial`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: statSync(destination).size };
}
