import type { AnalysisView } from '../../../shared/domain/analysis';
import { workbench } from '../api';
import { useQuery } from '../data-access/useQuery';

export type AnalysisState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; view: AnalysisView };

/**
 * The workspace's analysis: loaded once, loaded again when the data or the settings change
 * (data-access/invalidations.ts), and replaced by what each change of settings answers.
 */
export function useAnalysis() {
  const analysis = useQuery(['analysis'], () => workbench.analysis.show());
  const state: AnalysisState =
    analysis.status === 'ready'
      ? { status: 'ready', view: analysis.data! }
      : analysis.status === 'failed'
        ? { status: 'failed', message: analysis.error! }
        : { status: 'loading' };
  return { state, retry: analysis.reload, replace: analysis.set };
}
