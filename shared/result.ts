/**
 * Every operation that crosses a process boundary answers with a Result, so that errors
 * travel as data (a code the UI can act on and a sentence an analyst can read) rather than
 * as exceptions that Electron would flatten into "Error invoking remote method".
 */
export const errorCodes = [
  'invalid-input',
  'no-workspace',
  'not-a-workspace',
  'newer-version',
  'file-exists',
  'file-not-found',
  'invalid-file',
  'duplicate-file',
  'not-found',
  'cancelled',
  'busy',
  /** Refused until the caller confirms: the message says what would be lost. */
  'needs-confirmation',
  'disk-full',
  'read-only',
  'damaged',
  'forbidden',
  'service-stopped',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface WorkbenchErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WorkbenchErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** An error a service throws on purpose; its message is written for the analyst. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'WorkbenchError';
    this.code = code;
  }
}

/** Turns anything thrown into a Result, keeping deliberate messages and hiding internals. */
export function toFailure(error: unknown): Result<never> {
  if (error instanceof WorkbenchError) return fail(error.code, error.message);
  return fail('internal', 'Something went wrong inside the workbench. Your workspace has not been changed.');
}
