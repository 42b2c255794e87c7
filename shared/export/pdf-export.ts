import type { ExportResult } from './export-request';
import { z } from 'zod';

/** The two PDF documents: the Partnership Plan, and the board paper that asks to agree it. */
export const pdfDocumentKinds = ['plan', 'board-paper'] as const;
export const PdfDocumentKind = z.enum(pdfDocumentKinds);
export type PdfDocumentKind = z.infer<typeof PdfDocumentKind>;

export interface PdfDocumentFacts {
  /** As a label on its own: "Board paper". */
  name: string;
  /** Inside a sentence: "Export the board paper". */
  phrase: string;
  /** The file name the save dialog suggests. */
  fileName: string;
}

/**
 * Every PDF document, in one exhaustive table: a new kind does not compile until each place
 * that names, saves or lays out a document knows it.
 */
export const pdfDocuments: Record<PdfDocumentKind, PdfDocumentFacts> = {
  plan: { name: 'Partnership Plan', phrase: 'Partnership Plan', fileName: 'Partnership Plan.pdf' },
  'board-paper': { name: 'Board paper', phrase: 'board paper', fileName: 'Board paper.pdf' },
};

export interface PdfExportResult extends ExportResult {
  pages: number;
  /** The file itself, for the preview of its first pages. */
  pdf: Uint8Array;
}
