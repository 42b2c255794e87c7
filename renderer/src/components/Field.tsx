import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  className?: string | undefined;
  /** The control, given the ids that describe it (hint, then error) for aria-describedby. */
  children(describedBy: string | undefined): ReactNode;
}

/** A label, an optional hint and an error message, all tied to one control for screen readers. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldErrorMessage id={id} error={error} />
      {children(describedBy || undefined)}
    </div>
  );
}

/** The message under a control with a problem, its id `${id}-error` for aria-describedby. */
export function FieldErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}
