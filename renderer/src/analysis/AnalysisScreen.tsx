import './analysis.css';
import { useRef, useState } from 'react';
import type { AnalysisView, OffenceAnalysis } from '../../../shared/domain/analysis';
import { ErrorSummary } from '../components/ErrorSummary';
import { OffenceDetail } from './OffenceDetail';
import { OffenceTable } from './OffenceTable';
import { SettingsPanel } from './SettingsPanel';
import { useAnalysis } from './useAnalysis';
import type { ScreenId } from '../screens/screens';

/** The Analysis step: counts, rates, change with its significance, trends and charts per offence type. */
export function AnalysisScreen({ onGoTo }: { onGoTo(screen: ScreenId): void }) {
  const { state, retry, replace } = useAnalysis();

  if (state.status === 'loading') {
    return (
      <p role="status" className="analysis-loading">
        Loading the figures…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="analysis-screen">
        <ErrorSummary errors={[{ fieldId: null, message: `The figures could not be worked out: ${state.message}` }]} />
        <button type="button" className="button button-secondary" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return <AnalysisFigures view={state.view} onViewChange={replace} onGoTo={onGoTo} />;
}

function AnalysisFigures({ view, onViewChange, onGoTo }: { view: AnalysisView; onViewChange(view: AnalysisView): void; onGoTo(screen: ScreenId): void }) {
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const selected = view.offences.find((offence) => offence.key === selectedKey) ?? null;

  function showCharts(key: string) {
    setSelectedKey(key);
    // Taking focus to the figures tells keyboard and screen-reader users where they went.
    requestAnimationFrame(() => detailHeading.current?.focus());
  }

  return (
    <div className="stack analysis-screen">
      {view.offences.length === 0 ? <NoFigures onGoTo={onGoTo} /> : null}
      <SettingsPanel settings={view.settings} onViewChange={onViewChange} areaNotice={areaNotice(view.offences)} />
      {view.outsidePeriods.length > 0 ? (
        <p className="analysis-outside" data-testid="outside-periods">
          Not shown, as all their figures lie outside the three years up to the assessment period’s end: {view.outsidePeriods.join(', ')}.
        </p>
      ) : null}
      {view.offences.length > 0 ? (
        <OffenceTable offences={view.offences} periods={view.settings.periods} selectedKey={selected?.key ?? null} onShowCharts={showCharts} />
      ) : null}
      {selected ? <OffenceDetail offence={selected} offences={view.offences} headingRef={detailHeading} onChoose={setSelectedKey} /> : null}
    </div>
  );
}

/**
 * Which figures are for an area other than the partnership's: a force area's counts read as the
 * partnership's own would mislead every ranking built on them.
 */
function areaNotice(offences: readonly OffenceAnalysis[]) {
  const groups = new Map<string, string[]>();
  for (const offence of offences) {
    if (offence.source.where.relation === 'partnership') continue;
    groups.set(offence.source.where.phrase, [...(groups.get(offence.source.where.phrase) ?? []), offence.label]);
  }
  if (groups.size === 0) return null;
  return (
    <div className="analysis-area-notice" role="note" data-testid="area-notice">
      {[...groups].map(([phrase, labels]) => (
        <p key={phrase}>
          <strong>Figures for the {phrase}:</strong>{' '}
          {labels.length === offences.length ? 'every offence type here' : `${labels.length} of the ${offences.length} offence types here`}, rated by the ONS
          estimate of that area’s population; the partnership’s own figures use the population above. The documents say so beside the figures.
        </p>
      ))}
    </div>
  );
}

function NoFigures({ onGoTo }: { onGoTo(screen: ScreenId): void }) {
  return (
    <div className="empty-state" data-testid="analysis-empty">
      <h2>No figures yet</h2>
      <p>Import data on the Data screen first. Each offence type and indicator in the data for the partnership’s area will then be shown here.</p>
      <button type="button" className="button" onClick={() => onGoTo('data')}>
        Go to Data
      </button>
    </div>
  );
}
