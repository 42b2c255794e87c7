import type { SourceTable } from '../readers/source-types';
import type { ReaderLimits } from '../readers/reader-limits';
import type { RecordBatch } from './record-batch';

/** What the reading thread is started with. */
export interface SourceWorkerData {
  path: string;
  sheet: string | null;
  /** Read every sheet of a workbook, each with its own head batch. */
  allSheets: boolean;
  limits?: Partial<ReaderLimits>;
  /** Rows in the first batch: enough to find the header. The reader then waits for the plan. */
  headRows: number;
  rowsPerBatch: number;
}

/** Reading thread → writing thread. */
export type FromSourceWorker =
  | { type: 'opened'; kind: SourceTable['kind']; details: SourceTable['details']; bytesTotal: number }
  | { type: 'batch'; batch: RecordBatch }
  | { type: 'done'; sha256: string; bytesRead: number }
  /** code is set for a message written for the analyst (a WorkbenchError). */
  | { type: 'failed'; code: string | null; message: string }
  /** The file is released; the thread waits for the next file to read. */
  | { type: 'ready' };

/** Writing thread → reading thread. */
export type ToSourceWorker =
  /** The file to read. A thread reads one file at a time, and may be given another after it. */
  | { type: 'start'; data: SourceWorkerData }
  /** A file of this kind is coming: load what reading it needs (exceljs, for a workbook) now. */
  | { type: 'prepare'; kind: SourceTable['kind'] }
  /**
   * After a head batch: the columns to send of its sheet from now on (null: all), how many
   * more batches may be sent ahead, and whether to pass over the rest of the sheet instead.
   */
  | { type: 'plan'; columns: number[] | null; identifierColumn: number | null; credits: number; skipSheet: boolean }
  /** More batches may be sent: the writer has taken that many. */
  | { type: 'credit'; count: number }
  /** The buffers of a batch the writer has read, moved back to be written into again. */
  | { type: 'buffers'; buffers: ArrayBuffer[] }
  /** Stop reading and release the file. */
  | { type: 'stop' };

export interface SourceWorkerPort {
  postMessage(message: FromSourceWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: ToSourceWorker) => void): void;
  off(event: 'message', listener: (message: ToSourceWorker) => void): void;
}
