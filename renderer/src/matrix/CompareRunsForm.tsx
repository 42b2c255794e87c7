import { useState, type FormEvent } from 'react';
import type { RunSummary } from '../../../shared/domain/analysis';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { formatDateTime } from '../../../shared/format';

const ids = { before: 'compare-before', after: 'compare-after' };

interface CompareRunsFormProps {
  runs: RunSummary[];
  onCompare(before: number, after: number): void;
}

/** Picks two frozen runs to compare: by default the two most recent. */
export function CompareRunsForm({ runs, onCompare }: CompareRunsFormProps) {
  const [before, setBefore] = useState(String(runs[runs.length - 2]?.id ?? ''));
  const [after, setAfter] = useState(String(runs[runs.length - 1]?.id ?? ''));
  const [errors, setErrors] = useState<FieldError[]>([]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (before === after) {
      setErrors([{ fieldId: ids.after, message: 'Choose two different runs to compare.' }]);
      return;
    }
    setErrors([]);
    onCompare(Number(before), Number(after));
  }

  const options = runs.map((run) => (
    <option key={run.id} value={run.id}>
      {run.name} ({formatDateTime(run.createdAt)})
    </option>
  ));

  return (
    <form onSubmit={submit} noValidate className="subpanel">
      <h3>Compare two runs</h3>
      <p>What moved between two runs, and why: the changes to the matrix, and each type's change of rank and score with the factors behind it.</p>
      <ErrorSummary errors={errors} />
      <div className="field-row">
        <Field id={ids.before} label="Earlier run">
          {(describedBy) => (
            <select id={ids.before} value={before} aria-describedby={describedBy} onChange={(event) => setBefore(event.target.value)}>
              {options}
            </select>
          )}
        </Field>
        <Field id={ids.after} label="Later run" error={errorFor(errors, ids.after)}>
          {(describedBy) => (
            <select id={ids.after} value={after} aria-describedby={describedBy} onChange={(event) => setAfter(event.target.value)}>
              {options}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Compare runs
        </button>
      </div>
    </form>
  );
}
