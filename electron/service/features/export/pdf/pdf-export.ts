import { writeFileSync } from 'node:fs';
import { publicationNeedsFinalMessage, type DocumentDetails } from '../../../../../shared/domain/document-details';
import type { ExportModel } from '../../../../../shared/export/export-model';
import { pdfDocuments, type PdfDocumentKind } from '../../../../../shared/export/pdf-export';
import { compareRuns } from '../../../../../shared/matrix';
import { WorkbenchError } from '../../../../../shared/result';
import { listRuns, readRun } from '../../run/run-store';
import { throwIfCancelled } from '../../../operation-context';
import type { WorkspaceDatabase } from '../../../workspace-file';
import { readDocumentDetails } from '../../document/document-store';
import { runExport, type ExportOutcome, type ExportRequest } from '../export-job';
import { renderBoardPaper } from './board-paper-pdf';
import { publishedModel } from '../../../../../shared/export/publication-view';
import type { DocumentInputs, EarlierComparison } from './document-content';
import { renderPartnershipPlan } from './partnership-plan-pdf';

export interface PdfExportOptions {
  kind: PdfDocumentKind;
  /** Publication mode's threshold, or null to show every count. */
  publication: { threshold: number } | null;
}

export interface PdfExportOutcome extends ExportOutcome {
  pages: number;
  pdf: Buffer;
}

/**
 * The latest frozen run whose assessment period ended before this one began: last year's
 * assessment, for the board paper's "what moved, and why". None when there is no such run.
 */
export function earlierComparison(snapshot: WorkspaceDatabase, model: ExportModel): EarlierComparison | null {
  const earlier = listRuns(snapshot)
    .filter((run) => run.periods.current.to < model.periods.current.from && run.id !== model.source.runId)
    .sort((a, b) => a.periods.current.to.localeCompare(b.periods.current.to) || a.id - b.id)
    .at(-1);
  if (!earlier) return null;
  const before = readRun(snapshot, earlier.id);
  return {
    ...compareRuns(
      { definition: before.run.definition, ranking: before.run.ranking },
      { definition: model.matrix.definition, ranking: model.matrix.ranking },
    ),
    before: earlier,
  };
}

interface PdfLayout {
  render: (inputs: DocumentInputs, identity: string) => Promise<Buffer>;
  /** Whether the document compares this scoring with an earlier year's frozen run. */
  comparesEarlierRun: boolean;
}

/** How each document is laid out: exhaustive, so a new kind cannot fall through to another's layout. */
const pdfLayouts: Record<PdfDocumentKind, PdfLayout> = {
  plan: { render: renderPartnershipPlan, comparesEarlierRun: false },
  'board-paper': { render: renderBoardPaper, comparesEarlierRun: true },
};

/** Renders one document from everything it is made from; the same inputs give the same bytes. */
export function renderPdfDocument(kind: PdfDocumentKind, inputs: DocumentInputs): Promise<Buffer> {
  const identity = JSON.stringify({ kind, ...inputs });
  return pdfLayouts[kind].render(inputs, identity);
}

export function countPages(pdf: Buffer): number {
  // Each page object carries "/Type /Page" (the page tree says "/Type /Pages").
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** A document for publication must be final: refused before anything is written. */
export function refuseDraftForPublication(kind: PdfDocumentKind, details: Pick<DocumentDetails, 'status'>, options: Pick<PdfExportOptions, 'publication'>): void {
  if (options.publication && details.status !== 'final') {
    throw new WorkbenchError('invalid-input', publicationNeedsFinalMessage(pdfDocuments[kind].phrase));
  }
}

/**
 * Writes the Partnership Plan or the board paper through the shared export pipeline. A draft is
 * refused for publication before any work, and again as read in the export's own snapshot (the
 * status the file would print), before any temporary file exists: the workspace and a file
 * already at the destination are left as they were.
 */
export async function exportPdf(request: ExportRequest, options: PdfExportOptions): Promise<PdfExportOutcome> {
  refuseDraftForPublication(options.kind, readDocumentDetails(request.workspace).details, options);
  let pdf: Buffer = Buffer.alloc(0);
  return runExport(request, async ({ model, snapshot, path, context }) => {
    const details = readDocumentDetails(snapshot).details;
    refuseDraftForPublication(options.kind, details, options);
    const stage = `Laying out the ${pdfDocuments[options.kind].phrase}`;
    context.progress({ stage, done: 1, total: 3, unit: 'steps' });
    const inputs: DocumentInputs = {
      // For publication, the ranking as the published workbook shows it: no tie decided by a hidden count.
      model: options.publication ? publishedModel(model, options.publication.threshold).model : model,
      details,
      publication: options.publication,
      earlier: pdfLayouts[options.kind].comparesEarlierRun ? earlierComparison(snapshot, model) : null,
    };
    pdf = await renderPdfDocument(options.kind, inputs);
    throwIfCancelled(context);
    context.progress({ stage: 'Writing the file', done: 2, total: 3, unit: 'steps' });
    writeFileSync(path, pdf);
    context.progress({ stage: 'Writing the file', done: 3, total: 3, unit: 'steps' });
  }).then((outcome) => ({ ...outcome, pages: countPages(pdf), pdf }));
}
