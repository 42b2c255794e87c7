import { useState } from 'react';
import { FactorsPanel } from './FactorsPanel';
import { MatrixSectionNav, SideRanking, type MatrixSectionId } from './MatrixSections';
import { PeersPanel } from './PeersPanel';
import { RiskGridPanel } from './RiskGridPanel';
import { JudgementsPanel } from './JudgementsPanel';
import { RankingPanel } from './RankingPanel';
import { RunsPanel } from './RunsPanel';
import { SensitivityPanel } from './SensitivityPanel';
import { TemplateChoice } from './TemplateChoice';
import { useMatrix } from './useMatrix';
import './matrix.css';
import type { ScreenId } from '../screens/screens';

/**
 * The Matrix step (brief §4 "Score"): choose a template, edit its factors, weights and
 * thresholds with the ranking re-scored at once, record judgements, test how stable the
 * ranking is, and freeze and compare runs.
 */
export function MatrixScreen({ onGoTo }: { onGoTo(screen: ScreenId): void }) {
  const matrix = useMatrix();
  const { state } = matrix;
  const [section, setSection] = useState<MatrixSectionId>('ranking');

  if (matrix.loadError) {
    return (
      <div className="error-summary" role="alert">
        <h2 className="error-summary-title">The matrix could not be loaded</h2>
        <p>{matrix.loadError}</p>
      </div>
    );
  }
  if (!state) return <p role="status">Loading the matrix…</p>;

  const empty = state.offences.length === 0;
  // The ranking stays in view beside the parts that change it.
  const withSide = !empty && (section === 'factors' || section === 'judgements');
  const shown = (id: MatrixSectionId) => section === id;

  return (
    <div className="stack matrix-screen">
      <MatrixSectionNav current={section} onChoose={setSection} />
      <div className={withSide ? 'matrix-with-side' : undefined}>
        <div className="stack">
          <div className="stack" id="matrix-section-factors" hidden={!shown('factors')}>
            <TemplateChoice template={state.template} periods={state.periods} onChoose={matrix.chooseTemplate} />
            <FactorsPanel
              state={state}
              weightDrafts={matrix.weightDrafts}
              weightErrors={matrix.weightErrors}
              thresholdErrors={matrix.thresholdErrors}
              status={matrix.factorStatus}
              onEditWeight={matrix.editWeight}
              onCommitWeight={matrix.commitWeight}
              onSaveThresholds={(factor, text) => void matrix.saveThresholds(factor, text)}
              onReset={matrix.reset}
            />
            <PeersPanel state={state} onSave={matrix.setPeers} />
          </div>
          {empty ? (
            <section className="empty-state" aria-labelledby="matrix-empty-heading" data-testid="matrix-empty">
              <h2 id="matrix-empty-heading">Nothing to score yet</h2>
              <p>
                No offence type has figures for the whole assessment period. Import data on the Data screen first, and check the periods on the
                Analysis screen.
              </p>
              <div className="actions">
                <button type="button" className="button" onClick={() => onGoTo('data')}>
                  Go to Data
                </button>
                <button type="button" className="button button-secondary" onClick={() => onGoTo('analysis')}>
                  Go to Analysis
                </button>
              </div>
            </section>
          ) : (
            <>
              <div className="stack" id="matrix-section-ranking" hidden={!shown('ranking')}>
                <RankingPanel state={state} />
                <RiskGridPanel state={state} />
              </div>
              <div id="matrix-section-judgements" hidden={!shown('judgements')}>
                <JudgementsPanel state={state} onJudge={matrix.judge} onUnjudge={matrix.unjudge} />
              </div>
              <div id="matrix-section-sensitivity" hidden={!shown('sensitivity')}>
                <SensitivityPanel state={state} />
              </div>
              <div id="matrix-section-runs" hidden={!shown('runs')}>
                <RunsPanel state={state} flush={matrix.flush} />
              </div>
            </>
          )}
        </div>
        {withSide ? <SideRanking state={state} /> : null}
      </div>
    </div>
  );
}
