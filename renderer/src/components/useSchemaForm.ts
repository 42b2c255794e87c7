import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../shared/result';
import { fieldErrorsFrom, type FieldError } from './ErrorSummary';

type Issue = z.core.$ZodIssue;

export interface Submission<S extends z.ZodType, T> {
  /** The shared schema the service validates the same input with. */
  schema: S;
  /** What the form holds, for the schema to read. */
  values: unknown;
  /** The id of the field each schema path is about ('period.from' → 'details-period-from'), for the summary's links. */
  fieldIds?: Record<string, string>;
  /**
   * Problems found before the schema reads the values, for what it cannot read (a blank month, a
   * box the browser could not read as a number, a half-filled date): any is shown alone, and
   * neither the schema nor the call runs.
   */
  check?(): FieldError[];
  /**
   * The problems to show, given the schema's issues (none when it passed); by default each issue
   * against its field. A form adds here what the schema does not see and is shown beside its
   * issues (a blank score); any problem stops the call.
   */
  problems?(issues: readonly Issue[]): FieldError[];
  /** The status line while the call is on its way. */
  pending?: string;
  /** Sends what the schema accepted. */
  call(input: z.output<S>): Promise<Result<T>>;
  /** Once the call has succeeded: what else follows from it (the answer shown, the form emptied). */
  done?(value: T, input: z.output<S>): void;
  /** Once the call has succeeded, after `done`: what the status line says. */
  message?(value: T, input: z.output<S>): string;
}

export interface SchemaForm {
  /** The form's problems, for ErrorSummary (which takes focus) and each field's message. */
  errors: FieldError[];
  /** The status line: what the last submission did. */
  status: string;
  /** A submission is on its way. */
  busy: boolean;
  errorFor(fieldId: string): string | undefined;
  /**
   * Checks the values with the schema and, if they pass, sends them: the errors clear, the call
   * is made, and its refusal becomes a problem in the summary (a cancelled dialog is not one).
   * The status line clears when a submission starts. Resolves to the call's result, or null when
   * the values did not pass and nothing was sent.
   */
  submit<S extends z.ZodType, T>(submission: Submission<S, T>): Promise<Result<T> | null>;
  setErrors(errors: FieldError[]): void;
  setStatus(status: string): void;
}

/** The GOV.UK pattern for a form over one of the shared zod schemas: validate, show problems, call, say what happened. */
export function useSchemaForm(): SchemaForm {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = useCallback(async <S extends z.ZodType, T>(submission: Submission<S, T>): Promise<Result<T> | null> => {
    setStatus('');
    const unreadable = submission.check?.() ?? [];
    if (unreadable.length > 0) {
      setErrors(unreadable);
      return null;
    }
    const parsed = submission.schema.safeParse(submission.values);
    const issues = parsed.success ? [] : parsed.error.issues;
    const problems = submission.problems ? submission.problems(issues) : fieldErrorsFrom(issues, submission.fieldIds ?? {});
    if (!parsed.success || problems.length > 0) {
      setErrors(problems);
      return null;
    }
    setErrors([]);
    if (submission.pending) setStatus(submission.pending);
    setBusy(true);
    let result: Result<T>;
    try {
      result = await submission.call(parsed.data);
    } finally {
      setBusy(false);
    }
    if (result.ok) {
      submission.done?.(result.value, parsed.data);
      if (submission.message) setStatus(submission.message(result.value, parsed.data));
    } else {
      setStatus('');
      if (result.error.code !== 'cancelled') setErrors([{ fieldId: null, message: result.error.message }]);
    }
    return result;
  }, []);

  const errorFor = useCallback((fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message, [errors]);

  return { errors, status, busy, errorFor, submit, setErrors, setStatus };
}
