import type { FactorDefinition } from '../../../shared/matrix';
import { shortLabel } from './matrix-format';
import { FieldErrorMessage } from '../components/Field';

interface WeightInputProps {
  factor: FactorDefinition;
  /** What the analyst typed, while it differs from the weight in force. */
  draft: string | undefined;
  error: string | undefined;
  onEdit(text: string): void;
  onCommit(): void;
}

export const weightInputId = (factorId: string) => `weight-${factorId}`;

/** A factor's weight: every change re-ranks at once and is saved a moment later, or on leaving the box. */
export function WeightInput({ factor, draft, error, onEdit, onCommit }: WeightInputProps) {
  const id = weightInputId(factor.id);
  return (
    <div className={`matrix-cell-field${error ? ' field-error' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        Weight of {shortLabel(factor)}
      </label>
      <FieldErrorMessage id={id} error={error} />
      <input
        id={id}
        className="matrix-number"
        type="number"
        inputMode="decimal"
        min={0}
        step={0.5}
        value={draft ?? String(factor.weight)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onEdit(event.target.value)}
        onBlur={onCommit}
      />
    </div>
  );
}
