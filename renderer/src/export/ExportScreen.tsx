import { lazy, Suspense, useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/domain/analysis';
import type { ExportResult } from '../../../shared/export/export-request';
import { defaultSuppressionThreshold } from '../../../shared/export/suppression';
import { isCancelled, workbench } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { TextField } from '../components/TextField';
import { useOperation } from '../components/useOperation';
import { formatBytes } from '../format';
import { DocumentDetailsForm } from './DocumentDetailsForm';
import { RankingPreview } from './RankingPreview';
import { exportDocuments, type ExportDocument } from './export-documents';

// pdf.js is large: it loads, from the app's own files, only when there is a PDF to preview.
const PdfPreview = lazy(() => import('./PdfPreview').then((module) => ({ default: module.PdfPreview })));

const runTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

interface Finished {
  result: ExportResult & { pdf?: Uint8Array };
  document: ExportDocument;
}

/** Choose a document, its source and publication mode; save it where the analyst says; open it. */
export function ExportScreen() {
  const [documentId, setDocumentId] = useState(exportDocuments[0]!.id);
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [runId, setRunId] = useState<number | null>(null);
  const [publication, setPublication] = useState(false);
  const [threshold, setThreshold] = useState(String(defaultSuppressionThreshold));
  const [rawData, setRawData] = useState(false);
  const [error, setError] = useState('');
  const [thresholdError, setThresholdError] = useState<string | undefined>(undefined);
  const [finished, setFinished] = useState<Finished | null>(null);
  const [message, setMessage] = useState('');
  const { progress, run, cancel } = useOperation();
  const document = exportDocuments.find((entry) => entry.id === documentId) ?? exportDocuments[0]!;

  useEffect(() => {
    void workbench.run.list().then((result) => {
      if (result.ok) setRuns(result.value);
    });
  }, []);

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
      setMessage('Nothing was saved.');
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
                Frozen run {entry.id}, “{entry.name}”, {runTime.format(new Date(entry.createdAt))}
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
            aria-describedby="export-publication-hint"
          />
          <label htmlFor="export-publication">Publication mode: suppress small counts</label>
          <p className="hint" id="export-publication-hint">
            Counts below the threshold are shown as [c], with any figure that would reveal them. Zeros are shown.
          </p>
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
        {progress ? <ProgressBar event={progress} onCancel={cancel} /> : null}
        <div className="actions">
          <button type="button" className="button" onClick={exportDocument} disabled={busy}>
            Export…
          </button>
        </div>
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
      {document.id !== 'workbook' ? (
        <section className="panel" aria-labelledby="export-ranking-heading">
          <h2 id="export-ranking-heading">The ranking in the documents</h2>
          <RankingPreview runId={runId} />
        </section>
      ) : null}
      <DocumentDetailsForm />
    </div>
  );
}
