import { useEffect, useRef, useState, type FormEvent } from 'react';
import { JudgementInput, type MatrixState } from '../../../shared/domain/analysis';
import { judgementScores, type FactorDefinition, type Judgement } from '../../../shared/matrix';
import type { Result } from '../../../shared/result';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { useSchemaForm } from '../components/useSchemaForm';
import { describeJudgement } from './judgement-scale';

const fieldIds = { factor: 'judge-factor', score: 'judge-score', rationale: 'judge-rationale' };

interface JudgementFormProps {
  offence: { key: string; label: string };
  factors: FactorDefinition[];
  judgements: Judgement[];
  onSave(judgement: JudgementInput): Promise<Result<MatrixState>>;
  onRemove(factor: string): Promise<Result<MatrixState>>;
  /** Closes the form; `saved` says what changed, or null when cancelled. */
  onClose(saved: { factor: string; removed: boolean; state: MatrixState } | null): void;
}

/** One judgement of one offence type: a factor, a 1–5 score and the rationale the brief requires. */
export function JudgementForm({ offence, factors, judgements, onSave, onRemove, onClose }: JudgementFormProps) {
  const existingFor = (factorId: string) => judgements.find((judgement) => judgement.factor === factorId);
  const [factor, setFactor] = useState(factors[0]?.id ?? '');
  const [score, setScore] = useState(() => String(existingFor(factors[0]?.id ?? '')?.score ?? ''));
  const [rationale, setRationale] = useState(() => existingFor(factors[0]?.id ?? '')?.rationale ?? '');
  const form = useSchemaForm();
  const [removing, setRemoving] = useState(false);
  const busy = form.busy || removing;
  const firstField = useRef<HTMLSelectElement>(null);
  const existing = existingFor(factor);

  useEffect(() => firstField.current?.focus(), []);

  function chooseFactor(next: string) {
    setFactor(next);
    const recorded = existingFor(next);
    setScore(recorded ? String(recorded.score) : '');
    setRationale(recorded?.rationale ?? '');
    form.setErrors([]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit({
      schema: JudgementInput,
      values: { factor, offenceKey: offence.key, score: Number(score), rationale },
      // A blank score has a message of its own; the rationale's problems are the field's.
      problems: (issues) => [
        ...(score === '' ? [{ fieldId: fieldIds.score, message: 'Choose a score from 1 to 5.' }] : []),
        ...issues.flatMap((issue): FieldError[] =>
          issue.path[0] === 'rationale' ? [{ fieldId: fieldIds.rationale, message: issue.message }] : issue.path[0] === 'score' ? [] : [{ fieldId: null, message: issue.message }],
        ),
      ],
      call: onSave,
      done: (state) => onClose({ factor, removed: false, state }),
    });
  }

  async function remove() {
    setRemoving(true);
    const result = await onRemove(factor);
    setRemoving(false);
    if (!result.ok) form.setErrors([{ fieldId: null, message: result.error.message }]);
    else onClose({ factor, removed: true, state: result.value });
  }

  const headingId = 'judgement-form-heading';
  return (
    <form
      className="matrix-judgement-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose(null);
      }}
    >
      <h3 id={headingId}>Judge {offence.label}</h3>
      <ErrorSummary errors={form.errors} />
      <div className="matrix-judgement-fields">
        <Field id={fieldIds.factor} label="Factor">
          {(describedBy) => (
            <select id={fieldIds.factor} ref={firstField} value={factor} aria-describedby={describedBy} onChange={(event) => chooseFactor(event.target.value)}>
              {factors.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldIds.score} label="Score" hint="1 is the lowest, 5 the highest" error={form.errorFor(fieldIds.score)}>
          {(describedBy) => (
            <select
              id={fieldIds.score}
              value={score}
              aria-describedby={describedBy}
              aria-invalid={form.errorFor(fieldIds.score) ? true : undefined}
              onChange={(event) => setScore(event.target.value)}
            >
              <option value="">Choose a score</option>
              {judgementScores.map((value) => (
                <option key={value} value={value}>
                  {describeJudgement(factor, value)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={fieldIds.rationale}
        label="Rationale"
        hint="Why this score: the evidence, intelligence or survey behind it. It is printed in the evidence workbook."
        error={form.errorFor(fieldIds.rationale)}
      >
        {(describedBy) => (
          <textarea
            id={fieldIds.rationale}
            className="matrix-rationale"
            rows={4}
            value={rationale}
            aria-describedby={describedBy}
            aria-invalid={form.errorFor(fieldIds.rationale) ? true : undefined}
            onChange={(event) => setRationale(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Save judgement
        </button>
        {existing ? (
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void remove()}>
            Remove judgement
          </button>
        ) : null}
        <button type="button" className="button-link" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
