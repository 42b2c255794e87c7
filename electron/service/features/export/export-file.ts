import { randomBytes } from 'node:crypto';
import { accessSync, constants, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../../../shared/result';
import { exportWriteFault } from '../../faults';

/**
 * Exports are written beside their destination under a temporary name and renamed into place
 * at the end: the rename is atomic on one volume, so the destination holds either the old file
 * or the whole new one, never half a document, whatever happens meanwhile (a failure, a
 * cancel, the process killed). The temporary file is removed on failure and on cancel.
 */

export function temporaryPathFor(destination: string): string {
  return join(dirname(destination), `.${basename(destination)}.${randomBytes(6).toString('hex')}.partial`);
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
    throw exportWriteFault(error, destination);
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
      throw exportWriteFault(error, destination);
    }
    return result;
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof WorkbenchError ? error : exportWriteFault(error, destination);
  }
}
