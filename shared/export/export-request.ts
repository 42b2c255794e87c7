import { z } from 'zod';
import { defaultSuppressionThreshold } from './suppression';
import { ExportSource } from './export-model';
import { OperationId } from '../operation-id';


/** Publication mode's threshold: counts below it are suppressed. */
export const SuppressionThreshold = z
  .number()
  .int('The threshold is a whole number.')
  .min(2, 'The threshold is at least 2: a threshold of 1 suppresses nothing.')
  .max(100, 'The threshold is at most 100.');

export const WorkbookExportInput = z.strictObject({
  operationId: OperationId,
  source: ExportSource.default({ kind: 'current' }),
  publication: z.boolean().default(false),
  threshold: SuppressionThreshold.default(defaultSuppressionThreshold),
  rawData: z.boolean().default(false),
});
export type WorkbookExportInput = z.input<typeof WorkbookExportInput>;

/** What an export reports; the file's path stays in main, which knows it by the export id. */
export interface ExportResult {
  /** The operation id the export ran under: "Show in folder" and "Open" refer to it. */
  exportId: string;
  fileName: string;
  bytes: number;
  /** "Current scoring" or the frozen run the file was made from. */
  source: string;
}

/** "Show in folder" or "Open" for a file exported in this session. */
export const ExportReveal = z.strictObject({ exportId: OperationId, action: z.enum(['show', 'open']) });
export type ExportReveal = z.infer<typeof ExportReveal>;
