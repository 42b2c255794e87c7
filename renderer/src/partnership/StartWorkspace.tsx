import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { PartnershipName, type ProtectiveMarking, type WorkspaceSummary } from '../../../shared/domain/partnership';
import type { Result } from '../../../shared/result';
import { isCancelled, workbench } from '../api';
import { ProgressBar } from '../components/ProgressBar';
import { useOperation } from '../components/useOperation';
import { ErrorSummary } from '../components/ErrorSummary';
import { MarkingChoice } from '../components/MarkingChoice';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';

const fieldIds = { name: 'new-name', area: 'new-area' };
const NewWorkspaceForm = z.object({ name: PartnershipName, area: z.string().trim().max(200) });

export function StartWorkspace({ onOpened }: { onOpened(workspace: WorkspaceSummary): void }) {
  const [name, setName] = useState('');
  const [area, setArea] = useState('');
  const [marking, setMarking] = useState<ProtectiveMarking>('OFFICIAL');
  const form = useSchemaForm();
  const [busy, setBusy] = useState(false);
  const { progress, run, cancel } = useOperation();

  /** Opens what the dialog chose; a refusal is listed in the summary, a cancelled dialog is not. */
  function opened(result: Result<WorkspaceSummary>) {
    if (result.ok) onOpened(result.value);
    else if (!isCancelled(result)) form.setErrors([{ fieldId: null, message: result.error.message }]);
  }

  async function buildDemo() {
    setBusy(true);
    const result = await run({ stage: 'Choosing where to save the demo', done: 0, total: null, unit: 'steps' }, (operationId) =>
      workbench.workspace.demo({ operationId }),
    );
    setBusy(false);
    opened(result);
  }

  function create(event: FormEvent) {
    event.preventDefault();
    void form.submit({
      schema: NewWorkspaceForm,
      values: { name, area },
      fieldIds,
      call: (details) => workbench.workspace.create({ name: details.name, area: details.area || null, marking }),
      done: onOpened,
    });
  }

  async function open() {
    setBusy(true);
    const result = await workbench.workspace.open();
    setBusy(false);
    opened(result);
  }

  return (
    <div className="stack">
      <ErrorSummary errors={form.errors} />
      <div className="start-grid">
        <section className="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">Create a workspace</h2>
          <p>A workspace is one file holding one assessment for one partnership. You choose where to save it.</p>
          <form onSubmit={create} noValidate>
            <TextField
              id={fieldIds.name}
              label="Partnership name"
              hint="For example, Safer Colchester Partnership"
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={form.errorFor(fieldIds.name)}
              autoComplete="off"
            />
            <TextField
              id={fieldIds.area}
              label="Area (optional)"
              hint="The local authority area the partnership covers, for example Colchester"
              value={area}
              onChange={(event) => setArea(event.target.value)}
              error={form.errorFor(fieldIds.area)}
              autoComplete="off"
            />
            <MarkingChoice name="new-marking" value={marking} onChange={setMarking} />
            <button type="submit" className="button" disabled={busy || form.busy}>
              Create workspace
            </button>
          </form>
        </section>
        <section className="panel" aria-labelledby="open-heading">
          <h2 id="open-heading">Open a workspace</h2>
          <p>Carry on with an assessment saved earlier, or one a colleague has sent you.</p>
          <button type="button" className="button button-secondary" onClick={open} disabled={busy || form.busy}>
            Open a workspace…
          </button>
          <h2 id="demo-heading" className="section-break">
            Try the demo
          </h2>
          <p>
            A complete example from real open data: the Safer Colchester Partnership, the Essex ONS series 2015–2024 and
            Colchester’s police.uk crimes for January 2018.
          </p>
          {progress ? (
            <ProgressBar event={progress} onCancel={cancel} />
          ) : (
            <button type="button" className="button button-secondary" onClick={buildDemo} disabled={busy || form.busy}>
              Build the demo workspace…
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
