import type { ReactNode } from 'react';
import type { z } from 'zod';
import type { AnalysisSettings, AnalysisView, DenominatorFigure } from '../../../shared/domain/analysis';
import { describePeriod } from '../../../shared/statistics/periods';
import { ErrorSummary } from '../components/ErrorSummary';
import { useSchemaForm } from '../components/useSchemaForm';
import { formatCount, formatYearMonth } from '../../../shared/format';
import { DenominatorsForm } from './DenominatorsForm';
import { PeriodsForm } from './PeriodsForm';
import type { SettingsSubmission } from './settings-submission';

interface SettingsPanelProps {
  settings: AnalysisSettings;
  /** Which figures are for a wider area than the partnership's, said where the populations are. */
  areaNotice?: ReactNode;
  onViewChange(view: AnalysisView): void;
}

function periodsBasis(settings: AnalysisSettings): string {
  if (settings.periodsChosen) return 'Chosen for this assessment.';
  const latest = settings.latestCompleteMonth ? ` (to ${formatYearMonth(settings.latestCompleteMonth)})` : '';
  return `The default: the latest 12 complete months${latest} and the 12 before.`;
}

function DenominatorValue({ figure }: { figure: DenominatorFigure }) {
  return (
    <>
      {figure.value === null ? 'Not known' : formatCount(figure.value)}
      <span className="cell-note">{figure.source === 'not given' ? 'Not given' : capitalise(figure.source)}</span>
    </>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The periods and denominators every figure depends on, in words, with forms to change them. */
export function SettingsPanel({ settings, onViewChange, areaNotice }: SettingsPanelProps) {
  const form = useSchemaForm();
  const { current, comparison } = settings.periods;
  // A new key after each save starts the forms again from what was saved.
  const formKey = `${current.from}-${current.to}-${comparison.from}-${comparison.to}-${settings.population.value}-${settings.households.value}`;

  /** Sends one of the forms below: the figures are worked out again, and shown. */
  function save<S extends z.ZodType>({ saved, ...submission }: SettingsSubmission<S>) {
    void form.submit({
      ...submission,
      pending: 'Working out the figures…',
      done: onViewChange,
      message: saved,
    });
  }

  return (
    <section className="panel" aria-labelledby="analysis-settings-heading">
      <h2 id="analysis-settings-heading">Periods and denominators</h2>
      <dl className="summary-list analysis-settings">
        <div>
          <dt>Assessment period</dt>
          <dd data-testid="current-period">{describePeriod(current)}</dd>
        </div>
        <div>
          <dt>Comparison period</dt>
          <dd data-testid="comparison-period">{describePeriod(comparison)}</dd>
        </div>
        <div>
          <dt>Periods</dt>
          <dd data-testid="periods-basis">{periodsBasis(settings)}</dd>
        </div>
        <div>
          <dt>Population</dt>
          <dd data-testid="population">
            <DenominatorValue figure={settings.population} />
          </dd>
        </div>
        <div>
          <dt>Households</dt>
          <dd data-testid="households">
            <DenominatorValue figure={settings.households} />
          </dd>
        </div>
      </dl>
      {areaNotice ?? (
        <p className="footnote">Each type’s rate uses the population of the area its figures cover: this one for the partnership’s own area.</p>
      )}
      <p role="status" className="status-message" data-testid="settings-status">
        {form.status}
      </p>
      <ErrorSummary errors={form.errors} />
      <details className="analysis-change">
        <summary>Change the periods, population or households</summary>
        <div className="analysis-forms" key={formKey}>
          <PeriodsForm periods={settings.periods} errorFor={form.errorFor} busy={form.busy} onSave={save} />
          <DenominatorsForm settings={settings} errorFor={form.errorFor} busy={form.busy} onSave={save} />
        </div>
      </details>
    </section>
  );
}
