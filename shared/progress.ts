/**
 * Long operations (backup today, imports and exports later) stream these events so that the
 * UI can draw a progress bar with a Cancel button. The caller chooses the operation id, so it
 * can cancel before the first event arrives.
 */
export interface ProgressEvent {
  operationId: string;
  /** What is happening, in words for the analyst: "Copying the workspace". */
  stage: string;
  done: number;
  /** Null when the size of the work is not known yet. */
  total: number | null;
  unit: 'rows' | 'bytes' | 'pages' | 'steps';
  /** Rows read so far, where the work is measured in bytes of a file. */
  rows?: number;
  /** Time since the operation started, so the UI can estimate the time left. */
  elapsedMs?: number;
}

export type ProgressListener = (event: ProgressEvent) => void;
