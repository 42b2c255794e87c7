import type { MatrixState } from '../../../shared/domain/analysis';
import type { FactorDefinition } from '../../../shared/matrix';
import { DataTable, type Column } from '../components/DataTable';
import { RowButton } from '../components/RowActions';
import { factorsChangedFromTemplate, readsText, roleText, shortLabel, thresholdsText } from './matrix-format';
import { ThresholdsForm, thresholdsInputId } from './ThresholdsForm';
import type { FieldMessages } from './useMatrix';
import { WeightInput, weightInputId } from './WeightInput';

interface FactorsPanelProps {
  state: MatrixState;
  weightDrafts: FieldMessages;
  weightErrors: FieldMessages;
  thresholdErrors: FieldMessages;
  status: string;
  onEditWeight(factorId: string, text: string): void;
  onCommitWeight(factorId: string): void;
  onSaveThresholds(factorId: string, text: string): void;
  onReset(factorId: string | null): Promise<boolean>;
}

/** Every factor of the matrix with its weight and thresholds, editable, with what differs from the template marked. */
export function FactorsPanel(props: FactorsPanelProps) {
  const { state, status, onReset } = props;
  const edited = new Set([...state.edited, ...factorsChangedFromTemplate(state.definition)]);
  const top = state.ranking.slice(0, 4);

  async function reset(factor: FactorDefinition | null) {
    if (!(await onReset(factor?.id ?? null))) return;
    // The Reset button goes once nothing is edited, so focus moves to what was reset.
    requestAnimationFrame(() => {
      if (!factor) document.getElementById('matrix-factors-heading')?.focus();
      else document.getElementById(factor.role === 'beside' ? thresholdsInputId(factor.id) : weightInputId(factor.id))?.focus();
    });
  }

  return (
    <section className="panel" aria-labelledby="matrix-factors-heading">
      <h2 id="matrix-factors-heading" tabIndex={-1}>
        Factors, weights and thresholds
      </h2>
      <p>
        {state.definition.name}: each factor scores every offence type from 1 to {scaleOf(state)}. Change a weight and the ranking below
        changes at once; it is saved in this workspace as you go. Set a weight to 0 to leave a factor out.
      </p>
      <DataTable
        caption={<>Factors of the {state.definition.name}</>}
        captionShown
        scroll
        compact
        className="matrix-factors"
        testId="factor-table"
        rows={state.definition.factors}
        rowKey={(factor) => factor.id}
        rowTestId="factor-row"
        columns={factorColumns(props, edited, (factor) => void reset(factor))}
      />
      <div className="actions">
        {edited.size > 0 ? (
          <button type="button" className="button button-secondary" onClick={() => void reset(null)}>
            Reset all
          </button>
        ) : (
          <p className="muted matrix-no-margin">Every factor is as the template ships it.</p>
        )}
      </div>
      {top.length > 0 ? (
        <p className="matrix-top-now" data-testid="top-four-now">
          Top four now: {top.map((row) => `${row.rank}. ${row.label}`).join('; ')}.
        </p>
      ) : null}
      <p role="status" className="status-message" data-testid="factor-status">
        {status}
      </p>
    </section>
  );
}

const scaleOf = (state: MatrixState) => state.definition.factors.find((factor) => factor.role !== 'beside')?.scale ?? 5;

/** The factor table's columns: what each factor reads, its weight and thresholds as fields, and its reset. */
function factorColumns(props: FactorsPanelProps, edited: ReadonlySet<string>, onReset: (factor: FactorDefinition) => void): Column<FactorDefinition>[] {
  const { weightDrafts, weightErrors, thresholdErrors, onEditWeight, onCommitWeight, onSaveThresholds } = props;
  return [
    {
      id: 'factor',
      header: 'Factor',
      rowHeader: true,
      className: 'matrix-factor-name',
      cell: (factor) => (
        <>
          {factor.label}
          <details className="matrix-about">
            <summary>
              How it scores<span className="visually-hidden"> ({shortLabel(factor)})</span>
            </summary>
            <p>{factor.description}</p>
          </details>
        </>
      ),
    },
    {
      id: 'reads',
      header: 'Reads, and where it counts',
      className: 'wrap',
      cell: (factor) => (
        <>
          {readsText(factor)}
          <span className="cell-note">{roleText(factor)}</span>
        </>
      ),
    },
    {
      id: 'weight',
      header: 'Weight',
      cell: (factor) =>
        factor.role === 'beside' ? (
          <span className="muted">Not counted</span>
        ) : (
          <WeightInput
            factor={factor}
            draft={weightDrafts[factor.id]}
            error={weightErrors[factor.id]}
            onEdit={(text) => onEditWeight(factor.id, text)}
            onCommit={() => onCommitWeight(factor.id)}
          />
        ),
    },
    {
      id: 'thresholds',
      header: 'Thresholds',
      cell: (factor) => (
        <ThresholdsForm
          key={thresholdsText(factor.thresholds)}
          factor={factor}
          error={thresholdErrors[factor.id]}
          onSave={(text) => onSaveThresholds(factor.id, text)}
        />
      ),
    },
    {
      id: 'changes',
      header: 'Changes',
      headerHidden: true,
      className: 'row-actions',
      cell: (factor) =>
        edited.has(factor.id) ? (
          <>
            <span className="matrix-edited" data-testid="edited-marker">
              Edited
            </span>
            <RowButton action="Reset" subject={shortLabel(factor)} onClick={() => onReset(factor)} />
          </>
        ) : null,
    },
  ];
}
