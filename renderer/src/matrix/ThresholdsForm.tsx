import { useState, type FormEvent } from 'react';
import type { FactorDefinition } from '../../../shared/matrix';
import { shortLabel, thresholdsText, thresholdUnit } from './matrix-format';
import { FieldErrorMessage } from '../components/Field';

interface ThresholdsFormProps {
  factor: FactorDefinition;
  error: string | undefined;
  onSave(text: string): void;
}

export const thresholdsInputId = (factorId: string) => `thresholds-${factorId}`;

/**
 * A factor's cut points as one comma-separated list, saved on the button or Enter. The parent
 * remounts it (by key) when the stored thresholds change, which resets what was typed.
 */
export function ThresholdsForm({ factor, error, onSave }: ThresholdsFormProps) {
  const [text, setText] = useState(thresholdsText(factor.thresholds));
  const id = thresholdsInputId(factor.id);
  const name = shortLabel(factor);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(text);
  }

  return (
    <form className={`matrix-thresholds${error ? ' field-error' : ''}`} onSubmit={submit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Thresholds of {name}
      </label>
      <p className="cell-note" id={`${id}-hint`}>
        {factor.scale - 1} cut points make {factor.scale} bands, scored 1–{factor.scale}; lowest first, in {thresholdUnit(factor)}
      </p>
      <FieldErrorMessage id={id} error={error} />
      <div className="matrix-inline">
        <input
          id={id}
          type="text"
          className="matrix-thresholds-input"
          value={text}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button-link">
          Save thresholds<span className="visually-hidden"> of {name}</span>
        </button>
      </div>
    </form>
  );
}
