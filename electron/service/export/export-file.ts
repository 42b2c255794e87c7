import { randomBytes } from 'node:crypto';
import { accessSync, constants, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../../shared/result';

/**
 * Exports are written beside their destination under a temporary name and renamed into place
 * at the end: the rename is atomic on one volume, so the destination holds either the old file
 * or the whole new one, never half a document, whatever happens meanwhile (a failure, a
 * cancel, the process killed). The temporary file is removed on failure and on cancel.
 */

const quoted = (path: string) => `“${basename(path)}”`;

export function temporaryPathFor(destination: string): string {
  return join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** The analyst's sentence for a file-system error while writing `destination`. */
export function describeWriteError(error: unknown, destination: string): WorkbenchError {
  const folder = dirname(destination);
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new WorkbenchError('file-not-found', `The folder “${folder}” does not exist. Choose another place to save ${quoted(destination)}.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new WorkbenchError(
        'forbidden',
        `${quoted(destination)} cannot be written in “${folder}”: the folder or the file is read-only, or the file is open in another program such as Excel. Close it, or choose another place, and try again.`,
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new WorkbenchError('busy', `${quoted(destination)} is open in another program (such as Excel). Close it and try again, or save under another name.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new WorkbenchError('invalid-file', `There is not enough disk space in “${folder}” to save ${quoted(destination)}.`);
    case 'EISDIR':
      return new WorkbenchError('invalid-input', `“${destination}” is a folder. Choose a file name to save to.`);
    default:
      return error instanceof WorkbenchError
        ? error
        : new WorkbenchError('internal', `${quoted(destination)} could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails early, before any work, when the destination cannot be written. */
export function checkDestination(destination: string): void {
  try {
    const folder = statSync(dirname(destination));
    if (!folder.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(dirname(destination), constants.W_OK);
    const existing = statSync(destination, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    if (existing) accessSync(destination, constants.W_OK);
  } catch (error) {
    throw describeWriteError(error, destination);
  }
}

/**
 * Runs `write` against a temporary file beside `destination`, then renames it into place.
 * Whatever `write` throws (a cancel included), the temporary file is removed and the
 * destination is left as it was.
 */
export async function writeAtomically<T>(destination: string, write: (temporaryPath: string) => Promise<T>): Promise<T> {
  checkDestination(destination);
  const temporary = temporaryPathFor(destination);
  try {
    const result = await write(temporary);
    try {
      renameSync(temporary, destination);
    } catch (error) {
      throw describeWriteError(error, destination);
    }
    return result;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof WorkbenchError ? error : describeWriteError(error, destination);
  }
}
