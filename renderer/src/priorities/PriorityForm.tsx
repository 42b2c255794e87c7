import { useState, type FormEvent } from 'react';
import type { Member } from '../../../shared/domain/partnership';
import {
  PriorityInput,
  priorityName,
  ragStatusLabels,
  ragStatuses,
  type ParsedPriorityInput,
  type Priority,
  type RagStatus,
} from '../../../shared/domain/priority';
import type { Result } from '../../../shared/result';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Field, FieldErrorMessage } from '../components/Field';
import { useSchemaForm } from '../components/useSchemaForm';
import { formatScore } from '../matrix/matrix-format';
import { DateParts, dateText, isoFromDateText } from '../components/DateParts';
import { inChoiceOrder, type OffenceChoice } from './priority-choices';

export const priorityFieldIds = {
  title: 'priority-title',
  aim: 'priority-aim',
  offences: 'priority-offences',
  lead: 'priority-lead',
  measures: 'priority-measures',
  status: 'priority-status',
  reviewDate: 'priority-review-date',
} as const;

const ids = priorityFieldIds;
const offenceBoxId = (key: string) => `priority-offence-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;

interface PriorityFormProps {
  /** The priority being edited, or null to add one. */
  editing: Priority | null;
  /** The number a new priority will take. */
  nextNumber: number;
  choices: OffenceChoice[];
  members: Member[];
  onSave(input: ParsedPriorityInput): Promise<Result<Priority[]>>;
  onCancel(): void;
}

/** Splits the measures box into lines, dropping blank ones: one measure a line. */
const measureLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Adds or edits one priority. Mounted afresh (by key) for each priority edited. */
export function PriorityForm({ editing, nextNumber, choices, members, onSave, onCancel }: PriorityFormProps) {
  const [title, setTitle] = useState(editing?.title ?? '');
  const [aim, setAim] = useState(editing?.aim ?? '');
  const [offences, setOffences] = useState<ReadonlySet<string>>(() => new Set(editing?.offences.map((offence) => offence.key) ?? []));
  const [lead, setLead] = useState(editing?.lead ? String(editing.lead.id) : '');
  const [measures, setMeasures] = useState(editing?.measures.join('\n') ?? '');
  const [status, setStatus] = useState<RagStatus | ''>(editing?.status ?? '');
  const [reviewDate, setReviewDate] = useState(() => dateText(editing?.reviewDate ?? null));
  const form = useSchemaForm();
  const { errors, errorFor } = form;

  const number = editing?.number ?? nextNumber;
  const ranked = choices.filter((choice) => choice.rank !== null);
  const unranked = choices.filter((choice) => choice.rank === null);

  function toggle(key: string, checked: boolean) {
    setOffences((current) => {
      const next = new Set(current);
      if (checked) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const date = isoFromDateText(reviewDate);
    void form.submit({
      schema: PriorityInput,
      values: {
        title,
        aim,
        offences: inChoiceOrder(offences, choices),
        lead: lead === '' ? null : Number(lead),
        measures: measureLines(measures),
        status: status === '' ? null : status,
        reviewDate: date.ok ? date.value : null,
      },
      problems: (issues) => [
        ...issues.map((issue): FieldError => {
          const field = String(issue.path[0] ?? '') as keyof typeof ids;
          const fieldId = field === 'offences' ? firstOffenceId() : (ids[field] ?? null);
          const line = field === 'measures' && typeof issue.path[1] === 'number' ? `Measure ${issue.path[1] + 1}: ` : '';
          return { fieldId, message: `${line}${issue.message}` };
        }),
        ...(date.ok ? [] : [{ fieldId: ids.reviewDate, message: date.message }]),
      ],
      call: onSave,
    });
  }

  const firstOffenceId = () => (choices[0] ? offenceBoxId(choices[0].key) : ids.title);
  const offencesError = errors.find((error) => error.fieldId === firstOffenceId() && error.message)?.message;
  const heading = editing ? `Edit ${priorityName(number)}` : `Add ${priorityName(number)}`;

  const offenceBox = (choice: OffenceChoice) => (
    <div className="checkbox priorities-offence" key={choice.key}>
      <input
        id={offenceBoxId(choice.key)}
        type="checkbox"
        checked={offences.has(choice.key)}
        onChange={(event) => toggle(choice.key, event.target.checked)}
      />
      <label htmlFor={offenceBoxId(choice.key)}>
        {choice.rank !== null ? (
          <span className="priorities-rank">
            <span className="visually-hidden">Rank </span>
            {choice.rank}
          </span>
        ) : null}
        {choice.label}
        <span className="priorities-offence-note">{choice.score !== null ? `score ${formatScore(choice.score)}` : 'not ranked'}</span>
      </label>
    </div>
  );

  return (
    <form
      className="panel priorities-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="priority-form-heading"
      data-testid="priority-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && editing) onCancel();
      }}
    >
      <h2 id="priority-form-heading">{heading}</h2>
      <p className="hint">The number follows the order of the priorities: move a priority to renumber it.</p>
      <ErrorSummary errors={errors} />
      <Field
        id={ids.title}
        label="Title"
        hint={`Without “${priorityName(number)} –”, for example: Protect vulnerable people by increasing the awareness and reporting of Hidden Harms`}
        error={errorFor(ids.title)}
      >
        {(describedBy) => (
          <input
            id={ids.title}
            type="text"
            className="priorities-wide"
            value={title}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={errorFor(ids.title) ? true : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field id={ids.aim} label="Aim" hint="What the partnership will do, and for whom." error={errorFor(ids.aim)}>
        {(describedBy) => (
          <textarea
            id={ids.aim}
            className="priorities-textarea"
            rows={4}
            value={aim}
            aria-describedby={describedBy}
            aria-invalid={errorFor(ids.aim) ? true : undefined}
            onChange={(event) => setAim(event.target.value)}
          />
        )}
      </Field>

      <fieldset className={`field priorities-offences${offencesError ? ' field-error' : ''}`} aria-describedby={`${ids.offences}-hint`}>
        <legend>Offence types and indicators it addresses</legend>
        <p className="hint" id={`${ids.offences}-hint`}>
          From the current ranking, highest first, with each type’s rank and score.
        </p>
        <FieldErrorMessage id={ids.offences} error={offencesError} />
        {choices.length === 0 ? (
          <p className="empty-note">Nothing is ranked yet, so there is nothing to choose. The priority can be linked once the matrix has ranked the types.</p>
        ) : (
          <>
            <div className="priorities-offence-grid">{ranked.map(offenceBox)}</div>
            {unranked.length > 0 ? (
              <>
                <p className="priorities-subheading">Not ranked: indicators with figures, and types no longer ranked</p>
                <div className="priorities-offence-grid">{unranked.map(offenceBox)}</div>
              </>
            ) : null}
          </>
        )}
      </fieldset>

      <div className="field-row">
        <Field id={ids.lead} label="Lead partner" hint="A member of the partnership" error={errorFor(ids.lead)}>
          {(describedBy) => (
            <select id={ids.lead} value={lead} aria-describedby={describedBy} onChange={(event) => setLead(event.target.value)}>
              <option value="">No lead yet</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={ids.status} label="Status" hint="Not started, or red, amber or green once work is under way, as the board reviews it" error={errorFor(ids.status)}>
          {(describedBy) => (
            <select id={ids.status} value={status} aria-describedby={describedBy} onChange={(event) => setStatus(event.target.value as RagStatus | '')}>
              <option value="">Not set</option>
              {ragStatuses.map((value) => (
                <option key={value} value={value}>
                  {ragStatusLabels[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id={ids.measures} label="Measures" hint="How progress is measured: one measure a line." error={errorFor(ids.measures)}>
        {(describedBy) => (
          <textarea
            id={ids.measures}
            className="priorities-textarea"
            rows={4}
            value={measures}
            aria-describedby={describedBy}
            aria-invalid={errorFor(ids.measures) ? true : undefined}
            onChange={(event) => setMeasures(event.target.value)}
          />
        )}
      </Field>
      <DateParts
        id={ids.reviewDate}
        legend="Review date (optional)"
        hint="When the board next reviews this priority, for example 31 3 2019"
        value={reviewDate}
        error={errorFor(ids.reviewDate)}
        onChange={setReviewDate}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={form.busy}>
          {editing ? 'Save priority' : 'Add priority'}
        </button>
        {editing ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel editing
          </button>
        ) : null}
      </div>
    </form>
  );
}
