import type { ExportSource } from '../../../shared/export/export-model';
import type { ExportResult } from '../../../shared/export/export-request';
import type { Result } from '../../../shared/result';
import { pdfDocumentKinds, pdfDocuments, type PdfDocumentKind, type PdfExportResult } from '../../../shared/export/pdf-export';
import { workbench } from '../api';

/** What the analyst chose on the Export screen, for any document. */
export interface ExportChoices {
  source: ExportSource;
  /** Publication mode's threshold, or null for the full figures. */
  publicationThreshold: number | null;
  rawData: boolean;
}

/**
 * The documents the Export screen offers. Each runs through the one export pipeline in the
 * service; a new document is one more entry here and one more 'export/…' operation.
 */
export interface ExportDocument {
  id: string;
  label: string;
  description: string;
  /** Offers the raw-data option (the in-area imported rows as a sheet). */
  offersRawData: boolean;
  /** Which PDF document this is (it carries the document details), or null for the workbook. */
  pdfKind: PdfDocumentKind | null;
  /** A PDF's result also carries the file itself, for the preview of its first pages. */
  run(choices: ExportChoices, operationId: string): Promise<Result<ExportResult | PdfExportResult>>;
}

const pdfDocumentDescriptions: Record<PdfDocumentKind, string> = {
  plan: 'The plan the board and the public read: the partnership\u2019s aim and duties, its members, how the priorities were chosen with the ranking chart, each priority, and the method and data quality as appendices. Tagged and accessible.',
  'board-paper':
    'The paper that asks the board to agree the priorities: purpose, recommendations, background, the assessment with what moved since an earlier year\u2019s frozen run, the proposed priorities, and risks and implications.',
};

export const exportDocuments: readonly ExportDocument[] = [
  {
    id: 'workbook',
    label: 'Evidence workbook (Excel)',
    description:
      'Every sheet of the assessment: partnership, datasets and their quality, offence statistics, the matrix as live formulas, the ranking, sensitivity and priorities.',
    offersRawData: true,
    pdfKind: null,
    run: (choices, operationId) =>
      workbench.export.workbook({
        operationId,
        source: choices.source,
        publication: choices.publicationThreshold !== null,
        ...(choices.publicationThreshold !== null ? { threshold: choices.publicationThreshold } : {}),
        rawData: choices.rawData,
      }),
  },
  ...pdfDocumentKinds.map(
    (kind): ExportDocument => ({
      id: kind,
      label: `${pdfDocuments[kind].name} (PDF)`,
      description: pdfDocumentDescriptions[kind],
      offersRawData: false,
      pdfKind: kind,
      run: (choices, operationId) =>
        workbench.export.pdf({
          operationId,
          kind,
          source: choices.source,
          publication: choices.publicationThreshold !== null,
          ...(choices.publicationThreshold !== null ? { threshold: choices.publicationThreshold } : {}),
        }),
    }),
  ),
];
