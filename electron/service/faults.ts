import { basename, dirname } from 'node:path';
import { WorkbenchError } from '../../shared/result';

/**
 * SQLite and file-system failures, named for the analyst: what happened, whether anything
 * changed, and what to do. The one place an errno or SQLite code is read: each code means one
 * kind of fault wherever it arises, and only the sentence depends on what was being done (a
 * workspace, an export being written, a file being imported). So a full disk, a read-only
 * folder or a damaged file is never "something went wrong" with a stack trace, and never "not
 * a workspace" (which would invite throwing a good file away).
 */

type ErrnoError = Error & { code?: string };

export function errorCode(error: unknown): string | undefined {
  const code = (error as ErrnoError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export type FaultKind = 'disk-full' | 'no-permission' | 'in-use' | 'damaged' | 'drive-error' | 'missing' | 'is-a-folder';

/** What an errno or SQLite code means, the same wherever it comes from; null for any other. */
export function faultKindOf(code: string | undefined): FaultKind | null {
  if (code === undefined) return null;
  // SQLite reports a shared-memory file it cannot grow (SQLITE_IOERR_SHMSIZE) when the disk it
  // sits on has no room left: that is a full disk too, not a failing drive.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no-permission';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY' || code === 'ETXTBSY') return 'in-use';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'drive-error';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EISDIR') return 'is-a-folder';
  return null;
}

/**
 * Another program holding a workspace: SQLite waits busyTimeoutMs at a time, and the service
 * tries again (reporting that it is waiting) until busyWaitLimitMs have passed, then says so.
 */
export const busyTimeoutMs = 1000;
export const busyWaitLimitMs = 5000;

export function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && code.startsWith('SQLITE_') && faultKindOf(code) === 'in-use';
}

export function diskFull(): WorkbenchError {
  return new WorkbenchError(
    'disk-full',
    'The disk is full, so this step could not be saved. Nothing was changed: the workspace is as it was before. Free some space on the disk (or move the workspace to one with room) and try again.',
  );
}

export function readOnly(path: string): WorkbenchError {
  return new WorkbenchError(
    'read-only',
    `“${basename(path)}” can only be read: the file or its folder (${dirname(path)}) is read-only, or you do not have permission to change it. Nothing was changed. Copy the workspace to a folder you can write to (such as Documents), or ask for write permission, and open it from there.`,
  );
}

export function inUse(path: string): WorkbenchError {
  return new WorkbenchError(
    'busy',
    `Another program is using “${basename(path)}” (the workbench waited ${busyWaitLimitMs / 1000} seconds for it). Nothing was changed. Close the other copy of the workbench, or the program that has the file open, and try again.`,
  );
}

export function noPermissionToRead(path: string): WorkbenchError {
  return new WorkbenchError(
    'read-only',
    `“${basename(path)}” cannot be opened: you do not have permission to read it, or its folder (${dirname(path)}). Nothing was changed. Ask for access, or copy the file to a folder of your own.`,
  );
}

export function damaged(path: string): WorkbenchError {
  return new WorkbenchError(
    'damaged',
    `“${basename(path)}” is damaged: SQLite found that parts of it are unreadable (it may have been cut short by a copy, a full disk or a failing drive). It has not been changed. Open your most recent backup of it instead (a workspace backup, made with Back up on the Partnership screen or the CLI's \`workspace backup\`), and keep the damaged file for your IT support.`,
  );
}

/** The WorkbenchError for an SQLite or file-system failure on the workspace at `path`, or null if it is neither. */
export function classifyFault(error: unknown, path: string | null): WorkbenchError | null {
  if (error instanceof WorkbenchError) return error;
  const code = errorCode(error);
  const where = path ?? 'the file';
  switch (faultKindOf(code)) {
    case 'disk-full':
      return diskFull();
    case 'no-permission':
      return readOnly(where);
    case 'in-use':
      return inUse(where);
    case 'damaged':
      return damaged(where);
    case 'drive-error':
      return new WorkbenchError(
        'internal',
        `The disk reported an error while reading or writing “${basename(where)}” (${code}). Nothing more was changed. Check that the drive is still connected, then try again; if it keeps happening, copy the workspace to another drive.`,
      );
    default:
      return null;
  }
}

const quoted = (path: string) => `“${basename(path)}”`;

/** The analyst's sentence for a file-system error while writing an export to `destination`. */
export function exportWriteFault(error: unknown, destination: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const folder = dirname(destination);
  switch (faultKindOf(errorCode(error))) {
    case 'missing':
      return new WorkbenchError('file-not-found', `The folder “${folder}” does not exist. Choose another place to save ${quoted(destination)}.`);
    case 'no-permission':
      return new WorkbenchError(
        'read-only',
        `${quoted(destination)} cannot be written in “${folder}”: the folder or the file is read-only, or the file is open in another program such as Excel. Close it, or choose another place, and try again.`,
      );
    case 'in-use':
      return new WorkbenchError('busy', `${quoted(destination)} is open in another program (such as Excel). Close it and try again, or save under another name.`);
    case 'disk-full':
      return new WorkbenchError('disk-full', `There is not enough disk space in “${folder}” to save ${quoted(destination)}. Nothing was written: free some space, or choose another drive, and try again.`);
    case 'is-a-folder':
      return new WorkbenchError('invalid-input', `“${destination}” is a folder. Choose a file name to save to.`);
    default:
      return new WorkbenchError('internal', `${quoted(destination)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The analyst's sentence for a file that cannot be opened for import. */
export function importOpenFault(error: unknown, path: string, fileName: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const code = errorCode(error);
  const name = quoted(fileName);
  switch (faultKindOf(code)) {
    case 'missing':
      return new WorkbenchError('file-not-found', `There is no file at ${path}. It may have been moved or renamed.`);
    case 'is-a-folder':
      return new WorkbenchError('invalid-file', `${name} is a folder, not a file. Choose a CSV file or a spreadsheet.`);
    case 'no-permission':
      return new WorkbenchError('invalid-file', `${name} cannot be opened: you do not have permission to read it. Ask for access, or copy it to a folder of your own, and try again.`);
    case 'in-use':
      return new WorkbenchError('invalid-file', `${name} cannot be opened: another program has it locked. Close it there and try again.`);
    default:
      return new WorkbenchError('invalid-file', `${name} cannot be read (${code ?? 'unknown error'}). Copy it to your laptop and try again.`);
  }
}
