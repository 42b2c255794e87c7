import { useEffect, useId, useRef } from 'react';

export interface FieldError {
  /** The id of the input the message is about, or null for a general problem. */
  fieldId: string | null;
  message: string;
}

/**
 * The GOV.UK error-summary pattern: a titled box that takes focus, with each problem linking
 * to the field it is about.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique per summary: a screen may show two forms' problems at once.
  const titleId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary-title">
        There is a problem
      </h2>
      <ul>
        {errors.map((error, index) => (
          <li key={`${error.fieldId ?? 'general'}-${index}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.fieldId!)?.focus();
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Maps zod issues onto form fields, given how each schema path is named in the form. */
export function fieldErrorsFrom(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldIds: Record<string, string>,
): FieldError[] {
  return issues.map((issue) => ({
    fieldId: fieldIds[issue.path.map(String).join('.')] ?? null,
    message: issue.message,
  }));
}

export function errorFor(errors: FieldError[], fieldId: string): string | undefined {
  return errors.find((error) => error.fieldId === fieldId)?.message;
}
