import { useState } from 'react';
import type { AssessmentPeriods } from '../../../shared/statistics';
import { describePeriod } from '../../../shared/statistics';
import { matrixTemplates, type MatrixTemplateId } from '../../../shared/matrix';

interface TemplateChoiceProps {
  template: MatrixTemplateId;
  periods: AssessmentPeriods;
  /** Switches template; resolves once the matrix shown is the chosen one (or the switch failed). */
  onChoose(template: MatrixTemplateId): Promise<void>;
}

/** Which of the three shipped matrices scores the assessment, and the periods it reads. */
export function TemplateChoice({ template, periods, onChoose }: TemplateChoiceProps) {
  // The analyst's choice shows at once, while the service switches the matrix.
  const [choosing, setChoosing] = useState<MatrixTemplateId | null>(null);
  const [status, setStatus] = useState('');

  function choose(next: MatrixTemplateId) {
    setChoosing(next);
    setStatus('Switching the matrix…');
    void onChoose(next).finally(() => {
      setChoosing(null);
      setStatus('');
    });
  }

  const shown = choosing ?? template;
  return (
    <section className="panel" aria-labelledby="matrix-template-heading">
      <h2 id="matrix-template-heading">Template</h2>
      <fieldset className="field">
        <legend>Which matrix scores the offence types?</legend>
        {matrixTemplates.map((entry) => (
          <div className="radio" key={entry.id}>
            <input
              type="radio"
              id={`matrix-template-${entry.id}`}
              name="matrix-template"
              value={entry.id}
              checked={shown === entry.id}
              onChange={() => choose(entry.id)}
              aria-describedby={`matrix-template-${entry.id}-hint`}
            />
            <label htmlFor={`matrix-template-${entry.id}`}>{entry.name}</label>
            <p className="hint radio-hint" id={`matrix-template-${entry.id}-hint`}>
              {entry.summary}
            </p>
          </div>
        ))}
      </fieldset>
      <dl className="summary-list matrix-periods">
        <div>
          <dt>Assessment period</dt>
          <dd data-testid="matrix-current-period">{describePeriod(periods.current)}</dd>
        </div>
        <div>
          <dt>Compared with</dt>
          <dd>{describePeriod(periods.comparison)}</dd>
        </div>
      </dl>
      <p role="status" className="status-message">
        {status}
      </p>
      <p className="hint">Each template keeps its own weights and thresholds; judgements are shared by all three. The periods are set on the Analysis screen.</p>
    </section>
  );
}
