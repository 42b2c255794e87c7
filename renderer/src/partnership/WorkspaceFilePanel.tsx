import { useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/domain/partnership';
import { isCancelled, workbench } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { useOperation } from '../components/useOperation';
import { formatBytes, formatCount } from '../../../shared/format';

interface WorkspaceFilePanelProps {
  workspace: WorkspaceSummary;
  onClosed(): void;
}

export function WorkspaceFilePanel({ workspace, onClosed }: WorkspaceFilePanelProps) {
  const [message, setMessage] = useState('');
  const { progress, run, cancel } = useOperation();

  async function backUp() {
    setMessage('');
    const result = await run({ stage: 'Choosing where to save the backup', done: 0, total: null, unit: 'steps' }, (operationId) =>
      workbench.workspace.backup({ operationId }),
    );
    if (result.ok) setMessage(`Backup saved as ${result.value.fileName} (${formatBytes(result.value.bytes)}).`);
    else if (!isCancelled(result)) setMessage(result.error.message);
  }

  async function close() {
    const result = await workbench.workspace.close();
    if (result.ok) onClosed();
    else setMessage(result.error.message);
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
        <ProgressBar event={progress} onCancel={cancel} />
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
