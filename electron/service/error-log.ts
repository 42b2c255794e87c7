import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where unexpected failures are written in full (with their stack), so that the message an
 * analyst sees stays a sentence and the details can still be sent to support. The app points it
 * at Electron's logs folder; the CLI uses the user's home folder.
 */
export function errorLogPath(): string {
  return join(process.env.WORKBENCH_LOG_DIR ?? join(homedir(), '.community-safety-workbench', 'logs'), 'workbench-errors.log');
}

/** Appends the failure to the log and answers the log's path (or null if even that failed). */
export function logUnexpected(what: string, error: unknown): string | null {
  const path = errorLogPath();
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    appendFileSync(path, `${new Date().toISOString()} ${what}\n${detail}\n\n`);
    return path;
  } catch {
    return null;
  }
}

/** The one message for a failure the workbench did not expect: no stack, and where the details are. */
export function unexpectedFailureMessage(logPath: string | null): string {
  const details = logPath ? ` The details are in ${logPath}; send that file to your IT support if it keeps happening.` : '';
  return `Something went wrong inside the workbench. Your workspace has not been changed.${details}`;
}
