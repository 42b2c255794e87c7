import { useCallback, useEffect, useState } from 'react';
import type { AnalysisView } from '../../../shared/domain/analysis';
import { workbench } from '../api';

export type AnalysisState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; view: AnalysisView };

/** The workspace's analysis, loaded once and replaced by what each change of settings returns. */
export function useAnalysis() {
  const [state, setState] = useState<AnalysisState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void workbench.analysis.show().then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', view: result.value } : { status: 'failed', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((value) => value + 1);
  }, []);

  const replace = useCallback((view: AnalysisView) => setState({ status: 'ready', view }), []);

  return { state, retry, replace };
}
