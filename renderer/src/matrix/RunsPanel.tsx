import { useEffect, useRef, useState } from 'react';
import type { MatrixState, NamedRunComparison, RunSummary, StoredRun } from '../../../shared/domain/analysis';
import type { Result } from '../../../shared/result';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';
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
  // Loaded again once a run is frozen (data-access/invalidations.ts).
  const runs = useQuery(['runs'], () => workbench.run.list());
  const [shown, setShown] = useState<StoredRun | null>(null);
  const [comparison, setComparison] = useState<NamedRunComparison | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const runHeading = useRef<HTMLHeadingElement>(null);
  const comparisonHeading = useRef<HTMLHeadingElement>(null);
  const list = runs.data ?? null;
  // A list that cannot be read: at first, or again after a freeze, when the run itself was kept.
  const listProblem = runs.error === null ? '' : list === null ? runs.error : `The run was frozen, but the list of runs could not be read: ${runs.error}`;

  // Once a run or a comparison is on screen, focus moves to its heading, so it is read out.
  useEffect(() => {
    if (shown) runHeading.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (comparison) comparisonHeading.current?.focus();
  }, [comparison]);

  async function freeze(name: string): Promise<Result<RunSummary>> {
    await flush();
    const frozen = await workbench.run.freeze({ name, template: state.template });
    if (frozen.ok) setStatus(`Frozen “${frozen.value.name}”: ${frozen.value.offences} offence types, top four ${frozen.value.top.join(', ')}.`);
    return frozen;
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
      {problem || listProblem ? (
        <p className="error-message" role="alert">
          {problem || listProblem}
        </p>
      ) : null}
      <div className="subpanel">
        <h3>Runs in this workspace</h3>
        {list === null ? <p role="status">Loading the frozen runs…</p> : <RunList runs={list} shown={shown?.id ?? null} onShow={(id) => void show(id)} />}
      </div>
      {shown ? <FrozenRunView run={shown} headingRef={runHeading} /> : null}
      {list && list.length >= 2 ? <CompareRunsForm key={list.length} runs={list} onCompare={(before, after) => void compare(before, after)} /> : null}
      {comparison ? <RunComparisonView comparison={comparison} headingRef={comparisonHeading} /> : null}
    </section>
  );
}
