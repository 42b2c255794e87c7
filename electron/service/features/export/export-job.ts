import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ExportModel, ExportSource } from '../../../../shared/export/export-model';
import { throwIfCancelled, type OperationContext } from '../../operation-context';
import type { WorkspaceDatabase } from '../../workspace-file';
import { writeAtomically } from './export-file';
import { gatherExportModel } from './export-model';
import { openSqlite } from '../../sqlite-binding';

/** What a document renderer is handed: the model, the snapshot to stream from, and where to write. */
export interface ExportTarget {
  model: ExportModel;
  /**
   * A read-only connection inside the same read transaction the model was read in: a renderer
   * that streams rows (the raw-data sheet) reads them from the same state as everything else.
   */
  snapshot: WorkspaceDatabase;
  /** The temporary file to write; the pipeline renames it into place. */
  path: string;
  context: OperationContext;
}

export interface ExportRequest {
  /** The open workspace; the export reads it through its own read-only connection. */
  workspace: WorkspaceDatabase;
  destination: string;
  source: ExportSource;
  now: Date;
  context: OperationContext;
}

export interface ExportOutcome {
  fileName: string;
  bytes: number;
  /** What the file says it was made from: "Current scoring" or the frozen run. */
  source: string;
}

/**
 * One read transaction on a connection of its own. In WAL mode a reader keeps the snapshot it
 * began with for as long as its transaction lasts, while the workspace's own connection goes
 * on writing: edits made during a long export (a weight changed while a million raw rows are
 * written) cannot mix two states into one file. The workspace's connection is not used, so a
 * write arriving meanwhile can neither join nor be blocked by the export's transaction.
 */
export async function withReadSnapshot<T>(workspace: WorkspaceDatabase, read: (snapshot: WorkspaceDatabase) => Promise<T>): Promise<T> {
  const snapshot = openSqlite(workspace.name, { readonly: true, fileMustExist: true });
  try {
    snapshot.pragma('busy_timeout = 5000');
    snapshot.exec('BEGIN');
    try {
      return await read(snapshot);
    } finally {
      if (snapshot.inTransaction) snapshot.exec('COMMIT');
    }
  } finally {
    snapshot.close();
  }
}

/**
 * The export pipeline every document shares: snapshot, model, render to a temporary file,
 * rename into place. `render` reports its own progress and checks for cancel between chunks.
 */
export async function runExport(request: ExportRequest, render: (target: ExportTarget) => Promise<void>): Promise<ExportOutcome> {
  const { context, destination } = request;
  throwIfCancelled(context);
  return writeAtomically(destination, (path) =>
    withReadSnapshot(request.workspace, async (snapshot) => {
      context.progress({ stage: 'Reading the workspace', done: 0, total: null, unit: 'steps' });
      const model = gatherExportModel(snapshot, request.source, request.now);
      throwIfCancelled(context);
      await render({ model, snapshot, path, context });
      throwIfCancelled(context);
      return { fileName: basename(destination), bytes: statSync(path).size, source: model.source.description };
    }),
  );
}
