import { lazy, Suspense, useState } from 'react';
import type { ExportResult } from '../../../shared/export/export-request';
import { pdfDocuments } from '../../../shared/export/pdf-export';
import { defaultSuppressionThreshold } from '../../../shared/export/suppression';
import { isCancelled, workbench } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { TextField } from '../components/TextField';
import { useOperation } from '../components/useOperation';
import { useQuery } from '../data-access/useQuery';
import { formatBytes, formatDateTime } from '../../../shared/format';
import { DocumentDetailsForm } from './DocumentDetailsForm';
import { RankingPreview } from './RankingPreview';
import { exportDocuments, type ExportDocument } from './export-documents';
import { useDocumentDetails } from './useDocumentDetails';

// pdf.js is large: it loads, from the app's own files, only when there is a PDF to preview.
const PdfPreview = lazy(() => import('./PdfPreview').then((module) => ({ default: module.PdfPreview })));

interface Finished {
  result: ExportResult & { pdf?: Uint8Array };
  document: ExportDocument;
}

/**
 * Choose a document, its source and publication mode; for the plan and the board paper, check
 * their details; save it where the analyst says; open it. The details come before the Export
 * button, and Export saves any change to them first, so a document never goes out with details
 * the analyst has just corrected on the screen. A draft is not exported for publication: the
 * screen says so before the save dialog opens (and the service refuses it in any case).
 */
export function ExportScreen() {
  const [documentId, setDocumentId] = useState(exportDocuments[0]!.id);
  const runs = useQuery(['runs'], () => workbench.run.list()).data ?? [];
  const [runId, setRunId] = useState<number | null>(null);
  const [publication, setPublication] = useState(false);
  const [threshold, setThreshold] = useState(String(defaultSuppressionThreshold));
  const [rawData, setRawData] = useState(false);
  const [error, setError] = useState('');
  /** Export was pressed for publication while the status was Draft: said until either changes. */
  const [refusedDraft, setRefusedDraft] = useState(false);
  const [thresholdError, setThresholdError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState<Finished | null>(null);
  const [message, setMessage] = useState('');
  const { progress, run, cancel } = useOperation();
  const details = useDocumentDetails();
  const document = exportDocuments.find((entry) => entry.id === documentId) ?? exportDocuments[0]!;
  const phrase = document.pdfKind ? pdfDocuments[document.pdfKind].phrase : null;
  /** The status the export will carry: the form's, since Export saves the form first. */
  const draftStatus = phrase !== null && details.draft?.status === 'draft';
  const saveFirst = phrase !== null && details.unsaved;

  async function exportDocument() {
    setError('');
    setMessage('');
    setFinished(null);
    const level = Number(threshold);
    if (publication && (!/^\d+$/.test(threshold.trim()) || level < 2 || level > 100)) {
      setThresholdError('Give a whole number from 2 to 100.');
      return;
    }
    setThresholdError(undefined);
    setRefusedDraft(false);
    if (publication && draftStatus) {
      setRefusedDraft(true);
      return;
    }
    let savedDetails = false;
    if (saveFirst) {
      if (!(await details.save())) {
        setError('The document details have a problem, listed under Document details. Correct it, then export again.');
        return;
      }
      savedDetails = true;
    }
    const choices = {
      source: runId === null ? ({ kind: 'current' } as const) : ({ kind: 'run', runId } as const),
      publicationThreshold: publication ? level : null,
      rawData: document.offersRawData && rawData && !publication,
    };
    const result = await run({ stage: 'Choosing where to save', done: 0, total: null, unit: 'steps' }, (operationId) => document.run(choices, operationId));
    if (result.ok) {
      setFinished({ result: result.value, document });
      setMessage(`Saved ${result.value.fileName} (${formatBytes(result.value.bytes)}) from the ${result.value.source.charAt(0).toLowerCase()}${result.value.source.slice(1)}.`);
    } else if (isCancelled(result)) {
      setMessage(savedDetails ? 'The document details were saved. Nothing was exported.' : 'Nothing was saved.');
    } else {
      setError(result.error.message);
    }
  }

  async function reveal(action: 'show' | 'open') {
    if (!finished) return;
    const result = await workbench.export.reveal({ exportId: finished.result.exportId, action });
    if (!result.ok) setError(result.error.message);
  }

  const busy = progress !== null;
  return (
    <div className="export-screen">
      <section className="panel" aria-labelledby="export-choose-heading">
        <h2 id="export-choose-heading">What to export</h2>
        <fieldset className="field">
          <legend>Document</legend>
          {exportDocuments.map((entry) => (
            <div className="radio" key={entry.id}>
              <input
                type="radio"
                id={`export-document-${entry.id}`}
                name="export-document"
                checked={documentId === entry.id}
                onChange={() => setDocumentId(entry.id)}
                aria-describedby={`export-document-${entry.id}-hint`}
              />
              <label htmlFor={`export-document-${entry.id}`}>{entry.label}</label>
              <p className="hint radio-hint" id={`export-document-${entry.id}-hint`}>
                {entry.description}
              </p>
            </div>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>Scoring</legend>
          <div className="radio">
            <input type="radio" id="export-source-current" name="export-source" checked={runId === null} onChange={() => setRunId(null)} />
            <label htmlFor="export-source-current">Current scoring</label>
          </div>
          {runs.map((entry) => (
            <div className="radio" key={entry.id}>
              <input
                type="radio"
                id={`export-source-run-${entry.id}`}
                name="export-source"
                checked={runId === entry.id}
                onChange={() => setRunId(entry.id)}
              />
              <label htmlFor={`export-source-run-${entry.id}`}>
                Frozen run {entry.id}, “{entry.name}”, {formatDateTime(entry.createdAt)}
              </label>
            </div>
          ))}
          {runs.length === 0 ? <p className="hint">No run has been frozen yet: freeze one on the Matrix screen to export it.</p> : null}
        </fieldset>
        <div className="checkbox">
          <input
            id="export-publication"
            type="checkbox"
            checked={publication}
            onChange={(event) => setPublication(event.target.checked)}
            aria-describedby={draftStatus ? 'export-publication-hint export-publication-final' : 'export-publication-hint'}
          />
          <label htmlFor="export-publication">Publication mode: suppress small counts</label>
          <p className="hint" id="export-publication-hint">
            Counts below the threshold are shown as [c], with any figure that would reveal them. Zeros are shown.
            {phrase && !draftStatus ? ' The title page says “FINAL: for publication”.' : ''}
          </p>
          {draftStatus ? (
            <p className={`hint export-notice${publication ? ' export-notice-strong' : ''}`} id="export-publication-final" data-testid="publication-needs-final">
              For publication the {phrase} must be final, and its status is Draft. Set the status to Final under Document details once the board has agreed it.
            </p>
          ) : null}
        </div>
        {publication ? (
          <TextField
            id="export-threshold"
            label="Suppress counts below"
            hint="A whole number from 2 to 100. Official statistics commonly use 5."
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            error={thresholdError}
            inputMode="numeric"
            autoComplete="off"
          />
        ) : null}
        {document.offersRawData ? (
          <div className="checkbox">
            <input
              id="export-raw-data"
              type="checkbox"
              checked={rawData && !publication}
              disabled={publication}
              onChange={(event) => setRawData(event.target.checked)}
              aria-describedby="export-raw-data-hint"
            />
            <label htmlFor="export-raw-data">Add the raw data</label>
            <p className="hint" id="export-raw-data-hint">
              {publication
                ? 'Not in publication mode: the raw data lists individual records.'
                : 'A sheet with every imported row inside the partnership’s area, for partners who want them.'}
            </p>
          </div>
        ) : null}
      </section>
      {phrase ? <DocumentDetailsForm state={details} /> : null}
      <section className="panel" aria-labelledby="export-run-heading">
        <h2 id="export-run-heading">Export the {phrase ?? 'evidence workbook'}</h2>
        {saveFirst ? (
          <p className="hint export-notice" id="export-save-first" data-testid="export-save-first">
            The document details have changes that are not saved yet. Export saves them first, and the {phrase} uses them.
          </p>
        ) : null}
        {progress ? <ProgressBar event={progress} onCancel={cancel} /> : null}
        <div className="actions">
          <button type="button" className="button" onClick={exportDocument} disabled={busy} aria-describedby={saveFirst ? 'export-save-first' : undefined}>
            {saveFirst ? 'Save details and export…' : 'Export…'}
          </button>
        </div>
        {refusedDraft && publication && draftStatus ? (
          <p className="error-message" role="alert">
            The {phrase} is still a draft. Set its status to Final under Document details, once the board has agreed it, before exporting it for publication.
          </p>
        ) : null}
        {error ? (
          <p className="error-message" role="alert">
            {error}
          </p>
        ) : null}
        <p role="status" className="status-message" data-testid="export-status">
          {message}
        </p>
        {finished ? (
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => reveal('show')}>
              Show in folder
            </button>
            <button type="button" className="button button-secondary" onClick={() => reveal('open')}>
              Open
            </button>
          </div>
        ) : null}
        {finished?.result.pdf ? (
          <Suspense fallback={<p className="hint">Preparing a preview…</p>}>
            <PdfPreview pdf={finished.result.pdf} name={finished.document.label.replace(/ \(PDF\)$/, '')} />
          </Suspense>
        ) : null}
      </section>
      {phrase ? (
        <section className="panel" aria-labelledby="export-ranking-heading">
          <h2 id="export-ranking-heading">The ranking in the documents</h2>
          <RankingPreview runId={runId} />
        </section>
      ) : null}
    </div>
  );
}
