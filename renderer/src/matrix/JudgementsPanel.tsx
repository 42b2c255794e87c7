import { useState } from 'react';
import type { JudgementInput, MatrixState } from '../../../shared/domain/analysis';
import type { FactorDefinition, Judgement } from '../../../shared/matrix';
import type { Result } from '../../../shared/result';
import { DataTable } from '../components/DataTable';
import { RowButton } from '../components/RowActions';
import { describeJudgement, notJudgedText } from './judgement-scale';
import { JudgementForm } from './JudgementForm';
import { formatScore, shortLabel } from './matrix-format';

interface JudgementsPanelProps {
  state: MatrixState;
  onJudge(judgement: JudgementInput): Promise<Result<MatrixState>>;
  onUnjudge(factor: string, offenceKey: string): Promise<Result<MatrixState>>;
}

const byLabel = new Intl.Collator('en-GB');
const judgeButtonId = (key: string) => `judge-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;

/**
 * The analyst's judgements, per offence type and judged factor. Listed by name rather than by
 * rank, so a row stays put when its new judgement moves it up or down the ranking.
 */
export function JudgementsPanel({ state, onJudge, onUnjudge }: JudgementsPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const judged = state.definition.factors.filter((factor) => factor.kind === 'judgement');
  const offences = [...state.ranking].sort((a, b) => byLabel.compare(a.label, b.label));
  const recordedFor = (key: string) => state.judgements.filter((judgement) => judgement.offenceKey === key);

  function close(offence: { key: string; label: string }, saved: { factor: string; removed: boolean; state: MatrixState } | null) {
    setEditing(null);
    if (saved) {
      const factor = judged.find((candidate) => candidate.id === saved.factor);
      const row = saved.state.ranking.find((candidate) => candidate.key === offence.key);
      const now = row ? ` ${offence.label} is now ranked ${row.rank} of ${saved.state.ranking.length}, with a score of ${formatScore(row.score)}.` : '';
      setStatus(`${saved.removed ? 'Removed' : 'Saved'} the judgement of ${factor ? shortLabel(factor) : saved.factor} for ${offence.label}.${now}`);
    }
    requestAnimationFrame(() => document.getElementById(judgeButtonId(offence.key))?.focus());
  }

  return (
    <section className="panel" aria-labelledby="matrix-judgements-heading">
      <h2 id="matrix-judgements-heading">Judgements</h2>
      <p>
        Factors the data cannot measure are judged by the analyst from 1 to 5, each with a written rationale: {judged.map(shortLabel).join(', ').toLowerCase()}.
        A type without a judgement takes the default the working shows.
      </p>
      <DataTable
        caption="Judgements by offence type, in alphabetical order"
        captionShown
        scroll
        compact
        className="matrix-judgements"
        testId="judgement-table"
        rows={offences}
        rowKey={(offence) => offence.key}
        rowTestId="judgement-row"
        columns={[
          { id: 'offence', header: 'Offence type', rowHeader: true, cell: (offence) => offence.label },
          { id: 'judgements', header: 'Judgements and rationale', className: 'wrap', cell: (offence) => <JudgementList factors={judged} judgements={recordedFor(offence.key)} /> },
          {
            id: 'actions',
            header: 'Actions',
            headerHidden: true,
            className: 'row-actions',
            cell: (offence) => (
              <RowButton
                id={judgeButtonId(offence.key)}
                action={recordedFor(offence.key).length > 0 ? 'Edit judgements' : 'Judge'}
                subject={`of ${offence.label}`}
                onClick={() => setEditing(offence.key)}
              />
            ),
          },
        ]}
        expansion={(offence) =>
          editing === offence.key
            ? {
                className: 'matrix-editor-row',
                cellClassName: 'wrap',
                content: (
                  <JudgementForm
                    offence={offence}
                    factors={judged}
                    judgements={recordedFor(offence.key)}
                    onSave={onJudge}
                    onRemove={(factor) => onUnjudge(factor, offence.key)}
                    onClose={(saved) => close(offence, saved)}
                  />
                ),
              }
            : null
        }
      />
      <p role="status" className="status-message" data-testid="judgement-status">
        {status}
      </p>
    </section>
  );
}

/** Each judgement with its rationale; beside-the-score factors nobody has graded share one line. */
function JudgementList({ factors, judgements }: { factors: FactorDefinition[]; judgements: Judgement[] }) {
  const judgementOf = (factor: FactorDefinition) => judgements.find((candidate) => candidate.factor === factor.id);
  const listed = factors.filter((factor) => factor.role !== 'beside' || judgementOf(factor));
  const ungraded = factors.filter((factor) => factor.role === 'beside' && !judgementOf(factor));
  return (
    <>
      <dl className="matrix-judgement-list">
        {listed.map((factor) => {
          const judgement = judgementOf(factor);
          return (
            <div key={factor.id}>
              <dt>{shortLabel(factor)}</dt>
              <dd>
                {judgement ? (
                  <>
                    <span className="matrix-judgement-score">{describeJudgement(factor.id, judgement.score)}</span>
                    <span className="cell-note">{judgement.rationale}</span>
                  </>
                ) : (
                  <span className="muted">{notJudgedText(factor)}</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {ungraded.length > 0 ? <p className="cell-note matrix-ungraded">Not graded: {ungraded.map(shortLabel).join(', ')}.</p> : null}
    </>
  );
}
