import { useState, type FormEvent } from 'react';
import { RunName } from '../../../shared/domain/analysis';
import { ErrorSummary, errorFor, type FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';

const nameId = 'run-name';

interface FreezeRunFormProps {
  /** Freezes the scoring as stored; returns an error message, or null when frozen. */
  onFreeze(name: string): Promise<string | null>;
}

/** Names and freezes the scoring as it stands: inputs, matrix and results, kept read-only. */
export function FreezeRunForm({ onFreeze }: FreezeRunFormProps) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = RunName.safeParse(name);
    if (!parsed.success) {
      setErrors([{ fieldId: nameId, message: parsed.error.issues[0]?.message ?? 'Give the run a name.' }]);
      return;
    }
    setBusy(true);
    const problem = await onFreeze(parsed.data);
    setBusy(false);
    if (problem) {
      setErrors([{ fieldId: null, message: problem }]);
      return;
    }
    setErrors([]);
    setName('');
  }

  return (
    <form onSubmit={submit} noValidate className="matrix-freeze">
      <h3>Freeze this scoring</h3>
      <p>
        A frozen run keeps the figures, the matrix, the judgements and the ranking exactly as they are now, so the assessment can show what
        it was based on and next year's can be compared with it.
      </p>
      <ErrorSummary errors={errors} />
      <TextField
        id={nameId}
        label="Run name"
        hint="For example: Strategic assessment 2019, draft for the board"
        value={name}
        autoComplete="off"
        onChange={(event) => setName(event.target.value)}
        error={errorFor(errors, nameId)}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Freeze this scoring
        </button>
      </div>
    </form>
  );
}
