import { useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../shared/progress';
import type { WorkspaceSummary } from '../../../shared/domain/partnership';
import { isCancelled, newOperationId, workbench } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { formatBytes, formatCount } from '../format';

interface WorkspaceFilePanelProps {
  workspace: WorkspaceSummary;
  onClosed(): void;
}

export function WorkspaceFilePanel({ workspace, onClosed }: WorkspaceFilePanelProps) {
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [message, setMessage] = useState('');
  const operation = useRef<string | null>(null);

  useEffect(
    () =>
      workbench.onProgress((event) => {
        if (event.operationId === operation.current) setProgress(event);
      }),
    [],
  );

  async function backUp() {
    const operationId = newOperationId();
    operation.current = operationId;
    setMessage('');
    setProgress({ operationId, stage: 'Choosing where to save the backup', done: 0, total: null, unit: 'steps' });
    const result = await workbench.workspace.backup({ operationId });
    operation.current = null;
    setProgress(null);
    if (result.ok) setMessage(`Backup saved as ${result.value.fileName} (${formatBytes(result.value.bytes)}).`);
    else if (!isCancelled(result)) setMessage(result.error.message);
  }

  async function close() {
    const result = await workbench.workspace.close();
    if (result.ok) onClosed();
  }

  return (
    <section className="panel" aria-labelledby="file-heading">
      <h2 id="file-heading">Workspace file</h2>
      <dl className="summary-list">
        <div>
          <dt>File</dt>
          <dd>{workspace.fileName}</dd>
        </div>
        <div>
          <dt>Datasets</dt>
          <dd>{formatCount(workspace.datasets)}</dd>
        </div>
        <div>
          <dt>Workspace format</dt>
          <dd>{workspace.schemaVersion}</dd>
        </div>
      </dl>
      {progress ? (
        <ProgressBar
          event={progress}
          onCancel={() => void workbench.operation.cancel({ operationId: progress.operationId })}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={backUp} disabled={progress !== null}>
          Back up…
        </button>
        <button type="button" className="button button-secondary" onClick={close} disabled={progress !== null}>
          Close workspace
        </button>
      </div>
      <p role="status" className="status-message">
        {message}
      </p>
    </section>
  );
}
