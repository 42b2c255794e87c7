import { useRef } from 'react';
import type { MatrixState } from '../../../shared/domain/analysis';
import type { FactorDefinition } from '../../../shared/matrix';
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  const edited = new Set([...state.edited, ...factorsChangedFromTemplate(state.definition)]);
  const top = state.ranking.slice(0, 4);

  async function reset(factor: FactorDefinition | null) {
    if (!(await onReset(factor?.id ?? null))) return;
    // The Reset button goes once nothing is edited, so focus moves to what was reset.
    requestAnimationFrame(() => {
      if (!factor) headingRef.current?.focus();
      else document.getElementById(factor.role === 'beside' ? thresholdsInputId(factor.id) : weightInputId(factor.id))?.focus();
    });
  }

  return (
    <section className="panel" aria-labelledby="matrix-factors-heading">
      <h2 id="matrix-factors-heading" ref={headingRef} tabIndex={-1}>
        Factors, weights and thresholds
      </h2>
      <p>
        {state.definition.name}: each factor scores every offence type from 1 to {scaleOf(state)}. Change a weight and the ranking below
        changes at once; it is saved in this workspace as you go. Set a weight to 0 to leave a factor out.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-factors-caption">
        <table className="table table-compact matrix-factors" data-testid="factor-table">
          <caption id="matrix-factors-caption" className="caption">
            Factors of the {state.definition.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Reads, and where it counts</th>
              <th scope="col">Weight</th>
              <th scope="col">Thresholds</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.definition.factors.map((factor) => (
              <FactorRow {...props} key={factor.id} factor={factor} edited={edited.has(factor.id)} onReset={() => void reset(factor)} />
            ))}
          </tbody>
        </table>
      </div>
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

interface FactorRowProps extends Omit<FactorsPanelProps, 'onReset' | 'state' | 'status'> {
  factor: FactorDefinition;
  edited: boolean;
  onReset(): void;
}

function FactorRow({ factor, edited, weightDrafts, weightErrors, thresholdErrors, onEditWeight, onCommitWeight, onSaveThresholds, onReset }: FactorRowProps) {
  const name = shortLabel(factor);
  return (
    <tr data-testid="factor-row">
      <th scope="row" className="matrix-factor-name">
        {factor.label}
        <details className="matrix-about">
          <summary>
            How it scores<span className="visually-hidden"> ({name})</span>
          </summary>
          <p>{factor.description}</p>
        </details>
      </th>
      <td className="wrap">
        {readsText(factor)}
        <span className="cell-note">{roleText(factor)}</span>
      </td>
      <td>
        {factor.role === 'beside' ? (
          <span className="muted">Not counted</span>
        ) : (
          <WeightInput
            factor={factor}
            draft={weightDrafts[factor.id]}
            error={weightErrors[factor.id]}
            onEdit={(text) => onEditWeight(factor.id, text)}
            onCommit={() => onCommitWeight(factor.id)}
          />
        )}
      </td>
      <td>
        <ThresholdsForm
          key={thresholdsText(factor.thresholds)}
          factor={factor}
          error={thresholdErrors[factor.id]}
          onSave={(text) => onSaveThresholds(factor.id, text)}
        />
      </td>
      <td className="row-actions">
        {edited ? (
          <>
            <span className="matrix-edited" data-testid="edited-marker">
              Edited
            </span>
            <RowButton action="Reset" subject={name} onClick={onReset} />
          </>
        ) : null}
      </td>
    </tr>
  );
}
