import './export-documents.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { RunSummary } from '../../../shared/domain/analysis';
import type { ExportSource } from '../../../shared/export/export-model';
import { pdfDocumentKinds, pdfDocumentNames, pdfDocumentPhrases, type PdfDocumentKind, type PdfExportResult } from '../../../shared/export/pdf-export';
import { defaultSuppressionThreshold } from '../../../shared/export/suppression';
import { isCancelled, workbench } from '../api';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { ProgressBar } from '../components/ProgressBar';
import { useOperation } from '../components/useOperation';
import { formatBytes } from '../format';

// pdf.js is large: it loads, from the app's own files, only when there is a file to preview.
const PdfPreview = lazy(() => import('./PdfPreview').then((module) => ({ default: module.PdfPreview })));

const descriptions: Record<PdfDocumentKind, string> = {
  plan: 'The partnership’s aim and duties, its members, how the priorities were chosen with the ranking chart, each priority, and the method and data quality as appendices.',
  'board-paper': 'Purpose, recommendations, background, the assessment in summary with what moved since last year’s frozen run, the proposed priorities, and risks and implications.',
};

/**
 * Exports the Partnership Plan or the board paper as an accessible PDF: from the current
 * scoring or a frozen run, for the board or for publication (small counts suppressed), with a
 * native save dialog, progress and Cancel, then a preview of its first pages, Open and Show in folder.
 */
export function PdfExportPanel() {
  const [kind, setKind] = useState<PdfDocumentKind>('plan');
  const [runs, setRuns] = useState<RunSummary[]>([]);
  const [source, setSource] = useState('current');
  const [publication, setPublication] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<(PdfExportResult & { kind: PdfDocumentKind }) | null>(null);
  const { progress, run, cancel } = useOperation();

  useEffect(() => {
    void workbench.run.list().then((result) => {
      if (result.ok) setRuns(result.value);
    });
  }, []);

  async function exportDocument() {
    setErrors([]);
    setDone(null);
    const chosen: ExportSource = source === 'current' ? { kind: 'current' } : { kind: 'run', runId: Number(source) };
    const result = await run({ stage: `Exporting the ${pdfDocumentPhrases[kind]}`, done: 0, total: 3, unit: 'steps' }, (operationId) =>
      workbench.export.pdf({ operationId, kind, source: chosen, publication, threshold: defaultSuppressionThreshold }),
    );
    if (isCancelled(result)) return;
    if (!result.ok) {
      setErrors([{ fieldId: null, message: result.error.message }]);
      return;
    }
    setDone({ ...result.value, kind });
  }

  async function reveal(action: 'show' | 'open') {
    if (!done) return;
    const result = await workbench.export.reveal({ exportId: done.exportId, action });
    if (!result.ok) setErrors([{ fieldId: null, message: result.error.message }]);
  }

  return (
    <section className="panel pdf-export" aria-labelledby="pdf-export-heading">
      <h2 id="pdf-export-heading">Partnership Plan and board paper (PDF)</h2>
      <p className="hint">Tagged, accessible PDFs with the protective marking on every page, bookmarks, and the ranking chart with its description.</p>
      <ErrorSummary errors={errors} />
      <fieldset className="field radios">
        <legend>Document</legend>
        {pdfDocumentKinds.map((value) => (
          <div className="radio" key={value}>
            <input type="radio" id={`pdf-kind-${value}`} name="pdf-kind" value={value} checked={kind === value} onChange={() => setKind(value)} aria-describedby={`pdf-kind-${value}-hint`} />
            <label htmlFor={`pdf-kind-${value}`}>{pdfDocumentNames[value]}</label>
            <p className="hint radio-hint" id={`pdf-kind-${value}-hint`}>
              {descriptions[value]}
            </p>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="pdf-source">Scoring</label>
        <select id="pdf-source" value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="current">Current scoring</option>
          {runs.map((entry) => (
            <option key={entry.id} value={String(entry.id)}>
              Frozen run {entry.id}: {entry.name}
            </option>
          ))}
        </select>
      </div>
      <div className="checkbox field">
        <input type="checkbox" id="pdf-publication" checked={publication} onChange={(event) => setPublication(event.target.checked)} aria-describedby="pdf-publication-hint" />
        <label htmlFor="pdf-publication">For publication: suppress small counts</label>
        <p className="hint" id="pdf-publication-hint">
          Counts from 1 to {defaultSuppressionThreshold - 1} are shown as [c], with further cells hidden where a total or a change would give them away.
        </p>
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => void exportDocument()} disabled={progress !== null}>
          Export the {pdfDocumentPhrases[kind]}
        </button>
      </div>
      {progress ? <ProgressBar event={progress} onCancel={cancel} /> : null}
      {done ? (
        <div className="pdf-export-done" data-testid="pdf-export-done">
          <p role="status" className="status-message">
            Saved {done.fileName}: {done.pages} pages, {formatBytes(done.bytes)}, from the {done.source.charAt(0).toLowerCase()}
            {done.source.slice(1)}.
          </p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void reveal('open')}>
              Open
            </button>
            <button type="button" className="button button-secondary" onClick={() => void reveal('show')}>
              Show in folder
            </button>
          </div>
          <Suspense fallback={<p className="hint">Preparing a preview…</p>}>
            <PdfPreview pdf={done.pdf} name={pdfDocumentNames[done.kind]} />
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
