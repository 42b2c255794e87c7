import { useMemo, useState } from 'react';
import { DocumentDetails, documentDetailFields, type DocumentDetailsView } from '../../../shared/domain/document-details';
import { workbench } from '../api';
import { dateText, isoFromDateText, type DateText } from '../components/DateParts';
import type { FieldError } from '../components/ErrorSummary';
import { useSchemaForm } from '../components/useSchemaForm';
import { useQuery } from '../data-access/useQuery';

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
  const details = useQuery(['document'], () => workbench.document.show());
  const form = useSchemaForm();
  const view = details.data ?? null;
  // What the analyst has typed, until it is saved; the saved details otherwise.
  const [edited, setEdited] = useState<DocumentDraft | null>(null);
  const draft = edited ?? (view ? draftOf(view.details) : null);
  const loadErrors = useMemo<FieldError[]>(() => (details.error === null ? [] : [{ fieldId: null, message: details.error }]), [details.error]);

  async function save(): Promise<boolean> {
    if (!draft) return false;
    const date = isoFromDateText(draft.date, 'the date');
    const result = await form.submit({
      schema: DocumentDetails,
      check: () => (date.ok ? [] : [{ fieldId: documentFieldIds.date, message: date.message }]),
      values: { ...draft, date: date.ok ? date.value : null },
      fieldIds: documentFieldIds,
      call: (input) => workbench.document.set(input),
      done: (saved) => {
        details.set(saved);
        setEdited(null);
      },
      message: () => 'Document details saved. The next export uses them.',
    });
    return result?.ok ?? false;
  }

  return {
    view,
    draft,
    errors: view ? form.errors : loadErrors,
    message: form.status,
    unsaved: view !== null && draft !== null && differs(draft, view.details),
    change: (next) => {
      setEdited(next);
      form.setStatus('');
    },
    save,
  };
}
