import { useState, type FormEvent } from 'react';
import { PeriodsInput, type AnalysisView } from '../../../shared/domain/analysis';
import { describePeriod, type AssessmentPeriods } from '../../../shared/statistics/periods';
import { workbench } from '../api';
import type { FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import type { SaveSettings } from './settings-submission';

const fieldIds = {
  'current.from': 'periods-current-from',
  'current.to': 'periods-current-to',
  current: 'periods-current-from',
  'comparison.from': 'periods-comparison-from',
  'comparison.to': 'periods-comparison-to',
  comparison: 'periods-comparison-from',
};

interface PeriodsFormProps {
  periods: AssessmentPeriods;
  errorFor(fieldId: string): string | undefined;
  busy: boolean;
  onSave: SaveSettings;
}

type Months = { from: string; to: string };

const describePeriods = (view: AnalysisView) =>
  `${describePeriod(view.settings.periods.current)} is now compared with ${describePeriod(view.settings.periods.comparison)}.`;

/** Blank months get a message that says what to give, rather than the format's. */
function blankMonthErrors(current: Months, comparison: Months): FieldError[] {
  const errors: FieldError[] = [];
  if (!current.from) errors.push({ fieldId: fieldIds['current.from'], message: 'Give the first month of the assessment period.' });
  if (!current.to) errors.push({ fieldId: fieldIds['current.to'], message: 'Give the last month of the assessment period.' });
  if (comparison.to && !comparison.from) {
    errors.push({ fieldId: fieldIds['comparison.from'], message: 'Give the first month of the comparison period, or leave both of its months blank.' });
  }
  if (comparison.from && !comparison.to) {
    errors.push({ fieldId: fieldIds['comparison.to'], message: 'Give the last month of the comparison period, or leave both of its months blank.' });
  }
  return errors;
}

/** The assessment and comparison periods, as months; a blank comparison is the same length just before. */
export function PeriodsForm({ periods, errorFor, busy, onSave }: PeriodsFormProps) {
  const [current, setCurrent] = useState<Months>(periods.current);
  const [comparison, setComparison] = useState<Months>(periods.comparison);

  function save(event: FormEvent) {
    event.preventDefault();
    onSave({
      schema: PeriodsInput,
      check: () => blankMonthErrors(current, comparison),
      values: { current, comparison: comparison.from || comparison.to ? comparison : null },
      fieldIds,
      call: (chosen) => workbench.analysis.setPeriods({ periods: chosen }),
      saved: (view) => `Saved the periods. ${describePeriods(view)}`,
    });
  }

  function chooseDefault() {
    onSave({
      schema: PeriodsInput,
      values: null,
      call: () => workbench.analysis.setPeriods({ periods: null }),
      saved: (view) => `Using the default periods. ${describePeriods(view)}`,
    });
  }

  return (
    <form onSubmit={save} noValidate>
      <h3 id="periods-form-heading">Change the periods</h3>
      <div className="field-row">
        <TextField
          id={fieldIds['current.from']}
          label="Assessment period from"
          type="month"
          value={current.from}
          onChange={(event) => setCurrent({ ...current, from: event.target.value })}
          error={errorFor(fieldIds['current.from'])}
        />
        <TextField
          id={fieldIds['current.to']}
          label="Assessment period to"
          type="month"
          value={current.to}
          onChange={(event) => setCurrent({ ...current, to: event.target.value })}
          error={errorFor(fieldIds['current.to'])}
        />
      </div>
      <p className="hint" id="periods-comparison-hint">
        Leave both comparison months blank to compare with the same length of time just before the assessment period.
      </p>
      <div className="field-row">
        <TextField
          id={fieldIds['comparison.from']}
          label="Comparison period from"
          type="month"
          value={comparison.from}
          onChange={(event) => setComparison({ ...comparison, from: event.target.value })}
          error={errorFor(fieldIds['comparison.from'])}
        />
        <TextField
          id={fieldIds['comparison.to']}
          label="Comparison period to"
          type="month"
          value={comparison.to}
          onChange={(event) => setComparison({ ...comparison, to: event.target.value })}
          error={errorFor(fieldIds['comparison.to'])}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Save periods
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={chooseDefault}>
          Use the default periods
        </button>
      </div>
    </form>
  );
}
