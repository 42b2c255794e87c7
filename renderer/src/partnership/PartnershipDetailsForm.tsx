import { useState, type FormEvent } from 'react';
import { PartnershipDetails, type Partnership, type ProtectiveMarking } from '../../../shared/domain/partnership';
import { workbench } from '../api';
import { ErrorSummary } from '../components/ErrorSummary';
import { MarkingChoice } from '../components/MarkingChoice';
import { TextField } from '../components/TextField';
import { useSchemaForm } from '../components/useSchemaForm';
import { formatYearMonth } from '../../../shared/format';

const fieldIds = {
  name: 'details-name',
  area: 'details-area',
  'period.from': 'details-period-from',
  'period.to': 'details-period-to',
  period: 'details-period-from',
};

interface PartnershipDetailsFormProps {
  partnership: Partnership;
  onSaved(partnership: Partnership): void;
}

export function PartnershipDetailsForm({ partnership, onSaved }: PartnershipDetailsFormProps) {
  const [name, setName] = useState(partnership.name);
  const [area, setArea] = useState(partnership.area ?? '');
  const [marking, setMarking] = useState<ProtectiveMarking>(partnership.marking);
  const [from, setFrom] = useState(partnership.period?.from ?? '');
  const [to, setTo] = useState(partnership.period?.to ?? '');
  const form = useSchemaForm();

  function save(event: FormEvent) {
    event.preventDefault();
    void form.submit({
      schema: PartnershipDetails,
      values: { name, area, marking, period: from || to ? { from, to } : null },
      fieldIds,
      call: (details) => workbench.partnership.set(details),
      done: onSaved,
      message: () => 'Partnership details saved.',
    });
  }

  return (
    <section className="panel" aria-labelledby="details-heading">
      <h2 id="details-heading">Partnership details</h2>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={save} noValidate>
        <div className="field-row">
          <TextField
            id={fieldIds.name}
            label="Partnership name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={form.errorFor(fieldIds.name)}
            autoComplete="off"
          />
          <TextField
            id={fieldIds.area}
            label="Area"
            value={area}
            onChange={(event) => setArea(event.target.value)}
            error={form.errorFor(fieldIds.area)}
            autoComplete="off"
          />
        </div>
        <fieldset className="field">
          <legend>Assessment period</legend>
          <p className="hint">
            The whole months the strategic assessment covers, for example April 2018 to March 2019.
            {partnership.period
              ? ` Currently ${formatYearMonth(partnership.period.from)} to ${formatYearMonth(partnership.period.to)}.`
              : ' Not set yet.'}
          </p>
          <div className="field-row">
            <TextField
              id={fieldIds['period.from']}
              label="First month"
              type="month"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              error={form.errorFor(fieldIds['period.from'])}
            />
            <TextField
              id={fieldIds['period.to']}
              label="Last month"
              type="month"
              value={to}
              onChange={(event) => setTo(event.target.value)}
              error={form.errorFor(fieldIds['period.to'])}
            />
          </div>
        </fieldset>
        <MarkingChoice name="details-marking" value={marking} onChange={setMarking} />
        <div className="actions">
          <button type="submit" className="button">
            Save details
          </button>
          <p role="status" className="status-message">
            {form.status}
          </p>
        </div>
      </form>
    </section>
  );
}
