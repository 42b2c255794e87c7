import type { ExportResult } from './export-request';
import { z } from 'zod';

/** The two PDF documents: the Partnership Plan, and the board paper that asks to agree it. */
export const pdfDocumentKinds = ['plan', 'board-paper'] as const;
export const PdfDocumentKind = z.enum(pdfDocumentKinds);
export type PdfDocumentKind = z.infer<typeof PdfDocumentKind>;

/** As a label on its own. */
export const pdfDocumentNames: Record<PdfDocumentKind, string> = {
  plan: 'Partnership Plan',
  'board-paper': 'Board paper',
};

/** Inside a sentence: "Export the board paper". */
export const pdfDocumentPhrases: Record<PdfDocumentKind, string> = {
  plan: 'Partnership Plan',
  'board-paper': 'board paper',
};

export interface PdfExportResult extends ExportResult {
  pages: number;
  /** The file itself, for the preview of its first pages. */
  pdf: Uint8Array;
}
