import { useEffect, useRef, useState } from 'react';
import type { MatrixState, NamedRunComparison, RunSummary, StoredRun } from '../../../shared/domain/analysis';
import { workbench } from '../api';
import { CompareRunsForm } from './CompareRunsForm';
import { FreezeRunForm } from './FreezeRunForm';
import { FrozenRunView } from './FrozenRunView';
import { RunComparisonView } from './RunComparisonView';
import { RunList } from './RunList';

interface RunsPanelProps {
  state: MatrixState;
  /** Stores every edit still on its way, so the run freezes what the screen shows. */
  flush(): Promise<void>;
}

/** Frozen runs: freeze the scoring, list the runs, show one as frozen, and compare two. */
export function RunsPanel({ state, flush }: RunsPanelProps) {
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [shown, setShown] = useState<StoredRun | null>(null);
  const [comparison, setComparison] = useState<NamedRunComparison | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const runHeading = useRef<HTMLHeadingElement>(null);
  const comparisonHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void workbench.run.list().then((result) => {
      if (result.ok) setRuns(result.value);
      else setProblem(result.error.message);
    });
  }, []);

  // Once a run or a comparison is on screen, focus moves to its heading, so it is read out.
  useEffect(() => {
    if (shown) runHeading.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (comparison) comparisonHeading.current?.focus();
  }, [comparison]);

  async function freeze(name: string): Promise<string | null> {
    await flush();
    const frozen = await workbench.run.freeze({ name, template: state.template });
    if (!frozen.ok) return frozen.error.message;
    const list = await workbench.run.list();
    if (list.ok) setRuns(list.value);
    else setProblem(`The run was frozen, but the list of runs could not be read: ${list.error.message}`);
    setStatus(`Frozen “${frozen.value.name}”: ${frozen.value.offences} offence types, top four ${frozen.value.top.join(', ')}.`);
    return null;
  }

  async function show(id: number) {
    const result = await workbench.run.show({ id });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem('');
    setShown(result.value);
  }

  async function compare(before: number, after: number) {
    const result = await workbench.run.compare({ before, after });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    setProblem('');
    setComparison(result.value);
  }

  return (
    <section className="panel" aria-labelledby="matrix-runs-heading">
      <h2 id="matrix-runs-heading">Frozen runs</h2>
      <FreezeRunForm onFreeze={freeze} />
      <p role="status" className="status-message" data-testid="run-status">
        {status}
      </p>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="subpanel">
        <h3>Runs in this workspace</h3>
        {runs === null ? <p role="status">Loading the frozen runs…</p> : <RunList runs={runs} shown={shown?.id ?? null} onShow={(id) => void show(id)} />}
      </div>
      {shown ? <FrozenRunView run={shown} headingRef={runHeading} /> : null}
      {runs && runs.length >= 2 ? <CompareRunsForm key={runs.length} runs={runs} onCompare={(before, after) => void compare(before, after)} /> : null}
      {comparison ? <RunComparisonView comparison={comparison} headingRef={comparisonHeading} /> : null}
    </section>
  );
}
