import type { ColumnMapping, MappableField } from '../../../shared/domain/dataset';
import { Field } from '../components/Field';

const fieldLabels: Record<MappableField, { label: string; hint: string; required: boolean }> = {
  offence: { label: 'Offence or indicator', hint: 'The offence name, Home Office code or category.', required: true },
  period: { label: 'Date or period', hint: 'A date (DD/MM/YYYY), a month, a quarter or a financial year.', required: true },
  count: { label: 'Count', hint: 'Leave as “None” when each row is one incident.', required: false },
  area: { label: 'Area', hint: 'The area each row is about, if the file covers several.', required: false },
  identifier: { label: 'Identifier', hint: 'A crime or incident reference, used to find duplicates.', required: false },
};

interface ColumnMappingFormProps {
  header: string[];
  mapping: Partial<ColumnMapping>;
  onChange(mapping: Partial<ColumnMapping>): void;
  errors: Partial<Record<MappableField, string>>;
}

/** The column-mapping step: which column feeds which field, for a layout the app does not know. */
export function ColumnMappingForm({ header, mapping, onChange, errors }: ColumnMappingFormProps) {
  const columns = header.filter((name) => name.trim() !== '');
  return (
    <fieldset className="field mapping">
      <legend>Map the columns</legend>
      <p className="hint">The workbench remembers this mapping for the partner and offers it next time.</p>
      <div className="mapping-grid">
        {(Object.keys(fieldLabels) as MappableField[]).map((field) => {
          const info = fieldLabels[field];
          const id = `mapping-${field}`;
          const error = errors[field];
          return (
            <Field key={field} id={id} label={`${info.label}${info.required ? '' : ' (optional)'}`} hint={info.hint} error={error}>
              {(describedBy) => (
                <select
                  id={id}
                  value={mapping[field] ?? ''}
                  aria-describedby={describedBy}
                  onChange={(event) => onChange({ ...mapping, [field]: event.target.value || null })}
                >
                  <option value="">{info.required ? 'Choose a column' : 'None'}</option>
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
