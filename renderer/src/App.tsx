import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkspaceSummary } from '../../shared/domain/partnership';
import { workbench } from './api';
import { useQuery } from './data-access/useQuery';
import { AppAlert, type AppProblem } from './components/AppAlert';
import { MarkingBanner } from './components/MarkingBanner';
import { WorkflowNav } from './components/WorkflowNav';
import { screens, type ScreenId } from './screens/screens';
import { PartnershipScreen } from './screens/PartnershipScreen';
import { UpcomingScreen } from './screens/UpcomingScreen';
import { DataScreen } from './data/DataScreen';
import { AnalysisScreen } from './analysis/AnalysisScreen';
import { MatrixScreen } from './matrix/MatrixScreen';
import { PrioritiesScreen } from './priorities/PrioritiesScreen';
import { ExportScreen } from './export/ExportScreen';

export function App() {
  const [problem, setProblem] = useState<AppProblem | null>(null);
  // Loaded again after any operation that changes the summary: a dataset imported or removed, the
  // partnership renamed or marked differently (data-access/invalidations.ts).
  const summary = useQuery(['workspace'], () => workbench.workspace.show(), {
    onError: (message) => setProblem({ title: 'The workspace could not be read', message }),
  });
  const workspace = summary.data ?? null;
  const loaded = summary.status !== 'loading';
  const [screen, setScreen] = useState<ScreenId>('partnership');
  // Bumped whenever a different workspace is opened or closed, to remount its screens.
  const [generation, setGeneration] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const setWorkspace = summary.set;

  // The service process stopped: say so, and show the workspace as the restarted service has it.
  useEffect(
    () =>
      workbench.onServiceStatus((status) => {
        setProblem({ title: status.state === 'restarted' ? 'The workbench recovered from a problem' : 'The workbench has stopped working', message: status.message });
        if (status.state !== 'restarted') return;
        void workbench.workspace.show().then((result) => {
          setWorkspace(result.ok ? result.value : null);
          setGeneration((value) => value + 1);
        });
      }),
    [setWorkspace],
  );

  const switchWorkspace = useCallback(
    (next: WorkspaceSummary | null) => {
      setWorkspace(next);
      setGeneration((value) => value + 1);
    },
    [setWorkspace],
  );

  const goTo = useCallback((next: ScreenId) => {
    setScreen(next);
    // Moving focus to the new heading tells screen-reader users the page changed.
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  const current = screens.find((entry) => entry.id === screen) ?? screens[0]!;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <div className="app-title">
          <span className="app-name">Community Safety Workbench</span>
          {workspace ? (
            <span className="app-workspace" data-testid="open-workspace">
              {workspace.name} <span className="app-file">({workspace.fileName})</span>
            </span>
          ) : null}
        </div>
        {workspace ? <MarkingBanner marking={workspace.marking} /> : null}
      </header>
      <div className="app-body">
        <WorkflowNav current={screen} onSelect={goTo} hasWorkspace={workspace !== null} />
        <main id="main" className="app-main" tabIndex={-1}>
          <h1 ref={headingRef} tabIndex={-1}>
            {current.title}
          </h1>
          <p className="lede">{current.purpose}</p>
          <AppAlert problem={problem} onDismiss={() => setProblem(null)} />
          {!loaded ? (
            <p role="status">Loading…</p>
          ) : screen === 'partnership' ? (
            <PartnershipScreen key={generation} workspace={workspace} onWorkspaceSwitched={switchWorkspace} />
          ) : screen === 'data' && workspace ? (
            <DataScreen key={generation} />
          ) : screen === 'analysis' && workspace ? (
            <AnalysisScreen key={generation} onGoTo={goTo} />
          ) : screen === 'matrix' && workspace ? (
            <MatrixScreen key={generation} onGoTo={goTo} />
          ) : screen === 'priorities' && workspace ? (
            <PrioritiesScreen key={generation} onGoTo={goTo} />
          ) : screen === 'export' && workspace ? (
            <ExportScreen key={generation} />
          ) : (
            <UpcomingScreen screen={current} hasWorkspace={workspace !== null} onGoTo={goTo} />
          )}
        </main>
      </div>
    </div>
  );
}
