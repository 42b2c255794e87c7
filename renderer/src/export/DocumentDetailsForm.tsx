import { useEffect, useState, type FormEvent } from 'react';
import { DocumentDetails, type DocumentDetailsView, type DocumentStatus } from '../../../shared/domain/document-details';
import { workbench } from '../api';
import { ErrorSummary, errorFor, fieldErrorsFrom, type FieldError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { TextField } from '../components/TextField';
import './pdf-preview.css';

const fieldIds = {
  title: 'document-title',
  planPeriod: 'document-plan-period',
  owner: 'document-owner',
  version: 'document-version',
  status: 'document-status-draft',
  date: 'document-date',
  distribution: 'document-distribution',
  contact: 'document-contact',
  introduction: 'document-introduction',
  statutoryBasis: 'document-statutory-basis',
};

type Draft = Omit<DocumentDetails, 'date'> & { date: string };

const draftOf = (details: DocumentDetails): Draft => ({ ...details, date: details.date ?? '' });

/**
 * The Partnership Plan's and board paper's own details: title, period, owner, version, status,
 * date, distribution, contact, and the introduction and statutory basis in the partnership's
 * words. Each starts from wording real plans use; "Use the standard wording" puts it back.
 */
export function DocumentDetailsForm({ onSaved }: { onSaved?(view: DocumentDetailsView): void }) {
  const [view, setView] = useState<DocumentDetailsView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void workbench.document.details().then((result) => {
      if (!result.ok) {
        setErrors([{ fieldId: null, message: result.error.message }]);
        return;
      }
      setView(result.value);
      setDraft(draftOf(result.value.details));
    });
  }, []);

  if (!view || !draft) return <ErrorSummary errors={errors} />;

  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    const parsed = DocumentDetails.safeParse({ ...draft, date: draft!.date || null });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error.issues, fieldIds));
      return;
    }
    setErrors([]);
    const result = await workbench.document.setDetails(parsed.data);
    if (!result.ok) {
      setErrors([{ fieldId: null, message: result.error.message }]);
      return;
    }
    setView(result.value);
    setDraft(draftOf(result.value.details));
    onSaved?.(result.value);
    setStatus('Document details saved. The next export uses them.');
  }

  const textArea = (key: 'introduction' | 'statutoryBasis', label: string, hint: string) => (
    <Field id={fieldIds[key]} label={label} hint={hint} error={errorFor(errors, fieldIds[key])}>
      {(describedBy) => (
        <>
          <textarea
            id={fieldIds[key]}
            rows={4}
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
      <form onSubmit={save} noValidate>
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
          <TextField
            id={fieldIds.date}
            label="Date"
            hint="Leave empty for the day of export."
            type="date"
            value={draft.date}
            onChange={(event) => set('date')(event.target.value)}
            error={errorFor(errors, fieldIds.date)}
          />
        </div>
        <fieldset className="field radios">
          <legend>Status</legend>
          {(['draft', 'final'] as DocumentStatus[]).map((value) => (
            <div className="radio" key={value}>
              <input type="radio" id={`document-status-${value}`} name="document-status" value={value} checked={draft.status === value} onChange={() => set('status')(value)} />
              <label htmlFor={`document-status-${value}`}>{value === 'draft' ? 'Draft: marked as not for publication until agreed' : 'Final: as agreed by the board'}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={fieldIds.distribution}
          label="Distribution"
          value={draft.distribution}
          onChange={(event) => set('distribution')(event.target.value)}
          error={errorFor(errors, fieldIds.distribution)}
          autoComplete="off"
        />
        <TextField id={fieldIds.contact} label="Contact line" value={draft.contact} onChange={(event) => set('contact')(event.target.value)} error={errorFor(errors, fieldIds.contact)} autoComplete="off" />
        {textArea('introduction', 'Introduction', 'The partnership’s aim, as the plan opens with it.')}
        {textArea('statutoryBasis', 'Statutory basis', 'The duties the partnership works under; the standard wording cites the Crime and Disorder Act 1998.')}
        <div className="actions">
          <button type="submit" className="button">
            Save document details
          </button>
          <p role="status" className="status-message">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}
