import { basename, dirname } from 'node:path';
import { WorkbenchError } from '../../shared/result';

/**
 * SQLite and file-system failures, named for the analyst: what happened, whether anything
 * changed, and what to do. The service answers every call through here, so a full disk, a
 * read-only folder or a damaged file is never "something went wrong" with a stack trace, and
 * never "not a workspace" (which would invite throwing a good file away).
 */

type ErrnoError = Error & { code?: string };

function errorCode(error: unknown): string | undefined {
  const code = (error as ErrnoError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Another program holding a workspace: SQLite waits busyTimeoutMs at a time, and the service
 * tries again (reporting that it is waiting) until busyWaitLimitMs have passed, then says so.
 */
export const busyTimeoutMs = 1000;
export const busyWaitLimitMs = 5000;

export function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
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
    `“${basename(path)}” is damaged: SQLite found that parts of it are unreadable (it may have been cut short by a copy, a full disk or a failing drive). It has not been changed. Open your most recent backup of it instead (a workspace backup, made with Back up on the Partnership screen or the CLI's backup command), and keep the damaged file for your IT support.`,
  );
}

/** The WorkbenchError for an SQLite or file-system failure on `path`, or null if it is neither. */
export function classifyFault(error: unknown, path: string | null): WorkbenchError | null {
  if (error instanceof WorkbenchError) return error;
  const code = errorCode(error);
  if (!code) return null;
  const where = path ?? 'the file';
  // SQLite reports a shared-memory file it cannot grow (SQLITE_IOERR_SHMSIZE) when the disk it
  // sits on has no room left: that is a full disk too, not a failing drive.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC' || code === 'EDQUOT') return diskFull();
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnly(where);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return inUse(where);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damaged(where);
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new WorkbenchError(
      'internal',
      `The disk reported an error while reading or writing “${basename(where)}” (${code}). Nothing more was changed. Check that the drive is still connected, then try again; if it keeps happening, copy the workspace to another drive.`,
    );
  }
  return null;
}
