import type Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, openSync, readSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../shared/result';
import { busyTimeoutMs, classifyFault, damaged, errorCode, faultKindOf, noPermissionToRead, readOnly } from './faults';
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
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
}

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts as every SQLite database does; anything else is not a workspace at all. */
function hasSqliteHeader(path: string): boolean {
  const head = Buffer.alloc(sqliteHeader.length);
  const descriptor = openSync(path, 'r');
  try {
    return readSync(descriptor, head, 0, head.length, 0) === head.length && head.equals(sqliteHeader);
  } finally {
    closeSync(descriptor);
  }
}

function notADatabase(path: string): WorkbenchError {
  return new WorkbenchError(
    'not-a-workspace',
    `${quoted(path)} is not a Community Safety Workbench workspace (it is not a database file). Choose a workspace file made with the workbench.`,
  );
}

/**
 * The checks made before SQLite touches the file, so that nothing is created beside a file we
 * refuse: SQLite would leave a read-only -shm beside a read-only workspace, which then blocks
 * every write after the permission is restored.
 */
function checkBeforeOpening(path: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    if (faultKindOf(errorCode(error)) === 'no-permission') throw noPermissionToRead(path);
    throw new WorkbenchError('file-not-found', `There is no file at ${path}. It may have been moved or renamed.`);
  }
  if (stats.isDirectory()) throw new WorkbenchError('not-a-workspace', `${quoted(path)} is a folder, not a workspace file.`);
  if (!stats.isFile()) throw new WorkbenchError('not-a-workspace', `${quoted(path)} is not an ordinary file (it may be a device or a pipe), so it is not a workspace.`);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw noPermissionToRead(path);
  }
  if (!hasSqliteHeader(path)) throw notADatabase(path);
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw readOnly(path);
  }
}

/**
 * Reads the header and checks every page (PRAGMA quick_check) without writing anything, so
 * a file we refuse is left byte for byte as it was (opening read-write would already switch
 * the journal mode).
 */
function inspect(path: string): { applicationId: number; schemaVersion: number } {
  let db: WorkspaceDatabase | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId === workspaceApplicationId) {
      const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') throw damaged(path);
    }
    return { applicationId, schemaVersion: schemaVersionOf(db) };
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    // The file starts as a database does, so any failure to read it is damage, not a stranger.
    throw classifyFault(error, path) ?? damaged(path);
  } finally {
    db?.close();
  }
}

export function openWorkspaceFile(path: string): WorkspaceDatabase {
  checkBeforeOpening(path);
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
  let db: WorkspaceDatabase;
  try {
    db = openSqlite(path, { fileMustExist: true });
  } catch (error) {
    throw classifyFault(error, path) ?? error;
  }
  try {
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw classifyFault(error, path) ?? error;
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
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw readOnly(path);
  }
  let db: WorkspaceDatabase;
  try {
    db = openSqlite(path);
  } catch (error) {
    throw classifyFault(error, path) ?? error;
  }
  try {
    db.pragma(`application_id = ${workspaceApplicationId}`);
    configure(db);
    migrate(db);
    db.transaction(() => initialise(db))();
    return db;
  } catch (error) {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw classifyFault(error, path) ?? error;
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
  if (!existsSync(dirname(destination))) {
    throw new WorkbenchError('file-not-found', `The folder ${dirname(destination)} does not exist. Choose a folder that exists for the backup.`);
  }
  if (existsSync(destination) && statSync(destination).isDirectory()) {
    throw new WorkbenchError('invalid-input', `${destination} is a folder. Give the backup a file name inside it, such as ${join(destination, basename(db.name))}.`);
  }
  const partial = join(dirname(destination), `.${basename(destination)}.partial`);
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw classifyFault(error, destination) ?? error;
  }
  return { bytes: statSync(destination).size };
}
