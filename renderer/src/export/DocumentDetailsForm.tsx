import type { FormEvent } from 'react';
import { documentStatuses } from '../../../shared/domain/document-details';
import { DateParts } from '../components/DateParts';
import { ErrorSummary, errorFor } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { TextField } from '../components/TextField';
import { documentFieldIds as fieldIds, type DocumentDetailsState, type DocumentDraft } from './useDocumentDetails';
import './pdf-preview.css';

const statusLabels = {
  draft: 'Draft: marked as not for publication until agreed',
  final: 'Final: as agreed by the board',
} as const;

/**
 * The Partnership Plan's and board paper's own details: title, period, owner, version, status,
 * date, distribution, contact, and the introduction and statutory basis in the partnership's
 * words. Each starts from wording real plans use; "Use the standard wording" puts it back.
 * The screen holds the state (useDocumentDetails), so that its Export button can save the
 * form's changes before it exports.
 */
export function DocumentDetailsForm({ state }: { state: DocumentDetailsState }) {
  const { view, draft, errors } = state;
  if (!view || !draft) return <ErrorSummary errors={errors} />;

  const set =
    <K extends keyof DocumentDraft>(key: K) =>
    (value: DocumentDraft[K]) =>
      state.change({ ...draft, [key]: value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await state.save();
  }

  const textArea = (key: 'contact' | 'introduction' | 'statutoryBasis', label: string, hint: string, rows: number) => (
    <Field id={fieldIds[key]} label={label} hint={hint} error={errorFor(errors, fieldIds[key])}>
      {(describedBy) => (
        <>
          <textarea
            id={fieldIds[key]}
            rows={rows}
            value={draft[key]}
            aria-describedby={describedBy}
            aria-invalid={errorFor(errors, fieldIds[key]) ? true : undefined}
            onChange={(event) => set(key)(event.target.value)}
          />
          {draft[key] !== view.defaults[key] ? (
            <button type="button" className="button button-secondary" onClick={() => set(key)(view.defaults[key])}>
              Use the standard wording<span className="visually-hidden"> for the {label.toLowerCase()}</span>
            </button>
          ) : null}
        </>
      )}
    </Field>
  );

  return (
    <section className="panel document-details" aria-labelledby="document-details-heading">
      <h2 id="document-details-heading">Document details</h2>
      <p className="hint">What the Partnership Plan and the board paper say about themselves, on their title page and in their version control.</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <TextField id={fieldIds.title} label="Title" value={draft.title} onChange={(event) => set('title')(event.target.value)} error={errorFor(errors, fieldIds.title)} autoComplete="off" />
          <TextField
            id={fieldIds.planPeriod}
            label="Plan period"
            hint="For example April 2019 to March 2020."
            value={draft.planPeriod}
            onChange={(event) => set('planPeriod')(event.target.value)}
            error={errorFor(errors, fieldIds.planPeriod)}
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField id={fieldIds.owner} label="Document owner" value={draft.owner} onChange={(event) => set('owner')(event.target.value)} error={errorFor(errors, fieldIds.owner)} autoComplete="off" />
          <TextField id={fieldIds.version} label="Version" value={draft.version} onChange={(event) => set('version')(event.target.value)} error={errorFor(errors, fieldIds.version)} autoComplete="off" />
        </div>
        <div className="field-row">
          <fieldset className="field radios">
            <legend>Status</legend>
            {documentStatuses.map((value) => (
              <div className="radio" key={value}>
                <input type="radio" id={`document-status-${value}`} name="document-status" value={value} checked={draft.status === value} onChange={() => set('status')(value)} />
                <label htmlFor={`document-status-${value}`}>{statusLabels[value]}</label>
              </div>
            ))}
          </fieldset>
          <DateParts
            id={fieldIds.date}
            legend="Date (optional)"
            hint="The date on the title page, for example 31 3 2019. Leave it empty for the day of export."
            value={draft.date}
            error={errorFor(errors, fieldIds.date)}
            onChange={set('date')}
          />
        </div>
        <TextField
          id={fieldIds.distribution}
          label="Distribution"
          value={draft.distribution}
          onChange={(event) => set('distribution')(event.target.value)}
          error={errorFor(errors, fieldIds.distribution)}
          autoComplete="off"
        />
        {textArea('contact', 'Contact details', 'Printed at the end of both documents. Each line here starts a new line there: a team, an address, a telephone number.', 3)}
        {textArea('introduction', 'Introduction', 'The partnership’s aim, as the plan opens with it.', 4)}
        {textArea('statutoryBasis', 'Statutory basis', 'The duties the partnership works under; the standard wording cites the Crime and Disorder Act 1998.', 4)}
        <div className="actions">
          <button type="submit" className="button">
            Save document details
          </button>
          <p role="status" className="status-message">
            {state.message}
          </p>
        </div>
      </form>
    </section>
  );
}
