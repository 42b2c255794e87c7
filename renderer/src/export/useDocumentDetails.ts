import { useEffect, useState } from 'react';
import { DocumentDetails, documentDetailFields, type DocumentDetailsView } from '../../../shared/domain/document-details';
import { workbench } from '../api';
import { dateText, isoFromDateText, type DateText } from '../components/DateParts';
import { fieldErrorsFrom, type FieldError } from '../components/ErrorSummary';

export const documentFieldIds = {
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

/** The details as the form holds them: the date as its three boxes. */
export type DocumentDraft = Omit<DocumentDetails, 'date'> & { date: DateText };

export const draftOf = (details: DocumentDetails): DocumentDraft => ({ ...details, date: dateText(details.date) });

/** Whether the form holds anything the workspace does not: what an export would otherwise miss. */
function differs(draft: DocumentDraft, saved: DocumentDetails): boolean {
  return documentDetailFields.some((field) => {
    if (field === 'date') {
      const date = isoFromDateText(draft.date, 'the date');
      return !date.ok || date.value !== saved.date;
    }
    return draft[field] !== saved[field];
  });
}

export interface DocumentDetailsState {
  view: DocumentDetailsView | null;
  draft: DocumentDraft | null;
  errors: FieldError[];
  /** The last save's outcome, for the form's status line. */
  message: string;
  /** The form holds changes that are not saved yet. */
  unsaved: boolean;
  change(next: DocumentDraft): void;
  /** Checks and saves the form; false (with the problems shown on the form) when it cannot. */
  save(): Promise<boolean>;
}

/**
 * The plan's and board paper's details as the Export screen edits them. Held by the screen, not
 * the form, so that the Export button knows when the form has unsaved changes (it saves them
 * before exporting) and which status the export will carry.
 */
export function useDocumentDetails(): DocumentDetailsState {
  const [view, setView] = useState<DocumentDetailsView | null>(null);
  const [draft, setDraft] = useState<DocumentDraft | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void workbench.document.show().then((result) => {
      if (!result.ok) {
        setErrors([{ fieldId: null, message: result.error.message }]);
        return;
      }
      setView(result.value);
      setDraft(draftOf(result.value.details));
    });
  }, []);

  async function save(): Promise<boolean> {
    if (!draft) return false;
    setMessage('');
    const date = isoFromDateText(draft.date, 'the date');
    if (!date.ok) {
      setErrors([{ fieldId: documentFieldIds.date, message: date.message }]);
      return false;
    }
    const parsed = DocumentDetails.safeParse({ ...draft, date: date.value });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error.issues, documentFieldIds));
      return false;
    }
    setErrors([]);
    const result = await workbench.document.set(parsed.data);
    if (!result.ok) {
      setErrors([{ fieldId: null, message: result.error.message }]);
      return false;
    }
    setView(result.value);
    setDraft(draftOf(result.value.details));
    setMessage('Document details saved. The next export uses them.');
    return true;
  }

  return {
    view,
    draft,
    errors,
    message,
    unsaved: view !== null && draft !== null && differs(draft, view.details),
    change: (next) => {
      setDraft(next);
      setMessage('');
    },
    save,
  };
}
