import { useState, type ChangeEvent, type FormEvent } from 'react';
import { DenominatorsInput, type AnalysisSettings, type DenominatorFigure } from '../../../shared/domain/analysis';
import { workbench } from '../api';
import type { FieldError } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import type { SaveSettings } from './settings-submission';

const fieldIds = { population: 'denominator-population', households: 'denominator-households' };

interface NumberText {
  text: string;
  /** The browser could not read what was typed as a number ("190,470" in a number box). */
  unreadable: boolean;
}

const enteredByHand = (figure: DenominatorFigure): NumberText => ({
  text: figure.source === 'entered by hand' && figure.value !== null ? String(figure.value) : '',
  unreadable: false,
});

const fromInput = (event: ChangeEvent<HTMLInputElement>): NumberText => ({ text: event.target.value, unreadable: event.target.validity.badInput });

interface DenominatorsFormProps {
  settings: AnalysisSettings;
  errorFor(fieldId: string): string | undefined;
  busy: boolean;
  onSave: SaveSettings;
}

/** Residents and households by hand; blank population means the ONS estimate, blank households not known. */
export function DenominatorsForm({ settings, errorFor, busy, onSave }: DenominatorsFormProps) {
  const [population, setPopulation] = useState(() => enteredByHand(settings.population));
  const [households, setHouseholds] = useState(() => enteredByHand(settings.households));

  function save(event: FormEvent) {
    event.preventDefault();
    onSave({
      schema: DenominatorsInput,
      // A number box the browser could not read holds '': the schema would take it for blank.
      check: (): FieldError[] => [
        ...(population.unreadable ? [{ fieldId: fieldIds.population, message: 'Give the population as a whole number, such as 190470.' }] : []),
        ...(households.unreadable ? [{ fieldId: fieldIds.households, message: 'Give the households as a whole number, such as 81200.' }] : []),
      ],
      values: {
        population: population.text === '' ? null : Number(population.text),
        households: households.text === '' ? null : Number(households.text),
      },
      fieldIds,
      call: (denominators) => workbench.analysis.setDenominators(denominators),
      saved: () => 'Saved the population and households; the rates are worked out again.',
    });
  }

  return (
    <form onSubmit={save} noValidate>
      <h3 id="denominators-form-heading">Change the population or households</h3>
      <div className="field-row">
        <TextField
          id={fieldIds.population}
          label="Population (residents)"
          hint="Leave blank to use the ONS mid-year estimate for the area of each source."
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={population.text}
          onChange={(event) => setPopulation(fromInput(event))}
          error={errorFor(fieldIds.population)}
        />
        <TextField
          id={fieldIds.households}
          label="Households"
          hint="Residential burglary is per 1,000 households. Leave blank if not known."
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={households.text}
          onChange={(event) => setHouseholds(fromInput(event))}
          error={errorFor(fieldIds.households)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Save population and households
        </button>
      </div>
    </form>
  );
}
