import { useState, type FormEvent } from 'react';
import { RunName, type RunSummary } from '../../../shared/domain/analysis';
import type { Result } from '../../../shared/result';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';

const nameId = 'run-name';

interface FreezeRunFormProps {
  /** Freezes the scoring as stored, under this name. */
  onFreeze(name: string): Promise<Result<RunSummary>>;
}

/** Names and freezes the scoring as it stands: inputs, matrix and results, kept read-only. */
export function FreezeRunForm({ onFreeze }: FreezeRunFormProps) {
  const [name, setName] = useState('');
  const form = useSchemaForm();

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit({
      schema: RunName,
      values: name,
      fieldIds: { '': nameId },
      call: onFreeze,
      done: () => setName(''),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="matrix-freeze">
      <h3>Freeze this scoring</h3>
      <p>
        A frozen run keeps the figures, the matrix, the judgements and the ranking exactly as they are now, so the assessment can show what
        it was based on and next year's can be compared with it.
      </p>
      <ErrorSummary errors={form.errors} />
      <TextField
        id={nameId}
        label="Run name"
        hint="For example: Strategic assessment 2019, draft for the board"
        value={name}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
        error={form.errorFor(nameId)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={form.busy}>
          Freeze this scoring
        </button>
      </div>
    </form>
  );
}
